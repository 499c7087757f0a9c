"""Train the result candidate model on the tuning half of the Papers-with-Code results.

    .venv/bin/python tools/train_result_model.py [--out PATH] [--cv]

Deterministic: the same data and scikit-learn version give the same weights (lbfgs, fixed
feature order). A candidate is positive when a third-party label of its paper records its value
on a compatible benchmark and metric. The threshold is the lowest at which the accepted figures
of a five-fold cross-validation (folds by paper) match a label at least ``--precision`` of the
time; the labels are incomplete, so the true precision is higher.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import Paper  # noqa: E402
from loaders.extract import result_model  # noqa: E402
from loaders.extract.evaluate import _gold_bench_keys, _same_result, pwc_sets  # noqa: E402
from loaders.extract.extractor import extract_paper  # noqa: E402
from loaders.extract.gazetteer import benchmark_key, load_gazetteer  # noqa: E402

C = 0.5
FOLDS = 5


def candidates(papers: list[dict]) -> list[tuple[int, tuple, dict, int]]:
    """(paper index, figure id, features, label) of every candidate of every paper."""
    gazetteer = load_gazetteer()
    rows = []
    for n, item in enumerate(papers):
        paper = Paper(key=f"t:{n}", title=item["title"] or None, abstract=item["abstract"])
        with result_model.collecting() as seen:
            extract_paper(paper, gazetteer)
        gold = [
            (_gold_bench_keys(g["benchmark"]), g["metric"], float(g["value"]))
            for g in item["results"]
        ]
        done = set()
        for sentence, start, result, feats in seen:
            ident = (sentence, start, result.benchmark.name, result.metric)
            if ident in done:
                continue
            done.add(ident)
            keys = frozenset(
                {
                    benchmark_key(result.benchmark.name, gazetteer),
                    benchmark_key(result.benchmark.name),
                }
            )
            label = int(_same_result(gold, (keys, result.metric, result.value)))
            rows.append((n, (n, sentence, start), feats, label))
    return rows


def fit(rows: list) -> tuple[list[str], list[float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([r[2] for r in rows])
    y = [r[3] for r in rows]
    clf = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    clf.fit(x, y)
    return (
        list(vec.get_feature_names_out()),
        [float(w) for w in clf.coef_[0]],
        float(clf.intercept_[0]),
    )


def _accepted(rows: list, probability) -> list[tuple[float, int]]:
    """(best probability, label of the best) for each figure."""
    best: dict[tuple, tuple[float, int]] = {}
    for _, figure, feats, label in rows:
        p = probability(feats)
        if figure not in best or p > best[figure][0]:
            best[figure] = (p, label)
    return list(best.values())


def cross_validated(rows: list) -> list[tuple[float, int]]:
    out: list[tuple[float, int]] = []
    for fold in range(FOLDS):
        train = [r for r in rows if r[0] % FOLDS != fold]
        test = [r for r in rows if r[0] % FOLDS == fold]
        names, weights, bias = fit(train)
        model = result_model.Model(tuple(names), tuple(weights), bias, 0.5)
        out.extend(_accepted(test, model.probability))
    return out


def threshold_for(scored: list[tuple[float, int]], precision: float) -> float | None:
    """The lowest threshold whose accepted figures reach ``precision`` (against the labels, at
    least five figures accepted), None when none does."""
    best = None
    ranked = sorted(scored, reverse=True)
    hits = 0
    for i, (p, label) in enumerate(ranked, 1):
        hits += label
        if i >= 5 and hits / i >= precision:
            best = p
    return None if best is None else round(best, 4)


def train(precision: float) -> dict:
    papers = pwc_sets()["pwc-results-tune"]
    rows = candidates(papers)
    scored = cross_validated(rows)
    threshold = threshold_for(scored, precision)
    names, weights, bias = fit(rows)
    kept = [label for p, label in scored if threshold is not None and p >= threshold]
    return {
        "description": "result candidate model (loaders/extract/result_model.py), trained by "
        "tools/train_result_model.py on pwc-results-tune",
        "candidates": len(rows),
        "positives": sum(r[3] for r in rows),
        "cv_accepted": len(kept),
        "cv_accepted_labelled": sum(kept),
        "C": C,
        "threshold": threshold,
        "bias": round(bias, 6),
        "features": names,
        "weights": [round(w, 6) for w in weights],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=result_model.MODEL_PATH)
    parser.add_argument("--precision", type=float, default=0.8)
    args = parser.parse_args()
    model = train(args.precision)
    if model["threshold"] is None:
        print(
            f"{model['candidates']} candidates, {model['positives']} labelled: no threshold "
            f"reaches a cross-validated precision of {args.precision}; no model written"
        )
        return 1
    args.out.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(
        f"{model['candidates']} candidates, {model['positives']} labelled; threshold "
        f"{model['threshold']}: {model['cv_accepted']} figures accepted in cross-validation, "
        f"{model['cv_accepted_labelled']} of them labelled -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
