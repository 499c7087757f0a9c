"""Result shapes of issue 15's seventh round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # the figure's metric is the own metric of one of the benchmarks the paper names
        (
            "We evaluate on ImageNet classification and COCO detection. Our largest model "
            "reaches 56.1 box AP.",
            [("coco", "mAP", 56.1)],
        ),
        # two named benchmarks report accuracies (top-1 on Kinetics): the figure is nobody's
        (
            "Experiments are run on UCF101 and Kinetics-400. The final model obtains 97.1% "
            "accuracy.",
            [],
        ),
        # a named benchmark whose own metric is not known: nobody's either
        (
            "For MNIST, the teacher reaches 98% accuracy on its test set. We also run on "
            "CIFAR-10 and KITTI. The weak student maintained 72% accuracy.",
            [("mnist", "accuracy", 98.0)],
        ),
    ],
)
def test_a_figure_without_benchmark_goes_to_the_one_whose_own_metric_it_is(abstract, expected):
    assert absolute(abstract) == expected
