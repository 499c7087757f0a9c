"""The build pipeline: listing -> records -> enrichment -> extraction -> store.

Each stage is a plain function over typed records; this module only strings them together and
writes what they produce into the :class:`~kg.graph.Graph` it is given. Writes are ordered so
that an interrupted build is finished by running it again: listed papers first, then what S2
returned (nodes before relationships), and a paper's ``s2_status`` only after its citations and
authors are stored, so `kg enrich` knows what is left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from kg import bulk, counts
from kg.graph import Graph
from kg.identity import (
    IdentityIndex,
    merge_paper_nodes,
    merge_records,
    proposed_key,
    resolve_papers,
)
from kg.keys import author_key
from kg.model import Author, Authored, Cites, Node, Paper, Relationship
from kg.packed import PackedPaper, PackedPapers, pack, unpack
from kg.progress import Progress, stage
from kg.renormalise import renormalise
from kg.spool import EdgeSpool
from kg.store import update_node_columns, upsert_nodes, upsert_relationships
from loaders.extract import Extraction
from loaders.extract.workers import MIN_PAPERS, BackgroundExtraction, extract_in_workers
from loaders.listing import Listing, ListingProblem, load_listing
from loaders.s2 import Enrichment, EnrichOptions, EnrichReport
from loaders.s2 import enrich as s2_enrich

EXTRACTED_TYPES = ("PROPOSES", "USES", "COMPARES_WITH", "EVALUATED_ON")


@dataclass
class BuildOptions:
    #: False skips Semantic Scholar entirely (no requests, no cache)
    enrich: bool = True
    extract: bool = True
    s2: EnrichOptions = field(default_factory=EnrichOptions)


@dataclass
class FileReport:
    """What one listing file gave: its entries, the papers they are, and what was skipped."""

    listing: Listing
    #: distinct papers its entries are, not counting those an earlier file of the build listed
    stored: int = 0

    @property
    def merged(self) -> int:
        """Entries that are a paper an earlier entry (of this file or an earlier one) listed."""
        return self.listing.read - self.stored


@dataclass
class BuildReport:
    listings: list[Listing] = field(default_factory=list)
    files: list[FileReport] = field(default_factory=list)
    enrichment: EnrichReport | None = None
    #: listed papers S2 did not fill in (not found, rejected, or left for retry)
    unenriched: int = 0
    extraction: Counter = field(default_factory=Counter)
    #: `kg enrich`: papers it sent to S2, and citations the graph gained
    todo: int = 0
    new_citations: int = 0

    @property
    def entries(self) -> int:
        return sum(listing.read for listing in self.listings)

    @property
    def problems(self) -> list[ListingProblem]:
        return [p for listing in self.listings for p in listing.problems]

    @property
    def exit_code(self) -> int:
        """0 done; 1 done in part (entries skipped or papers left unenriched)."""
        return 1 if self.problems or self.unenriched else 0


def load_listings(
    paths: Sequence[str | Path], format: str | None = None, listing_year: int | None = None
) -> list[Listing]:
    """Parse every listing; a file that cannot be read at all raises ``ListingFileError``."""
    return [load_listing(path, format=format, listing_year=listing_year) for path in paths]


def listing_records(
    listings: Iterable[Listing],
) -> tuple[list[Paper], list[Node], list[Relationship]]:
    """Listed papers plus the authors a listing names (BibTeX, CSV), keyed by name.

    Each entry's paper carries a proposed key (see :func:`kg.identity.proposed_key`): two
    entries of one title are two records until identity decides whether they are one paper.
    An author name with nothing to key it by (no letter or digit) is left off its paper, with a
    note on the listing.
    """
    papers: list[Paper] = []
    authors: dict[str, Author] = {}
    authored: list[Relationship] = []
    for listing in listings:
        nameless: list[str] = []
        for entry in listing.entries:
            paper = entry.paper
            source = paper.listing_source
            paper = paper.model_copy(update={"key": proposed_key(paper.key, len(papers))})
            papers.append(paper)
            position = 0
            for name in entry.authors:
                try:
                    key = author_key(name=name)
                except ValueError:
                    nameless.append((source or "").rpartition(":")[2])
                    continue
                authors.setdefault(key, Author(key=key, name=name))
                authored.append(Authored(src=key, dst=paper.key, position=position))
                position += 1
        if nameless:
            lines = ", ".join(nameless[:5]) + (", …" if len(nameless) > 5 else "")
            listing.notes.append(
                f"{len(nameless)} author name(s) without a letter or digit left off their papers "
                f"(entries at lines {lines})"
            )
    return papers, list(authors.values()), authored


def write_graph(
    kb: Graph,
    nodes: Iterable[Node],
    rels: Iterable[Relationship] = (),
    index: IdentityIndex | None = None,
    spool: EdgeSpool | None = None,
) -> list[Paper]:
    """Write nodes, then relationships, giving papers their canonical keys first.

    ``index``: the papers known so far, for a run of writes that writes papers only through
    it (one read of the store's papers for them all); by default read from the store.
    ``spool``: holds the relationships of its type, to be written at the end of the run.
    Returns the papers as written (with canonical keys).
    """
    nodes = list(nodes)
    rels = list(rels)
    papers = [n for n in nodes if isinstance(n, Paper)]
    others = [n for n in nodes if not isinstance(n, Paper)]
    names = {n.key: n.name for n in others if isinstance(n, Author) and n.name}
    store = kb.store
    titles = [p.title_norm for p in papers]
    if not papers:
        index = IdentityIndex()  # nothing to resolve: the store's papers are not needed
    elif index is None:
        index = IdentityIndex.from_store(store, titles)
    else:
        index.read_authors(store, titles)
    resolution = resolve_papers(index, papers, rels, names)
    for keep, drop in resolution.merged_nodes:
        merge_paper_nodes(store, keep, drop)
        if spool is not None:
            spool.renamed(keep, drop)
    upsert_nodes(store, resolution.papers)
    upsert_nodes(store, others)
    rels = resolution.relationships
    upsert_relationships(store, spool.hold(rels) if spool is not None else rels)
    return resolution.papers


def build(
    kb: Graph,
    listings: Sequence[Listing],
    options: BuildOptions,
    progress: Progress | None = None,
    before_enrich: Callable[[Sequence[Paper], EnrichOptions], None] | None = None,
) -> BuildReport:
    """Build parsed ``listings`` (see :func:`load_listings`) into ``kb``: `kg build`.

    ``progress`` gets a task per stage (see :mod:`kg.progress`); ``before_enrich`` is called
    with the papers about to be sent to S2 and the options in force (to print the plan).
    """
    report = BuildReport(listings=list(listings))
    renormalise(kb.store)  # a graph of an earlier version: keys of every script, see kg.renormalise
    listed: Sequence[Paper] = write_listings(kb, report, progress)
    enriching = options.enrich and bool(listed)
    with _background(options.extract and enriching, len(listed)) as extraction:
        if enriching:
            if before_enrich:
                before_enrich(listed, options.s2)
            listed = enrich_papers(kb, listed, options.s2, report, progress, extraction)
        if options.extract and extraction is None:  # else enrich_papers wrote it
            with stage(progress, "extract", "extracting methods and benchmarks"):
                report.extraction = extract_into(kb, listed)
    return report


def write_listings(
    kb: Graph, report: BuildReport, progress: Progress | None = None
) -> PackedPapers:
    """Write the papers (and named authors) of ``report.listings``, file by file, noting each
    file's :class:`FileReport`; returns the distinct papers as written, packed (they are held
    through the whole build: see :mod:`kg.packed`)."""
    by_key: dict[str, PackedPaper] = {}
    for listing in report.listings:
        papers, authors, authored = listing_records([listing])
        with stage(progress, "write", f"writing {len(papers)} listed papers of {listing.path}"):
            written = write_graph(kb, [*papers, *authors], authored)
        del papers, authors, authored
        report.files.append(FileReport(listing, stored=sum(p.key not in by_key for p in written)))
        listing.release()  # written: the parsed entries are not held through the build
        for paper in written:
            if paper.key in by_key:
                paper = merge_records(paper, unpack(by_key[paper.key]))
            by_key[paper.key] = pack(paper)
        del written
    return PackedPapers.of_packed(list(by_key.values()))


def _background(wanted: bool, papers: int) -> AbstractContextManager[BackgroundExtraction | None]:
    """A worker extracting enriched papers a chunk at a time beside enrichment (the other core),
    for builds large enough to pay for handing them over; else nothing (extraction runs after)."""
    return BackgroundExtraction(workers=1) if wanted and papers >= MIN_PAPERS else nullcontext()


def enrich(
    kb: Graph,
    options: EnrichOptions,
    *,
    refresh: bool = False,
    progress: Progress | None = None,
    before_enrich: Callable[[Sequence[Paper], EnrichOptions], None] | None = None,
) -> BuildReport:
    """`kg enrich`: send S2 the listed papers it has not filled in yet (and those whose citation
    list a smaller cap cut short), or with ``refresh`` every enriched one, then extract from
    them. ``report.todo`` is how many papers that was (0: nothing to do) and
    ``report.new_citations`` how many citations the graph gained."""
    if refresh:
        papers = refreshable_papers(kb)
    else:
        papers = unenriched_papers(kb, options.max_citations if options.citations else 0)
    report = BuildReport(todo=len(papers))
    if not papers:
        return report
    before = _cites_count(kb)
    if before_enrich:
        before_enrich(papers, options)
    with _background(True, len(papers)) as extraction:
        enriched = enrich_papers(kb, papers, options, report, progress, extraction)
        if extraction is None:  # else enrich_papers wrote it
            with stage(progress, "extract", "extracting methods and benchmarks"):
                report.extraction = extract_into(kb, enriched)
    report.new_citations = _cites_count(kb) - before
    return report


def _cites_count(kb: Graph) -> int:
    return kb.cypher("MATCH (:Paper)-[r:CITES]->(:Paper) RETURN count(r) AS n")[0]["n"]


def enrich_papers(
    kb: Graph,
    papers: Sequence[Paper],
    options: EnrichOptions,
    report: BuildReport,
    progress: Progress | None = None,
    extraction: BackgroundExtraction | None = None,
) -> list[Paper]:
    """Enrich ``papers`` from S2 and write the result; returns the papers as now stored, or,
    given ``extraction``, none: each chunk's papers as written go to it instead, and what it
    extracted is written (into ``report.extraction``) when S2 is done, before the held
    citations, so that its results are not held through their flush.

    S2's answers come and are written a chunk of papers at a time (see :func:`loaders.s2.enrich`),
    each chunk in the order of the module docstring, so memory stays flat in the listing's size.

    On a store with a COPY path the citations of every chunk are held in a :class:`EdgeSpool`
    and written in one go when S2 is done (see :mod:`kg.spool` for why). Until then each
    paper S2 filled in is stored as :data:`CITATIONS_PENDING` (a retry status), and set to
    ``ok`` once its citations are stored (at the end, or when the spool is :attr:`~EdgeSpool.full`):
    a build interrupted before that leaves those papers to the next run, as any paper not yet
    enriched."""
    if not papers:
        return []
    written: list[Paper] = []
    index = IdentityIndex.from_store(kb.store, titles=())  # one read for every chunk
    spool = EdgeSpool(Cites) if bulk.available(kb.store) else None
    pending: list[str] = []

    def write(part: Enrichment) -> None:
        with stage(progress, "write", f"writing what S2 returned for {len(part.papers)} papers"):
            # Everything S2 returned before the papers' own status: see the module docstring.
            write_graph(kb, part.nodes, part.relationships, index, spool)
            authored = {r.dst for r in part.relationships if isinstance(r, Authored)}
            replace_listing_authors(kb, authored)
            stored = write_graph(kb, _pending(part.papers) if spool else part.papers, (), index)
            pending.extend(p.key for p in stored if p.s2_status == CITATIONS_PENDING)
            if spool is not None and spool.full:
                flush()
            if extraction is not None:
                extraction.submit(stored)
            else:
                written.extend(stored)

    def flush() -> None:
        assert spool is not None
        if spool.held:
            with stage(progress, "write", f"writing {spool.held:,} citations"):
                spool.flush(kb.store)
        _set_ok(kb, [spool.key(k) for k in pending])
        pending.clear()

    try:
        with counts.deferred(kb.store):
            result = s2_enrich(papers, options, progress=progress, sink=write)
            # S2 is done: the index's memory (0.85 GiB at 1M papers) goes before the flush,
            # a build's peak
            index = IdentityIndex()
            if extraction is not None:
                with stage(progress, "extract", "writing the methods and benchmarks extracted"):
                    report.extraction = extract_into(kb, (), extraction)
            if spool is not None:
                flush()
        if spool is not None:
            written = [_ok(p) for p in written]
    finally:
        if spool is not None:
            spool.close()
    report.enrichment = result.report
    report.unenriched = result.report.papers - result.report.enriched
    return written


#: the ``s2_status`` of a paper S2 filled in whose citations are still held (kg.spool)
CITATIONS_PENDING = "retry:citations_pending"


def _pending(papers: Sequence[Paper]) -> list[Paper]:
    return [
        p.model_copy(update={"s2_status": CITATIONS_PENDING}) if p.s2_status == "ok" else p
        for p in papers
    ]


def _ok(paper: Paper) -> Paper:
    if paper.s2_status != CITATIONS_PENDING:
        return paper
    return paper.model_copy(update={"s2_status": "ok"})


def _set_ok(kb: Graph, keys: list[str]) -> None:
    """The papers ``keys`` have their citations stored: their ``s2_status`` is ``ok``."""
    update_node_columns(kb.store, "Paper", keys, {"s2_status": ["ok"] * len(keys)})


def replace_listing_authors(kb: Graph, paper_keys: Iterable[str]) -> None:
    """S2's authors (keyed by authorId) replace the names a listing gave for the same papers;
    name-only authors left with no paper go too."""
    keys = sorted(paper_keys)
    if not keys:
        return
    listing_edges = (
        "UNWIND $keys AS k MATCH (a:Author)-[r:AUTHORED]->(p:Paper {key: k}) "
        "WHERE r.source = 'listing' "
    )
    authors = [
        r["key"] for r in kb.cypher(listing_edges + "RETURN DISTINCT a.key AS key", {"keys": keys})
    ]
    if not authors:
        return
    kb.cypher(listing_edges + "DELETE r", {"keys": keys})
    counts.refresh(kb.store, "Author", authors)
    kb.cypher(
        "UNWIND $keys AS k MATCH (a:Author {key: k}) "
        "WHERE a.key STARTS WITH 'name:' AND NOT (a)-[:AUTHORED]->() DELETE a",
        {"keys": authors},
    )


def stored_papers(
    kb: Graph, where: str = "p.listed = true", params: dict | None = None
) -> list[Paper]:
    """Listed papers as stored, as records the loaders can work on again."""
    columns = ", ".join(f"p.{f} AS {f}" for f in Paper.model_fields)
    rows = kb.cypher(f"MATCH (p:Paper) WHERE {where} RETURN {columns} ORDER BY p.key", params or {})
    return [Paper(**row) for row in rows]


#: a capped list holding less than this share of what a new cap allows is fetched again
CAPPED_SHARE = 0.9
_CAPPED = (
    "MATCH (p:Paper) WHERE p.listed = true AND p.s2_status = 'ok' AND p.citations_truncated = true "
    "OPTIONAL MATCH (q:Paper)-[:CITES]->(p) "
    "RETURN p.key AS key, p.citation_count AS citations, count(q) AS stored"
)


def unenriched_papers(kb: Graph, max_citations: int | None = None) -> list[Paper]:
    """Listed papers S2 has not filled in yet (never tried, or marked for retry), and, given
    ``max_citations``, those whose citation list an earlier, smaller cap cut short."""
    todo = stored_papers(
        kb, "p.listed = true AND (p.s2_status IS NULL OR p.s2_status STARTS WITH 'retry')"
    )
    if max_citations:
        capped = [
            r["key"]
            for r in kb.cypher(_CAPPED)
            if r["stored"] < CAPPED_SHARE * min(r["citations"] or 0, max_citations)
        ]
        if capped:
            todo += stored_papers(kb, "p.key IN $keys", {"keys": capped})
    return todo


def refreshable_papers(kb: Graph) -> list[Paper]:
    """Listed papers a refresh asks S2 about again: the enriched ones and those still to do
    (not those S2 did not find or whose match was rejected)."""
    return stored_papers(
        kb,
        "p.listed = true AND (p.s2_status IS NULL OR p.s2_status = 'ok' "
        "OR p.s2_status STARTS WITH 'retry')",
    )


def extract_into(
    kb: Graph, papers: Sequence[Paper], background: BackgroundExtraction | None = None
) -> Counter:
    """Extract methods, benchmarks and results from ``papers`` and write them: ``background``'s
    result when given (it was handed the papers: ``papers`` is not read), else extracted here,
    on both cores when there are many (:func:`loaders.extract.workers.extract_in_workers`)."""
    extraction: Extraction = background.result() if background else extract_in_workers(papers)
    write_graph(kb, [*extraction.methods, *extraction.benchmarks], extraction.relationships)
    return Counter(
        {
            "Method": len(extraction.methods),
            "Benchmark": len(extraction.benchmarks),
            **Counter(type(r).type for r in extraction.relationships),
        }
    )


def reextract(kb: Graph) -> Counter:
    """`kg extract`: drop earlier extracted edges and orphaned methods and benchmarks, then
    extract again from the stored papers (no S2 request)."""
    for rel_type in EXTRACTED_TYPES:
        kb.cypher(
            f"MATCH (:Paper)-[r:{rel_type}]->() WHERE r.source STARTS WITH 'extract:' DELETE r"
        )
    for label in ("Method", "Benchmark"):
        kb.cypher(f"MATCH (n:{label}) WHERE NOT (n)<--() DELETE n")
    return extract_into(kb, stored_papers(kb))
