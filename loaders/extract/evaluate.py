"""Precision / recall of the extraction rules against a hand-labelled development set.

The set is JSON: ``{"papers": [{"title", "abstract", "tldr"?, "proposed": ["Long Name|ACR", ...],
"benchmarks": [...], "results": [{"benchmark", "metric", "value"}]}]}``. A predicted item
matches a gold item when any of their normalised forms (name or alias keys) agree; each gold
item is matched at most once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Paper
from loaders.extract.extractor import benchmark_key, extract_paper, method_key


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(
    gold: list[tuple[str, frozenset]],
    predicted: list[tuple[str, frozenset]],
    score: Score,
    where: str,
) -> None:
    used: set[int] = set()
    for label, keys in gold:
        hit = next((i for i, (_, pk) in enumerate(predicted) if i not in used and pk & keys), None)
        if hit is None:
            score.fn += 1
            score.false_negatives.append(f"{where}: {label}")
        else:
            used.add(hit)
            score.tp += 1
    for i, (label, _) in enumerate(predicted):
        if i not in used:
            score.fp += 1
            score.false_positives.append(f"{where}: {label}")


def load_devset(path: str | Path) -> list[dict]:
    """The labelled papers; raises ValueError naming what is missing."""
    data = json.loads(Path(path).read_text("utf-8"))
    papers = data.get("papers") if isinstance(data, dict) else None
    if not isinstance(papers, list):
        raise ValueError(f"{path}: expected a JSON object with a 'papers' list")
    for n, p in enumerate(papers):
        for name in ("title", "abstract", "proposed", "benchmarks", "results"):
            if name not in p:
                raise ValueError(f"{path}: paper #{n} lacks '{name}'")
    return papers


def evaluate(papers: list[dict]) -> dict[str, Score]:
    """Scores for "proposed", "benchmarks" and "results"."""
    scores = {"proposed": Score(), "benchmarks": Score(), "results": Score()}
    for n, item in enumerate(papers):
        paper = Paper(
            key=f"dev:{n}", title=item["title"], abstract=item["abstract"], tldr=item.get("tldr")
        )
        ex = extract_paper(paper)
        where = f"#{item.get('listing_index', n)} {item['title'][:50]}"
        methods = {m.key: m for m in ex.methods}
        benches = {b.key: b for b in ex.benchmarks}

        def method_keys(key: str) -> frozenset:
            m = methods[key]  # noqa: B023 (called within this iteration)
            return frozenset({key, *(method_key(a) for a in m.aliases or [])})

        def bench_keys(key: str) -> frozenset:
            b = benches[key]  # noqa: B023 (called within this iteration)
            return frozenset({key, *(benchmark_key(a) for a in b.aliases or [])})

        gold_p = [(g, frozenset(method_key(f) for f in g.split("|"))) for g in item["proposed"]]
        pred_p = [
            (methods[r.dst].name, method_keys(r.dst))
            for r in ex.relationships
            if r.type == "PROPOSES"
        ]
        _match(gold_p, pred_p, scores["proposed"], where)

        gold_b = [
            (g, frozenset(benchmark_key(f) for f in g.split("|"))) for g in item["benchmarks"]
        ]
        pred_b = [
            (benches[k].name, bench_keys(k))
            for k in dict.fromkeys(r.dst for r in ex.relationships if r.type == "EVALUATED_ON")
        ]
        _match(gold_b, pred_b, scores["benchmarks"], where)

        def result_keys(bkeys: frozenset, metric: str, value: float) -> frozenset:
            return frozenset((k, metric.lower(), round(value, 4)) for k in bkeys)

        gold_r = [
            (
                f"{g['benchmark']} {g['metric']}={g['value']}",
                result_keys(
                    frozenset({benchmark_key(g["benchmark"])}), g["metric"], float(g["value"])
                ),
            )
            for g in item["results"]
        ]
        pred_r = [
            (
                f"{benches[r.dst].name} {r.metric}={r.value}{r.unit or ''}",
                result_keys(bench_keys(r.dst), r.metric, r.value),
            )
            for r in ex.relationships
            if r.type == "EVALUATED_ON" and r.metric and r.value is not None
        ]
        _match(gold_r, pred_r, scores["results"], where)
    return scores


def report(scores: dict[str, Score], verbose: bool = False) -> str:
    """The scores as a small table (and the misses with ``verbose``)."""
    lines = [f"{'':12} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, s in scores.items():
        lines.append(
            f"{name:12} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}"
        )
    if verbose:
        for name, s in scores.items():
            lines.append(f"\n{name}: false positives")
            lines.extend(f"  + {x}" for x in s.false_positives)
            lines.append(f"{name}: false negatives")
            lines.extend(f"  - {x}" for x in s.false_negatives)
    return "\n".join(lines)
