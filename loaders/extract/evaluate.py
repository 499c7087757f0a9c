"""Precision / recall of the extraction rules against hand-labelled sets, each scored by name.

Two shapes of set:

- the listing sets (``tests/loaders/data/extract_*.json``): ``{"papers": [{"title", "abstract",
  "proposed": ["Long Name|ACR", ...], "benchmarks": [...], "results": [{"benchmark", "metric",
  "value"}], "used"?: [...], "compared"?: [...]}]}``;
- the Papers-with-Code sets: the abstracts and third-party results of
  ``../shared/real-world/results-gold/results_tune.json``, read at run time, split once into a
  tuning and a test half (``extract_pwc_methods.json`` holds the split and the hand labels of
  proposed / used / compared methods and benchmarks for 150 of them).

A predicted item matches a gold item when any of their normalised forms agree; each gold item
is matched at most once. A result matches when its value is equal and its benchmark and metric
are compatible (names compared through the gazetteer and the metric alias table; a gold
benchmark written with its split, "COCO test-dev", matches COCO). The labels of one figure of the
abstract (its character span: two leaderboards recording the same "56.8") count as one result.
Results are the absolute scores; improvements and relative claims are counted apart.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.keys import fold, method_key
from kg.metrics import canonical_metric
from kg.model import EvaluatedOn, Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.gazetteer import benchmark_key

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "loaders" / "data"
PWC_LABELS = DATA / "extract_pwc_methods.json"
PWC_FRESH = DATA / "extract_pwc_methods_fresh.json"
PWC_FRESH2 = DATA / "extract_pwc_methods_fresh2.json"
PWC_FRESH3 = DATA / "extract_pwc_methods_fresh3.json"
PWC_TUNE2 = DATA / "extract_pwc_methods_tune2.json"
PWC_TUNE3 = DATA / "extract_pwc_methods_tune3.json"
PWC_CHECKED = DATA / "extract_pwc_results_checked.json"
PWC_TUNE_CHECKED = DATA / "extract_pwc_results_tune_checked.json"
#: the hand checks of unlabelled extracted results, by the set they were made on
CHECKED = {"pwc-results-test": PWC_CHECKED, "pwc-results-tune": PWC_TUNE_CHECKED}


def checked_results(path: Path = PWC_CHECKED) -> set[tuple]:
    """(id, benchmark key, metric, value) of unlabelled extracted results checked right by hand."""
    data = json.loads(path.read_text("utf-8"))
    return {
        (c["id"], c["benchmark"], c["metric"], c["value"]) for c in data["checked"] if c["correct"]
    }


KINDS = ("proposed", "used", "compared", "used+compared", "benchmarks", "results")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    #: false positives a hand check found right (the labels are incomplete); None: not checked
    verified: int | None = None
    #: (id, benchmark key, metric, value) of the results false positives no hand check found right
    unverified: list[tuple] = field(default_factory=list)

    @property
    def checked_precision(self) -> float | None:
        if self.verified is None:
            return None
        return (self.tp + self.verified) / (self.tp + self.fp) if self.tp + self.fp else 1.0

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


def shared_dir() -> Path:
    """``../shared`` beside the checkout (a worktree's parent's ``shared``), else /work/shared."""
    for candidate in (
        os.environ.get("KG_SHARED_DIR"),
        ROOT.parent / "shared",
        ROOT.parent.parent / "shared",
        Path("/work/shared"),
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    raise FileNotFoundError("no shared data directory (set KG_SHARED_DIR)")


def _match(
    gold: list[tuple[str, object]],
    predicted: list[tuple[str, object]],
    score: Score,
    where: str,
    same,
) -> None:
    used: set[int] = set()
    for label, g in gold:
        hit = next((i for i, (_, p) in enumerate(predicted) if i not in used and same(g, p)), None)
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
    return [i for i in range(len(predicted)) if i not in used]


def _overlap(a: frozenset, b: frozenset) -> bool:
    return bool(a & b)


def load_devset(path: str | Path) -> list[dict]:
    """The labelled papers of a listing-shaped set; raises ValueError naming what is missing."""
    data = json.loads(Path(path).read_text("utf-8"))
    papers = data.get("papers") if isinstance(data, dict) else None
    if not isinstance(papers, list):
        raise ValueError(f"{path}: expected a JSON object with a 'papers' list")
    for n, p in enumerate(papers):
        for name in ("title", "abstract"):
            if name not in p:
                raise ValueError(f"{path}: paper #{n} lacks '{name}'")
    return papers


def pwc_sets(
    labels: Path = PWC_LABELS,
    fresh: Path = PWC_FRESH,
    tune2: Path = PWC_TUNE2,
    tune3: Path = PWC_TUNE3,
    fresh2: Path = PWC_FRESH2,
    fresh3: Path = PWC_FRESH3,
) -> dict[str, list[dict]]:
    """The Papers-with-Code sets by name: results on each half of results_tune.json, the
    hand-labelled methods on each half of the 150 labelled abstracts, the 60 labelled later
    (``pwc-methods-fresh``, held out for five rounds, tuned on from the sixth), 80 + 35 more of
    the tuning half labelled to tune on (``pwc-methods-tune2``, ``pwc-methods-tune3``) and 60 + 55
    more of the test half that no rule was tuned on (``pwc-methods-fresh2``,
    ``pwc-methods-fresh3``)."""
    spec = json.loads(labels.read_text("utf-8"))
    source = shared_dir() / "real-world" / "results-gold" / "results_tune.json"
    items = {i["id"]: i for i in json.loads(source.read_text("utf-8"))["items"]}
    sets: dict[str, list[dict]] = {}
    for half in ("tune", "test"):
        sets[f"pwc-results-{half}"] = [
            {
                "id": i,
                "title": items[i]["title"] or "",
                "abstract": items[i]["abstract"],
                "results": [
                    {
                        "benchmark": r["benchmark"],
                        "metric": r["metric"],
                        "value": r["value"],
                        "span": [r["char_start"], r["char_end"]],
                    }
                    for r in items[i]["results"]
                ],
            }
            for i in spec["results_split"][half]
        ]
    for half in ("tune", "test"):
        sets[f"pwc-methods-{half}"] = [
            {**p, "title": items[p["id"]]["title"] or "", "abstract": items[p["id"]]["abstract"]}
            for p in spec["papers"]
            if p["half"] == half
        ]
    for name, path in (
        ("pwc-methods-fresh", fresh),
        ("pwc-methods-tune2", tune2),
        ("pwc-methods-tune3", tune3),
        ("pwc-methods-fresh2", fresh2),
        ("pwc-methods-fresh3", fresh3),
    ):
        if path.is_file():
            sets[name] = [
                {
                    **p,
                    "title": items[p["id"]]["title"] or "",
                    "abstract": items[p["id"]]["abstract"],
                }
                for p in json.loads(path.read_text("utf-8"))["papers"]
            ]
    return sets


def labelled_sets() -> dict[str, list[dict]]:
    """Every labelled set, by name (the listing sets first)."""
    sets = {
        "listing-dev (tuned on)": load_devset(DATA / "extract_devset.json"),
        "unseen-25": load_devset(DATA / "extract_unseen.json"),
    }
    pwc = pwc_sets()
    names = {
        "pwc-methods-tune": "pwc-methods-tune (tuned on)",
        "pwc-methods-test": "pwc-methods-test (held out)",
        "pwc-methods-fresh": "pwc-methods-fresh (tuned on from the sixth round)",
        "pwc-methods-tune2": "pwc-methods-tune2 (tuned on)",
        "pwc-methods-tune3": "pwc-methods-tune3 (tuned on)",
        "pwc-methods-fresh2": "pwc-methods-fresh2 (never tuned on)",
        "pwc-methods-fresh3": "pwc-methods-fresh3 (never tuned on)",
        "pwc-results-tune": "pwc-results-tune (tuned on)",
        "pwc-results-test": "pwc-results-test (held out)",
    }
    sets.update({names[k]: v for k, v in pwc.items()})
    # pwc-methods-fresh, tuned on for benchmarks since the sixth round, holds 30 of the results
    # test half's abstracts: the results figure on the other 190 is the one no tuning touched
    tuned = {p["id"] for p in pwc["pwc-methods-fresh"]}
    sets["pwc-results-test-untouched (held out, the 190 in no tuned-on set)"] = [
        p for p in pwc["pwc-results-test"] if p["id"] not in tuned
    ]
    return sets


_SPLIT_WORDS = frozenset(
    "test dev testdev minival val validation valid test-dev test-std test-clean test-other train "
    "split set".split()
)


def _gold_bench_keys(name: str) -> frozenset:
    words = name.replace("(", " ").replace(")", " ").replace(",", " ").split()
    core = " ".join(w for w in words if w.lower() not in _SPLIT_WORDS)
    return frozenset(k for k in {benchmark_key(name), benchmark_key(core or name)} if k)


_YEAR = re.compile(r"20(\d\d)")


def _bench_compatible(gold: frozenset, pred: frozenset) -> bool:
    if gold & pred:
        return True
    # "WMT2014 English-German" and "WMT14": years written with or without the century
    gold = frozenset(_YEAR.sub(r"\1", g) for g in gold)
    pred = frozenset(_YEAR.sub(r"\1", p) for p in pred)
    return any(
        len(p) >= 3 and len(g) >= 3 and (g.startswith(p) or p.startswith(g))
        for g in gold
        for p in pred
    )


#: metrics a leaderboard and an abstract name differently for the same figure
_FAMILIES = (
    frozenset({"accuracy", "top-1 accuracy"}),
    frozenset({"mAP", "AP", "mask AP", "AP50"}),
    frozenset({"mIoU", "IoU"}),
    frozenset({"error rate", "top-1 error", "WER"}),
    frozenset({"F1", "F0.5"}),
    frozenset({"AUC", "PR-AUC"}),
    # "491 MFLOPs" on a leaderboard's MACs column: most papers write FLOPs for multiply-adds
    frozenset({"FLOPs", "MACs"}),
    # image models' likelihood: leaderboards write "bpd" or "NLL" for the same bits per dimension
    frozenset({"NLL", "bits per dimension"}),
    # video object segmentation: YouTube-VOS leaderboards write "Overall" for the mean of the
    # region and boundary scores that abstracts (and DAVIS leaderboards) write J&F
    frozenset({"J&F", "overall"}),
)
#: leaderboard columns named by a split alone
_SPLIT_COLUMNS = frozenset({"test", "dev", "val", "validation", "test-dev", "test-std"})
#: what a leaderboard writes about how the metric was taken, which an abstract leaves out:
#: "3-fold Accuracy", "Accuracy (Inter-Patient)"
_PROTOCOL = re.compile(r"^\s*\d+[- ]fold\s+|\s*\([^()]*\)")
_PROTOCOL_ONLY = re.compile(r"cross[- ]validation", re.I)


def metric_compatible(gold: str, pred: str) -> bool:
    """The gold metric (leaderboard wording) and a predicted canonical metric name one figure.

    >>> metric_compatible("Top 1 Accuracy", "top-1 accuracy"), metric_compatible("3-fold Accuracy", "accuracy")
    (True, True)
    >>> metric_compatible("3-fold Accuracy", "top-1 accuracy"), metric_compatible("bpd", "NLL")
    (True, True)
    >>> metric_compatible("BLEU score", "F1")
    False
    """
    g, p = canonical_metric(gold), canonical_metric(pred)
    if g == p or any(g in f and p in f for f in _FAMILIES):
        return True
    if g in _SPLIT_COLUMNS:
        # "Test" (WikiHop): a column named by the split alone holds the leaderboard's one metric
        return True
    folded_p = fold(p)
    if len(folded_p) >= 3 and folded_p in fold(gold):
        return True
    bare = _PROTOCOL.sub("", gold).strip()
    if bare != gold and _PROTOCOL_ONLY.fullmatch(bare):
        # "5 fold cross validation": a column named by its protocol alone holds the accuracy
        return metric_compatible("accuracy", pred)
    return bool(bare) and bare != gold and metric_compatible(bare, pred)


def _same_result(gold: list[tuple], pred: tuple) -> bool:
    """The predicted result matches one of the labels of a figure."""
    pb, pm, pv = pred
    return any(
        abs(gv - pv) < 1e-6 and _bench_compatible(gb, pb) and metric_compatible(gm, pm)
        for gb, gm, gv in gold
    )


def evaluate(papers: list[dict], checked: set | None = None) -> dict[str, Score]:
    """Scores per kind, for the kinds the set labels; ``checked`` holds (id, benchmark key,
    metric, value) of extracted results a hand check found right though no label has them."""
    labelled = {
        k
        for p in papers
        for k in ("proposed", "used", "compared", "benchmarks", "results")
        if k in p
    }
    kinds = [k for k in KINDS if k in labelled or (k == "used+compared" and "used" in labelled)]
    scores = {k: Score() for k in kinds}
    for n, item in enumerate(papers):
        paper = Paper(
            key=f"eval:{n}",
            title=item["title"] or None,
            abstract=item["abstract"],
            tldr=item.get("tldr"),
        )
        where = f"#{item.get('listing_index', item.get('id', n))} {(item['title'] or '')[:50]}"
        _score_paper(item, extract_paper(paper), scores, where, checked)
    return scores


def _score_paper(item: dict, ex, scores: dict[str, Score], where: str, checked: set | None) -> None:
    methods = {m.key: m for m in ex.methods}
    benches = {b.key: b for b in ex.benchmarks}

    def method_keys(key: str) -> frozenset:
        return frozenset({key, *(method_key(a) for a in methods[key].aliases or [])})

    def bench_keys(key: str) -> frozenset:
        return frozenset({key, *(benchmark_key(a) for a in benches[key].aliases or [])})

    def gold_methods(kind: str) -> list:
        return [(g, frozenset(method_key(f) for f in g.split("|"))) for g in item.get(kind, [])]

    def predicted(rel_types: tuple[str, ...]) -> list:
        dsts = dict.fromkeys(r.dst for r in ex.relationships if r.type in rel_types)
        return [(methods[k].name, method_keys(k)) for k in dsts]

    for kind, rel_types in (
        ("proposed", ("PROPOSES",)),
        ("used", ("USES",)),
        ("compared", ("COMPARES_WITH",)),
    ):
        if kind in scores:
            _match(gold_methods(kind), predicted(rel_types), scores[kind], where, _overlap)
    if "used+compared" in scores:
        gold = gold_methods("used") + [
            g for g in gold_methods("compared") if g[0] not in item.get("used", [])
        ]
        _match(gold, predicted(("USES", "COMPARES_WITH")), scores["used+compared"], where, _overlap)

    if "benchmarks" in scores:
        gold_b = [
            (g, frozenset(benchmark_key(f) for f in g.split("|"))) for g in item["benchmarks"]
        ]
        pred_b = [
            (benches[k].name, bench_keys(k))
            for k in dict.fromkeys(r.dst for r in ex.relationships if r.type == "EVALUATED_ON")
        ]
        _match(gold_b, pred_b, scores["benchmarks"], where, _overlap)

    if "results" in scores:
        # labels on one figure of the abstract (leaderboards recording "56.8" as "COCO test-dev
        # box mAP" and "COCO minival box AP") are one result: any of them matches it
        figures: dict[object, list[dict]] = {}
        for n, g in enumerate(item.get("results", [])):
            figures.setdefault(tuple(g.get("span") or (n,)), []).append(g)
        gold_r = [
            (
                " | ".join(f"{g['benchmark']} {g['metric']}={g['value']}" for g in labels),
                [
                    (_gold_bench_keys(g["benchmark"]), g["metric"], float(g["value"]))
                    for g in labels
                ],
            )
            for labels in figures.values()
        ]
        pred_edges = [
            r
            for r in ex.relationships
            if isinstance(r, EvaluatedOn)
            and r.metric
            and r.value is not None
            and getattr(r, "kind", "absolute") == "absolute"
        ]
        pred_r = [
            (
                f"{benches[r.dst].name} {r.metric}={r.value}{r.unit or ''}{' [' + r.split + ']' if getattr(r, 'split', '') else ''}",
                (bench_keys(r.dst), r.metric, r.value),
            )
            for r in pred_edges
        ]
        unmatched = _match(gold_r, pred_r, scores["results"], where, _same_result)
        if checked is not None:
            score = scores["results"]
            keys = [
                (item.get("id"), pred_edges[i].dst, pred_edges[i].metric, pred_edges[i].value)
                for i in unmatched
            ]
            score.verified = (score.verified or 0) + sum(k in checked for k in keys)
            score.unverified.extend(k for k in keys if k not in checked)


def report(scores: dict[str, Score], verbose: bool = False) -> str:
    """The scores as a small table (and the misses with ``verbose``)."""
    lines = [f"  {'':14} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, s in scores.items():
        lines.append(
            f"  {name:14} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.tp:4d} {s.fp:4d} {s.fn:4d}"
        )
        if s.checked_precision is not None:
            lines.append(
                f"  {'  hand-checked':14} {s.checked_precision:9.3f}   (of the {s.fp} unlabelled, "
                f"{s.verified} checked right by hand; recall still against the labels)"
            )
    if verbose:
        for name, s in scores.items():
            lines.append(f"\n{name}: false positives")
            lines.extend(f"  + {x}" for x in s.false_positives)
            lines.append(f"{name}: false negatives")
            lines.extend(f"  - {x}" for x in s.false_negatives)
    return "\n".join(lines)
