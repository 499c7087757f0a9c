"""Extraction speed: ``python -m benchmarks.extract [--abstracts 10000] [--baseline REF] [--profile]
[--workers 2]``.

Runs :func:`loaders.extract.extract_papers` over N papers made from the example listing's
abstracts (repeated, each with its own key) and prints abstracts per second, wall and CPU.
``--workers N`` also times :func:`loaders.extract.workers.extract_in_workers` (what `kg build`
and `kg extract` run on many papers) on N processes, wall time including their start.
``--baseline REF`` runs the same measurement on the git revision REF first (its ``kg`` and
``loaders`` exported to a temporary directory, in a subprocess), so both figures come from one
run on the same machine. ``--instructions`` counts instead the machine instructions per abstract
under valgrind (``callgrind``: a run over N abstracts less a run over none, both in
subprocesses), a figure the machine's load does not move (wall time here varies by 10-20% from
run to run); N defaults to 500 there, valgrind being ~50x slower. Target: at least 1,000
abstracts/s.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
    parser.add_argument("--abstracts", type=int, help="how many (default 10,000; 500 counted)")
    parser.add_argument("--profile", action="store_true", help="print the 20 costliest functions")
    parser.add_argument("--baseline", metavar="REF", help="also measure git revision REF first")
    parser.add_argument("--workers", type=int, default=1, help="also time N worker processes")
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions per abstract (valgrind)"
    )
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)  # extract only
    args = parser.parse_args(argv)
    if args.instructions:
        _count_instructions(args.abstracts or 500, args.baseline)
        return
    n = 10_000 if args.abstracts is None else args.abstracts
    if args.baseline:
        with _exported(args.baseline) as (tree, env):
            print(f"baseline {args.baseline}:", flush=True)
            command = [sys.executable, "-m", "benchmarks.extract", "--abstracts", str(n)]
            subprocess.run(command, cwd=tree, env=env, check=True)
        print("this tree:", flush=True)
    items = papers(n)
    if args.bare:
        load_gazetteer()
        extract_papers(items)
        return
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


@contextmanager
def _exported(ref: str) -> Iterator[tuple[str, dict[str, str]]]:
    """A temporary directory holding the ``kg`` and ``loaders`` of git revision ``ref``, and the
    environment that imports them (and this tree's ``benchmarks``)."""
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(
            ["git", "archive", ref, "kg", "loaders"], cwd=root, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        yield tree, {**os.environ, "PYTHONPATH": os.pathsep.join([tree, str(root)])}


def _count_instructions(n: int, baseline: str | None) -> None:
    if baseline:
        with _exported(baseline) as (tree, env):
            print(f"baseline {baseline}: {_instructions(n, tree, env)}", flush=True)
    root = str(Path(__file__).resolve().parent.parent)
    print(f"this tree: {_instructions(n, root, dict(os.environ))}")


def _instructions(n: int, cwd: str, env: dict[str, str]) -> str:
    """Instructions per abstract of ``extract_papers`` over ``n`` abstracts: a callgrind run
    over ``n`` less one over none (the imports and the gazetteer), the two side by side, with
    one string-hash seed (a random one moved the count by ~0.03 M between runs of one tree)."""
    env = {**env, "PYTHONHASHSEED": "0"}
    runs = [
        subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
            + ["-m", "benchmarks.extract", "--bare", "--abstracts", str(k)],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in (0, n)
    ]
    counts = []
    for run in runs:
        _, err = run.communicate()
        found = re.search(r"I\s+refs:\s+([\d,]+)", err)
        if run.returncode or not found:
            sys.exit(f"valgrind failed (is it installed?): {err[-500:]}")
        counts.append(int(found.group(1).replace(",", "")))
    per = (counts[1] - counts[0]) / n
    return f"{n} abstracts, {per / 1e6:.2f} M instructions per abstract (callgrind)"


if __name__ == "__main__":
    main()
