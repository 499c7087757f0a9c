"""`kg analyze --engine gds` against `--engine local` on one Neo4j server with the Graph Data
Science plugin, same run, same graph.

    NEO4J_TEST_GDS=1 NEO4J_TEST_PORT=17688 bash tools/neo4j-test-server/server.sh start
    python -m benchmarks.analytics_engines --neo4j bolt://127.0.0.1:17688 --papers 30000 --refs 10

Empties the database, loads ``benchmarks.synthetic.generate(papers, refs)`` through the store's
upserts (not measured), then times :func:`queries.analytics.analyze` with each engine (local
first, then gds; each writes pagerank and community back) and prints the stages, the
modularity of each and the PageRank L1 distance between the two written-back results.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from benchmarks.synthetic import generate
from kg import KnowledgeGraph
from kg.store import upsert_nodes, upsert_relationships
from kg.store_neo4j import Neo4jStore
from queries import analytics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.analytics_engines",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--neo4j", required=True, help="bolt URI of a server with GDS")
    parser.add_argument("--papers", type=int, default=30_000)
    parser.add_argument("--refs", type=int, default=10)
    args = parser.parse_args(argv)

    store = Neo4jStore(args.neo4j, user="neo4j", password=None, database="neo4j")
    kb = KnowledgeGraph(store)
    store.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
    print(f"loading {args.papers:,} papers x {args.refs} citations...", file=sys.stderr)
    nodes, rels = generate(papers=args.papers, refs=args.refs, seed=0)
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    query = "MATCH (p:Paper) RETURN p.key AS key, p.pagerank AS pr ORDER BY key"
    results = {}
    for engine in ("local", "gds"):
        started = time.perf_counter()
        summary = analytics.analyze(kb, seed=analytics.DEFAULT_SEED, engine=engine)
        total = time.perf_counter() - started
        ranks = store.frame(query, {})["pr"].to_numpy(dtype=float)
        results[engine] = (summary, total, ranks)
    store.close()

    local, gds = results["local"], results["gds"]
    print(
        f"analyze engines: {args.papers:,} papers, {local[0].citations:,} citations (Neo4j)\n"
        f"{'stage':<14}{'local (s)':>11}{'gds (s)':>10}"
    )
    for stage in ("read", "pagerank", "communities", "write"):
        print(f"{stage:<14}{local[0].seconds[stage]:>11.2f}{gds[0].seconds[stage]:>10.2f}")
    print(f"{'total':<14}{local[1]:>11.2f}{gds[1]:>10.2f}")
    print(
        f"modularity: local {local[0].modularity:.4f}, gds {gds[0].modularity:.4f}; "
        f"PageRank L1 gds vs local {float(np.abs(gds[2] - local[2]).sum()):.2e}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
