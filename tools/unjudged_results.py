"""The pwc-results-test predictions that match no label and are not yet in the hand-check file,
each with its abstract sentence, for judging once the rules are frozen.

``python tools/unjudged_results.py``. It prints nothing else: no misses, no matched predictions
(the held-out discipline of issue 15)."""

from __future__ import annotations

import json
import re

from loaders.extract.evaluate import PWC_CHECKED, checked_results, evaluate, pwc_sets

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def main(half: str = "pwc-results-test") -> None:
    papers = pwc_sets()[half]
    abstracts = {p.get("id"): p["abstract"] for p in papers}
    score = evaluate(papers, checked_results())["results"]
    entries = json.loads(PWC_CHECKED.read_text("utf-8"))["checked"]
    judged = {(c["id"], c["benchmark"], c["metric"], c["value"]) for c in entries}  # right or wrong
    unjudged = [key for key in score.unverified if key not in judged]
    for key in unjudged:
        value = f"{key[3]:g}"
        print(key)
        for sentence in _SENTENCE_END.split(abstracts[key[0]]):
            if value in sentence:
                print("   ", sentence)
    print(f"{score.fp} predictions match no label; {len(unjudged)} of them not judged yet")


if __name__ == "__main__":
    main()
