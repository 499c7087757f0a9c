"""The pwc-results-test predictions that match no label and are not yet in the hand-check file,
each with its abstract sentence, for judging once the rules are frozen.

``python tools/unjudged_results.py``. It prints nothing else: no misses, no matched predictions
(the held-out discipline of issue 15)."""

from __future__ import annotations

import json
import re

import loaders.extract.evaluate as ev
from kg.model import EvaluatedOn

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def unjudged(half: str = "pwc-results-test") -> tuple[int, list[tuple[tuple, str]]]:
    """(how many predictions match no label, those not in the check file with their abstract)."""
    entries = json.loads(ev.PWC_CHECKED.read_text("utf-8"))["checked"]
    judged = {(c["id"], c["benchmark"], c["metric"], c["value"]) for c in entries}
    seen: dict = {}
    found: list[tuple[tuple, str]] = []
    count = 0
    extract, match, score_paper = ev.extract_paper, ev._match, ev._score_paper

    def remember_extraction(paper):
        seen["ex"] = extract(paper)
        return seen["ex"]

    def remember_item(item, ex, scores, where, checked):
        seen["item"] = item
        return score_paper(item, ex, scores, where, checked)

    def collect(gold, predicted, score, where, same):
        nonlocal count
        unmatched = match(gold, predicted, score, where, same)
        if same is ev._same_result:
            edges = [
                r
                for r in seen["ex"].relationships
                if isinstance(r, EvaluatedOn)
                and r.metric
                and r.value is not None
                and getattr(r, "kind", "absolute") == "absolute"
            ]
            for i in unmatched:
                key = (seen["item"]["id"], edges[i].dst, edges[i].metric, edges[i].value)
                count += 1
                if key not in judged:
                    found.append((key, seen["item"]["abstract"]))
        return unmatched

    ev.extract_paper, ev._match, ev._score_paper = remember_extraction, collect, remember_item
    try:
        ev.evaluate(ev.pwc_sets()[half], ev.checked_results())
    finally:
        ev.extract_paper, ev._match, ev._score_paper = extract, match, score_paper
    return count, found


def main() -> None:
    count, found = unjudged()
    for key, abstract in found:
        value = f"{key[3]:g}"
        print(key)
        for sentence in _SENTENCE_END.split(abstract):
            if value in sentence:
                print("   ", sentence)
    print(f"{count} predictions match no label; {len(found)} of them not judged yet")


if __name__ == "__main__":
    main()
