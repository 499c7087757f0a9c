"""``python -m loaders.extract --eval [PATH ...] [--set NAME] [--verbose]``: score the rules on
every labelled set (or on the sets at PATH), each printed under its name."""

from __future__ import annotations

import argparse
import sys

from loaders.extract.evaluate import (
    CHECKED,
    checked_results,
    evaluate,
    labelled_sets,
    load_devset,
    report,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.extract", description=__doc__)
    parser.add_argument(
        "--eval",
        metavar="PATH",
        nargs="*",
        required=True,
        help="labelled set(s) (JSON); none: every labelled set of the project",
    )
    parser.add_argument(
        "--set",
        metavar="NAME",
        action="append",
        default=[],
        help="only the set named NAME, as printed before its parenthesis (repeatable)",
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list false positives and negatives"
    )
    args = parser.parse_args(argv)
    try:
        sets = {p: load_devset(p) for p in args.eval} if args.eval else labelled_sets()
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, papers in sets.items():
        if args.set and name.split(" (")[0] not in args.set:
            continue
        print(f"{name}: {len(papers)} labelled papers")
        checked_file = next((f for s, f in CHECKED.items() if name.startswith(s)), None)
        checked = checked_results(checked_file) if checked_file else None
        print(report(evaluate(papers, checked), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
