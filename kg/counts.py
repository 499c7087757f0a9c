"""Counts kept on the nodes at write time, so graph-wide rankings read one property per node
instead of counting edges across the whole graph.

========================  ==============================================================
``Paper.cited_in_graph``  papers in this graph citing it (``top_cited``)
``Paper.cited_by_listed`` listed papers citing it (``missing_papers``)
``Author.listed_papers``  listed papers they wrote (``top_authors``)
``Author.listed_citations`` the sum of those papers' S2 citation counts (``top_authors``)
========================  ==============================================================

Every write path refreshes the counts its write may have changed: :func:`kg.store.upsert_relationships`
those of the cited papers (CITES) and of the authors (AUTHORED); :func:`kg.store.upsert_nodes`
those around papers whose ``listed`` flag (or, for a listed paper, citation count) it set;
identity merges and the pipeline's deletions theirs. A refresh recomputes a count from the
edges, never increments it, so running it again changes nothing and a write that is run again
after a crash repairs the counts with the graph. Statements of your own (``kg cypher --write``)
are not followed: :func:`refresh_all` recomputes every count.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from operator import attrgetter
from typing import Any

from kg.model import NODE_BY_LABEL, Node, Paper, Relationship

#: above this share of a label's nodes a refresh recomputes them all (one scan beats lookups)
ALL_SHARE = 0.25

_SET = {
    "Paper": (
        "OPTIONAL MATCH (n)<-[:CITES]-(c:Paper) "
        "WITH n, count(c) AS cited, count(CASE WHEN c.listed = true THEN 1 END) AS by_listed "
        "SET n.cited_in_graph = cited, n.cited_by_listed = by_listed"
    ),
    "Author": (
        "OPTIONAL MATCH (n)-[:AUTHORED]->(p:Paper) WHERE p.listed = true "
        "WITH n, count(DISTINCT p) AS papers, sum(coalesce(p.citation_count, 0)) AS citations "
        "SET n.listed_papers = papers, n.listed_citations = coalesce(citations, 0)"
    ),
}
#: nodes whose counts a new or changed edge may change: (label, endpoint)
_EDGE_ENDS = {"CITES": ("Paper", "dst"), "AUTHORED": ("Author", "src")}
#: from papers to the nodes whose counts depend on whether those papers are listed
_AROUND_PAPERS = {
    "Paper": "UNWIND $rows AS row MATCH (:Paper {key: row.key})-[:CITES]->(n:Paper) WITH DISTINCT n ",
    "Author": "UNWIND $rows AS row MATCH (:Paper {key: row.key})<-[:AUTHORED]-(n:Author) WITH DISTINCT n ",
}
#: what a paper write is compared against to know whether counts around the paper change
STORED_PAPER_FIELDS = ("listed", "citation_count")


def refresh(store, label: str, keys: Iterable[str]) -> None:
    """Recompute the counts of the ``label`` nodes with ``keys`` (missing keys are skipped)."""
    if label not in _SET:
        return
    pending = _DEFERRED.get()
    if pending is not None:
        pending.setdefault(label, set()).update(keys)
        return
    keys = set(keys)
    if not keys:
        return
    if len(keys) > ALL_SHARE * _size(store, label):
        store.run(f"MATCH (n:{label}) {_SET[label]}")
        return
    rows = [{"key": k} for k in sorted(keys)]
    store.run_batches(f"UNWIND $rows AS row MATCH (n:{label} {{key: row.key}}) {_SET[label]}", rows)


#: what the :func:`deferred` block refreshes when it ends: label -> keys of nodes whose counts
#: to recompute, and ``_AROUND`` -> keys of papers whose surroundings to
_DEFERRED: ContextVar[dict[str, set[str]] | None] = ContextVar("kg_counts_deferred", default=None)
_AROUND = "around papers"


@contextmanager
def deferred(store) -> Iterator[None]:
    """Refresh the counts the writes inside change once, when the block ends: one scan of the
    graph for a build written a chunk at a time, instead of lookups for every chunk. A crash
    inside leaves them to the next run, which writes the same edges and the same papers as
    listed again and so refreshes them (see :func:`changed_papers`)."""
    if _DEFERRED.get() is not None:
        yield
        return
    pending: dict[str, set[str]] = {}
    token = _DEFERRED.set(pending)
    try:
        yield
    finally:
        _DEFERRED.reset(token)
    around = pending.pop(_AROUND, set())
    if len(around) > ALL_SHARE * _size(store, "Paper"):
        refresh_all(store)  # every count, those of the edges written too
        return
    for label, keys in pending.items():
        refresh(store, label, keys)
    refresh_around_papers(store, around)


def refresh_around_papers(store, keys: Iterable[str]) -> None:
    """Recompute the counts that depend on whether the papers ``keys`` are listed: of the papers
    they cite and of their authors."""
    pending = _DEFERRED.get()
    if pending is not None:
        pending.setdefault(_AROUND, set()).update(keys)
        return
    keys = sorted(set(keys))
    if not keys:
        return
    if len(keys) > ALL_SHARE * _size(store, "Paper"):
        refresh_all(store)
        return
    rows = [{"key": k} for k in keys]
    for label, start in _AROUND_PAPERS.items():
        store.run_batches(start + _SET[label], rows)


def refresh_all(store) -> None:
    """Recompute every count from the edges (after writes made outside :mod:`kg.store`)."""
    for label, statement in _SET.items():
        store.run(f"MATCH (n:{label}) {statement}")


def refresh_if_missing(store) -> bool:
    """Compute every count once when some node lacks them (a Neo4j database an older version
    wrote; the embedded store adds its columns and does the same). Returns whether it did."""
    for label in _SET:
        field = NODE_BY_LABEL[label].counts[0]
        if store.run(f"MATCH (n:{label}) WHERE n.{field} IS NULL RETURN n.key AS key LIMIT 1"):
            refresh_all(store)
            return True
    return False


def after_nodes(
    store, model: type[Node], nodes: Sequence[Node], stored: Mapping[str, Mapping[str, Any]]
) -> None:
    """Refresh what writing ``nodes`` changed; ``stored`` holds, for the papers that existed
    before the write, their :data:`STORED_PAPER_FIELDS`. A new node has no edges yet, so no
    count depends on it; its own counts start at 0 (the embedded tables' default; on Neo4j,
    which has no defaults, they are set here)."""
    if model.counts and store.dialect != "embedded":
        new = (
            [n.key for n in nodes if n.key not in stored]
            if model is Paper
            else [n.key for n in nodes]
        )
        refresh(store, model.label, new)
    if model is Paper:
        refresh_around_papers(store, changed_papers(nodes, stored))


def changed_papers(papers: Sequence[Paper], stored: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Keys of existing papers whose write may change counts around them: the listed flag
    flipped, a listed paper's citation count changed, or the paper was written as listed (so
    that a write run again after a crash repairs what the first one left unrefreshed).

    >>> old = {"s2:a": {"listed": None, "citation_count": 3}, "s2:b": {"listed": False, "citation_count": 1}}
    >>> changed_papers([Paper(key="s2:a", citation_count=4), Paper(key="s2:b", listed=True), Paper(key="s2:c", listed=True)], old)
    ['s2:b']
    """
    out = []
    for paper in papers:
        old = stored.get(paper.key)
        if old is None:
            continue
        listed = paper.listed if paper.listed is not None else old["listed"]
        if (
            paper.listed is True
            or (listed is True) != (old["listed"] is True)
            or (listed is True and paper.citation_count not in (None, old["citation_count"]))
        ):
            out.append(paper.key)
    return out


def after_relationships(store, model: type[Relationship], rels: Sequence[Relationship]) -> None:
    """Refresh the nodes whose counts the edges ``rels`` (written or deleted) change."""
    ends = _EDGE_ENDS.get(model.type)
    if ends:
        label, end = ends
        refresh(store, label, map(attrgetter(end), rels))


def after_relationship_ends(
    store, model: type[Relationship], columns: Mapping[str, Sequence[str]]
) -> None:
    """:func:`after_relationships` for edges given as columns (``columns["src"]``,
    ``columns["dst"]``: their endpoints' keys)."""
    ends = _EDGE_ENDS.get(model.type)
    if ends:
        label, end = ends
        refresh(store, label, columns[end])


def _size(store, label: str) -> int:
    return store.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]


__all__ = [
    "refresh",
    "refresh_around_papers",
    "refresh_all",
    "refresh_if_missing",
    "after_nodes",
    "after_relationships",
    "after_relationship_ends",
    "changed_papers",
]
