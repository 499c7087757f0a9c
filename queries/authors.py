"""Authors: lookup, their papers, co-authors, the most prolific authors of the listing, and how
two authors are connected through co-authorship.

Helpers taking an author accept its key (``s2:...`` or ``name:...``), used as is, or an S2 author
id, name or alias, resolved by one :func:`author` lookup first (the best match: exact key, then
most papers in the graph). An unknown author gives an empty result.
"""

from __future__ import annotations

from kg.graph import Graph
from kg.resolve import candidates
from queries._rows import (
    AuthorRef,
    PaperSummary,
    PathRow,
    Row,
    Rows,
    check_limit,
    helper,
    key_of,
    paper_columns,
    path_statement,
    run,
)


class AuthorRow(Row):
    key: str
    name: str | None = None
    s2_id: str | None = None
    h_index: int | None = None
    citation_count: int | None = None
    #: papers in this graph
    papers: int


class AuthoredPaper(PaperSummary):
    position: int | None = None


class Coauthor(Row):
    key: str
    name: str | None = None
    #: papers written together
    papers: int


class TopAuthor(Row):
    key: str
    name: str | None = None
    #: listed papers
    papers: int
    #: sum of the S2 citation counts of those papers
    citations: int


# UNWIND, not `WHERE a.key IN $keys`: a primary-key lookup per key, not a scan of the authors
_AUTHOR = (
    "UNWIND $keys AS k MATCH (a:Author {key: k}) "
    "WITH a, COUNT { MATCH (a)-[:AUTHORED]->(:Paper) } AS papers "
    "RETURN a.key AS key, a.name AS name, a.s2_id AS s2_id, a.h_index AS h_index, "
    "a.citation_count AS citation_count, papers"
)


@helper
def author(kb: Graph, name_or_id: str) -> Rows[AuthorRow]:
    """Authors named by a key, S2 author id, name or alias (case-insensitive); best match
    first (exact key, then names, then aliases; then most papers in the graph).

    >>> from kg.examples import example_graph
    >>> [(a.key, a.papers) for a in author(example_graph(), "edward j. hu")]
    [('name:edward j hu', 1)]
    """
    ranks = {node.key: rank for rank, node in candidates(kb, "Author", name_or_id)}
    if not ranks:
        return Rows(AuthorRow)
    rows = run(kb, _AUTHOR, {"keys": list(ranks)}, AuthorRow)
    return Rows(AuthorRow, sorted(rows, key=lambda r: (ranks[r.key], -r.papers, r.key)))


def resolve_key(kb: Graph, ref: str) -> str | None:
    """The key of the author ``ref`` names, or None (:func:`kg.resolve.find_key`)."""
    return key_of(kb, "Author", ref)


def exists(kb: Graph, ref: str) -> bool:
    """Whether ``ref`` names a stored author."""
    return resolve_key(kb, ref) is not None


_PAPERS_BY = (
    "MATCH (a:Author {key: $key})-[r:AUTHORED]->(p:Paper) "
    f"RETURN {paper_columns('p')}, r.position AS position "
    "ORDER BY coalesce(p.year, -1) DESC, p.key"
)


@helper
def papers_by(kb: Graph, author: AuthorRef) -> Rows[AuthoredPaper]:
    """Papers ``author`` wrote, newest first.

    >>> [p.key for p in papers_by(kb, "Edward J. Hu")]
    ['arxiv:2106.09685']
    """
    key = resolve_key(kb, author)
    return run(kb, _PAPERS_BY, {"key": key}, AuthoredPaper) if key else Rows(AuthoredPaper)


_COAUTHORS = (
    "MATCH (a:Author {key: $key})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(o:Author) WHERE o.key <> $key "
    "WITH o, count(DISTINCT p) AS papers "
    "RETURN o.key AS key, o.name AS name, papers ORDER BY papers DESC, o.key LIMIT $limit"
)


@helper
def coauthors(kb: Graph, author: AuthorRef, limit: int = 50) -> Rows[Coauthor]:
    """Co-authors of ``author`` with the number of papers written together, most first.

    >>> [(c.name, c.papers) for c in coauthors(kb, "tim dettmers")]
    [('Artidoro Pagnoni', 1)]
    """
    key = resolve_key(kb, author)
    params = {"key": key, "limit": check_limit(limit)}
    return run(kb, _COAUTHORS, params, Coauthor) if key else Rows(Coauthor)


# Both counts are kept on the author at write time (kg.counts): no edge is counted here.
_TOP_AUTHORS = (
    "MATCH (a:Author) WHERE a.listed_papers > 0 "
    "RETURN a.key AS key, a.name AS name, a.listed_papers AS papers, a.listed_citations AS citations "
    "ORDER BY a.listed_papers DESC, a.listed_citations DESC, a.key LIMIT $limit"
)


@helper
def top_authors(kb: Graph, limit: int = 20) -> Rows[TopAuthor]:
    """Authors with the most listed papers (then most citations of them, then key).

    >>> top_authors(kb, limit=1)[0].name
    'Edward J. Hu'
    """
    return run(kb, _TOP_AUTHORS, {"limit": check_limit(limit)}, TopAuthor)


_NAME = "coalesce({x}.name, {x}.title)"


@helper
def collaboration_path(
    kb: Graph, a: AuthorRef, b: AuthorRef, max_hops: int = 4, limit: int = 10
) -> Rows[PathRow]:
    """Shortest co-authorship chains from author ``a`` to ``b``: the path alternates authors
    and the papers they share (``max_hops`` counts author-to-author steps). All shortest
    chains up to ``limit``, ordered by node keys.

    >>> collaboration_path(kb, "Tim Dettmers", "Artidoro Pagnoni")[0].names
    ['Tim Dettmers', 'QLoRA: Efficient Finetuning of Quantized LLMs', 'Artidoro Pagnoni']
    """
    if not isinstance(max_hops, int) or not 1 <= max_hops <= 15:
        raise ValueError(f"max_hops must be an integer from 1 to 15, got {max_hops!r}")
    statement = path_statement("Author", "Author", "AUTHORED", 2 * max_hops, _NAME)
    start, end = resolve_key(kb, a), resolve_key(kb, b)
    if not start or not end or start == end:
        return Rows(PathRow)
    found = kb.cypher(
        "MATCH (n:Author) WHERE n.key IN $keys RETURN n.key AS key", {"keys": [start, end]}
    )
    # LadybugDB 0.22 crashes the process on ALL SHORTEST towards a missing node: check first.
    if {r["key"] for r in found} != {start, end}:
        return Rows(PathRow)
    return run(kb, statement, {"a": start, "b": end, "limit": check_limit(limit)}, PathRow)


__all__ = [
    "author",
    "papers_by",
    "coauthors",
    "top_authors",
    "collaboration_path",
    "resolve_key",
    "exists",
    "AuthorRow",
    "AuthoredPaper",
    "Coauthor",
    "TopAuthor",
]
