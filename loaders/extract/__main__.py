"""``python -m loaders.extract --eval PATH [--verbose]``: score the rules on a labelled set."""

from __future__ import annotations

import argparse
import sys

from loaders.extract.evaluate import evaluate, load_devset, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.extract", description=__doc__)
    parser.add_argument(
        "--eval", metavar="PATH", required=True, help="labelled development set (JSON)"
    )
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="list false positives and negatives"
    )
    args = parser.parse_args(argv)
    try:
        papers = load_devset(args.eval)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(papers)} labelled papers from {args.eval}")
    print(report(evaluate(papers), args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
