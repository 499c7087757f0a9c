"""The citation graph around a paper: references, citers, co-citation, bibliographic coupling,
paths between papers, the reading list the user is missing, why one paper cites another and
which citations are new since a date.

Single-paper helpers take a key (``s2:...``) and run one statement looked up by key; any other
reference (arXiv id, DOI, title) is resolved to a key by one :func:`queries.papers.paper`
lookup first. An unknown paper gives an empty result.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from kg.graph import Graph
from queries._rows import (
    PaperRef,
    PaperSummary,
    PathRow,
    Row,
    Rows,
    check_limit,
    helper,
    paper_columns,
    path_statement,
    run,
)
from queries.papers import resolve_key


class Citation(PaperSummary):
    is_influential: bool | None = None
    intents: list[str] | None = None


class WhyCited(Row):
    """One CITES edge: S2's intents, whether it is influential, and the citing sentences."""

    citing: str
    citing_title: str | None = None
    cited: str
    cited_title: str | None = None
    is_influential: bool | None = None
    intents: list[str] | None = None
    contexts: list[str] | None = None
    first_seen: str | None = None


class NewCitation(PaperSummary):
    """A paper citing a listed one through an edge first seen since a date."""

    cited: str
    cited_title: str | None = None
    first_seen: str
    is_influential: bool | None = None
    intents: list[str] | None = None


class SharedCount(PaperSummary):
    #: co-citation: papers citing both; coupling: references both cite
    count: int


class MissingPaper(PaperSummary):
    #: listed papers citing it
    citing: int


_ORDER = "ORDER BY coalesce(q.citation_count, -1) DESC, q.key"

_REFERENCES = (
    "MATCH (p:Paper {key: $key})-[r:CITES]->(q:Paper) "
    f"RETURN {paper_columns('q')}, r.is_influential AS is_influential, r.intents AS intents "
    + _ORDER
)


@helper
def references(kb: Graph, paper: PaperRef) -> Rows[Citation]:
    """Papers ``paper`` cites, most cited first.

    >>> [r.key for r in references(kb, "https://arxiv.org/abs/2106.09685")]
    ['arxiv:1706.03762', 'doi:10.1109/cvpr.2016.90']
    """
    key = resolve_key(kb, paper)
    return run(kb, _REFERENCES, {"key": key}, Citation) if key else Rows(Citation)


_CITED_BY = (
    "MATCH (p:Paper {key: $key})<-[r:CITES]-(q:Paper) "
    f"RETURN {paper_columns('q')}, r.is_influential AS is_influential, r.intents AS intents "
    + _ORDER
)


@helper
def cited_by(kb: Graph, paper: PaperRef) -> Rows[Citation]:
    """Papers citing ``paper``, most cited first.

    >>> [r.key for r in cited_by(kb, "Attention Is All You Need")]
    ['arxiv:2106.09685', 'arxiv:2305.14314']
    """
    key = resolve_key(kb, paper)
    return run(kb, _CITED_BY, {"key": key}, Citation) if key else Rows(Citation)


_CO_CITED = (
    "MATCH (p:Paper {key: $key})<-[:CITES]-(c:Paper)-[:CITES]->(q:Paper) WHERE q.key <> $key "
    "WITH q, count(DISTINCT c) AS count "
    f"RETURN {paper_columns('q')}, count ORDER BY count DESC, q.key LIMIT $limit"
)


@helper
def co_cited(kb: Graph, paper: PaperRef, limit: int = 20) -> Rows[SharedCount]:
    """Papers cited together with ``paper``: ``count`` papers cite both. Most first, then key.

    >>> [(r.key, r.count) for r in co_cited(kb, "1706.03762", limit=2)]
    [('arxiv:2106.09685', 1), ('doi:10.1109/cvpr.2016.90', 1)]
    """
    key = resolve_key(kb, paper)
    params = {"key": key, "limit": check_limit(limit)}
    return run(kb, _CO_CITED, params, SharedCount) if key else Rows(SharedCount)


_COUPLING = (
    "MATCH (p:Paper {key: $key})-[:CITES]->(r:Paper)<-[:CITES]-(q:Paper) WHERE q.key <> $key "
    "WITH q, count(DISTINCT r) AS count "
    f"RETURN {paper_columns('q')}, count ORDER BY count DESC, q.key LIMIT $limit"
)


@helper
def bibliographic_coupling(kb: Graph, paper: PaperRef, limit: int = 20) -> Rows[SharedCount]:
    """Papers sharing references with ``paper``: ``count`` references in common. Most first.

    >>> [(r.key, r.count) for r in bibliographic_coupling(kb, "2106.09685", limit=2)]
    [('arxiv:2305.14314', 1)]
    """
    key = resolve_key(kb, paper)
    params = {"key": key, "limit": check_limit(limit)}
    return run(kb, _COUPLING, params, SharedCount) if key else Rows(SharedCount)


_TITLE = "{x}.title"


def _existing(kb: Graph, label: str, keys: list[str]) -> set[str]:
    rows = kb.cypher(f"MATCH (n:{label}) WHERE n.key IN $keys RETURN n.key AS key", {"keys": keys})
    return {r["key"] for r in rows}


@helper
def citation_path(
    kb: Graph, a: PaperRef, b: PaperRef, max_hops: int = 4, limit: int = 10
) -> Rows[PathRow]:
    """Shortest citation paths between two papers, either direction along each edge.

    Every shortest path (up to ``limit``) is returned, ordered by its node keys: the stores
    would otherwise each pick a different one of several equally short paths.

    >>> [p.keys for p in citation_path(kb, "2305.14314", "10.1109/CVPR.2016.90")]
    [['arxiv:2305.14314', 'arxiv:2106.09685', 'doi:10.1109/cvpr.2016.90']]
    """
    statement = path_statement("Paper", "Paper", "CITES", max_hops, _TITLE)
    start, end = resolve_key(kb, a), resolve_key(kb, b)
    # LadybugDB 0.22 crashes the process on ALL SHORTEST towards a missing node: check first.
    if not start or not end or start == end or _existing(kb, "Paper", [start, end]) != {start, end}:
        return Rows(PathRow)
    return run(kb, statement, {"a": start, "b": end, "limit": check_limit(limit)}, PathRow)


# cited_by_listed is kept on the node at write time (kg.counts): an index range, no edge counted.
_MISSING = (
    "MATCH (q:Paper) WHERE q.cited_by_listed >= $min_citing AND coalesce(q.listed, false) = false "
    f"RETURN {paper_columns('q')}, q.cited_by_listed AS citing "
    "ORDER BY q.cited_by_listed DESC, coalesce(q.citation_count, -1) DESC, q.key LIMIT $limit"
)


@helper
def missing_papers(kb: Graph, min_citing: int = 2, limit: int = 50) -> Rows[MissingPaper]:
    """Papers outside the list cited by at least ``min_citing`` listed papers: the reading list
    the user is missing. Most citing first, then S2 citation count, then key.

    >>> [(r.key, r.citing) for r in missing_papers(kb, min_citing=1)]
    [('doi:10.1109/cvpr.2016.90', 1)]
    """
    # at least one listed paper cites it, whatever min_citing says
    params = {"min_citing": max(1, int(min_citing)), "limit": check_limit(limit)}
    return run(kb, _MISSING, params, MissingPaper)


_INFLUENTIAL = (
    "MATCH (p:Paper {key: $key})<-[r:CITES]-(q:Paper) WHERE r.is_influential = true "
    f"RETURN {paper_columns('q')}, r.is_influential AS is_influential, r.intents AS intents "
    + _ORDER
)


@helper
def influential_citations(kb: Graph, paper: PaperRef) -> Rows[Citation]:
    """Papers citing ``paper`` that S2 marks as influenced by it (``is_influential``).

    >>> [r.key for r in influential_citations(kb, "2106.09685")]
    ['arxiv:2305.14314']
    """
    key = resolve_key(kb, paper)
    return run(kb, _INFLUENTIAL, {"key": key}, Citation) if key else Rows(Citation)


_WHY_CITED = (
    "MATCH (a:Paper {key: $citing})-[r:CITES]->(b:Paper {key: $cited}) "
    "RETURN a.key AS citing, a.title AS citing_title, b.key AS cited, b.title AS cited_title, "
    "r.is_influential AS is_influential, r.intents AS intents, r.contexts AS contexts, "
    "r.first_seen AS first_seen"
)


@helper
def why_cited(kb: Graph, citing: PaperRef, cited: PaperRef) -> Rows[WhyCited]:
    """Why ``citing`` cites ``cited``: S2's intents and the citing sentences (up to 3, in S2's
    order). One row, or none when the graph holds no such citation.

    >>> why_cited(kb, "QLoRA: Efficient Finetuning of Quantized LLMs", "2106.09685")[0].intents
    ['methodology']
    """
    a, b = resolve_key(kb, citing), resolve_key(kb, cited)
    if not a or not b:
        return Rows(WhyCited)
    return run(kb, _WHY_CITED, {"citing": a, "cited": b}, WhyCited)


def since_timestamp(since: str | date) -> str:
    """The ``first_seen`` form of a date or ISO date-time (a date means its midnight, UTC).

    >>> since_timestamp("2026-11-25"), since_timestamp("2026-11-25T13:05:00+01:00")
    ('2026-11-25T00:00:00Z', '2026-11-25T12:05:00Z')
    """
    if isinstance(since, datetime):
        moment = since
    elif isinstance(since, date):
        moment = datetime(since.year, since.month, since.day)
    else:
        text = str(since).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"since must be a date (YYYY-MM-DD) or an ISO date-time, got {since!r}"
            ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_NEW_CITATIONS = (
    "MATCH (q:Paper)-[r:CITES]->(p:Paper) WHERE p.listed = true AND r.first_seen >= $since "
    f"RETURN {paper_columns('q')}, p.key AS cited, p.title AS cited_title, r.first_seen AS first_seen, "
    "r.is_influential AS is_influential, r.intents AS intents "
    "ORDER BY first_seen DESC, q.key, cited LIMIT $limit"
)


@helper
def new_citations(kb: Graph, since: str, limit: int = 100) -> Rows[NewCitation]:
    """Papers citing the listed ones through citations this graph first held on or after
    ``since`` (a date, or an ISO date-time), newest first: what is new since you last looked.

    >>> [(r.key, r.first_seen) for r in new_citations(kb, since="2026-11-25")]
    [('arxiv:2305.14314', '2026-12-01T09:00:00Z')]
    """
    params = {"since": since_timestamp(since), "limit": check_limit(limit)}
    return run(kb, _NEW_CITATIONS, params, NewCitation)


__all__ = [
    "references",
    "cited_by",
    "co_cited",
    "bibliographic_coupling",
    "citation_path",
    "missing_papers",
    "influential_citations",
    "why_cited",
    "new_citations",
    "since_timestamp",
    "Citation",
    "WhyCited",
    "NewCitation",
    "SharedCount",
    "MissingPaper",
]
