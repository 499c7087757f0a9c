"""One enrichment run: options in, enriched papers + new nodes and relationships + report out."""

from __future__ import annotations

import asyncio
import gc
import os
import random
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from kg.model import Node, Paper, Relationship
from kg.packed import packed_of
from kg.progress import SILENT, Progress
from loaders.s2 import cache_plan, plan
from loaders.s2.cache import CACHE_FILE, CacheReader, ResponseCache, default_cache_dir
from loaders.s2.client import ClientSettings, RequestStats, S2Client
from loaders.s2.convert import author_node, authored, cites, enriched_paper, outside_paper
from loaders.s2.fetch import (
    PaperState,
    fetch_authors,
    fetch_lists,
    resolve_ids,
    resolve_titles,
)
from loaders.s2.pace import (
    PACE_SAMPLE,
    Limiter,
    RetryBudget,
    effective_pace,
    remember_pace,
    remembered_pace,
)
from loaders.s2.resolve import request_id


@dataclass
class EnrichOptions:
    api_key: str | None = field(default=None, repr=False)  # default: S2_API_KEY
    api_url: str | None = None  # default: S2_API_URL, else https://api.semanticscholar.org
    cache_dir: str | None = None  # default: KG_CACHE_DIR, else the user cache directory
    offline: bool = False  # answer from the cache only
    citations: bool = True
    max_citations: int = 1000
    references: bool = True
    #: requests/s; None = 1.0 with an API key, 0.3 without; 0 = no limit
    pace: float | None = None
    timeout: float = 10.0
    #: retries allowed in the whole run (after which failures are final at once)
    retry_budget: int = 100
    #: attempts per request, the first included
    max_attempts: int = 6
    #: first backoff step in seconds (doubles each retry, with jitter, up to backoff_cap)
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    #: requests in flight at once (the limiter still spaces their starts)
    concurrency: int = 4
    #: seconds each cache kind stays fresh, overriding loaders.s2.cache.DEFAULT_TTL
    cache_ttl: dict[str, float] | None = None
    #: consecutive requests failing for good after which the run stops asking S2
    stop_after_failures: int = 5
    #: jitter seed (tests); None = random
    seed: int | None = None
    #: seconds since the epoch, for cache expiry and the dates written (tests inject one)
    clock: Callable[[], float] = time.time
    #: seconds after which the run stops asking S2 (what is left waits for `kg enrich`); None: no bound
    time_budget: float | None = None
    #: with a sink (see :func:`enrich`), at most this many listed papers, or papers whose lists
    #: S2 counts at more than ``chunk_items`` items, are fetched, converted and handed over at once
    chunk_papers: int = 20_000
    chunk_items: int = 250_000


@dataclass
class EnrichReport:
    papers: int = 0
    planned_requests: int = 0
    #: the formula of loaders.s2.plan on what S2 returned
    minimum_requests: int = 0
    requests_made: int = 0
    cache_hits: int = 0
    retries: int = 0
    resolved: int = 0
    not_found: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    retry: dict[str, int] = field(default_factory=dict)
    unreachable: bool = False
    offline: bool = False
    truncated: int = 0
    outside_papers: int = 0
    authors: int = 0
    cites: int = 0
    authored: int = 0
    #: /references items S2 lists without a paperId (not stored)
    references_without_id: int = 0
    seconds: float = 0.0
    message: str = ""
    #: requests/s achieved (None for a run of fewer than two requests) and 429s that slowed it
    pace: float | None = None
    throttles: int = 0

    #: reference / citation pages asked again over an expired cached answer, and those that
    #: came back different (a refresh counts only these as changed)
    pages_refetched: int = 0
    pages_changed: int = 0

    #: resolved papers whose authors or lists failed (their s2_status is "retry:<reason>")
    retry_after_resolution: dict[str, int] = field(default_factory=dict)

    @property
    def enriched(self) -> int:
        """Papers S2 filled in: resolved, and their authors and lists fetched."""
        return self.resolved - sum(self.retry_after_resolution.values())

    def rows(self) -> list[tuple[str, str]]:
        """(what, value) rows for the end-of-run summary table."""
        rows = [
            ("papers", str(self.papers)),
            ("resolved", str(self.resolved)),
            ("not found", str(self.not_found)),
        ]
        rows += [(f"rejected: {r}", str(n)) for r, n in sorted(self.rejected.items())]
        rows += [(f"to retry: {r}", str(n)) for r, n in sorted(self.retry.items())]
        rows += [
            ("requests made", str(self.requests_made)),
            ("answered from cache", str(self.cache_hits)),
            ("fewest possible for what S2 returned", str(self.minimum_requests)),
            ("planned before the run", str(self.planned_requests)),
            ("retries", str(self.retries)),
            ("outside papers", str(self.outside_papers)),
            ("authors", str(self.authors)),
            ("CITES / AUTHORED", f"{self.cites} / {self.authored}"),
            ("lists truncated", str(self.truncated)),
            ("pages changed (of re-fetched)", f"{self.pages_changed} (of {self.pages_refetched})"),
            ("seconds", f"{self.seconds:.1f}"),
        ]
        if self.pace is not None:
            rows.append(
                ("pace achieved", f"{self.pace:.2f} requests/s ({self.throttles} x 429 slowed it)")
            )
        return rows


@dataclass
class Enrichment:
    #: the input papers, same keys, updated with S2 fields and s2_status
    papers: list[Paper]
    #: Authors and outside (listed=False) Papers
    nodes: list[Node]
    #: Cites and Authored, source="s2"
    relationships: list[Relationship]
    report: EnrichReport


def plan_requests(papers: Sequence[Paper], options: EnrichOptions) -> int:
    """Requests the run will make: the formula of :mod:`loaders.s2.plan` for what the cache at
    ``options.cache_dir`` cannot answer (read-only, no request; :mod:`loaders.s2.cache_plan`).
    0 with ``options.offline``.

    >>> plan_requests([Paper(key="arxiv:1", arxiv_id="1", author_count=3)], EnrichOptions(cache_dir="/nonexistent"))
    4
    """
    if options.offline:
        return 0
    with CacheReader(
        cache_dir_of(options) / CACHE_FILE, options.cache_ttl, options.clock
    ) as reader:
        return cache_plan.cached_plan(
            papers,
            reader,
            references=options.references,
            citations=options.citations,
            max_citations=options.max_citations,
        )


def cache_dir_of(options: EnrichOptions) -> Path:
    """The cache directory a run with ``options`` uses: ``cache_dir``, else ``KG_CACHE_DIR``, else
    the user cache directory."""
    return Path(options.cache_dir) if options.cache_dir else default_cache_dir()


def _has_key(options: EnrichOptions) -> bool:
    return bool(options.api_key or os.environ.get("S2_API_KEY"))


def planning_pace(options: EnrichOptions) -> float:
    """The pace a plan assumes: the configured one (by default near S2's allowance), or, when
    the last paced run here achieved less (429s, a crowded keyless pool), what it achieved."""
    pace = effective_pace(options.pace, _has_key(options))
    achieved = (
        remembered_pace(cache_dir_of(options), _has_key(options)) if options.pace is None else None
    )
    return min(pace, achieved) if achieved and pace > 0 else pace


def estimated_seconds(
    papers: Sequence[Paper], options: EnrichOptions, requests: int | None = None
) -> float:
    """Wall time of :func:`plan_requests` (or ``requests``) at :func:`planning_pace`."""
    n = plan_requests(papers, options) if requests is None else requests
    return plan.estimated_seconds(n, planning_pace(options))


def budgeted_requests(requests: int, options: EnrichOptions) -> int:
    """Requests a run can make within ``options.time_budget`` at :func:`planning_pace`.

    >>> budgeted_requests(322, EnrichOptions(pace=0.3, time_budget=540)), budgeted_requests(50, EnrichOptions(pace=0.3, time_budget=540))
    (162, 50)
    """
    pace = planning_pace(options)
    if options.time_budget is None or not pace:
        return requests
    return min(requests, int(options.time_budget * pace))


def enrich(
    papers: Sequence[Paper],
    options: EnrichOptions | None = None,
    progress: Progress | None = None,
    sink: Sink | None = None,
) -> Enrichment:
    """Enrich ``papers`` with Semantic Scholar; never raises for S2 trouble (see ``report``).

    Works from plain code and from inside a running event loop (Jupyter, async apps), where the
    run gets its own loop in a worker thread. ``progress`` gets a task per stage
    (see :mod:`kg.progress`).

        result = enrich(papers, EnrichOptions(max_citations=200))
        result.report.rows()

    With a ``sink``, the papers are resolved and their authors fetched first, then the papers are
    taken in chunks (of ``options.chunk_papers`` papers or ``options.chunk_items`` list items):
    each chunk's lists are fetched, converted and handed to ``sink`` as an :class:`Enrichment` of its own
    (its papers, the authors and outside papers they name, their relationships), and dropped, so
    memory does not grow with the listing: until its chunk comes, a paper's S2 record is kept
    pickled, and once handed over nothing of the chunk but what the report counts stays. The
    result then holds the report of the whole run only (the sink had the papers, nodes and
    relationships). Every entry of one S2 paper is in the same chunk; a node several chunks name
    is handed over with each.
    """
    options = options or EnrichOptions()
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _run(papers, options, progress, sink)
    # asyncio.run refuses to nest; the package's own answer blocks the caller's loop as well
    with ThreadPoolExecutor(1, thread_name_prefix="s2-enrich") as pool:
        return pool.submit(_run, papers, options, progress, sink).result()


def _run(
    papers: Sequence[Paper], options: EnrichOptions, progress: Progress | None, sink: Sink | None
) -> Enrichment:
    """``asyncio.run`` of the run, with the result kept out of the task's: on the way out
    (CPython 3.11) it reads back the Ctrl-C handler it installed, and reading it formats the
    handler's repr, which holds the task and so the repr of its result: every paper of the run
    (~5 s at 10,000 papers, measured with cProfile in ``benchmarks.scale``)."""
    out: list[Enrichment] = []

    async def run() -> None:
        out.append(await _enrich(papers, options, progress, sink))

    asyncio.run(run())
    return out[0]


async def enrich_async(
    papers: Sequence[Paper], options: EnrichOptions | None = None, progress: Progress | None = None
) -> Enrichment:
    """:func:`enrich` for async callers: runs in a worker thread, the caller's loop keeps going."""
    return await asyncio.to_thread(enrich, papers, options, progress)


async def _enrich(
    papers: Sequence[Paper], options: EnrichOptions, progress: Progress | None, sink: Sink | None
) -> Enrichment:
    started = time.monotonic()
    api_key = options.api_key or os.environ.get("S2_API_KEY") or None
    api_url = options.api_url or os.environ.get("S2_API_URL") or None
    cache_dir = cache_dir_of(options)
    settings = ClientSettings(
        api_url=api_url,
        api_key=api_key,
        timeout=options.timeout,
        connect_timeout=min(5.0, options.timeout),
        offline=options.offline,
        max_attempts=options.max_attempts,
        backoff_base=options.backoff_base,
        backoff_cap=options.backoff_cap,
        stop_after_failures=options.stop_after_failures,
        deadline=started + options.time_budget if options.time_budget is not None else None,
    )
    report = EnrichReport(papers=len(papers), offline=options.offline)
    report.planned_requests = plan_requests(papers, options)
    states = [PaperState(p) for p in packed_of(papers)]
    bar = progress or SILENT
    stats = RequestStats()
    cache = ResponseCache(cache_dir / CACHE_FILE, options.cache_ttl, options.clock)
    collecting = gc.isenabled()  # the caller's collector setting, restored at the end
    try:
        limiter = Limiter(effective_pace(options.pace, bool(api_key)))
        client = S2Client(
            settings,
            cache,
            limiter,
            RetryBudget(options.retry_budget),
            stats,
            random.Random(options.seed),
        )
        conc = options.concurrency
        bar.start(
            "resolve",
            "S2 resolve",
            sum(1 for s in states if request_id(s.listed) or s.listed.title),
        )
        await resolve_ids(client, states, conc, bar.advance)
        await resolve_titles(client, states, conc, bar.advance)
        n_authors = len({a for s in states if s.status == "ok" for a in s.author_ids})
        bar.start("authors", "S2 authors", n_authors)
        # every author at once (ids sorted, 1,000 a batch: the fewest requests), lists by chunk
        authors = await fetch_authors(client, states, conc, bar.advance)
        ok = {s.s2_id: s for s in states if s.status == "ok"}.values()
        n_refs = sum(1 for s in ok if options.references and s.record.get("referenceCount") != 0)
        n_cits = sum(
            1
            for s in ok
            if options.citations
            and options.max_citations > 0
            and s.record.get("citationCount") != 0
        )
        bar.start("references", "S2 references", n_refs)
        bar.start("citations", "S2 citations", n_cits)
        assembly = _Assembly(states, options)
        if sink:
            gc.disable()  # see _settle
        for chunk in _chunks(states, options) if sink else [list(range(len(states)))]:
            part = [states[i] for i in chunk]
            for st in part:
                st.unpack()
            await fetch_lists(
                client,
                part,
                references=options.references,
                citations=options.citations,
                max_citations=options.max_citations,
                concurrency=conc,
                advance=bar.advance,
            )
            enrichment = assembly.chunk(part, authors, report)
            if sink is None:
                out = enrichment
                break
            _count_statuses(report, enrichment.papers)
            sink(enrichment)
            for st in part:
                st.release()
            _settle()
    finally:
        if sink:
            gc.unfreeze()
            if collecting:
                gc.enable()
        cache.close()
        for task in ("resolve", "authors", "references", "citations"):
            bar.end(task)
    # an unreachable S2 answers nothing: the limiter released its waiters at once, so the
    # "pace" it measured is how fast connections were refused, not what S2 allows
    achieved = limiter.achieved() if stats.answered and stats.stopped != "unreachable" else None
    if achieved and limiter.ceiling and limiter.started >= PACE_SAMPLE:
        remember_pace(cache_dir, bool(api_key), achieved)
    report.pace, report.throttles = achieved, limiter.throttles
    if sink is not None:
        out = Enrichment([], [], [], report)
    _summarise(report, out.papers, assembly, states, options, stats, started)
    return out


#: what :func:`enrich` hands each chunk to
Sink = Callable[["Enrichment"], None]


def _chunks(states: list[PaperState], options: EnrichOptions) -> Iterator[list[int]]:
    """Indexes of ``states`` a chunk at a time, in input order; every entry of one S2 paper in
    the chunk of its first (the entry its lists attach to)."""
    groups: dict[str, list[int]] = {}
    order: list[list[int]] = []
    for i, st in enumerate(states):
        s2 = st.s2_id if st.status == "ok" else None
        if s2 is None:
            order.append([i])
        elif s2 in groups:
            groups[s2].append(i)
        else:
            groups[s2] = [i]
            order.append(groups[s2])
    chunk: list[int] = []
    items = 0
    for group in order:
        record = states[group[0]].record or {}
        items += (record.get("referenceCount") or 0) if options.references else 0
        if options.citations and options.max_citations > 0:
            items += min(record.get("citationCount") or 0, options.max_citations)
        chunk.extend(group)
        if len(chunk) >= options.chunk_papers or items >= options.chunk_items:
            yield sorted(chunk)
            chunk, items = [], 0
    if chunk:
        yield sorted(chunk)


def _settle() -> None:
    """Collect a chunk's garbage once, then leave what is left to the end of the run out of the
    collector's walks. With the collector running as it likes, its full collections, each over
    every record, page and model alive, were 40% of a build (``benchmarks.scale``, 40,000
    papers, measured); this way each object is walked once."""
    gc.collect()
    gc.freeze()


class _Assembly:
    """S2 answers -> graph records, a chunk at a time, and what the report counts across chunks."""

    def __init__(self, states: list[PaperState], options: EnrichOptions):
        moment = datetime.fromtimestamp(options.clock(), timezone.utc).replace(microsecond=0)
        self.now = moment.isoformat()
        self.seen = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        #: S2 id -> key of its first listing entry, over the whole run: lists of one chunk
        #: name listed papers of another by their listed key
        self.listed_key: dict[str, str] = {}
        for st in states:
            if st.status == "ok":
                self.listed_key.setdefault(st.s2_id, st.listed.key)
        self.listed = set(self.listed_key.values())
        self.outside: set[str] = set()
        self.authors: set[str] = set()
        self.cites = self.authored = 0
        #: CITES between listed papers (one's reference, the other's citation: the one edge
        #: two chunks can both hand over), kept only when both lists are fetched
        self.between_listed: set[tuple[str, str]] | None = (
            set() if options.references and options.citations else None
        )

    def chunk(
        self, states: list[PaperState], authors: dict[str, dict], report: EnrichReport
    ) -> Enrichment:
        listed_key, seen = self.listed_key, self.seen
        nodes: dict[str, Node] = {}
        rels: dict[tuple[str, str, str], Relationship] = {}
        out_papers: list[Paper] = []

        def other_key(record: dict | None) -> str | None:
            if not record or not record.get("paperId"):
                report.references_without_id += 1
                return None
            pid = record["paperId"]
            if pid in listed_key:
                return listed_key[pid]
            node = outside_paper(record)
            nodes.setdefault(node.key, node)
            return node.key

        def add_cites(src: str, dst: str, item: dict) -> None:
            key = ("CITES", src, dst)
            if key in rels:
                return  # the first sighting wins, as within one chunk
            if self.between_listed is not None and src in self.listed and dst in self.listed:
                if (src, dst) in self.between_listed:
                    return  # an earlier chunk handed it over
                self.between_listed.add((src, dst))
            rels[key] = cites(src, dst, item, seen)
            self.cites += 1

        for st in states:
            p = st.paper
            if st.status != "ok":
                status = st.status or "not_found"
                out_papers.append(
                    p.model_copy(
                        update={
                            "s2_status": status,
                            "s2_match_confidence": st.confidence,
                            "s2_match_evidence": st.evidence,
                        }
                    )
                )
                continue
            out_papers.append(
                enriched_paper(
                    p,
                    st.record,
                    enriched_at=self.now,
                    status=st.later_failure or "ok",
                    confidence=st.confidence,
                    evidence=st.evidence,
                    truncated=st.truncated,
                )
            )
            for pos, entry in enumerate(st.record.get("authors") or [], start=1):
                author = author_node(authors.get(entry.get("authorId")) or entry)
                if author is None:
                    continue
                nodes.setdefault(author.key, author)
                rel = authored(author, p.key, pos)
                if ("AUTHORED", rel.src, rel.dst) not in rels:
                    rels[("AUTHORED", rel.src, rel.dst)] = rel
                    self.authored += 1
            if listed_key.get(st.s2_id) != p.key:
                continue  # a second listing entry of the same S2 paper: lists attach to the first
            for item in st.references.items if st.references else []:
                dst = other_key(item.get("citedPaper"))
                if dst and dst != p.key:
                    add_cites(p.key, dst, item)
            for item in st.citations.items if st.citations else []:
                src = other_key(item.get("citingPaper"))
                if src and src != p.key:
                    add_cites(src, p.key, item)
        for key, node in nodes.items():
            (self.outside if isinstance(node, Paper) else self.authors).add(key)
        return Enrichment(out_papers, list(nodes.values()), list(rels.values()), report)


def _count_statuses(report: EnrichReport, papers: list[Paper]) -> None:
    """Count the papers rejected, left to retry and not found."""
    for p in papers:
        status = p.s2_status or ""
        if status.startswith("rejected:"):
            key = status.split(":", 1)[1]
            report.rejected[key] = report.rejected.get(key, 0) + 1
        elif status.startswith("retry:"):
            key = status.split(":", 1)[1]
            report.retry[key] = report.retry.get(key, 0) + 1
        elif status == "not_found":
            report.not_found += 1


def _summarise(report, out_papers, assembly, states, options, stats, started) -> None:
    _count_statuses(report, out_papers)
    resolved = [s for s in states if s.status == "ok"]
    report.resolved = len(resolved)
    report.retry_after_resolution = {}
    for s in resolved:
        if s.later_failure:
            reason = s.later_failure.split(":", 1)[1]
            report.retry_after_resolution[reason] = report.retry_after_resolution.get(reason, 0) + 1
    report.truncated = sum(1 for s in resolved if s.truncated)
    report.outside_papers = len(assembly.outside)
    report.authors = len(assembly.authors)
    report.cites, report.authored = assembly.cites, assembly.authored
    report.requests_made, report.cache_hits, report.retries = (
        stats.requests,
        stats.cache_hits,
        stats.retries,
    )
    report.pages_refetched, report.pages_changed = stats.pages_refetched, stats.pages_changed
    report.unreachable = stats.stopped == "unreachable"
    distinct = {s.s2_id: s for s in resolved}.values()
    report.minimum_requests = plan.minimum_requests(
        len({rid.lower() for s in states if (rid := request_id(s.listed))}),
        sum(1 for s in states if request_id(s.listed) is None and s.listed.title),
        len({a for s in resolved for a in s.author_ids}),
        [s.record.get("referenceCount") for s in distinct] if options.references else [],
        [s.record.get("citationCount") for s in distinct]
        if options.citations and options.max_citations > 0
        else [],
        options.max_citations,
    )
    report.seconds = time.monotonic() - started
    left = sum(report.retry.values())
    if stats.stopped:
        left += sum(report.retry_after_resolution.values())
        report.message = f"{stats.stop_message}. {left} papers left unenriched for `kg enrich`."
    elif options.offline:
        report.message = f"Offline: {report.resolved} papers from the cache, {left} not cached."
    else:
        report.message = (
            f"Enriched {report.enriched} of {report.papers} papers "
            f"with {report.requests_made} requests (minimum {report.minimum_requests}), "
            f"{report.cache_hits} answered from the cache"
            + (f"; {left} to retry" if left else "")
            + "."
        )
