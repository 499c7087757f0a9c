"""`kg analyze` speed on the embedded store: arrays + igraph against the old networkx path.

    python -m benchmarks.analytics --papers 100000 --refs 10 [--samples 100] [--no-baseline] [--previous]

Loads the citation graph of ``benchmarks.synthetic.generate(papers, refs)`` (papers and CITES
only, COPY-ed: loading is not measured) into a temporary embedded store, then times
:func:`queries.analytics.analyze` end to end (read as arrays, PageRank, communities,
write-back) and sampled betweenness (igraph, ``--samples`` source papers). The baseline, in the
same run, is the path it replaced: rows as dicts into a networkx DiGraph, ``nx.pagerank``,
``nx.community.louvain_communities``, sampled ``nx.betweenness_centrality`` and the write-back
through ``upsert_nodes``. It also prints how far the answers are from networkx's: PageRank L1
against networkx at a tight tolerance, and modularity against networkx's Louvain.
``--previous`` also times, in the same run, the igraph path before issue 11's second round
(keys read as strings, ``np.unique`` over pairs, igraph's Louvain).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time

import networkx as nx
import numpy as np
import pandas

from benchmarks.synthetic import citation_pairs, paper_key_of
from kg import KnowledgeGraph
from kg.model import Paper
from kg.store import upsert_nodes
from kg.store_embedded import EmbeddedStore
from queries import analytics


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load(store: EmbeddedStore, papers: int, refs: int, seed: int) -> int:
    pairs = np.array([(i, j) for i, j, _ in citation_pairs(random.Random(seed), papers, refs)])
    keys = np.array([paper_key_of(i) for i in range(papers)], dtype=object)
    store.run("COPY Paper(key) FROM $frame", {"frame": pandas.DataFrame({"key": keys})})
    cites = pandas.DataFrame({"from": keys[pairs[:, 0]], "to": keys[pairs[:, 1]], "source": "s2"})
    store.run("COPY CITES(source) FROM $frame", {"frame": cites})
    return len(pairs)


def networkx_baseline(
    kb: KnowledgeGraph, samples: int, seed: int
) -> tuple[dict[str, float], nx.DiGraph]:
    """The path ``kg analyze`` took before: dict rows, networkx, a record per paper."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    rows = sorted(
        kb.cypher(
            "MATCH (p:Paper) OPTIONAL MATCH (p)-[:CITES]->(q:Paper) "
            "RETURN p.key AS src, q.key AS dst"
        ),
        key=lambda r: (r["src"], r["dst"] or ""),
    )
    graph = nx.DiGraph()
    for row in rows:
        graph.add_node(row["src"])
    graph.add_edges_from((r["src"], r["dst"]) for r in rows if r["dst"] is not None)
    seconds["read"] = time.perf_counter() - started
    started = time.perf_counter()
    ranks = nx.pagerank(graph)
    seconds["pagerank"] = time.perf_counter() - started
    started = time.perf_counter()
    undirected = graph.to_undirected()
    groups = nx.community.louvain_communities(undirected, seed=seed)
    seconds["modularity"] = nx.community.modularity(undirected, groups)
    seconds["communities"] = time.perf_counter() - started
    ids = {key: i for i, group in enumerate(groups) for key in group}
    started = time.perf_counter()
    upsert_nodes(
        kb.store, [Paper(key=k, pagerank=ranks[k], community=ids[k]) for k in sorted(graph)]
    )
    seconds["write"] = time.perf_counter() - started
    started = time.perf_counter()
    nx.betweenness_centrality(graph, k=min(samples, len(graph)), seed=seed)
    seconds["betweenness"] = time.perf_counter() - started
    return seconds, graph


def previous_igraph(kb: KnowledgeGraph) -> dict[str, float]:
    """The igraph path as it was before: key strings, a hashed unique over pairs, Louvain."""
    import igraph as ig

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    keys = np.sort(kb.store.frame("MATCH (p:Paper) RETURN p.key AS key")["key"].to_numpy(object))
    edges = kb.store.frame("MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.key AS s, b.key AS d")
    numbers = pandas.Index(keys)
    src, dst = (numbers.get_indexer(edges[end]).astype(np.int64) for end in ("s", "d"))
    pairs = np.unique(np.column_stack([src, dst]).reshape(-1, 2), axis=0)
    seconds["read"] = time.perf_counter() - started
    started = time.perf_counter()
    graph = ig.Graph(
        n=len(keys), edges=list(zip(*(pairs[:, i].tolist() for i in (0, 1)))), directed=True
    )
    graph.pagerank(damping=0.85, directed=True)
    seconds["pagerank"] = time.perf_counter() - started
    started = time.perf_counter()
    undirected = graph.as_undirected(mode="collapse")
    ig.set_random_number_generator(random.Random(analytics.DEFAULT_SEED))
    membership = undirected.community_multilevel().membership
    seconds["modularity"] = undirected.modularity(membership)
    ig.set_random_number_generator(random)
    seconds["communities"] = time.perf_counter() - started
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.analytics",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=10)
    parser.add_argument("--samples", type=int, default=100, help="betweenness source papers")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-baseline", action="store_true", help="skip the networkx path")
    parser.add_argument(
        "--previous", action="store_true", help="also time the igraph path before this round"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        store = EmbeddedStore(f"{tmp}/kg.db")
        kb = KnowledgeGraph(store)
        log(f"loading {args.papers:,} papers x {args.refs} citations...")
        citations = load(store, args.papers, args.refs, args.seed)

        log("kg analyze (arrays + igraph)...")
        started = time.perf_counter()
        summary = analytics.analyze(kb, seed=analytics.DEFAULT_SEED)
        total = time.perf_counter() - started
        arrays = analytics.citation_arrays(kb)
        started = time.perf_counter()
        _, samples = analytics.betweenness_array(arrays, args.samples, analytics.DEFAULT_SEED)
        betweenness = time.perf_counter() - started
        new = {**summary.seconds, "total": total, "betweenness": betweenness}
        log("igraph: " + ", ".join(f"{k} {v:.2f}s" for k, v in new.items()))

        before: dict[str, float] = {}
        if args.previous:
            log("previous igraph path (key strings, Louvain)...")
            before = previous_igraph(kb)
            log("previous: " + ", ".join(f"{k} {v:.2f}s" for k, v in before.items()))
        old: dict[str, float] = {}
        if not args.no_baseline:
            log("baseline: networkx...")
            old, graph = networkx_baseline(kb, args.samples, analytics.DEFAULT_SEED)
            old["total"] = sum(old[s] for s in ("read", "pagerank", "communities", "write"))
            log("oracle: networkx PageRank at a tight tolerance...")
            exact = nx.pagerank(graph, tol=1e-10, max_iter=1000)
            ranks = analytics.pagerank_array(arrays)
            l1 = float(sum(abs(ranks[i] - exact[k]) for i, k in enumerate(arrays.keys)))
        store.close()

    lines = [
        f"analytics benchmark: {args.papers:,} papers, {citations:,} citations (embedded store)",
        f"{'stage':<26}{'igraph (s)':>12}{'networkx (s)':>14}{'speed-up':>10}",
    ]
    stages = [
        ("read graph", "read"),
        ("pagerank", "pagerank"),
        ("communities", "communities"),
        ("write-back", "write"),
        ("kg analyze total", "total"),
        (f"betweenness ({samples} samples)", "betweenness"),
    ]
    for label, stage in stages:
        base = old.get(stage)
        lines.append(
            f"{label:<26}{new[stage]:>12.2f}"
            + (f"{base:>14.2f}{base / new[stage]:>9.1f}x" if base else f"{'-':>14}")
        )
    if before:
        lines.append(
            "previous igraph path, same run: "
            + ", ".join(f"{k} {before[k]:.2f}s" for k in ("read", "pagerank", "communities"))
            + f" (Louvain modularity {before['modularity']:.4f})"
        )
    lines.append(
        f"communities (Leiden): {summary.communities:,}, modularity {summary.modularity:.4f}"
        + (
            f" (networkx Louvain {old['modularity']:.4f}, "
            f"ratio {summary.modularity / old['modularity']:.3f})"
            if old
            else ""
        )
    )
    if old:
        lines.append(f"PageRank L1 distance to networkx (tol 1e-10): {l1:.2e}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
