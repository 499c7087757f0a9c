"""The metric alias table."""

from __future__ import annotations

import pytest

from kg.metrics import canonical_metric, lower_is_better, metric_key


@pytest.mark.parametrize(
    "written, name",
    [
        ("Top 1 Accuracy", "top-1 accuracy"),
        ("acc@1", "top-1 accuracy"),
        ("Top1", "top-1 accuracy"),
        ("Mean IoU", "mIoU"),
        ("Word Error Rate (WER)", "WER"),
        ("BLEU score", "BLEU"),
        ("F1-score", "F1"),
        # CityPersons' leaderboard columns, one per subset
        ("Partial MR^-2", "miss rate"),
        ("Heavy MR^-2", "miss rate"),
    ],
)
def test_written_forms_resolve(written, name):
    assert metric_key(written) == name


def test_unknown_metrics_keep_their_words_and_error_metrics_rank_low():
    assert (
        metric_key("novelty score") is None
        and canonical_metric("Novelty  Score") == "novelty score"
    )
    assert lower_is_better("WER") and lower_is_better("top-1 error") and not lower_is_better("mIoU")
