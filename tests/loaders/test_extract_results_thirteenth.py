"""Result shapes of issue 15's thirteenth round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # DEMAND (written in capitals) is the speech-enhancement VoiceBank+DEMAND set
        (
            "On the DEMAND corpus, our enhancement model reaches a PESQ of 3.21.",
            [("voicebank+demand", "PESQ", 3.21)],
        ),
        # ... and the word "demand" is none
        (
            "The supply must meet demand, and our model achieves 91.2% accuracy on MNIST.",
            [("mnist", "accuracy", 91.2)],
        ),
        (
            "The model achieves 87.4% accuracy on SICK-E and 93.1% on MPQA.",
            [("mpqa", "accuracy", 93.1), ("sick", "accuracy", 87.4)],
        ),
        (
            "It reaches 82.5% top-1 accuracy on ImageNet-100 with linear probing.",
            [("imagenet100", "top-1 accuracy", 82.5)],
        ),
        (
            "On Yahoo Answers, our classifier reaches 77.6% accuracy.",
            [("yahooanswers", "accuracy", 77.6)],
        ),
    ],
)
def test_widely_used_benchmarks_are_known(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the figure of "On CIFAR-10 ..." is not CIFAR-100's, whose "and on" opens the next clause
        (
            "On CIFAR-10 it reaches 97.1% accuracy and on CIFAR-100 an error rate of 15.3%.",
            [("cifar10", "accuracy", 97.1), ("cifar100", "error rate", 15.3)],
        ),
        # (a "pre-trained on" is no clause of the figure)
        (
            "Pre-trained on ImageNet-21K, it reaches 88.5% top-1 accuracy on ImageNet.",
            [("imagenet", "top-1 accuracy", 88.5)],
        ),
    ],
)
def test_each_on_clause_keeps_its_figure(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the "1" of "1-shot" is no figure, so the second figure takes the first one's metric
        (
            "On PASCAL-5i, it achieves 62.1% mIoU in 1-shot and 70.3% in 5-shot.",
            [("pascal5i", "mIoU", 62.1), ("pascal5i", "mIoU", 70.3)],
        ),
        (
            "Our method obtains 57.0 mean IoU in the 1-shot setting and 60.6 in the 5-shot "
            "setting on PASCAL-5i.",
            [("pascal5i", "mIoU", 57.0), ("pascal5i", "mIoU", 60.6)],
        ),
    ],
)
def test_a_second_shot_setting_keeps_the_metric(sentence, expected):
    assert absolute(sentence) == expected
