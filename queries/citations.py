"""The citation graph around a paper: references, citers, co-citation, bibliographic coupling,
paths between papers, and the reading list the user is missing.

Single-paper helpers take a key (``s2:...``) and run one statement looked up by key; any other
reference (arXiv id, DOI, title) is resolved to a key by one :func:`queries.papers.paper`
lookup first. An unknown paper gives an empty result.
"""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from queries._rows import (
    PaperRef,
    PaperSummary,
    PathRow,
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
def references(kb: KnowledgeGraph, paper: PaperRef) -> Rows[Citation]:
    """Papers ``paper`` cites, most cited first.

    >>> [r.key for r in references(kb, "s2:L1")]  # doctest: +SKIP
    ['s2:U2', 's2:U1', 's2:L5']
    """
    key = resolve_key(kb, paper)
    return run(kb, _REFERENCES, {"key": key}, Citation) if key else Rows(Citation)


_CITED_BY = (
    "MATCH (p:Paper {key: $key})<-[r:CITES]-(q:Paper) "
    f"RETURN {paper_columns('q')}, r.is_influential AS is_influential, r.intents AS intents "
    + _ORDER
)


@helper
def cited_by(kb: KnowledgeGraph, paper: PaperRef) -> Rows[Citation]:
    """Papers citing ``paper``, most cited first.

    >>> [r.key for r in cited_by(kb, "s2:L1")]  # doctest: +SKIP
    ['s2:L3']
    """
    key = resolve_key(kb, paper)
    return run(kb, _CITED_BY, {"key": key}, Citation) if key else Rows(Citation)


_CO_CITED = (
    "MATCH (p:Paper {key: $key})<-[:CITES]-(c:Paper)-[:CITES]->(q:Paper) WHERE q.key <> $key "
    "WITH q, count(DISTINCT c) AS count "
    f"RETURN {paper_columns('q')}, count ORDER BY count DESC, q.key LIMIT $limit"
)


@helper
def co_cited(kb: KnowledgeGraph, paper: PaperRef, limit: int = 20) -> Rows[SharedCount]:
    """Papers cited together with ``paper``: ``count`` papers cite both. Most first, then key.

    >>> [(r.key, r.count) for r in co_cited(kb, "s2:U1", limit=2)]  # doctest: +SKIP
    [('s2:U2', 3), ('s2:U3', 3)]
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
def bibliographic_coupling(
    kb: KnowledgeGraph, paper: PaperRef, limit: int = 20
) -> Rows[SharedCount]:
    """Papers sharing references with ``paper``: ``count`` references in common. Most first.

    >>> [(r.key, r.count) for r in bibliographic_coupling(kb, "s2:L1", limit=2)]  # doctest: +SKIP
    [('s2:L2', 2), ('s2:L4', 2)]
    """
    key = resolve_key(kb, paper)
    params = {"key": key, "limit": check_limit(limit)}
    return run(kb, _COUPLING, params, SharedCount) if key else Rows(SharedCount)


_TITLE = "{x}.title"


def _existing(kb: KnowledgeGraph, label: str, keys: list[str]) -> set[str]:
    rows = kb.cypher(f"MATCH (n:{label}) WHERE n.key IN $keys RETURN n.key AS key", {"keys": keys})
    return {r["key"] for r in rows}


@helper
def citation_path(
    kb: KnowledgeGraph, a: PaperRef, b: PaperRef, max_hops: int = 4, limit: int = 10
) -> Rows[PathRow]:
    """Shortest citation paths between two papers, either direction along each edge.

    Every shortest path (up to ``limit``) is returned, ordered by its node keys: the stores
    would otherwise each pick a different one of several equally short paths.

    >>> [p.keys for p in citation_path(kb, "s2:L3", "s2:U3")]  # doctest: +SKIP
    [['s2:L3', 's2:L1', 's2:L5', 's2:U3'], ['s2:L3', 's2:U1', 's2:L2', 's2:U3'], ...]
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
def missing_papers(kb: KnowledgeGraph, min_citing: int = 2, limit: int = 50) -> Rows[MissingPaper]:
    """Papers outside the list cited by at least ``min_citing`` listed papers: the reading list
    the user is missing. Most citing first, then S2 citation count, then key.

    >>> [(r.key, r.citing) for r in missing_papers(kb, min_citing=3)]  # doctest: +SKIP
    [('s2:U1', 5), ('s2:U3', 3), ('s2:U2', 3)]
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
def influential_citations(kb: KnowledgeGraph, paper: PaperRef) -> Rows[Citation]:
    """Papers citing ``paper`` that S2 marks as influenced by it (``is_influential``).

    >>> [r.key for r in influential_citations(kb, "s2:U1")]  # doctest: +SKIP
    ['s2:L1']
    """
    key = resolve_key(kb, paper)
    return run(kb, _INFLUENTIAL, {"key": key}, Citation) if key else Rows(Citation)


__all__ = [
    "references",
    "cited_by",
    "co_cited",
    "bibliographic_coupling",
    "citation_path",
    "missing_papers",
    "influential_citations",
    "Citation",
    "SharedCount",
    "MissingPaper",
]
