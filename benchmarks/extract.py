"""Extraction speed: ``python -m benchmarks.extract [--abstracts 10000] [--baseline REF] [--profile]
[--workers 2]``.

Runs :func:`loaders.extract.extract_papers` over N papers made from the example listing's
abstracts (repeated, each with its own key) and prints abstracts per second, wall and CPU.
``--workers N`` also times :func:`loaders.extract.workers.extract_in_workers` (what `kg build`
and `kg extract` run on many papers) on N processes, wall time including their start.
``--baseline REF`` runs the same measurement on the git revision REF first (its ``kg`` and
``loaders`` exported to a temporary directory, in a subprocess), so both figures come from one
run on the same machine. Target: at least 1,000 abstracts/s.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.model import Paper
from loaders.extract import extract_papers
from loaders.extract.gazetteer import load_gazetteer

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hf-daily-papers-listing.txt"
TARGET = 1_000


def example_papers() -> list[Paper]:
    """The example listing's papers (through loaders.listing)."""
    from loaders.listing import load_listing

    return [e.paper for e in load_listing(EXAMPLE).entries if e.paper.abstract]


def papers(n: int) -> list[Paper]:
    base = example_papers()
    return [base[i % len(base)].model_copy(update={"key": f"bench:{i}"}) for i in range(n)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extract", description=__doc__)
    parser.add_argument("--abstracts", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="print the 20 costliest functions")
    parser.add_argument("--baseline", metavar="REF", help="also measure git revision REF first")
    parser.add_argument("--workers", type=int, default=1, help="also time N worker processes")
    args = parser.parse_args(argv)
    if args.baseline:
        _run_baseline(args.baseline, args.abstracts)
    items = papers(args.abstracts)
    load_gazetteer()  # parsed once per process; not part of the per-abstract cost
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    cpu_start = time.process_time()
    if profiler:
        profiler.enable()
    result = extract_papers(items)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    # CPU time too: on a shared machine wall time also counts other processes' turns
    print(
        f"extract_papers: {_wall(len(items), elapsed)}; "
        f"{cpu:.2f} s CPU = {len(items) / cpu:,.0f} abstracts per CPU-second"
    )
    print(
        f"  {len(result.methods)} methods, {len(result.benchmarks)} benchmarks, {len(result.relationships)} relationships"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    if args.workers > 1:
        # imported here: a --baseline revision's tree may not have it
        from loaders.extract.workers import extract_in_workers

        start = time.perf_counter()
        parallel = extract_in_workers(items, workers=args.workers)
        elapsed = time.perf_counter() - start
        print(
            f"extract_in_workers ({args.workers} processes): {_wall(len(items), elapsed)}; "
            f"same result as one process: {parallel == result}"
        )


def _wall(n: int, elapsed: float) -> str:
    rate = n / elapsed
    return (
        f"{n} abstracts in {elapsed:.2f} s wall = {rate:,.0f} abstracts/s "
        f"(target {TARGET:,}/s: {'met' if rate >= TARGET else 'NOT met'})"
    )


def _run_baseline(ref: str, n: int) -> None:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(
            ["git", "archive", ref, "kg", "loaders"], cwd=root, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        print(f"baseline {ref}:", flush=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([tree, str(root)])}
        subprocess.run(
            [sys.executable, "-m", "benchmarks.extract", "--abstracts", str(n)],
            cwd=tree,
            env=env,
            check=True,
        )
    print("this tree:", flush=True)


if __name__ == "__main__":
    main()
