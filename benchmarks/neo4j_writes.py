"""Neo4j relationship writes, the alternatives side by side in one run.

    python -m benchmarks.neo4j_writes --papers 30000 --refs 10 [--variants merge:1000:1,...]

Loads the nodes of a synthetic graph once, then for each variant deletes every relationship and
writes them all again, and prints relationships/s. A variant is ``path:batch:writers``: ``merge``
is the ``UNWIND .. MATCH .. WITH .. MATCH .. MERGE`` statement by key a build ran before (one
transaction per batch, :meth:`Neo4jStore.run_batches`; ``writers`` is ignored), the baseline;
``create`` is what :func:`kg.store.upsert_relationships` runs now,
:meth:`Neo4jStore.write_relationships` (endpoints bound by element id, rows from sources with no
edge of the type ``CREATE``-d, the rest MERGE-d, ``writers`` concurrent transactions on batches
with disjoint sources). The last line re-runs the store's default path over the loaded graph
(every relationship exists: the MERGE branch). Neo4j comes from ``NEO4J_URI`` and is WIPED first.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.ingest import check, log, neo4j_store, timed
from benchmarks.synthetic import generate
from kg import schema
from kg.model import Relationship
from kg.store import upsert_nodes, upsert_relationships
from kg.store_neo4j import BATCH_SIZE, REL_WRITERS

DEFAULT_VARIANTS = "merge:10000:1,create:10000:1,create:10000:2"


def write(store, path: str, rels: list[Relationship]) -> None:
    if path == "create":
        upsert_relationships(store, rels)
        return
    by_model: dict[type, list[Relationship]] = {}
    for rel in rels:
        by_model.setdefault(type(rel), []).append(rel)
    for model, group in by_model.items():
        props = schema.present_properties(group)
        store.run_batches(
            schema.relationship_upsert(model, store.dialect, props), schema.rows(group, props)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.neo4j_writes",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--papers", type=int, default=30_000)
    parser.add_argument("--refs", type=int, default=10)
    parser.add_argument("--variants", default=DEFAULT_VARIANTS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    nodes, rels = generate(args.papers, args.refs, args.seed)
    lines = [
        f"Neo4j relationship writes: {args.papers:,} papers, {len(rels):,} relationships",
        f"{'path':<8}{'batch':>8}{'writers':>9}{'seconds':>9}{'rels/s':>10}",
    ]
    with neo4j_store(BATCH_SIZE) as store:
        log(f"loading {len(nodes):,} nodes...")
        upsert_nodes(store, nodes)
        for variant in args.variants.split(","):
            path, batch, writers = variant.split(":")
            store.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS")
            store.batch_size, store.writers = int(batch), int(writers)
            log(f"{variant}...")
            seconds = timed(lambda path=path: write(store, path, rels))
            check(variant, store, nodes, rels)
            lines.append(
                f"{path:<8}{int(batch):>8,}{int(writers):>9}{seconds:>9.1f}"
                f"{len(rels) / seconds:>10,.0f}"
            )
        store.batch_size, store.writers = BATCH_SIZE, REL_WRITERS
        seconds = timed(lambda: upsert_relationships(store, rels))
        check("re-run", store, nodes, rels)
        lines.append(
            f"{'re-run':<8}{store.batch_size:>8,}{REL_WRITERS:>9}{seconds:>9.1f}"
            f"{len(rels) / seconds:>10,.0f}"
        )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
