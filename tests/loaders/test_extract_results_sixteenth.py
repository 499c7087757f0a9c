"""Result shapes of issue 15's sixteenth round, each on a sentence of a tuning abstract (or one
written for the test)."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a figure "on V2" after one on the benchmark's V1 is on the same benchmark, same measure
        (
            "The proposed model establishes a new state-of-the-art accuracy of 94.1% on Google "
            "Speech Commands dataset V1 and 94.5% on V2 (for the 20-commands recognition task), "
            "while still keeping a small footprint of only 202K trainable parameters.",
            [
                ("speechcommands", "accuracy", 94.1),
                ("speechcommands", "accuracy", 94.5),
                ("speechcommands", "params", 202.0),
            ],
        ),
        # ... not a version number that starts a name ("V2X-Sim")
        (
            "Our model reaches an accuracy of 94.1% on Speech Commands V1 and 84.5% on V2X-Sim.",
            [("speechcommands", "accuracy", 94.1)],
        ),
    ],
)
def test_a_figure_on_another_version_of_the_benchmark_before(sentence, expected):
    assert absolute(sentence) == expected
