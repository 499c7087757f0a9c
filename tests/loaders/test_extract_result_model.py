"""The learned second reader of results: candidates, scoring, and deterministic training."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

from kg.model import Paper
from loaders.extract import extract_paper, result_model

ROOT = Path(__file__).resolve().parents[2]

# arxiv:1904.08779 (tuning half): a rival's score, which the rules drop; the model sees it too
RIVAL = "On LibriSpeech, this compares to the previous state-of-the-art hybrid system of 7.5% WER."


def test_figures_the_rules_leave_unpaired_become_candidates() -> None:
    with result_model.collecting() as seen:
        ex = extract_paper(Paper(key="p", title="X", abstract=RIVAL))
    assert not [r for r in ex.relationships if getattr(r, "value", None) is not None]
    pairings = {(r.benchmark.name, r.metric, r.value) for _, _, r, _ in seen}
    assert pairings == {("LibriSpeech", "WER", 7.5)}
    features = seen[0][3]
    assert features["m_after"] == 1.0 and features["b_before"] == 1.0 and "cl_prior" in features


def test_the_model_is_a_logistic_score_over_named_features() -> None:
    model = result_model.Model(("m_after", "cl_cmp"), (2.0, -3.0), -1.0, 0.5)
    assert math.isclose(model.probability({"m_after": 1.0}), 1 / (1 + math.exp(-1.0)))
    assert model.probability({"m_after": 1.0, "cl_cmp": 1.0}) < 0.5


def test_training_is_deterministic() -> None:
    spec = importlib.util.spec_from_file_location(
        "train_result_model", ROOT / "tools" / "train_result_model.py"
    )
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    from loaders.extract.evaluate import pwc_sets

    rows = tool.candidates(pwc_sets()["pwc-results-tune"])
    assert rows and sum(r[3] for r in rows) > 10
    assert tool.fit(rows) == tool.fit(rows)
