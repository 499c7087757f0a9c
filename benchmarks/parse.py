"""Parse speed of the Hugging Face listing parser: ``python -m benchmarks.parse [--entries N]``.

Generates an N-entry listing in the example's format by repeating the example's entries with
varied titles, then times :func:`loaders.listing.parse_listing` (format detection included) and
prints entries per second. Target: at least 50,000 entries/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from loaders.listing import parse_listing

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hf-daily-papers-listing.txt"
TARGET = 50_000


def entry_blocks(text: str) -> tuple[str, list[str]]:
    """The example's header and its entries as text blocks "title ... date" (complete cards only)."""
    listing = parse_listing(text, "hf")
    lines = text.split("\n")
    starts = [int(e.paper.listing_source.rsplit(":", 1)[1]) - 1 for e in listing.entries]
    # a skipped (incomplete) card ends the block before it
    bounds = sorted({*starts, *(p.line - 1 for p in listing.problems)}) + [len(lines)]
    ends = [bounds[bounds.index(s) + 1] for s in starts]
    blocks = ["\n".join(lines[s:e]).strip("\n") for s, e in zip(starts, ends)]
    complete = [b for b in blocks if "\n·\n" in b]
    return "\n".join(lines[: starts[0]]), complete


def generate(entries: int, text: str | None = None) -> str:
    """A listing of ``entries`` entries: the example's cards in turn, each title made unique."""
    header, blocks = entry_blocks(text if text is not None else EXAMPLE.read_text(encoding="utf-8"))
    out = [header.rstrip("\n")]
    for i in range(entries):
        block = blocks[i % len(blocks)]
        title, rest = block.split("\n", 1)
        out.append(f"{title} (variant {i})\n{rest}")
    return "\n\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)
    text = generate(args.entries)
    best_wall = best_cpu = float("inf")
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        listing = parse_listing(text, listing_year=2025)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    if len(listing.entries) != args.entries or listing.problems:
        raise SystemExit(
            f"parse error: {len(listing.entries)} entries, {len(listing.problems)} problems"
        )
    # CPU time is reported beside wall time: on a shared machine the wall clock also counts
    # the time other processes held the core.
    wall_rate, cpu_rate = args.entries / best_wall, args.entries / best_cpu
    print(
        f"parsed {args.entries:,} entries ({len(text) / 1e6:.1f} MB, format {listing.format}), best of {args.repeat}: "
        f"{wall_rate:,.0f} entries/s wall ({best_wall:.2f} s), {cpu_rate:,.0f} entries/s CPU ({best_cpu:.2f} s); "
        f"target {TARGET:,}/s: {'met' if wall_rate >= TARGET else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
