"""Result shapes of issue 15's eleventh round, each on a sentence of a pwc-results-tune abstract."""

from __future__ import annotations

from loaders.extract.evaluate import evaluate
from loaders.extract.gazetteer import benchmark_key
from tests.loaders.extract_results import absolute


def test_long_tail_emerging_entities_is_wnut_2017():
    # Papers with Code's name for the WNUT 2017 emerging-entities leaderboard (acl:W17-4422)
    assert benchmark_key("Long-tail emerging entities") == benchmark_key("WNUT 2017")
    paper = {
        "title": "Transfer Learning and Sentence Level Features for Named Entity Recognition",
        "abstract": "We present our system for the WNUT 2017 Named Entity Recognition challenge "
        "on Twitter data. Our system uses both methods and ranked second for entity level "
        "annotations, achieving an F1-score of 40.78, and second for surface form annotations, "
        "achieving an F1-score of 39.33.",
        "results": [
            {"benchmark": "Long-tail emerging entities", "metric": "F1", "value": 40.78},
            {
                "benchmark": "Long-tail emerging entities",
                "metric": "F1 (surface form)",
                "value": 39.33,
            },
        ],
    }
    score = evaluate([paper])["results"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_a_base_figure_before_its_gain_in_parentheses():
    # arxiv:1711.09349: PCB's figure, then what refined part pooling adds to it
    sentence = (
        "For instance, on the Market-1501 dataset, we achieve (77.4+4.2)% mAP and (92.3+1.5)% "
        "rank-1 accuracy, surpassing the state of the art by a large margin."
    )
    assert ("market1501", "mAP", 77.4) in absolute(sentence)
