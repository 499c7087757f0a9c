"""A learned second reader for results: figures the rules leave unpaired, scored.

The rules of ``results.py`` pair a figure with a metric and a benchmark only when the sentence
says so in one of the shapes they know. Every other figure of a sentence that names a benchmark
and a metric becomes *candidates* here, one per (nearest metrics x benchmarks) pairing, each
described by a few features of the text around it (how far the metric and the benchmark are, on
which side, what stands between, the cue words of its clause: "outperforms", "previous",
"baseline", "respectively", ...). A logistic regression trained on the tuning half of the
Papers-with-Code results (``tools/train_result_model.py``, deterministic) scores them, and the
best pairing of a figure is kept when its probability reaches the model's threshold.

The model is a small JSON file of weights (``data/result_model.json``): scoring is a dot product
in plain Python, so extraction needs no machine-learning library; training needs scikit-learn.
"""

from __future__ import annotations

import json
import math
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("data") / "result_model.json"

#: while training, every candidate scored is appended here (see ``collecting``)
_COLLECT: ContextVar[list | None] = ContextVar("result_candidates", default=None)

_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:while|whereas|which|but)\b")
_CUES = {
    "cmp": re.compile(
        r"\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*|compar\w*|than|versus|vs\.?|v\.s\.)",
        re.I,
    ),
    "prior": re.compile(r"\b(?:previous|prior|best published|state[- ]of[- ]the[- ]art)\b", re.I),
    "base": re.compile(r"\b(?:baselines?|human|random|chance|oracle|upper bound)\b", re.I),
    "own": re.compile(
        r"\b(?:we|our|ours|proposed|achiev\w*|obtain\w*|reach\w*|attain\w*|yield\w*|set\w*)\b",
        re.I,
    ),
    "from": re.compile(r"\bfrom\s*$", re.I),
    "to": re.compile(r"\bto\s*$", re.I),
    "with": re.compile(r"\bwith\s*$", re.I),
    "of": re.compile(r"\b(?:of|at|is|are|=|:)\s*$", re.I),
    "on": re.compile(r"\b(?:on|in|for)\s*(?:the\s*)?$", re.I),
}
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_FOR_COMPARISON = re.compile(r"\b(?:for comparison|in comparison|compared)\b", re.I)


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(
            w * features.get(n, 0.0) for n, w in zip(self.names, self.weights) if n in features
        )
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The trained model, or None when no model file is shipped (the rules then stand alone)."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return Model(
        tuple(data["features"]),
        tuple(float(w) for w in data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
    )


class collecting:
    """``with collecting() as seen:`` gathers (sentence, figure start, result, features) of every
    candidate, and keeps the model from deciding meanwhile (training sees the rules alone)."""

    def __enter__(self) -> list:
        self._seen: list = []
        self._token = _COLLECT.set(self._seen)
        return self._seen

    def __exit__(self, *exc) -> None:
        _COLLECT.reset(self._token)


def collecting_now() -> bool:
    return _COLLECT.get() is not None


def record(sentence: str, start: int, result, features: dict[str, float]) -> None:
    seen = _COLLECT.get()
    if seen is not None:
        seen.append((sentence, start, result, features))


def _bucket(prefix: str, distance: int, edges=(2, 6, 14, 30, 60)) -> str:
    for edge in edges:
        if distance <= edge:
            return f"{prefix}<={edge}"
    return f"{prefix}>{edges[-1]}"


def features(
    sentence: str,
    start: int,
    end: int,
    unit: str | None,
    value: float,
    metric: tuple[int, int, str, int],
    bench: tuple[int, int, int],
    figures: list[tuple[int, int]],
    n_benchmarks: int,
    n_metrics: int,
    carried: bool,
) -> dict[str, float]:
    """The features of one candidate: the figure at ``start``..``end``, a metric match
    (start, end, name, distance rank) and a benchmark mention (start, end, distance rank; start
    -1 when carried from another sentence); ``figures`` are the spans of every figure."""
    f: dict[str, float] = {}
    m_start, m_end, m_name, m_rank = metric
    b_start, b_end, b_rank = bench
    # the metric
    after = m_start >= end
    gap = (m_start - end) if after else (start - m_end)
    f["m_after" if after else "m_before"] = 1.0
    f[_bucket("m_dist", gap)] = 1.0
    f[f"m_rank{min(m_rank, 2)}"] = 1.0
    lo, hi = (end, m_start) if after else (m_end, start)
    between = sum(1 for s, _ in figures if lo <= s < hi)
    f[f"m_figs_between{min(between, 2)}"] = 1.0
    if _CLAUSE_BREAK.search(sentence[lo:hi]):
        f["m_clause_break"] = 1.0
    if m_name == "score":
        f["m_score"] = 1.0
    # the benchmark
    if b_start < 0:
        f["b_carried"] = 1.0
    else:
        b_after = b_start >= end
        b_gap = (b_start - end) if b_after else (start - b_end)
        f["b_after" if b_after else "b_before"] = 1.0
        f[_bucket("b_dist", b_gap, (3, 10, 25, 50, 90))] = 1.0
        f[f"b_rank{min(b_rank, 2)}"] = 1.0
        blo, bhi = (end, b_start) if b_after else (b_end, start)
        b_between = sum(1 for s, _ in figures if blo <= s < bhi)
        f[f"b_figs_between{min(b_between, 2)}"] = 1.0
        if _CLAUSE_BREAK.search(sentence[blo:bhi]):
            f["b_clause_break"] = 1.0
        if b_after and re.match(r"\s*%?\s*\(\s*$", sentence[end:b_start]):
            f["b_paren_after"] = 1.0
        if not b_after and re.match(r"^\s*\(\s*$", sentence[b_end:start]):
            f["b_paren_before"] = 1.0
        if b_after and re.search(r"\b(?:on|in|for)\s+(?:the\s+)?$", sentence[:b_start]):
            f["b_on"] = 1.0
    f[f"n_bench{min(n_benchmarks, 3)}"] = 1.0
    f[f"n_metrics{min(n_metrics, 3)}"] = 1.0
    f[f"n_figs{min(len(figures), 5)}"] = 1.0
    if carried:
        f["carried"] = 1.0
    # the figure
    if unit == "%":
        f["u_pct"] = 1.0
    elif unit:
        f["u_other"] = 1.0
    if value < 1:
        f["v_frac"] = 1.0
    elif value >= 100:
        f["v_large"] = 1.0
    if "." not in sentence[start:end]:
        f["v_int"] = 1.0
    before = sentence[:start]
    if before.rfind("(") > before.rfind(")"):
        f["in_paren"] = 1.0
    clause = re.split(r"[,;:]", before)[-1]
    for name, pattern in _CUES.items():
        if name in ("from", "to", "with", "of", "on"):
            if pattern.search(before[-12:]):
                f[f"pre_{name}"] = 1.0
        elif pattern.search(clause):
            f[f"cl_{name}"] = 1.0
    if _CUES["cmp"].search(sentence[end : end + 40]):
        f["post_cmp"] = 1.0
    if _RESPECTIVELY.search(sentence):
        f["respectively"] = 1.0
    if _FOR_COMPARISON.search(sentence[:start]):
        f["for_comparison"] = 1.0
    return f
