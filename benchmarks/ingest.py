"""Ingest speed: a synthetic citation graph loaded into each store, batched vs one query per row.

    python -m benchmarks.ingest --papers 100000 --refs 10 [--store embedded|neo4j|both]

The embedded store is measured twice in the same run: ``embedded`` is the write path as it is
(large writes COPY their new rows, :mod:`kg.bulk`), ``embedded-merge`` the same writes with the
COPY path off (every row through ``UNWIND $rows MERGE``), the baseline.

For each store it loads every node, writes ``--baseline`` CITES relationships one query per row
(auto-committed each), and loads every relationship in batches (the same ``UNWIND $rows``
statements a build runs, one transaction per batch). It prints nodes/s, relationships/s, the
per-row baseline and the speed-up.

On the embedded store the per-row baseline runs on a second store holding the same nodes, so the
batched load is a first load, as a new graph's build is. A COPY into a relationship table that
holds edges, or has held them, appends, which LadybugDB does ~4x slower (measured: 5.6 s for
1,379,788 rows into an empty table, 21.4 s after 2,000 edges were written to it). That append is
printed too (``append rels/s``): every relationship loaded into the baseline's store, beside the
edges it wrote. Neo4j has one database: its baseline's edges are deleted before the load.

The embedded store goes into a temporary directory; Neo4j comes from ``NEO4J_URI``
(``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) and is WIPED first.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from benchmarks.synthetic import counts, generate
from kg import schema
from kg.errors import StoreError
from kg.model import Cites, Node, Relationship
from kg.store import DEFAULT_BATCH_SIZE, GraphStore, upsert_nodes, upsert_relationships


@dataclass
class Result:
    store: str
    nodes: int
    node_seconds: float
    rels: int
    rel_seconds: float
    baseline_rels: int
    baseline_seconds: float
    append_seconds: float | None = None

    @property
    def nodes_per_s(self) -> float:
        return self.nodes / self.node_seconds

    @property
    def rels_per_s(self) -> float:
        return self.rels / self.rel_seconds

    @property
    def baseline_per_s(self) -> float:
        return self.baseline_rels / self.baseline_seconds

    @property
    def append_per_s(self) -> float | None:
        return None if self.append_seconds is None else self.rels / self.append_seconds

    @property
    def speedup(self) -> float:
        return self.rels_per_s / self.baseline_per_s


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def per_row(store: GraphStore, rels: list[Relationship]) -> float:
    """Seconds to write ``rels`` one statement (and one transaction) per row."""
    statement = schema.relationship_upsert(type(rels[0]), store.dialect)
    rows = schema.rows(rels)

    def write() -> None:
        for row in rows:
            store.run(statement, {"rows": [row]})

    return timed(write)


def load(
    name: str,
    store: GraphStore,
    nodes: list[Node],
    rels: list[Relationship],
    baseline: int,
    side: GraphStore | None = None,
) -> Result:
    """Time the node load, the per-row baseline and the batched relationship load on ``store``;
    with a ``side`` store, the baseline runs there, and so does a second, appending, load."""
    log(f"[{name}] loading {len(nodes):,} nodes (batch size {store.batch_size})...")
    node_seconds = timed(lambda: upsert_nodes(store, nodes))

    sample = [r for r in rels if isinstance(r, Cites)][:baseline]
    log(f"[{name}] baseline: {len(sample):,} CITES one query per row...")
    target = store if side is None else side
    if side is not None:
        upsert_nodes(side, nodes)
    baseline_seconds = per_row(target, sample)
    written = counts(target)["CITES"]
    if written != len(sample):
        raise SystemExit(f"[{name}] per-row baseline wrote {written} CITES, expected {len(sample)}")
    if side is None:
        store.run("MATCH ()-[r:CITES]->() DELETE r")

    log(f"[{name}] loading {len(rels):,} relationships...")
    rel_seconds = timed(lambda: upsert_relationships(store, rels))
    check(name, store, nodes, rels)
    append_seconds = None
    if side is not None:
        log(f"[{name}] loading {len(rels):,} relationships beside the baseline's (append)...")
        append_seconds = timed(lambda: upsert_relationships(side, rels))
        check(name, side, nodes, rels)
    return Result(
        name,
        len(nodes),
        node_seconds,
        len(rels),
        rel_seconds,
        len(sample),
        baseline_seconds,
        append_seconds,
    )


def check(name: str, store: GraphStore, nodes: list[Node], rels: list[Relationship]) -> None:
    expected: dict[str, int] = {}
    for item in nodes:
        expected[item.label] = expected.get(item.label, 0) + 1
    for item in rels:
        expected[item.type] = expected.get(item.type, 0) + 1
    found = {k: v for k, v in counts(store).items() if v or k in expected}
    if found != expected:
        raise SystemExit(f"[{name}] the store holds {found}, expected {expected}")


@contextmanager
def embedded_store(batch_size: int, bulk: bool = True) -> Iterator[GraphStore]:
    from kg.store_embedded import BULK_MIN_ROWS, EmbeddedStore

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        store = EmbeddedStore(
            f"{tmp}/kg.db", batch_size=batch_size, bulk_min_rows=BULK_MIN_ROWS if bulk else None
        )
        try:
            yield store
        finally:
            store.close()


@contextmanager
def neo4j_store(batch_size: int) -> Iterator[GraphStore]:
    from kg.store_neo4j import Neo4jStore

    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise SystemExit(
            "NEO4J_URI is not set: start a server (tools/neo4j-test-server/server.sh "
            "start or docker compose up -d) and export NEO4J_URI"
        )
    store = Neo4jStore(
        uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD"),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        batch_size=batch_size,
    )
    try:
        log(f"[neo4j] wiping {uri}...")
        store.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS")
        yield store
    finally:
        store.close()


def report(results: list[Result], papers: int, refs: int) -> str:
    lines = [
        f"ingest benchmark: {papers:,} papers, {refs} references each",
        f"{'store':<16}{'nodes':>10}{'nodes/s':>10}{'rels':>11}{'rels/s':>10}"
        f"{'per-row rels/s':>16}{'speed-up':>10}{'append rels/s':>15}",
    ]
    for r in results:
        append = f"{'-':>15}" if r.append_per_s is None else f"{r.append_per_s:>15,.0f}"
        lines.append(
            f"{r.store:<16}{r.nodes:>10,}{r.nodes_per_s:>10,.0f}{r.rels:>11,}{r.rels_per_s:>10,.0f}"
            f"{r.baseline_per_s:>16,.0f}{r.speedup:>9.1f}x{append}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=10)
    parser.add_argument("--store", choices=["embedded", "neo4j", "both"], default="both")
    parser.add_argument(
        "--no-merge-baseline",
        action="store_true",
        help="skip the embedded store's MERGE-only run (the slow baseline)",
    )
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--baseline",
        type=int,
        default=10_000,
        help="relationships written one query per row (default 10000)",
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    log(f"generating {args.papers:,} papers x {args.refs} references...")
    started = time.perf_counter()
    nodes, rels = generate(args.papers, args.refs, args.seed)
    log(
        f"generated {len(nodes):,} nodes, {len(rels):,} relationships "
        f"in {time.perf_counter() - started:.1f}s"
    )

    openers = {
        "embedded": embedded_store,
        "embedded-merge": lambda size: embedded_store(size, bulk=False),
        "neo4j": neo4j_store,
    }
    names = ["embedded", "neo4j"] if args.store == "both" else [args.store]
    if "embedded" in names and not args.no_merge_baseline:
        names.insert(names.index("embedded") + 1, "embedded-merge")
    results = []
    try:
        for name in names:
            # the COPY path's baseline (and its append) on a store of its own
            side = embedded_store(args.batch_size) if name == "embedded" else nullcontext()
            with openers[name](args.batch_size) as store, side as side_store:
                results.append(load(name, store, nodes, rels, args.baseline, side_store))
                log(report(results[-1:], args.papers, args.refs).splitlines()[-1])
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report(results, args.papers, args.refs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
