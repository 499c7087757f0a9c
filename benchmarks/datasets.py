"""Dataset import speed and memory: `kg import s2-datasets --scope neighbourhood` for
``--listed`` listed papers out of synthetic shards in the published samples' format, at two or
more shard sizes, against a plain ``json.loads`` scan of the same citations shards.

    python -m benchmarks.datasets --listed 10000 --sizes 1000000,3000000

Each size: shards are generated (``--papers-ratio`` papers per citation, as S2's 5M / 50M),
then one child process per size loads the listed papers into a fresh embedded store and imports
(peak memory is the child's ru_maxrss). The neighbourhood is the same at every size (the extra
citations join papers outside it), so a peak that stays flat shows memory does not follow shard
size. Printed: rows scanned and rows/s per pass, citation rows/s, write seconds, peak MiB, and
the baseline (gzip + json.loads per citation row, nothing kept) in rows/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.dataset_shards import arxiv, write_shards


def child(directory: Path, listed: int) -> None:
    from kg.graph import Graph
    from kg.model import Paper
    from kg.store import upsert_nodes
    from kg.store_embedded import EmbeddedStore
    from loaders.datasets import ImportOptions, import_datasets

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "kg.db", buffer_pool_size=512 * 1024**2)
        upsert_nodes(
            store,
            [
                Paper(key=f"arxiv:{arxiv(i)}", arxiv_id=arxiv(i), listed=True)
                for i in range(1, listed + 1)
            ],
        )
        started = time.monotonic()
        report = import_datasets(Graph(store), directory, ImportOptions(scope="neighbourhood"))
        total = time.monotonic() - started
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "rows": dict(report.rows_scanned),
        "scan_seconds": dict(report.scan_seconds),
        "scan_cpu": dict(report.scan_cpu_seconds),
        "seconds": total,
        "papers": report.papers,
        "cites": report.cites,
        "matched": sum(report.matched.values()),
        "null_cited": report.null_cited,
        "peak_mib": peak,
    }
    print(json.dumps(out))


def baseline(directory: Path) -> tuple[int, float]:
    """Citation rows and CPU seconds of the plain way: gzip line iteration + json.loads of every
    row, nothing kept."""
    started, n = time.process_time(), 0
    for path in sorted((directory / "citations").iterdir()):
        with gzip.open(path, "rb") as f:
            for line in f:
                json.loads(line)
                n += 1
    return n, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listed", type=int, default=10_000)
    parser.add_argument(
        "--sizes", default="1000000,3000000", help="citation rows per size, comma-separated"
    )
    parser.add_argument("--papers-ratio", type=float, default=0.1)
    parser.add_argument(
        "--touching",
        type=int,
        default=None,
        help="citations touching listed papers (default 5 per listed)",
    )
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        return child(args.run, args.listed)
    touching = args.touching if args.touching is not None else 5 * args.listed
    print(
        f"dataset import, --scope neighbourhood, {args.listed:,} listed papers, {touching:,} citations touching them"
    )
    print("rates are rows per CPU second of the importing process (wall-clock rates in brackets)")
    header = (
        f"{'citations':>11} {'papers':>9} {'citation rows/s':>24} {'papers rows/s':>22} {'scan s':>7} "
        f"{'write s':>8} {'kept papers':>11} {'CITES':>7} {'peak MiB':>9} {'baseline cit/s':>14}"
    )
    print(header)
    for size in [int(s) for s in args.sizes.split(",")]:
        papers = max(int(size * args.papers_ratio), args.listed * 6)
        with tempfile.TemporaryDirectory() as tmp:
            shards = Path(tmp) / "shards"
            write_shards(
                shards,
                papers=papers,
                citations=size,
                listed=args.listed,
                touching=touching,
                core=args.listed * 5,
                shards=4,
            )
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.datasets", "--run", str(shards), "--listed", str(args.listed)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            r = json.loads(done.stdout.strip().splitlines()[-1])
            n, seconds = baseline(shards)
        scan = sum(r["scan_seconds"].values())
        cpu, wall = r["scan_cpu"], r["scan_seconds"]
        passes = ("papers", "papers (neighbourhood)")
        paper_rows = sum(r["rows"].get(p, 0) for p in passes)
        cit = f"{r['rows']['citations'] / cpu['citations']:,.0f} ({r['rows']['citations'] / wall['citations']:,.0f})"
        pap = f"{paper_rows / sum(cpu.get(p, 0) for p in passes):,.0f} ({paper_rows / sum(wall.get(p, 0) for p in passes):,.0f})"
        print(
            f"{size:>11,} {papers:>9,} {cit:>24} {pap:>22} {scan:>7.1f} {r['seconds'] - scan:>8.1f} "
            f"{r['papers']:>11,} {r['cites']:>7,} {r['peak_mib']:>9.0f} {n / seconds:>14,.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
