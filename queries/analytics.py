"""Graph analytics on the citation graph: PageRank, Leiden communities, sampled betweenness;
:func:`analyze` writes ``pagerank`` and ``community`` back to the Paper nodes so queries
(:func:`queries.papers.most_influential`) and views can use them.

The graph is read out of the store as arrays (:func:`citation_arrays`: the embedded store's
results and the Neo4j driver's as DataFrames, no Python object per edge) and computed with
igraph; networkx (:func:`citation_graph`) stays the oracle the tests compare against. On Neo4j
with the Graph Data Science plugin, ``engine="gds"`` computes inside the server instead.

Papers are numbered in key order, so a fixed seed gives the same communities on both stores.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

import igraph as ig
import networkx as nx
import numpy as np

from kg.errors import StoreError
from kg.graph import Graph
from kg.store import update_node_columns
from queries._rows import Row, Rows, helper

# Each paper's node number and key, and each citation as the node numbers of its ends: LadybugDB
# numbers nodes by their offset in the table (integer columns read ~5x faster than key strings);
# Neo4j's ``id()`` is deprecated, so there the key is the number.
_PAPERS = {
    "embedded": "MATCH (p:Paper) RETURN offset(id(p)) AS id, p.key AS key",
    "neo4j": "MATCH (p:Paper) RETURN p.key AS id, p.key AS key",
}
_CITATIONS = {
    "embedded": "MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN offset(id(a)) AS src, offset(id(b)) AS dst",
    "neo4j": "MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.key AS src, b.key AS dst",
}

DEFAULT_SEED = 42
#: Leiden passes over the graph: two reach networkx Louvain's modularity (within 1% at 100,000
#: papers) in about half the time of igraph's Louvain; running to convergence takes minutes
LEIDEN_ITERATIONS = 2
ENGINES = ("auto", "local", "gds")
#: iterations and tolerance of the power iteration GDS runs (the local engine solves exactly)
GDS_PAGERANK = {"maxIterations": 200, "tolerance": 1e-12}


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
    #: modularity of the community partition on the undirected citation graph
    modularity: float
    #: papers written back
    written: int
    top_pagerank: list[Score]
    #: "local" (igraph) or "gds" (Neo4j Graph Data Science)
    engine: str = "local"
    #: seconds per stage: read, pagerank, communities, write
    seconds: dict[str, float] = {}


@dataclass(frozen=True)
class CitationArrays:
    """The citation graph as arrays: paper ``i`` is ``keys[i]`` (keys sorted), and edge ``j``
    goes from paper ``src[j]`` to paper ``dst[j]`` (each citing pair once)."""

    keys: np.ndarray
    src: np.ndarray
    dst: np.ndarray
    _graph: list = field(default_factory=list, repr=False, compare=False)

    @property
    def papers(self) -> int:
        return len(self.keys)

    @property
    def citations(self) -> int:
        return len(self.src)

    def igraph(self) -> ig.Graph:
        """The directed igraph graph (built once)."""
        if not self._graph:
            # a list of int pairs converts ~2x faster than a numpy array of them
            edges = list(zip(self.src.tolist(), self.dst.tolist()))
            graph = ig.Graph(n=self.papers, edges=edges, directed=True)
            self._graph.append(graph)
        return self._graph[0]

    def networkx(self) -> nx.DiGraph:
        graph = nx.DiGraph()
        graph.add_nodes_from(self.keys.tolist())
        graph.add_edges_from(zip(self.keys[self.src].tolist(), self.keys[self.dst].tolist()))
        return graph


def _frame(kb: Graph, cypher: str, columns: list[str]):
    import pandas

    frame = kb.frame(cypher)
    return (
        frame
        if len(frame)
        else pandas.DataFrame({c: pandas.Series([], dtype=object) for c in columns})
    )


def citation_arrays(kb: Graph) -> CitationArrays:
    """Every paper and CITES edge of the store as :class:`CitationArrays` (two statements).

    >>> citation_arrays(kb).citations
    4
    """
    import pandas

    papers = _frame(kb, _PAPERS[kb.dialect], ["id", "key"])
    order = np.argsort(papers["key"].to_numpy(dtype=object), kind="stable")
    keys = papers["key"].to_numpy(dtype=object)[order]
    edges = _frame(kb, _CITATIONS[kb.dialect], ["src", "dst"])
    # a hash index turns node numbers into positions in key order
    numbers = pandas.Index(papers["id"].to_numpy()[order])
    src, dst = (numbers.get_indexer(edges[end]).astype(np.int64) for end in ("src", "dst"))
    # each citing pair once, in (src, dst) order: one sort of int64 codes (np.unique hashes,
    # which is ~50x slower on a million codes)
    n = max(len(keys), 1)
    codes = np.sort(src * n + dst)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes
    return CitationArrays(keys, codes // n, codes % n)


def citation_graph(kb: Graph) -> nx.DiGraph:
    """Every paper and CITES edge as a networkx DiGraph keyed by paper key.

    >>> citation_graph(kb).number_of_edges()
    4
    """
    return citation_arrays(kb).networkx()


def _ranked(keys: np.ndarray, scores: np.ndarray, limit: int | None = None) -> list[Score]:
    order = np.lexsort((keys, -scores))[:limit]
    return [Score(key=keys[i], score=float(scores[i])) for i in order]


def pagerank_array(arrays: CitationArrays, alpha: float = 0.85) -> np.ndarray:
    """PageRank of every paper (igraph's PRPACK: solved exactly, dangling papers spread their
    rank evenly, as networkx does), in ``arrays.keys`` order.

    >>> arrays = CitationArrays(np.array(["a", "b"], dtype=object), np.array([0]), np.array([1]))
    >>> pagerank_array(arrays).round(4).tolist()
    [0.3509, 0.6491]
    """
    if arrays.papers == 0:
        return np.zeros(0)
    return np.asarray(arrays.igraph().pagerank(damping=alpha, directed=True))


def community_array(arrays: CitationArrays, seed: int = DEFAULT_SEED) -> tuple[np.ndarray, float]:
    """Leiden communities (igraph, modularity objective) of the undirected citation graph, numbered 0
    for the largest (ties by smallest member key), and the partition's modularity.

    >>> arrays = CitationArrays(np.array(["a", "b", "c", "d"], dtype=object),
    ...                         np.array([0, 2]), np.array([1, 3]))
    >>> community_array(arrays)
    (array([0, 0, 1, 1]), 0.5)
    """
    if arrays.papers == 0:
        return np.zeros(0, dtype=np.int64), 0.0
    undirected = arrays.igraph().as_undirected(mode="collapse")
    previous = random.getstate()
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = np.asarray(
            undirected.community_leiden(
                objective_function="modularity", n_iterations=LEIDEN_ITERATIONS
            ).membership
        )
    finally:
        ig.set_random_number_generator(random)
        random.setstate(previous)
    return _numbered(arrays.keys, membership), (
        undirected.modularity(membership.tolist()) if undirected.ecount() else 0.0
    )


def _numbered(keys: np.ndarray, membership: np.ndarray) -> np.ndarray:
    """Renumber communities: 0 the largest, ties by smallest member key (keys sorted, so the
    smallest member is the first index)."""
    groups, first, sizes = np.unique(membership, return_index=True, return_counts=True)
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = np.arange(len(groups))
    return rank[np.searchsorted(groups, membership)]


def betweenness_array(
    arrays: CitationArrays, samples: int | None = None, seed: int = DEFAULT_SEED
) -> tuple[np.ndarray, int]:
    """Normalised betweenness on the directed citation graph (as networkx's
    ``betweenness_centrality``), and the number of source papers it was computed from:
    ``samples`` pivots drawn with ``seed`` approximate it on large graphs (all when None).

    >>> arrays = CitationArrays(np.array(["a", "b", "c"], dtype=object), np.array([0, 1]), np.array([1, 2]))
    >>> betweenness_array(arrays)
    (array([0. , 0.5, 0. ]), 3)
    """
    n = arrays.papers
    if n == 0:
        return np.zeros(0), 0
    graph = arrays.igraph()
    if samples and samples < n:
        sources = sorted(random.Random(seed).sample(range(n), samples))
        raw = np.asarray(graph.betweenness(directed=True, sources=sources, targets=None))
        raw *= n / samples
    else:
        samples = n
        raw = np.asarray(graph.betweenness(directed=True))
    return (raw / ((n - 1) * (n - 2)) if n > 2 else raw), samples


@helper
def pagerank(kb: Graph, alpha: float = 0.85, limit: int = 20) -> Rows[Score]:
    """PageRank of papers on the citation graph, highest first.

    >>> pagerank(kb, limit=1)[0].key
    'arxiv:1706.03762'
    """
    arrays = citation_arrays(kb)
    return Rows(Score, _ranked(arrays.keys, pagerank_array(arrays, alpha), limit))


@helper
def communities(kb: Graph, seed: int = DEFAULT_SEED) -> Rows[Community]:
    """Leiden community of every paper (fixed ``seed``), by community then key.

    >>> communities(kb)[0].community
    0
    """
    arrays = citation_arrays(kb)
    ids, _ = community_array(arrays, seed)
    order = np.lexsort((arrays.keys, ids))
    return Rows(Community, [Community(key=arrays.keys[i], community=int(ids[i])) for i in order])


@helper
def betweenness(
    kb: Graph, limit: int = 20, samples: int | None = None, seed: int = DEFAULT_SEED
) -> Rows[Score]:
    """Betweenness centrality on the directed citation graph, highest first; ``samples``
    pivots approximate it on large graphs (exact when None).

    >>> betweenness(kb, limit=1)[0].key
    'arxiv:2106.09685'
    """
    arrays = citation_arrays(kb)
    scores, _ = betweenness_array(arrays, samples, seed)
    return Rows(Score, _ranked(arrays.keys, scores, limit))


# --- analyze: compute and write back ----------------------------------------------------------------


#: the plugin's procedures queries.analytics_gds calls
_GDS_PROCEDURES = ("gds.pageRank.stream", "gds.louvain.stream", "gds.louvain.stats")


def has_gds(kb: Graph) -> bool:
    """Whether the store is a Neo4j server with the Graph Data Science plugin."""
    if kb.dialect != "neo4j":
        return False
    try:
        # gds.version is a function, not a procedure; look for the procedures analyze calls
        names = kb.cypher(
            "SHOW PROCEDURES YIELD name WHERE name IN $names RETURN name",
            {"names": list(_GDS_PROCEDURES)},
        )
        return len(names) == len(_GDS_PROCEDURES)
    except StoreError:
        return False


def pick_engine(kb: Graph, engine: str = "auto") -> str:
    """``auto``: GDS on a Neo4j server that has it, else local; ``gds`` without it is an error."""
    if engine not in ENGINES:
        raise ValueError(
            f"unknown analytics engine {engine!r}: expected one of {', '.join(ENGINES)}"
        )
    if engine == "local":
        return "local"
    gds = has_gds(kb)
    if engine == "gds" and not gds:
        where = "the embedded store" if kb.dialect != "neo4j" else f"{kb.store!r}"
        raise StoreError(
            f"--engine gds needs Neo4j with the Graph Data Science plugin, and {where} has none "
            "(docker-compose.yml installs it): use --engine local or auto"
        )
    return "gds" if gds else "local"


def analyze(kb: Graph, seed: int = DEFAULT_SEED, top: int = 10, engine: str = "auto") -> Summary:
    """Compute PageRank and Leiden communities and store them as ``Paper.pagerank`` and
    ``Paper.community`` (other properties untouched); returns a summary with the seconds of
    each stage.

    >>> summary = analyze(kb)
    >>> summary.papers, summary.citations, summary.written
    (4, 4, 4)
    """
    chosen = pick_engine(kb, engine)
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        now = time.perf_counter()
        seconds[stage] = now - started
        started = now

    if chosen == "gds":
        from queries.analytics_gds import gds_scores

        keys, ranks, ids, modularity, citations = gds_scores(kb, seed, lap)
    else:
        arrays = citation_arrays(kb)
        lap("read")
        ranks = pagerank_array(arrays)
        lap("pagerank")
        ids, modularity = community_array(arrays, seed)
        lap("communities")
        keys, citations = arrays.keys, arrays.citations
    written = update_node_columns(
        kb.store, "Paper", keys.tolist(), {"pagerank": ranks.tolist(), "community": ids.tolist()}
    )
    lap("write")
    return Summary(
        papers=len(keys),
        citations=citations,
        communities=len(np.unique(ids)),
        modularity=modularity,
        written=written,
        top_pagerank=_ranked(keys, ranks, top),
        engine=chosen,
        seconds=seconds,
    )


__all__ = [
    "CitationArrays",
    "citation_arrays",
    "citation_graph",
    "pagerank",
    "communities",
    "betweenness",
    "analyze",
    "pagerank_array",
    "community_array",
    "betweenness_array",
    "has_gds",
    "pick_engine",
    "ENGINES",
    "Score",
    "Community",
    "Summary",
]
