"""Result shapes of issue 15's fourteenth round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a figure written "(base+gain)%" right after "and" is the figure itself, no
        # parenthesis after another item of a list: it keeps the sentence's only benchmark
        (
            "On the DukeMTMC-reID dataset, we reach (70.1+3.2)% mAP and (84.6+2.0)% rank-1 accuracy.",
            [("dukemtmcreid", "mAP", 70.1), ("dukemtmcreid", "recall@1", 84.6)],
        ),
        # ... while a parenthesis after a later item of the list is still not the benchmark's
        (
            "We evaluate on the CoNLL-2014 test set and a private in-house corpus (F 0.5 = 61.3).",
            [],
        ),
    ],
)
def test_a_parenthesised_figure_after_and_keeps_the_benchmark(sentence, expected):
    assert absolute(sentence) == expected
