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
