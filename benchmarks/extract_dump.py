"""Every extraction over the project's abstracts, as JSON: ``python -m benchmarks.extract_dump OUT``.

Speed work on the rules must leave their output exactly as it was: dump before and after a
change and compare the files (``cmp``). Covers the labelled sets, every abstract (and alternative
abstract) of ``results_tune.json`` and the example listing of :mod:`benchmarks.extract`, each paper
extracted alone (methods, benchmarks, relationships with evidence, unconfirmed uses), and the
listing merged by :func:`loaders.extract.extract_papers`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.extract import example_papers
from kg.model import Paper
from loaders.extract import extract_papers
from loaders.extract.evaluate import labelled_sets, shared_dir
from loaders.extract.extractor import Extraction, extract_paper


def corpus() -> list[Paper]:
    """The papers dumped, each with a key naming where it came from."""
    out = []
    for name, items in labelled_sets().items():
        out += [
            Paper(
                key=f"{name}:{n}",
                title=p["title"] or None,
                abstract=p["abstract"],
                tldr=p.get("tldr"),
            )
            for n, p in enumerate(items)
        ]
    source = shared_dir() / "real-world" / "results-gold" / "results_tune.json"
    for item in json.loads(source.read_text("utf-8"))["items"]:
        for field in ("abstract", "abstract_alt"):
            if item.get(field):
                out.append(
                    Paper(
                        key=f"tune:{item['id']}:{field}",
                        title=item["title"] or None,
                        abstract=item[field],
                    )
                )
    return out + example_papers()


def dump(ex: Extraction) -> dict:
    return {
        "methods": [m.model_dump(mode="json") for m in ex.methods],
        "benchmarks": [b.model_dump(mode="json") for b in ex.benchmarks],
        "relationships": [{"type": r.type, **r.model_dump(mode="json")} for r in ex.relationships],
        "unconfirmed": [r.model_dump(mode="json") for r in ex.unconfirmed],
    }


def main(argv: list[str] | None = None) -> None:
    (out,) = argv if argv is not None else sys.argv[1:]
    papers = corpus()
    data = {
        "papers": {p.key: dump(extract_paper(p)) for p in papers},
        "listing merged": dump(extract_papers(example_papers())),
    }
    Path(out).write_text(json.dumps(data, indent=1, sort_keys=True), "utf-8")
    print(f"{len(papers)} papers dumped to {out}")


if __name__ == "__main__":
    main()
