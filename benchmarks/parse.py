"""Parse speed of the Hugging Face listing parser: ``python -m benchmarks.parse [--entries N]``.

Generates an N-entry listing in the example's format by repeating the example's entries with
varied titles, then times :func:`loaders.listing.parse_listing` (format detection included) and
prints entries per second. Target: at least 50,000 entries/s. Then a 10,000-row Scopus CSV and a
1,000-entry BibTeX library in the shapes real exports take (:mod:`benchmarks.bibtex_library`),
each under 2 s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.bibtex_library import library
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


#: the header of a Scopus CSV export (45 columns; rows carry one more, empty, field)
SCOPUS_HEADER = (
    "Authors,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,Page start,Page end,"
    "Page count,Cited by,DOI,Link,Affiliations,Authors with affiliations,Abstract,Author Keywords,"
    "Index Keywords,Molecular Sequence Numbers,Chemicals/CAS,Tradenames,Manufacturers,"
    "Funding Details,Funding Text 1,References,Correspondence Address,Editors,Sponsors,Publisher,"
    "Conference name,Conference date,Conference location,Conference code,ISSN,ISBN,CODEN,"
    "PubMed ID,Language of Original Document,Abbreviated Source Title,Document Type,"
    "Publication Stage,Open Access,Source,EID"
)
#: the Scopus CSV and the BibTeX library, each
SECONDS_TARGET = 2.0


def scopus_csv(rows: int) -> str:
    """A Scopus-shaped CSV export of ``rows`` rows: ``Last F., Last F.`` authors, a 1,000-character
    abstract, DOI, link, EID and the unnamed trailing field Scopus writes."""
    out = [SCOPUS_HEADER]
    abstract = ("We study scalable simulation of molecular systems on parallel machines. " * 14)[
        :1000
    ]
    for i in range(rows):
        authors = ", ".join(f"Author{i % 97}{k} {chr(65 + k)}.{chr(66 + k)}." for k in range(5))
        doi = f"10.1002/jcc.{20000 + i}"
        eid = f"2-s2.0-{27000000000 + i}"
        cells = [
            f'"{authors}"',
            '"57202138757;7402220509;"',
            f'"Scalable simulation study number {i}"',
        ]
        cells += [
            str(1990 + i % 35),
            '"Journal of Computational Chemistry"',
            '"26"',
            '"16"',
            "",
            '"1781"',
        ]
        cells += ['"1802"', "", str(i % 500), f'"{doi}"']
        cells += [f'"https://www.scopus.com/inward/record.uri?eid={eid}&doi={doi}&partnerID=40"']
        cells += [
            '"Beckman Institute, Urbana, IL, United States"',
            '"Phillips, J.C., Beckman Institute"',
        ]
        cells += [f'"{abstract}"', '"molecular dynamics; parallel computing"', '"Algorithms"']
        cells += [""] * 10 + ['"Wiley"'] + [""] * 4 + ['"01928651"', "", '"JCCHD"', '"16222935"']
        cells += ['"English"', '"J. Comput. Chem."', '"Article"', '"Final"', '"All Open Access"']
        cells += ['"Scopus"', f'"{eid}"', ""]
        out.append(",".join(cells))
    return "\n".join(out) + "\n"


def time_parse(text: str, repeat: int, **options) -> tuple[object, float, float]:
    """(listing, best wall seconds, best CPU seconds) of ``repeat`` parses, detection included."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        listing = parse_listing(text, **options)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return listing, best_wall, best_cpu


def _check(listing, expected: int) -> None:
    if len(listing.entries) != expected or listing.problems:
        raise SystemExit(
            f"parse error ({listing.format}): {len(listing.entries)} entries, "
            f"{len(listing.problems)} problems"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="Hugging Face entries")
    parser.add_argument("--scopus-rows", type=int, default=10_000, help="Scopus CSV rows")
    parser.add_argument("--bibtex", type=int, default=1000, help="BibTeX library entries")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)
    text = generate(args.entries)
    listing, best_wall, best_cpu = time_parse(text, args.repeat, listing_year=2025)
    _check(listing, args.entries)
    # CPU time is reported beside wall time: on a shared machine the wall clock also counts
    # the time other processes held the core.
    wall_rate, cpu_rate = args.entries / best_wall, args.entries / best_cpu
    print(
        f"parsed {args.entries:,} entries ({len(text) / 1e6:.1f} MB, format {listing.format}), best of {args.repeat}: "
        f"{wall_rate:,.0f} entries/s wall ({best_wall:.2f} s), {cpu_rate:,.0f} entries/s CPU ({best_cpu:.2f} s); "
        f"target {TARGET:,}/s: {'met' if wall_rate >= TARGET else 'NOT met'}"
    )
    for what, text, count in (
        ("Scopus CSV rows", scopus_csv(args.scopus_rows), args.scopus_rows),
        ("BibTeX library entries", library(args.bibtex), args.bibtex),
    ):
        listing, best_wall, best_cpu = time_parse(text, args.repeat)
        _check(listing, count)
        print(
            f"parsed {count:,} {what} ({len(text) / 1e6:.1f} MB, format {listing.label}), "
            f"best of {args.repeat}: {best_wall:.2f} s wall, {best_cpu:.2f} s CPU "
            f"({count / best_wall:,.0f}/s); target < {SECONDS_TARGET:.0f} s: "
            f"{'met' if best_wall < SECONDS_TARGET else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
