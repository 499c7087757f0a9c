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


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # arxiv:1904.01355: an object detector's AP, no benchmark named anywhere
        (
            "We propose a fully convolutional one-stage object detector (FCOS). With the only "
            "post-processing non-maximum suppression (NMS), FCOS with ResNeXt-64x4d-101 achieves "
            "44.7% in AP with single-model and single-scale testing, surpassing previous one-stage "
            "detectors with the advantage of being much simpler.",
            [("coco", "mAP", 44.7)],
        ),
        # arxiv:1904.07392 (the delta "by 2 AP" is no result)
        (
            "Here we aim to learn a better architecture of feature pyramid network for object "
            "detection. NAS-FPN improves mobile detection accuracy by 2 AP compared to "
            "state-of-the-art SS-DLite with MobileNetV2 model in [32] and achieves 48.3 AP which "
            "surpasses Mask R-CNN [10] detection accuracy with less computation time.",
            [("coco", "mAP", 48.3)],
        ),
        # arxiv:2007.12099: the AP only, not the speed
        (
            "Object detection is one of the most important areas in computer vision. By combining "
            "multiple tricks, PP-YOLO can achieve a better balance between effectiveness (45.2% "
            "mAP) and efficiency (72.9 FPS), surpassing the existing state-of-the-art detectors "
            "such as EfficientDet and YOLOv4.",
            [("coco", "mAP", 45.2)],
        ),
    ],
)
def test_a_detectors_ap_with_no_benchmark_named_is_on_coco(abstract, expected):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        # (written for the test) a benchmark named elsewhere, a detector of other data
        "We propose an object detector evaluated on PASCAL VOC. It achieves 48.3 AP.",
        "We propose a 3D object detector for LiDAR point clouds. It achieves 48.3 AP.",
        "We propose an oriented object detector for aerial images. It achieves 78.3% mAP.",
    ],
)
def test_no_coco_for_another_detectors_ap(abstract):
    assert not [r for r in absolute(abstract) if r[0] == "coco"]


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


def test_a_detectors_map_above_cocos_range_is_not_placed_on_coco():
    # (written for the test) 80.5% mAP is a Pascal VOC figure, left unplaced
    abstract = "We propose a one-stage object detector. It achieves 80.5% mAP at 40 FPS."
    assert not [r for r in absolute(abstract) if r[0] == "coco"]
