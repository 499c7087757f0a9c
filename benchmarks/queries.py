"""Median latency of every query helper on each store, on the synthetic citation graph.

    python -m benchmarks.queries [--papers 100000 --refs 10] [--stores embedded,neo4j] [--reps 15]
        [--only top_cited,most_influential,timeline,missing_papers,top_authors] [--analyze-first]

Loads :func:`benchmarks.synthetic.generate` into the embedded store (a temporary directory) and
into Neo4j from ``NEO4J_URI`` (WIPED first), then calls every helper ``--reps`` times with
inputs drawn with a fixed seed (a different paper or author each call) and prints the median
and 90th percentile per helper and store. Target: median <= 100 ms for the single-paper helpers
(references, co_cited, bibliographic_coupling, coauthors) on both stores. The whole-graph
analytics run once (``--skip-analytics`` leaves them out; betweenness is sampled).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from benchmarks.synthetic import author_key_of, generate, paper_key_of
from kg import KnowledgeGraph
from kg.store import GraphStore, upsert_nodes, upsert_relationships
from queries import analytics, authors, citations, methods, papers

TARGETED = ("references", "co_cited", "bibliographic_coupling", "coauthors")
TARGET_MS = 100.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def workload(
    n_papers: int,
    seed: int = 1,
    paper_key: Callable[[int], str] = paper_key_of,
    author_key: Callable[[int], str] = author_key_of,
    external_id: Callable[[int], str] | None = None,
    full_title: Callable[[int], str] | None = None,
) -> list[tuple[str, Callable[[KnowledgeGraph, int], object], int]]:
    """(name, call(kb, i), repetitions factor) for every helper; call ``i`` varies the input.
    Paper ``i`` is keyed ``paper_key(i)`` and titled "Synthetic paper i: ..."; author ``i`` is
    keyed ``author_key(i)`` (an S2 key: the id after ``s2:`` is looked up too).
    ``external_id(i)`` is an identifier of paper ``i`` other than its key (an arXiv id, a
    CorpusId) and ``full_title(i)`` its title: given, ``paper`` is timed looked up by them."""
    rng = random.Random(seed)
    picks = [rng.randrange(n_papers) for _ in range(200)]
    by_id = [external_id(i) for i in picks] if external_id else []
    by_title = [full_title(i) for i in picks] if full_title else []
    pkeys = [paper_key(i) for i in picks]
    akeys = [author_key(rng.randrange(max(3, n_papers // 2))) for _ in range(200)]
    titles = [f"Synthetic paper {i}" for i in picks]  # not the full title: a miss costs the scan
    words = ["graph neural", "sparse attention", "diffusion", "robust efficient", "policy reward"]
    methods_ = ["Method Graph", "method neural", "METHOD SPARSE"]
    benches = ["BENCH GRAPH", "bench neural"]

    def p(i: int) -> str:
        return pkeys[i % len(pkeys)]

    def a(i: int) -> str:
        return akeys[i % len(akeys)]

    lookups = []
    if by_id:
        lookups.append(
            ("paper (other id)", lambda kb, i: papers.paper(kb, by_id[i % len(by_id)]), 1)
        )
    if by_title:
        lookups.append(
            ("paper (full title)", lambda kb, i: papers.paper(kb, by_title[i % len(by_title)]), 1)
        )
    return [
        ("search", lambda kb, i: papers.search(kb, words[i % len(words)], limit=20), 1),
        ("paper (id)", lambda kb, i: papers.paper(kb, p(i)[3:]), 1),
        ("paper (title)", lambda kb, i: papers.paper(kb, titles[i % len(titles)]), 1),
        *lookups,
        ("top_cited", lambda kb, i: papers.top_cited(kb, limit=20, listed_only=bool(i % 2)), 1),
        ("most_influential", lambda kb, i: papers.most_influential(kb, limit=20), 1),
        ("timeline", lambda kb, i: papers.timeline(kb, method=methods_[i % len(methods_)]), 1),
        ("references", lambda kb, i: citations.references(kb, p(i)), 1),
        ("cited_by", lambda kb, i: citations.cited_by(kb, p(i)), 1),
        ("co_cited", lambda kb, i: citations.co_cited(kb, p(i)), 1),
        ("bibliographic_coupling", lambda kb, i: citations.bibliographic_coupling(kb, p(i)), 1),
        ("citation_path", lambda kb, i: citations.citation_path(kb, p(i), p(i + 1), max_hops=4), 1),
        ("missing_papers", lambda kb, i: citations.missing_papers(kb, min_citing=2), 1),
        ("influential_citations", lambda kb, i: citations.influential_citations(kb, p(i)), 1),
        ("author", lambda kb, i: authors.author(kb, a(i)[3:]), 1),
        ("papers_by", lambda kb, i: authors.papers_by(kb, a(i)), 1),
        ("coauthors", lambda kb, i: authors.coauthors(kb, a(i)), 1),
        ("top_authors", lambda kb, i: authors.top_authors(kb, limit=20), 1),
        (
            "collaboration_path",
            lambda kb, i: authors.collaboration_path(kb, a(i), a(i + 1), max_hops=3),
            1,
        ),
        ("methods_on", lambda kb, i: methods.methods_on(kb, benches[i % len(benches)]), 1),
        (
            "benchmarks_for",
            lambda kb, i: methods.benchmarks_for(kb, methods_[i % len(methods_)]),
            1,
        ),
        (
            "papers_proposing",
            lambda kb, i: methods.papers_proposing(kb, methods_[i % len(methods_)]),
            1,
        ),
        (
            "leaderboard",
            lambda kb, i: methods.leaderboard(kb, benches[i % len(benches)], "accuracy"),
            1,
        ),
        (
            "method_lineage",
            lambda kb, i: methods.method_lineage(kb, methods_[i % len(methods_)]),
            1,
        ),
    ]


ANALYTICS = [
    ("pagerank", lambda kb, i: analytics.pagerank(kb)),
    ("communities", lambda kb, i: analytics.communities(kb)),
    ("betweenness (100 samples)", lambda kb, i: analytics.betweenness(kb, samples=100)),
]


def measure(kb: KnowledgeGraph, call: Callable, reps: int) -> list[float]:
    call(kb, reps + 1)  # warm-up: caches, query plans
    times = []
    for i in range(reps):
        start = time.perf_counter()
        call(kb, i)
        times.append((time.perf_counter() - start) * 1000)
    return times


@contextmanager
def open_store(name: str) -> Iterator[GraphStore]:
    if name == "embedded":
        from kg.store_embedded import EmbeddedStore

        with tempfile.TemporaryDirectory(prefix="kg-bench-q-") as tmp:
            store = EmbeddedStore(f"{tmp}/kg.db", buffer_pool_size=4 * 1024**3)
            try:
                yield store
            finally:
                store.close()
        return
    from kg.store_neo4j import Neo4jStore

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit(
            "NEO4J_URI is not set: start a server (tools/neo4j-test-server/server.sh start) "
            "or pass --stores embedded"
        )
    store = Neo4jStore(
        uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD"),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        batch_size=5000,
    )
    try:
        log(f"[neo4j] wiping {uri}...")
        store.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS")
        yield store
    finally:
        store.close()


def run_store(
    name: str,
    nodes,
    rels,
    n_papers: int,
    reps: int,
    with_analytics: bool,
    only: set[str],
    analyze_first: bool = False,
) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {}
    with open_store(name) as store:
        start = time.perf_counter()
        upsert_nodes(store, nodes)
        upsert_relationships(store, rels)
        log(
            f"[{name}] loaded {len(nodes):,} nodes and {len(rels):,} relationships in {time.perf_counter() - start:.0f} s"
        )
        kb = KnowledgeGraph(store)
        inputs = lookup_inputs(store)
        calls = workload(n_papers, **inputs)
        results.update(resolver_baseline(kb, n_papers, inputs, reps))
        if analyze_first:  # most_influential then ranks by the stored PageRank, as after kg analyze
            unranked = dict((h, c) for h, c, _ in workload(n_papers))["most_influential"]
            results["most_influential (no PageRank)"] = measure(kb, unranked, reps)
            summary = analytics.analyze(kb)
            log(f"[{name}] kg analyze: {sum(summary.seconds.values()):.1f} s {summary.seconds}")
        for helper, call, _ in calls:
            if only and helper not in only:
                continue
            results[helper] = measure(kb, call, reps)
            log(f"[{name}] {helper}: median {statistics.median(results[helper]):.1f} ms")
        if with_analytics:
            for helper, call in ANALYTICS:
                start = time.perf_counter()
                call(kb, 0)
                results[helper] = [(time.perf_counter() - start) * 1000]
                log(f"[{name}] {helper}: {results[helper][0]:.0f} ms")
    return results


def lookup_inputs(store: GraphStore) -> dict[str, Callable[[int], str]]:
    """Paper ``i``'s title, and the ``i``-th (cyclically) of the papers' arXiv ids that parse as
    such (the synthetic ones before 2007 do not): lookups of papers keyed by their S2 id."""
    from kg.identifiers import MalformedIdentifier, parse_identifier

    rows = store.run("MATCH (p:Paper) RETURN p.key AS key, p.arxiv_id AS arxiv, p.title AS title")
    titles = {r["key"]: r["title"] for r in rows}
    arxiv = []
    for r in sorted(rows, key=lambda r: r["key"]):
        try:
            if r["arxiv"] and parse_identifier(r["arxiv"]):
                arxiv.append(r["arxiv"])
        except MalformedIdentifier:
            pass
    return {
        "external_id": lambda i: arxiv[i % len(arxiv)],
        "full_title": lambda i: titles[paper_key_of(i)],
    }


def resolver_baseline(
    kb: KnowledgeGraph, n_papers: int, inputs: dict[str, Callable[[int], str]], reps: int
) -> dict[str, list[float]]:
    """The resolver step of ``paper`` by another id and by full title (the papers
    :func:`workload` picks), through the identifier index and by reading every paper
    (``use_index=False``: what it did before), in the same run."""
    from kg.resolve import candidates

    rng = random.Random(1)  # workload's picks
    picks = [rng.randrange(n_papers) for _ in range(200)]
    out = {}
    for name, ref_of in (("other id", inputs["external_id"]), ("full title", inputs["full_title"])):
        texts = [ref_of(i) for i in picks]
        for label, use_index in (("index", True), ("scan, as before", False)):
            out[f"resolve paper by {name} ({label})"] = measure(
                kb,
                lambda kb, i, u=use_index, t=texts: candidates(
                    kb, "Paper", t[i % len(t)], use_index=u
                ),
                reps,
            )
    return out


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def table(results: dict[str, dict[str, list[float]]]) -> str:
    stores = list(results)
    names = list(next(iter(results.values())))
    header = "| helper | " + " | ".join(f"{s} median ms | {s} p90 ms" for s in stores) + " |"
    lines = [header, "|" + "---|" * (1 + 2 * len(stores))]
    for name in names:
        cells = []
        for s in stores:
            values = results[s].get(name)
            cells += (
                [f"{statistics.median(values):.1f}", f"{p90(values):.1f}"] if values else ["-", "-"]
            )
        mark = " (target <= 100)" if name in TARGETED else ""
        lines.append(f"| {name}{mark} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=10)
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--skip-analytics", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated helpers to time (default all)")
    parser.add_argument(
        "--analyze-first", action="store_true", help="run kg analyze before timing the helpers"
    )
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(",")))
    nodes, rels = generate(args.papers, args.refs)
    log(
        f"synthetic graph: {args.papers:,} papers, {args.refs} references each, {len(rels):,} relationships"
    )
    results = {
        name: run_store(
            name,
            nodes,
            rels,
            args.papers,
            args.reps,
            not args.skip_analytics,
            only,
            args.analyze_first,
        )
        for name in args.stores.split(",")
    }
    print(
        f"Query helper latency, {args.papers:,} papers / {args.papers * args.refs:,} citations, "
        f"{args.reps} calls each (analytics: one call)\n"
    )
    print(table(results))
    missed = [
        f"{s}:{n}"
        for s in results
        for n in TARGETED
        if n in results[s] and statistics.median(results[s][n]) > TARGET_MS
    ]
    print(
        f"\nsingle-paper target (median <= {TARGET_MS:.0f} ms): "
        + ("met" if not missed else "MISSED " + ", ".join(missed))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
