"""Graph analytics with networkx on the citation graph read by Cypher: PageRank, Louvain
communities, betweenness; :func:`analyze` writes ``pagerank`` and ``community`` back to the
Paper nodes so queries (:func:`queries.papers.most_influential`) and views can use them.

The graph is built from rows sorted by key, so a fixed seed gives the same communities on
both stores.
"""

from __future__ import annotations

import networkx as nx

from kg.graph import KnowledgeGraph
from kg.model import Paper
from kg.store import upsert_nodes
from queries._rows import Row, Rows, helper

_CITATION_GRAPH = (
    "MATCH (p:Paper) OPTIONAL MATCH (p)-[:CITES]->(q:Paper) RETURN p.key AS src, q.key AS dst"
)

DEFAULT_SEED = 42


class Score(Row):
    key: str
    score: float


class Community(Row):
    key: str
    #: 0 is the largest community; ties by smallest member key
    community: int


class Summary(Row):
    papers: int
    citations: int
    communities: int
    #: modularity of the Louvain partition on the undirected citation graph
    modularity: float
    #: papers written back
    written: int
    top_pagerank: list[Score]


def citation_graph(kb: KnowledgeGraph) -> nx.DiGraph:
    """Every paper and CITES edge as a networkx DiGraph keyed by paper key (one statement).

    >>> citation_graph(kb).number_of_edges()  # doctest: +SKIP
    14
    """
    rows = sorted(kb.cypher(_CITATION_GRAPH, {}), key=lambda r: (r["src"], r["dst"] or ""))
    graph = nx.DiGraph()
    for row in rows:
        graph.add_node(row["src"])
    graph.add_edges_from((r["src"], r["dst"]) for r in rows if r["dst"] is not None)
    return graph


def _ranked(scores: dict[str, float]) -> list[Score]:
    return [
        Score(key=k, score=v) for k, v in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def pagerank_scores(graph: nx.DiGraph, alpha: float = 0.85) -> dict[str, float]:
    return nx.pagerank(graph, alpha=alpha) if graph.number_of_nodes() else {}


@helper
def pagerank(kb: KnowledgeGraph, alpha: float = 0.85, limit: int = 20) -> Rows[Score]:
    """PageRank of papers on the citation graph (networkx), highest first.

    >>> pagerank(kb, limit=1)[0].key  # doctest: +SKIP
    's2:U1'
    """
    return Rows(Score, _ranked(pagerank_scores(citation_graph(kb), alpha))[:limit])


def community_ids(graph: nx.DiGraph, seed: int = DEFAULT_SEED) -> tuple[dict[str, int], float]:
    """Louvain communities of the undirected citation graph: key -> id, and the modularity."""
    undirected = graph.to_undirected()
    if undirected.number_of_nodes() == 0:
        return {}, 0.0
    groups = nx.community.louvain_communities(undirected, seed=seed)
    groups = sorted(groups, key=lambda g: (-len(g), min(g)))
    modularity = (
        nx.community.modularity(undirected, groups) if undirected.number_of_edges() else 0.0
    )
    return {key: i for i, group in enumerate(groups) for key in group}, modularity


@helper
def communities(kb: KnowledgeGraph, seed: int = DEFAULT_SEED) -> Rows[Community]:
    """Louvain community of every paper (fixed ``seed``), by community then key.

    >>> communities(kb)[0].community  # doctest: +SKIP
    0
    """
    ids, _ = community_ids(citation_graph(kb), seed)
    return Rows(
        Community,
        [
            Community(key=k, community=c)
            for k, c in sorted(ids.items(), key=lambda kv: (kv[1], kv[0]))
        ],
    )


@helper
def betweenness(
    kb: KnowledgeGraph, limit: int = 20, samples: int | None = None, seed: int = DEFAULT_SEED
) -> Rows[Score]:
    """Betweenness centrality on the directed citation graph, highest first; ``samples``
    pivots approximate it on large graphs (exact when None).

    >>> betweenness(kb, limit=1)[0].key  # doctest: +SKIP
    's2:L1'
    """
    graph = citation_graph(kb)
    k = samples if samples and samples < graph.number_of_nodes() else None
    scores = nx.betweenness_centrality(graph, k=k, seed=seed if k else None)
    return Rows(Score, _ranked(scores)[:limit])


def analyze(kb: KnowledgeGraph, seed: int = DEFAULT_SEED, top: int = 10) -> Summary:
    """Compute PageRank and Louvain communities and store them as ``Paper.pagerank`` and
    ``Paper.community`` (other properties untouched); returns a summary.

    >>> analyze(kb).communities  # doctest: +SKIP
    2
    """
    graph = citation_graph(kb)
    ranks = pagerank_scores(graph)
    ids, modularity = community_ids(graph, seed)
    updates = [Paper(key=k, pagerank=ranks[k], community=ids[k]) for k in sorted(graph.nodes)]
    written = upsert_nodes(kb.store, updates)
    return Summary(
        papers=graph.number_of_nodes(),
        citations=graph.number_of_edges(),
        communities=len(set(ids.values())),
        modularity=modularity,
        written=written,
        top_pagerank=_ranked(ranks)[:top],
    )


__all__ = [
    "citation_graph",
    "pagerank",
    "communities",
    "betweenness",
    "analyze",
    "pagerank_scores",
    "community_ids",
    "Score",
    "Community",
    "Summary",
]
