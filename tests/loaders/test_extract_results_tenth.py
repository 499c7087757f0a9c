"""Result shapes of issue 15's tenth round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the IoU threshold after AP is part of the metric, not a figure of 50
        (
            "Our detector achieves 45.2 AP and 64.1 AP 50 on COCO test-dev.",
            [("coco", "mAP", 45.2), ("coco", "mAP", 64.1)],
        ),
        ("The model reaches an AP 50 of 71.3 on PASCAL VOC 2007.", [("pascalvoc", "mAP", 71.3)]),
        (
            "It obtains 52.1 AP_50 and 38.0 AP_75 on COCO.",
            [("coco", "mAP", 38.0), ("coco", "mAP", 52.1)],
        ),
        # (a figure after AP is still one)
        ("The detector reaches AP 75.3 on COCO.", [("coco", "mAP", 75.3)]),
    ],
)
def test_the_threshold_of_ap_is_no_figure(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # figures without a metric, in the benchmarks' own metric, paired in order
        (
            "Our method achieves 84.3 and 86.1 on SNLI and MultiNLI respectively.",
            [("mnli", "accuracy", 86.1), ("snli", "accuracy", 84.3)],
        ),
        (
            "The ensemble reaches 91.3 and 89.0 on SST-2 and QNLI.",
            [("qnli", "accuracy", 89.0), ("sst2", "accuracy", 91.3)],
        ),
    ],
)
def test_figures_without_metric_pair_in_order(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the "on" after the second figure is that figure's only
        (
            "On GSM8K, our 7B model reaches 54.3% accuracy, and 18.2% on MATH.",
            [("gsm8k", "accuracy", 54.3), ("math", "accuracy", 18.2)],
        ),
        (
            "On ModelNet40, PointX achieves 93.8% overall accuracy, and 87.2% mIoU on "
            "ShapeNetPart.",
            [("modelnet40", "accuracy", 93.8), ("shapenet", "mIoU", 87.2)],
        ),
        # (figures each with its own metric, then their one benchmark: all on it)
        (
            "The unified model obtains 26.8 PQ, 16.8 AP, and 34.1 mIoU on ADE20K.",
            [("ade20k", "PQ", 26.8), ("ade20k", "mAP", 16.8), ("ade20k", "mIoU", 34.1)],
        ),
    ],
)
def test_a_sentence_opening_with_a_benchmark_keeps_its_first_figure(sentence, expected):
    assert absolute(sentence) == expected


def test_a_second_figure_keeps_its_own_split():
    ex = extract_paper(
        Paper(
            key="p",
            title="X",
            abstract="The model attains a WER of 2.1% on LibriSpeech test-clean and 4.5% on "
            "test-other.",
        )
    )
    splits = sorted(
        (r.value, r.split) for r in ex.relationships if isinstance(r, EvaluatedOn) and r.value
    )
    assert splits == [(2.1, "test-clean"), (4.5, "test-other")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Our agent achieves a median human-normalized score of 96% on Atari-57.",
            [("atari", "human-normalized score", 96.0)],
        ),
        (
            "On the DeepMind Control Suite, our method achieves an average return of 850.",
            [("deepmindcontrolsuite", "return", 850.0)],
        ),
        (
            "The offline method reaches a normalized return of 78.3 on D4RL.",
            [("d4rl", "return", 78.3)],
        ),
        # (a verb, not a metric)
        ("It returns 5.2 candidates per query on MS MARCO.", []),
    ],
)
def test_reinforcement_learning_scores(sentence, expected):
    assert absolute(sentence) == expected


def test_the_voxceleb1_trial_lists_are_voxceleb():
    assert absolute(
        "On VoxCeleb1-O, the system obtains an EER of 0.86% and a minDCF of 0.091."
    ) == [
        ("voxceleb", "EER", 0.86),
        ("voxceleb", "minDCF", 0.091),
    ]
