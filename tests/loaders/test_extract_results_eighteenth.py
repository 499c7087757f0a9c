"""Result shapes of issue 15's eighteenth round, each on a sentence (or two) of a tuning
abstract's."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # arxiv:1905.02423: the speed the model runs at, stated by its floor, on the paper's one
        # benchmark (named in a later sentence)
        (
            "Our model has less than 1M parameters, and is able to run at over 71 FPS in a single "
            "GTX 1080Ti GPU. The comprehensive experiments demonstrate that our approach achieves "
            "state-of-the-art results in terms of speed and accuracy trade-off on CityScapes "
            "dataset.",
            [("cityscapes", "FPS", 71.0)],
        ),
        # arxiv:2208.09686: a floor beside a score
        (
            "Our YOLOX-based model can achieve promising performance (e.g., 87.5% AP50 at over 30 "
            "FPS on the ImageNet VID dataset on a single 2080Ti GPU).",
            [("imagenet", "FPS", 30.0), ("imagenet", "mAP", 87.5)],
        ),
    ],
)
def test_a_running_speed_stated_by_its_floor(abstract, expected):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        # arxiv:2011.04307: a floor under a condition the clause sets is that setting's speed
        "Our approach reaches 97.35% ADD(-S) on Linemod. Our approach runs even with multiple "
        "objects (eight) end-to-end at over 26 FPS.",
        # (written for the test) a bare bound, and a requirement
        "We evaluate on Cityscapes. Our model processes over 71 FPS on a GTX 1080Ti GPU.",
        "We evaluate on Cityscapes. Real-time use needs at least 30 FPS.",
    ],
)
def test_a_speed_bound_that_is_no_running_speed(abstract):
    assert not [r for r in absolute(abstract) if r[1] == "FPS"]


def test_a_detectors_ap_with_no_benchmark_named_is_left_unplaced():
    # arxiv:1904.01355: the leaderboard puts it on COCO, the abstract names no benchmark, and a
    # result is never guessed onto one
    abstract = (
        "We propose a fully convolutional one-stage object detector (FCOS). With the only "
        "post-processing non-maximum suppression (NMS), FCOS with ResNeXt-64x4d-101 achieves "
        "44.7% in AP with single-model and single-scale testing, surpassing previous one-stage "
        "detectors with the advantage of being much simpler."
    )
    assert absolute(abstract) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # arxiv:2104.00633: 6D pose's "accuracy" is the share of poses within the ADD(-S) bound
        (
            "Consequently, RePOSE runs at 92 FPS and achieves state-of-the-art accuracy of 51.6% "
            "on the Occlusion LineMOD dataset -a 4.1% absolute improvement over the prior art.",
            [("occlusionlinemod", "ADD", 51.6), ("occlusionlinemod", "FPS", 92.0)],
        ),
        # (written for the test) any other benchmark's accuracy stays an accuracy
        ("It achieves an accuracy of 96.1% on CIFAR-10.", [("cifar10", "accuracy", 96.1)]),
    ],
)
def test_an_accuracy_on_a_benchmark_with_an_accuracy_of_its_own(sentence, expected):
    assert absolute(sentence) == expected
