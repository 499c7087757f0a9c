"""A local Semantic Scholar Graph API look-alike for tests and benchmarks.

A threaded ``http.server`` on 127.0.0.1 (random port) serving the endpoints the enrichment uses,
in the shapes of the real API (see ../shared/s2-samples): POST /graph/v1/paper/batch (nulls for
unknown ids), GET /paper/search/match, /paper/{id}, /paper/{id}/references and /citations
(offset/limit/next, offset+limit capped at 9,999 like the real API), POST /author/batch.
``fields`` is honoured, so a client that forgets to ask for a field does not get it.

Every request is logged (:attr:`FakeS2.log`); :attr:`FakeS2.faults` injects 429 storms, 5xx,
401, hangs, malformed JSON and dropped connections.

    with FakeS2(build_corpus(20)) as s2:
        enrich(papers, EnrichOptions(api_url=s2.url, pace=0))
        assert len(s2.log) == 23
"""

from __future__ import annotations

import difflib
import json
import random
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

OFFSET_CAP = 9999  # the real API rejects offset + limit >= 10,000
EDGE_FIELDS = {"contexts", "intents", "contextsWithIntent", "isInfluential"}


def _norm(title: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", title.lower()).split())


@dataclass
class Corpus:
    """What the fake API knows: paper and author records, reference and citation lists."""

    papers: dict[str, dict] = field(default_factory=dict)
    authors: dict[str, dict] = field(default_factory=dict)
    #: paperId -> [{"isInfluential", "intents", "paperId" of the other side}]
    references: dict[str, list[dict]] = field(default_factory=dict)
    citations: dict[str, list[dict]] = field(default_factory=dict)
    _index: dict[str, str] | None = None

    def add_paper(self, record: dict) -> dict:
        self.papers[record["paperId"]] = record
        self._index = None
        return record

    def lookup(self, ident: str) -> dict | None:
        if self._index is None:
            index = {}
            for pid, rec in self.papers.items():
                index[pid.lower()] = pid
                ext = rec.get("externalIds") or {}
                if rec.get("corpusId") is not None:
                    index[f"corpusid:{rec['corpusId']}"] = pid
                if ext.get("ArXiv"):
                    index[f"arxiv:{ext['ArXiv'].lower()}"] = pid
                if ext.get("DOI"):
                    index[f"doi:{ext['DOI'].lower()}"] = pid
            self._index = index
        pid = self._index.get(ident.strip().lower())
        return self.papers.get(pid) if pid else None


def _paper(pid: str, corpus_id: int, title: str, year: int, rng: random.Random, **extra) -> dict:
    return {
        "paperId": pid,
        "externalIds": {"CorpusId": corpus_id, **extra.pop("externalIds", {})},
        "corpusId": corpus_id,
        "url": f"https://www.semanticscholar.org/paper/{pid}",
        "title": title,
        "abstract": extra.pop("abstract", None),
        "venue": extra.pop("venue", "arXiv.org"),
        "year": year,
        "publicationDate": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "referenceCount": extra.pop("referenceCount", 0),
        "citationCount": extra.pop("citationCount", 0),
        "influentialCitationCount": extra.pop("influentialCitationCount", 0),
        "isOpenAccess": True,
        "openAccessPdf": {"url": f"https://arxiv.org/pdf/{pid[:8]}", "status": "GREEN"},
        "fieldsOfStudy": ["Computer Science"],
        "s2FieldsOfStudy": [
            {"category": "Computer Science", "source": "external"},
            {"category": "Mathematics", "source": "s2-fos-model"},
        ],
        "tldr": extra.pop("tldr", None),
        # shapes of the recorded real records (semanticscholar-py cassettes)
        "publicationVenue": None,
        "publicationTypes": ["JournalArticle"],
        "journal": {"name": ""},
        "authors": extra.pop("authors", []),
        **extra,
    }


_WORDS = (
    "sparse dense graph neural attention diffusion retrieval language vision agent reasoning "
    "memory token scaling robust causal contrastive latent adaptive federated quantum spectral "
    "hierarchical temporal multimodal efficient distilled"
).split()


def listed_title(i: int) -> str:
    """A distinct, deterministic title for listed paper ``i``."""
    rng = random.Random(i * 7919)
    words = rng.sample(_WORDS, 4)
    return f"{words[0].title()} {words[1]} {words[2]} for {words[3]} models, study {i}"


def build_corpus(
    n_listed: int,
    refs_per_paper: int = 3,
    cits_per_paper: int = 4,
    authors_per_paper: int = 3,
    seed: int = 1,
) -> Corpus:
    """``n_listed`` papers "L0".."L{n-1}" (paperId ``f"{i:040x}"``-like hex, arXiv id
    ``2401.{i:05d}``, DOI ``10.1000/l{i}``), each citing ``refs_per_paper`` outside papers and
    cited by ``cits_per_paper`` others; reference and citation lists say influential for every
    third entry. Authors are shared between neighbouring papers."""
    rng = random.Random(seed)
    c = Corpus()
    year = 2024
    for i in range(n_listed):
        pid = f"{i + 1:040x}"
        author_ids = [str(100_000 + i + k) for k in range(authors_per_paper)]
        c.add_paper(
            _paper(
                pid,
                10_000 + i,
                listed_title(i),
                year,
                rng,
                externalIds={"ArXiv": f"2401.{i:05d}", "DOI": f"10.1000/l{i}"},
                abstract=f"Abstract of listed paper {i}." if i % 5 else None,
                tldr={"model": "tldr@v2.0.0", "text": f"TLDR {i}."},
                referenceCount=refs_per_paper,
                citationCount=cits_per_paper,
                influentialCitationCount=cits_per_paper // 3,
                authors=[{"authorId": a, "name": f"Author {a}"} for a in author_ids],
            )
        )
        for a in author_ids:
            c.authors[a] = {
                "authorId": a,
                "name": f"Author {a}",
                "affiliations": [f"Lab {int(a) % 7}"],
                "hIndex": int(a) % 40,
                "paperCount": int(a) % 90 + 1,
                "citationCount": int(a) % 5000,
                "url": f"https://www.semanticscholar.org/author/{a}",
            }
    for i in range(n_listed):
        pid = f"{i + 1:040x}"
        c.references[pid] = [
            _edge(c, f"r{i:07d}{k:032x}", k, rng, f"Reference {k} of paper {i}")
            for k in range(refs_per_paper)
        ]
        c.citations[pid] = [
            _edge(c, f"c{i:07d}{k:032x}", k, rng, f"Citing paper {k} of {i}")
            for k in range(cits_per_paper)
        ]
    return c


def _edge(c: Corpus, pid: str, k: int, rng: random.Random, title: str) -> dict:
    if pid not in c.papers:
        c.papers[pid] = _paper(pid, 5_000_000 + len(c.papers), title, 2015 + k % 10, rng)
    intents = ["methodology"] if k % 2 else ["background"]
    contexts = [f"{title} is discussed here [{k}].", f"As in [{k}], we follow {title}."][
        : 1 + k % 2
    ]
    return {
        "paperId": pid,
        "isInfluential": k % 3 == 0,
        "intents": intents,
        "contexts": contexts,
        "contextsWithIntent": [{"context": c, "intents": intents} for c in contexts],
    }


def project(record: dict, fields: list[str] | None) -> dict:
    """The record with only ``fields`` (and paperId / authorId, which the API always sends)."""
    if not fields:
        return dict(record)
    keep = {f.split(".")[0] for f in fields} | {"paperId", "authorId"}
    return {k: v for k, v in record.items() if k in keep}


@dataclass
class Fault:
    """Answer the next ``times`` requests whose path contains ``path`` with a fault instead.

    kind: "status" (``status`` with ``body``), "hang" (sleep ``seconds`` before answering normally),
    "malformed" (200 with broken JSON), "drop" (close the connection without an answer).
    """

    kind: str = "status"
    status: int = 503
    body: bytes | None = None
    path: str = ""
    times: int = 1
    seconds: float = 5.0


@dataclass
class Logged:
    method: str
    path: str
    query: dict[str, str]
    raw_query: str
    body: dict | None
    api_key: str | None
    status: int = 0


class FakeS2:
    """The fake API server; use as a context manager or call :meth:`start` / :meth:`stop`."""

    def __init__(self, corpus: Corpus | None = None, delay: float = 0.0, tape=None):
        self.corpus = corpus or Corpus()
        self.delay = delay
        #: recorded real traffic (:class:`cassettes.Tape`): a request it holds gets the recorded
        #: answer byte for byte; any other one a 418 and a line in :attr:`unmatched`
        self.tape = tape
        self.unmatched: list[str] = []
        self.log: list[Logged] = []
        self.faults: list[Fault] = []
        #: exact normalised query -> paperId (to script what /match answers)
        self.match_overrides: dict[str, str | None] = {}
        #: a rate_limit.RateLimit: 429 above its rate (None: no limit)
        self.rate_limit = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> FakeS2:
        handler = type("Handler", (_Handler,), {"fake": self})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        server.request_queue_size = 128
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeS2:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server, "start() the server first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- inspection --------------------------------------------------------------------------
    def requests(self, contains: str = "") -> list[Logged]:
        with self._lock:
            return [r for r in self.log if contains in r.path]

    def reset(self) -> None:
        with self._lock:
            self.log.clear()
            self.faults.clear()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and fault.path in path:
                    fault.times -= 1
                    return fault
        return None

    # -- routing -----------------------------------------------------------------------------
    def answer(
        self, method: str, path: str, query: dict[str, str], body: dict | None
    ) -> tuple[int, object]:
        fields = query["fields"].split(",") if query.get("fields") else None
        base = "/graph/v1"
        if not path.startswith(base):
            return 404, {"error": "not found"}
        path = path[len(base) :]
        if method == "POST" and path == "/paper/batch":
            ids = (body or {}).get("ids") or []
            if len(ids) > 500:
                return 400, {"error": "Cannot process more than 500 ids"}
            return 200, [self._paper_out(self.corpus.lookup(i), fields) for i in ids]
        if method == "POST" and path == "/author/batch":
            ids = (body or {}).get("ids") or []
            if len(ids) > 1000:
                return 400, {"error": "Cannot process more than 1000 ids"}
            return 200, [
                project(self.corpus.authors[a], fields) if a in self.corpus.authors else None
                for a in ids
            ]
        if method == "GET" and path == "/paper/search/match":
            return self._match(query.get("query", ""), fields)
        m = re.fullmatch(r"/paper/(.+?)/(references|citations)", path)
        if method == "GET" and m:
            return self._page(unquote(m.group(1)), m.group(2), query, fields)
        m = re.fullmatch(r"/paper/(.+)", path)
        if method == "GET" and m:
            ident = unquote(m.group(1))
            rec = self.corpus.lookup(ident)
            return (
                (200, project(rec, fields))
                if rec
                else (404, {"error": f"Paper with id {ident} not found"})
            )
        return 404, {"error": f"no route for {method} {path}"}

    def _paper_out(self, rec: dict | None, fields: list[str] | None) -> dict | None:
        return project(rec, fields) if rec else None

    def _match(self, q: str, fields: list[str] | None) -> tuple[int, object]:
        nq = _norm(q)
        if nq in self.match_overrides:
            pid = self.match_overrides[nq]
            rec = self.corpus.papers.get(pid) if pid else None
        else:
            best, rec = 0.0, None
            for cand in self.corpus.papers.values():
                score = difflib.SequenceMatcher(None, nq, _norm(cand["title"] or "")).ratio()
                if score > best:
                    best, rec = score, cand
            if best < 0.75:
                rec = None
        if rec is None:
            return 404, {"error": "Title match not found"}
        return 200, {"data": [{**project(rec, fields), "matchScore": 187.5}]}

    def _page(
        self, pid: str, which: str, query: dict[str, str], fields: list[str] | None
    ) -> tuple[int, object]:
        rec = self.corpus.lookup(pid)
        if rec is None:
            return 404, {"error": f"Paper with id {pid} not found"}
        offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
        if limit > 1000 or offset + limit > OFFSET_CAP:
            return 400, {"error": "Requested data for this limit and/or offset is not available"}
        edges = getattr(self.corpus, which).get(rec["paperId"], [])
        side = "citedPaper" if which == "references" else "citingPaper"
        paper_fields = [f for f in fields or [] if f not in EDGE_FIELDS] or None
        data = []
        for e in edges[offset : offset + limit]:
            item = {k: v for k, v in e.items() if k in EDGE_FIELDS and (not fields or k in fields)}
            item[side] = project(self.corpus.papers[e["paperId"]], paper_fields)
            data.append(item)
        out: dict = {"offset": offset, "data": data}
        if offset + limit < len(edges):
            out["next"] = offset + limit
        return 200, out


class _Handler(BaseHTTPRequestHandler):
    fake: FakeS2
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        fake = self.fake
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        entry = Logged(method, parts.path, query, parts.query, body, self.headers.get("x-api-key"))
        with fake._lock:
            fake.log.append(entry)
        if fake.delay:
            fake._stopping.wait(fake.delay)
        if fake.rate_limit is not None and not fake.rate_limit.admit():
            return self._send(entry, 429, b'{"message": "Too Many Requests"}')
        fault = fake._take_fault(parts.path)
        if fault and fault.kind == "drop":
            self.close_connection = True
            self.connection.close()
            return
        if fault and fault.kind == "hang":
            fake._stopping.wait(fault.seconds)
            fault = None
        if fault and fault.kind == "malformed":
            return self._send(entry, 200, b'{"data": [{"paperId": ')
        if fault:
            body_bytes = (
                fault.body if fault.body is not None else json.dumps({"message": "fault"}).encode()
            )
            return self._send(entry, fault.status, body_bytes)
        if fake.tape is not None:
            recorded = fake.tape.find(method, parts.path, query, body)
            if recorded is None:
                with fake._lock:
                    fake.unmatched.append(f"{method} {self.path} {raw.decode(errors='replace')}")
                return self._send(entry, 418, b'{"error": "no recorded interaction"}')
            return self._send(entry, recorded.status, recorded.data)
        status, payload = fake.answer(method, parts.path, query, body)
        self._send(entry, status, json.dumps(payload).encode() + b"\n")  # as the real API ends them

    def _send(self, entry: Logged, status: int, data: bytes) -> None:
        entry.status = status
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            # headers and body in one write: two small writes meet delayed ACK (40 ms a request)
            self._headers_buffer.append(b"\r\n" + data)
            self.flush_headers()
        except OSError:  # the client gave up (timeout test)
            pass
