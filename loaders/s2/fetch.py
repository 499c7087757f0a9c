"""The requests of one enrichment run, phase by phase, over :class:`PaperState` records.

1. :func:`resolve_ids`: papers with an id, 500 to a POST /paper/batch (ids sorted, so the same
   input makes the same requests and hits the cache);
2. :func:`resolve_titles`: title-only papers, one /paper/search/match each, verified;
3. :func:`fetch_authors`: the resolved papers' authors, 1,000 to a POST /author/batch;
4. :func:`fetch_lists`: references and citations, 1,000 a page, skipping lists S2 counts as empty.

A failed request marks only the papers it was for (``retry:<reason>``); the phase goes on.
"""

from __future__ import annotations

import asyncio
import pickle
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from kg.model import Paper
from kg.packed import PackedPaper, pack, unpack
from loaders.s2.client import PageResult, S2Client, S2Failure, S2NotFound
from loaders.s2.convert import AUTHOR_FIELDS, EDGE_FIELDS, MATCH_FIELDS, PAPER_FIELDS
from loaders.s2.plan import BATCH_AUTHORS, BATCH_PAPERS
from loaders.s2.resolve import map_batch, request_id, verify_match

Advance = Callable[[str, int], None]
#: cached records read at once (each is held packed before the next are read)
CACHED_BATCH = 5_000


@dataclass(slots=True)  # one a listed paper: ~0.5 KB each less than with a __dict__
class PaperState:
    #: the paper as listed, packed (a build holds one a listed paper: see :mod:`kg.packed`); a
    #: :class:`Paper` given is packed
    listed: PackedPaper
    record: dict | None = None
    #: "ok" once resolved; "not_found", "rejected:<reason>", "retry:<reason>" otherwise
    status: str | None = None
    confidence: float | None = None
    evidence: str | None = None
    #: a later phase (authors, references, citations) failed: "retry:<reason>" for the paper
    later_failure: str | None = None
    truncated: bool = False
    references: PageResult | None = None
    citations: PageResult | None = None
    author_ids: list[str] = field(default_factory=list)
    #: the full record, pickled, while ``record`` holds only what the phases before the lists
    #: read (see :meth:`hold`)
    packed: bytes | None = None
    #: what ``record`` holds outside the list phase, kept for :meth:`release`
    brief: dict | None = None

    def __post_init__(self) -> None:
        if isinstance(self.listed, Paper):
            self.listed = pack(self.listed)

    @property
    def paper(self) -> Paper:
        """The paper as listed, as a new model."""
        return unpack(self.listed)

    @property
    def s2_id(self) -> str | None:
        return self.record.get("paperId") if self.record else None

    def hold(self, record: dict) -> None:
        """Take ``record`` as the paper's, pickled until its list phase (:meth:`unpack`), as
        it is resolved: decoded, a field's records are most of a run's memory (3.7 KB a paper
        of ``benchmarks.scale``, under 1 KB pickled), and a warm cache answers them all at
        once. ``record`` keeps what is read before: the id, the counts the chunks and the
        report go by; ``author_ids`` the authors."""
        self.author_ids = [a["authorId"] for a in record.get("authors") or [] if a.get("authorId")]
        self.packed = pickle.dumps(record, pickle.HIGHEST_PROTOCOL)
        self.record = self.brief = slim(record)

    def unpack(self) -> None:
        if self.packed is not None:
            self.record, self.packed = pickle.loads(self.packed), None

    def release(self) -> None:
        """Drop what the list phase read: the lists, and the record but its :func:`slim` part,
        which is the one made at :meth:`hold` (a new one made here would be a small object
        left behind in the chunk's freed memory, keeping it from going back to the system)."""
        self.references = self.citations = None
        if self.brief is not None:
            self.record = self.brief


def slim(record: dict) -> dict:
    """What is read of a record outside its list phase (see :meth:`PaperState.hold`)."""
    return {k: record.get(k) for k in ("paperId", "referenceCount", "citationCount")}


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


async def _gather(concurrency: int, jobs: list[Callable[[], Awaitable[None]]]) -> None:
    sem = asyncio.Semaphore(max(1, concurrency))

    async def run(job):
        async with sem:
            await job()

    await asyncio.gather(*(run(j) for j in jobs))


async def resolve_ids(
    client: S2Client, states: list[PaperState], concurrency: int, advance: Advance
) -> None:
    by_id: dict[str, list[PaperState]] = {}
    for st in states:
        rid = request_id(st.listed)
        if rid:
            by_id.setdefault(rid, []).append(st)

    def settle(rid: str, record: dict | None) -> None:
        for st in by_id[rid]:
            st.status = "ok" if record else "not_found"
            if record:
                st.hold(record)
                st.confidence, st.evidence = 1.0, f"id {rid}"

    cached: set[str] = set()
    wanted = list(by_id)
    for i in range(0, len(wanted), CACHED_BATCH):
        found = client.cached_items("paper", wanted[i : i + CACHED_BATCH], PAPER_FIELDS)
        for rid, record in found.items():
            settle(rid, record)
        advance("resolve", sum(len(by_id[r]) for r in found))
        cached.update(found)
    ids = sorted((r for r in by_id if r not in cached), key=str.lower)

    async def batch(chunk: list[str]) -> None:
        try:
            records = await client.paper_batch(chunk, PAPER_FIELDS)
        except S2NotFound:
            records = []
        except S2Failure as exc:
            for rid in chunk:
                for st in by_id[rid]:
                    st.status = f"retry:{exc.reason}"
        else:
            found = map_batch(chunk, records)
            # kept under the S2 id too: the stored papers a later `kg enrich --refresh` sends
            # are asked for by it
            by_s2_id = {r["paperId"]: r for r in found.values() if r.get("paperId")}
            client.remember_items(
                "paper",
                "paper",
                {**by_s2_id, **found},
                [r for r in chunk if r not in found],
                PAPER_FIELDS,
            )
            for rid in chunk:
                settle(rid, found.get(rid))
        advance("resolve", sum(len(by_id[r]) for r in chunk))

    await _gather(concurrency, [lambda c=c: batch(c) for c in _chunks(ids, BATCH_PAPERS)])


async def resolve_titles(
    client: S2Client, states: list[PaperState], concurrency: int, advance: Advance
) -> None:
    todo = [st for st in states if request_id(st.listed) is None and st.listed.title]

    async def match(st: PaperState) -> None:
        try:
            record = await client.match_title(st.listed.title, MATCH_FIELDS)
        except S2Failure as exc:
            st.status = f"retry:{exc.reason}"
        else:
            if record is None:
                st.status = "not_found"
            else:
                verdict = verify_match(st.paper, record)
                st.evidence = verdict.evidence
                if verdict.accepted:
                    st.status, st.confidence = "ok", verdict.confidence
                    st.hold(record)
                else:
                    st.status, st.confidence = f"rejected:{verdict.reason}", verdict.confidence
        advance("resolve", 1)

    await _gather(concurrency, [lambda s=s: match(s) for s in todo])


async def fetch_authors(
    client: S2Client, states: list[PaperState], concurrency: int, advance: Advance
) -> dict[str, dict]:
    """authorId -> /author/batch record for every author of a resolved paper."""
    owners: dict[str, list[PaperState]] = {}
    for st in states:
        if st.status != "ok":
            continue
        for aid in st.author_ids:
            owners.setdefault(aid, []).append(st)
    cached = client.cached_items("author", list(owners), AUTHOR_FIELDS)
    out: dict[str, dict] = {a: r for a, r in cached.items() if r is not None}
    advance("authors", len(cached))
    ids = sorted(a for a in owners if a not in cached)

    async def batch(chunk: list[str]) -> None:
        try:
            records = await client.author_batch(chunk, AUTHOR_FIELDS)
        except S2NotFound:
            records = []
        except S2Failure as exc:
            for aid in chunk:
                for st in owners[aid]:
                    st.later_failure = st.later_failure or f"retry:{exc.reason}"
        else:
            found = {r["authorId"]: r for r in records if r.get("authorId") in owners}
            client.remember_items(
                "author", "author", found, [a for a in chunk if a not in found], AUTHOR_FIELDS
            )
            out.update(found)
        advance("authors", len(chunk))

    await _gather(concurrency, [lambda c=c: batch(c) for c in _chunks(ids, BATCH_AUTHORS)])
    return out


async def fetch_lists(
    client: S2Client,
    states: list[PaperState],
    *,
    references: bool,
    citations: bool,
    max_citations: int,
    concurrency: int,
    advance: Advance,
) -> None:
    """References and citations of each distinct resolved paper (duplicates share the first's)."""
    seen: set[str] = set()
    jobs = []
    for st in states:
        if st.status != "ok" or st.s2_id in seen:
            continue
        seen.add(st.s2_id)
        if references and st.record.get("referenceCount") != 0:
            jobs.append(lambda s=st: _list(client, s, "references", 10**9, advance))
        if citations and max_citations > 0 and st.record.get("citationCount") != 0:
            jobs.append(lambda s=st: _list(client, s, "citations", max_citations, advance))
    await _gather(concurrency, jobs)


async def _list(
    client: S2Client, st: PaperState, which: str, max_items: int, advance: Advance
) -> None:
    try:
        result = await client.pages(st.s2_id, which, EDGE_FIELDS, max_items)
    except S2NotFound:  # S2 resolved the paper but has no list for it
        result = PageResult([], False, 1)
        setattr(st, which, result)
    except S2Failure as exc:
        st.later_failure = st.later_failure or f"retry:{exc.reason}"
    else:
        setattr(st, which, result)
        st.truncated = st.truncated or result.truncated
    advance(which, 1)
