"""`kg import s2-datasets`: keep what a scope asks for out of the bulk dataset shards and write
it through the store, as the Graph API path would have.

Scopes: ``listed`` keeps the listed papers (those in the graph with ``listed = true``) and the
citations among them; ``neighbourhood`` adds the papers one citation away (citing or cited);
``all`` keeps everything. Listed papers are matched by ``externalids`` (CorpusId, ArXiv, DOI)
and, for title-only entries, by the normalised title verified as the API path verifies a title
match (:func:`loaders.s2.resolve.verify_match`: title, year, author count).

The shards are scanned in passes, each streamed (:mod:`loaders.datasets.shards`): papers (match
the listed ones), citations (keep the edges the scope wants; their other ends are the
neighbourhood; kept rows spill to a temporary file, not memory), papers again (the
neighbourhood), authors, abstracts, tldrs. A row is decoded only when its ids say it is wanted,
so memory follows what is kept, not the size of a shard. Citations with a null
``citedcorpusid`` (S2 could not resolve the cited paper) are counted and skipped.

Papers get their keys through :mod:`kg.identity` (one node per paper, however reached: an
API-enriched paper and its dataset row are one node), every write goes through
``kg.store.upsert_nodes`` / ``upsert_relationships`` (nulls never overwrite; CITES keep the
``first_seen`` of their first import), so importing the same shards twice changes nothing.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg.graph import Graph
from kg.identity import IdentityIndex, merge_paper_nodes, resolve_papers
from kg.keys import normalise_title, paper_key
from kg.model import Author, Authored, Node, Paper, Relationship
from kg.progress import SILENT, Progress
from kg.store import GraphStore, upsert_nodes, upsert_relationships
from loaders.datasets.shards import BadRow, decode, field_bytes, lines, shard_files
from loaders.pipeline import replace_listing_authors, stored_papers
from loaders.s2.convert import author_node, cites, enriched_paper, paper_properties
from loaders.s2.resolve import verify_match

SCOPES = ("listed", "neighbourhood", "all")
SOURCE = "s2-datasets"

_CORPUS = field_bytes("corpusid")
_CITING = field_bytes("citingcorpusid")
_CITED = field_bytes("citedcorpusid")
_AUTHOR = re.compile(rb'"authorid"\s*:\s*"?(\d+)"?')
_ARXIV = re.compile(rb'"ArXiv"\s*:\s*"([^"]+)"')
_DOI = re.compile(rb'"DOI"\s*:\s*"((?:[^"\\]|\\.)+)"')
_TITLE = re.compile(rb'"title"\s*:\s*("(?:[^"\\]|\\.)*")')


@dataclass
class ImportOptions:
    scope: str = "neighbourhood"
    #: nodes or relationships per write
    batch_size: int = 5000
    #: seconds since the epoch, for the ``first_seen`` of new citations (tests inject one)
    clock: Callable[[], float] = time.time


@dataclass
class ImportReport:
    scope: str = ""
    listed: int = 0
    matched: Counter = field(default_factory=Counter)
    rows_scanned: Counter = field(default_factory=Counter)
    papers: int = 0
    authors: int = 0
    cites: int = 0
    authored: int = 0
    abstracts: int = 0
    tldrs: int = 0
    #: citation rows whose citedcorpusid is null, skipped
    null_cited: int = 0
    #: kept citations whose other paper is not in the papers shards, skipped
    missing_papers: int = 0
    problems: list[BadRow] = field(default_factory=list)
    #: seconds each pass spent reading and filtering rows (writes excluded)
    scan_seconds: Counter = field(default_factory=Counter)
    #: the same in CPU seconds of this process (what a shared, busy machine does not distort)
    scan_cpu_seconds: Counter = field(default_factory=Counter)
    seconds_scanning: float = 0.0
    seconds: float = 0.0

    @property
    def unmatched(self) -> int:
        return self.listed - sum(self.matched.values())

    @property
    def exit_code(self) -> int:
        """0 done; 1 done in part (bad lines skipped)."""
        return 1 if self.problems else 0

    def rows(self) -> list[tuple[str, str]]:
        """(what, value) rows for the end-of-run summary."""
        out = [("scope", self.scope), ("listed papers", str(self.listed))]
        out += [(f"matched by {how}", str(n)) for how, n in sorted(self.matched.items())]
        out += [("listed papers not in the shards", str(self.unmatched))]
        out += [(f"{name} rows scanned", f"{n:,}") for name, n in sorted(self.rows_scanned.items())]
        out += [
            ("papers written", str(self.papers)),
            ("authors written", str(self.authors)),
            ("CITES / AUTHORED written", f"{self.cites} / {self.authored}"),
            ("abstracts / tldrs", f"{self.abstracts} / {self.tldrs}"),
            ("citations with a null citedcorpusid (skipped)", str(self.null_cited)),
            ("citations to papers not in the shards (skipped)", str(self.missing_papers)),
            ("bad lines (skipped)", str(len(self.problems))),
            ("seconds scanning / in all", f"{self.seconds_scanning:.1f} / {self.seconds:.1f}"),
        ]
        return out


def dataset_record(row: dict) -> dict:
    """A papers-dataset row in the Graph API's shape (what :mod:`loaders.s2.convert` reads);
    the S2 paperId is the last part of the row's ``url``.

    >>> dataset_record({"corpusid": 5, "url": "https://www.semanticscholar.org/paper/ab12"})["paperId"]
    'ab12'
    """
    url = row.get("url") or ""
    ext = {k: v for k, v in (row.get("externalids") or {}).items() if v is not None}
    return {
        "paperId": url.rsplit("/", 1)[-1] if "/paper/" in url else None,
        "corpusId": row.get("corpusid"),
        "externalIds": ext,
        "title": row.get("title"),
        "year": row.get("year"),
        "publicationDate": row.get("publicationdate"),
        "venue": row.get("venue"),
        "citationCount": row.get("citationcount"),
        "influentialCitationCount": row.get("influentialcitationcount"),
        "referenceCount": row.get("referencecount"),
        "s2FieldsOfStudy": row.get("s2fieldsofstudy"),
        "url": url or None,
        "authors": row.get("authors") or [],
    }


def dataset_paper(record: dict) -> Paper:
    """A paper outside the listing from a :func:`dataset_record`, keyed like the API path's."""
    props = paper_properties(record)
    key = paper_key(s2_id=props["s2_id"], corpus_id=props["corpus_id"], title=props["title"])
    return Paper(key=key, title_norm=normalise_title(props["title"]), listed=False, **props)


class _Listed:
    """The listed papers by the ids a papers row names."""

    def __init__(self, papers: list[Paper]):
        self.by_corpus = {str(p.corpus_id).encode(): p for p in papers if p.corpus_id is not None}
        self.by_arxiv = {p.arxiv_id.lower(): p for p in papers if p.arxiv_id}
        self.by_doi = {p.doi.lower(): p for p in papers if p.doi}
        self.by_title: dict[str, list[Paper]] = {}
        for p in papers:
            if not (p.s2_id or p.corpus_id or p.arxiv_id or p.doi) and p.title_norm:
                self.by_title.setdefault(p.title_norm.replace(" ", ""), []).append(p)
        self.taken: set[str] = set()

    def match(
        self, cid: bytes | None, line: bytes, row_of: Callable[[], dict | None]
    ) -> tuple[Paper, str] | None:
        hit = None
        if cid in self.by_corpus:
            hit = self.by_corpus[cid], "CorpusId"
        if (
            hit is None
            and (m := _ARXIV.search(line))
            and (p := self.by_arxiv.get(m.group(1).decode().lower()))
        ):
            hit = p, "ArXiv"
        if hit is None and (m := _DOI.search(line)):
            doi = json.loads(b'"' + m.group(1) + b'"').lower()
            if p := self.by_doi.get(doi):
                hit = p, "DOI"
        if hit is None and self.by_title and (m := _TITLE.search(line)):
            norm = normalise_title(json.loads(m.group(1)))
            for p in self.by_title.get((norm or "").replace(" ", ""), ()):
                row = row_of()
                if row is not None and verify_match(p, dataset_record(row)).accepted:
                    hit = p, "title"
                    break
        if hit is None or hit[0].key in self.taken:
            return None
        self.taken.add(hit[0].key)
        return hit


class _Writer:
    """Papers through kg.identity in batches (one index for the whole import), then anything."""

    def __init__(self, store: GraphStore, batch_size: int):
        self.store, self.batch_size = store, batch_size
        self.index = IdentityIndex.from_store(store)
        self.pending: list[tuple[bytes, Paper]] = []
        #: corpus id -> the key its paper got
        self.keys: dict[bytes, str] = {}

    def paper(self, cid: bytes, paper: Paper) -> None:
        self.pending.append((cid, paper))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> int:
        batch, self.pending = self.pending, []
        if not batch:
            return 0
        resolution = resolve_papers(self.index, [p for _, p in batch])
        for keep, drop in resolution.merged_nodes:
            merge_paper_nodes(self.store, keep, drop)
        upsert_nodes(self.store, resolution.papers)
        for cid, p in batch:
            found = self.index.matches(p)
            self.keys[cid] = found[0] if found else p.key
        return len(batch)

    def write(self, items: Iterable[Node | Relationship]) -> int:
        written, chunk = 0, []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.batch_size:
                written += self._write(chunk)
                chunk = []
        return written + self._write(chunk)

    def _write(self, chunk: list) -> int:
        if not chunk:
            return 0
        if isinstance(chunk[0], Relationship):
            return upsert_relationships(self.store, chunk)
        return upsert_nodes(self.store, chunk)


def import_datasets(
    kb: Graph,
    directory: str | Path,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the shards under ``directory`` into ``kb`` (module doc): `kg datasets import`.
    ``progress`` gets a task per scan (see :mod:`kg.progress`)."""
    options = options or ImportOptions()
    if options.scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, got {options.scope!r}")
    directory = Path(directory)
    if not shard_files(directory, "papers"):
        raise FileNotFoundError(
            f"no papers shards under {directory} (expected {directory / 'papers'}/*.jsonl.gz)"
        )
    started = time.monotonic()
    report = ImportReport(scope=options.scope)
    run = _Run(kb, directory, options, report, progress or SILENT)
    run.go()
    report.seconds = time.monotonic() - started
    return report


class _Run:
    def __init__(
        self,
        kb: Graph,
        directory: Path,
        options: ImportOptions,
        report: ImportReport,
        progress: Progress,
    ):
        self.kb, self.store, self.directory, self.options, self.report, self.progress = (
            kb, kb.store, directory, options, report, progress,
        )  # fmt: skip
        self.writer = _Writer(kb.store, options.batch_size)
        listed = stored_papers(kb)
        report.listed = len(listed)
        self.listed = _Listed(listed)
        self.listed_corpus: set[bytes] = set()
        self.wanted: set[bytes] = set()  # neighbourhood corpus ids still to read
        self.author_names: dict[str, str] = {}
        self.authored: list[tuple[str, str, int]] = []
        self.scanning = 0.0
        moment = datetime.fromtimestamp(options.clock(), timezone.utc)
        self.first_seen = moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    # -- passes ------------------------------------------------------------------------------
    def go(self) -> None:
        scope = self.options.scope
        self._scan("papers", self._match_paper)
        self.writer.flush()
        with tempfile.TemporaryFile("w+b") as spill:
            self.spill = spill
            self._scan("citations", self._keep_citation)
            if scope == "neighbourhood" and self.wanted:
                self._scan("papers", self._neighbour_paper, label="papers (neighbourhood)")
                self.writer.flush()
            self.report.papers = len(self.writer.keys)
            self._write_authors()
            self._write_citations()
        for dataset, what in (("abstracts", "abstract"), ("tldrs", "tldr")):
            self.texts: list[Paper] = []
            self._scan(dataset, lambda p, n, line, w=what: self._text(p, n, line, w))
            setattr(self.report, dataset, self.writer.write(self.texts))
        self.report.seconds_scanning = self.scanning

    def _scan(self, dataset: str, handle, label: str | None = None) -> None:
        files = shard_files(self.directory, dataset)
        if not files:
            return
        total = sum(f.stat().st_size for f in files)
        self.progress.start("scan", f"scanning {label or dataset}", total)
        began, cpu = time.monotonic(), time.process_time()
        count = 0
        for path in files:
            for number, line in lines(path, lambda n: self.progress.advance("scan", n)):
                count += 1
                handle(path, number, line)
        self.report.rows_scanned[label or dataset] += count
        self.report.scan_seconds[label or dataset] += time.monotonic() - began
        self.report.scan_cpu_seconds[label or dataset] += time.process_time() - cpu
        self.scanning += time.monotonic() - began
        self.progress.end("scan")

    def _row(self, path, number, line):
        return decode(path, number, line, self.report.problems)

    def _match_paper(self, path: Path, number: int, line: bytes) -> None:
        m = _CORPUS.search(line)
        cid = m.group(1) if m else None
        decoded: list[dict | None] = []

        def row_of():
            if not decoded:
                decoded.append(self._row(path, number, line))
            return decoded[0]

        hit = self.listed.match(cid, line, row_of)
        if hit is None and self.options.scope != "all":
            return
        row = row_of()
        if row is None or row.get("corpusid") is None:
            return
        cid = str(row["corpusid"]).encode()
        record = dataset_record(row)
        if hit is not None:
            listed, how = hit
            self.report.matched[how] += 1
            self.listed_corpus.add(cid)
            paper = enriched_paper(listed, record, enriched_at=None, status="ok", confidence=1.0 if how != "title" else None,
                                   evidence=f"s2-datasets {how} {row['corpusid']}")  # fmt: skip
        else:
            paper = dataset_paper(record)
        self._keep_paper(cid, paper, record)

    def _keep_paper(self, cid: bytes, paper: Paper, record: dict) -> None:
        self.writer.paper(cid, paper)
        for position, author in enumerate(record.get("authors") or [], start=1):
            aid = author.get("authorId")
            if aid:
                self.author_names.setdefault(aid, author.get("name"))
                self.authored.append((cid.decode(), aid, position))

    def _keep_citation(self, path: Path, number: int, line: bytes) -> None:
        cited = _CITED.search(line)
        if cited is None:  # not in the form S2 writes: decode to tell a null from a bad row
            row = self._row(path, number, line)
            if row is None:
                return
            if "citedcorpusid" not in row or row["citedcorpusid"] is not None:
                self.report.problems.append(BadRow(str(path), number, "no citedcorpusid"))
                return
        if cited is None or cited.group(1) == b"null":
            self.report.null_cited += 1
            return
        citing = _CITING.search(line)
        if citing is None:
            self.report.problems.append(BadRow(str(path), number, "no citingcorpusid"))
            return
        a, b = citing.group(1), cited.group(1)
        scope = self.options.scope
        in_a, in_b = a in self.listed_corpus, b in self.listed_corpus
        if scope == "listed" and not (in_a and in_b):
            return
        if scope == "neighbourhood" and not (in_a or in_b):
            return
        row = self._row(path, number, line)
        if row is None:
            return
        if scope == "neighbourhood":
            for cid, listed in ((a, in_a), (b, in_b)):
                if not listed:
                    self.wanted.add(cid)
        keep = {"a": a.decode(), "b": b.decode(), "isinfluential": row.get("isinfluential"),
                "intents": row.get("intents"), "contexts": row.get("contexts")}  # fmt: skip
        self.spill.write(json.dumps(keep).encode() + b"\n")

    def _neighbour_paper(self, path: Path, number: int, line: bytes) -> None:
        m = _CORPUS.search(line)
        if m is None or m.group(1) not in self.wanted or m.group(1) in self.writer.keys:
            return
        row = self._row(path, number, line)
        if row is not None and row.get("corpusid") is not None:
            record = dataset_record(row)
            self._keep_paper(str(row["corpusid"]).encode(), dataset_paper(record), record)

    def _write_authors(self) -> None:
        found: dict[str, Author] = {}

        def author_row(path: Path, number: int, line: bytes) -> None:
            m = _AUTHOR.search(line)
            if m is None or m.group(1).decode() not in self.author_names:
                return
            row = self._row(path, number, line)
            if row is not None:
                node = author_node({
                    "authorId": str(row.get("authorid")), "name": row.get("name"), "aliases": row.get("aliases"),
                    "affiliations": row.get("affiliations"), "hIndex": row.get("hindex"),
                    "paperCount": row.get("papercount"), "citationCount": row.get("citationcount"),
                })  # fmt: skip
                if node is not None:
                    found[node.s2_id] = node

        self._scan("authors", author_row)
        nodes = [
            found.get(aid) or author_node({"authorId": aid, "name": name})
            for aid, name in self.author_names.items()
        ]
        self.report.authors = self.writer.write(n for n in nodes if n is not None)
        keys = self.writer.keys
        rels = (
            Authored(src=f"s2:{aid}", dst=keys[cid.encode()], position=pos, source=SOURCE)
            for cid, aid, pos in self.authored
            if cid.encode() in keys
        )
        self.report.authored = self.writer.write(rels)
        # S2's authors replace the names a listing gave, as after `kg enrich`
        replace_listing_authors(
            self.kb,
            {keys[c.encode()] for c, _, _ in self.authored if c.encode() in self.listed_corpus},
        )

    def _write_citations(self) -> None:
        keys = self.writer.keys
        self.spill.seek(0)

        seen: set[tuple[str, str]] = set()

        def edges():
            for raw in self.spill:
                row = json.loads(raw)
                src, dst = keys.get(row["a"].encode()), keys.get(row["b"].encode())
                if src is None or dst is None:
                    self.report.missing_papers += 1
                    continue
                if src != dst and (src, dst) not in seen:
                    seen.add((src, dst))
                    edge = cites(src, dst, row, self.first_seen)
                    yield edge.model_copy(update={"source": SOURCE})

        self.report.cites = self.writer.write(edges())

    def _text(self, path: Path, number: int, line: bytes, what: str) -> None:
        m = _CORPUS.search(line)
        if m is None or (key := self.writer.keys.get(m.group(1))) is None:
            return
        row = self._row(path, number, line)
        text = row.get("abstract" if what == "abstract" else "text") if row else None
        if text:
            self.texts.append(Paper(key=key, **{what: text}))
