"""Hardware a model is run or timed on, and a vendor's hosted service, are never a benchmark (nor
a method): the speed figure stated on them goes where the existing speed rules put it."""

from __future__ import annotations

import pytest

from kg.model import ComparesWith, EvaluatedOn, Paper, Uses
from loaders.extract import extract_paper
from loaders.extract.names import is_hardware
from tests.loaders.extract_results import absolute


def _benchmarks(abstract: str) -> set[str]:
    """The keys of every benchmark the extraction puts the paper on."""
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    return {r.dst for r in ex.relationships if isinstance(r, EvaluatedOn)}


def _methods(abstract: str) -> set[str]:
    """The keys of every method the paper is read to use or compare with."""
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    return {r.dst for r in ex.relationships if isinstance(r, (Uses, ComparesWith))}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # (written for the test) the speed on the sentence's benchmark, as the speed rules place it
        (
            "Our tracker achieves 65.1 AUC on OTB-100 while running at over 35 fps on a Titan Xp.",
            [("otb100", "AUROC", 65.1), ("otb100", "FPS", 35.0)],
        ),
        (
            "Our model achieves 78.2% top-1 accuracy on ImageNet and runs at 120 FPS on a single "
            "NVIDIA V100 GPU.",
            [("imagenet", "FPS", 120.0), ("imagenet", "top-1 accuracy", 78.2)],
        ),
        (
            "It obtains 45.2 AP on COCO at 30 FPS on an RTX 2080 Ti.",
            [("coco", "FPS", 30.0), ("coco", "mAP", 45.2)],
        ),
        (
            "Training takes 2 hours on one TPU v3 core and reaches 94% accuracy on CIFAR-10.",
            [("cifar10", "accuracy", 94.0)],
        ),
        (
            "The model attains 76.5% mIoU on Cityscapes at 50 FPS on a Tesla P100.",
            [("cityscapes", "FPS", 50.0), ("cityscapes", "mIoU", 76.5)],
        ),
        (
            "It achieves 72.1% mIoU on Cityscapes and runs at 40 fps on a GTX 1080.",
            [("cityscapes", "FPS", 40.0), ("cityscapes", "mIoU", 72.1)],
        ),
        (
            "Our model reaches 80.1% top-1 accuracy on ImageNet with 3000 images/s on an A100.",
            [("imagenet", "top-1 accuracy", 80.1)],
        ),
        (
            "The detector achieves 33.5 mAP on KITTI and runs at 25 FPS on a Jetson TX2.",
            [("kitti", "FPS", 25.0), ("kitti", "mAP", 33.5)],
        ),
        (
            "It reaches 75.2% top-1 accuracy on ImageNet with 20 ms latency on a Pixel 4 phone.",
            [("imagenet", "top-1 accuracy", 75.2)],
        ),
        (
            "It reaches 74.0% top-1 accuracy on ImageNet with 15 ms latency on Snapdragon 855.",
            [("imagenet", "top-1 accuracy", 74.0)],
        ),
    ],
)
def test_a_benchmarks_result_beside_the_hardware_it_runs_on_is_kept(abstract, expected):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        # (written for the test) a speed stated on the hardware alone is on no benchmark
        "Our tracker runs at over 35fps on Titan Xp.",
        "Our tracker runs at over 35 fps on the Titan Xp GPU.",
        "The model runs at 120 FPS on a single NVIDIA V100 GPU.",
        "Inference runs at 30 FPS on an RTX 2080 Ti.",
        "Training takes 2 hours on one TPU v3 core.",
        "Training takes 5 hours on TPUv3.",
        "The network runs at 50 FPS on a Tesla P100.",
        "The network runs at 40 fps on a GTX 1080.",
        "It processes 3000 images per second on an A100.",
        "The detector runs at 25 FPS on a Jetson TX2.",
        "The model runs at 20 FPS on a Pixel 4 phone.",
        "The model runs at 30 FPS on Snapdragon 855.",
        "The tracker runs at 35 fps on a Samsung Galaxy S20.",
        "The tracker runs at 35 fps on a GeForce GTX 1080 Ti.",
    ],
)
def test_hardware_is_no_benchmark_nor_method(abstract):
    assert _benchmarks(abstract) == set()
    assert _methods(abstract) == set()


@pytest.mark.parametrize(
    "abstract",
    [
        "The code and data are available on Google Drive.",
        "Our notebooks reproduce the 0.98 AUC on Google Colab.",
    ],
)
def test_a_vendors_hosted_service_is_no_benchmark(abstract):
    assert _benchmarks(abstract) == set()


def test_the_drive_data_set_named_as_one_is_still_found():
    abstract = (
        "We evaluate on the DRIVE and STARE datasets. Our method achieves an AUC of 0.98 on DRIVE "
        "and 0.97 on STARE."
    )
    assert {"drive", "stare"} <= _benchmarks(abstract)
    assert absolute(abstract) == [("drive", "AUROC", 0.98), ("stare", "AUROC", 0.97)]


@pytest.mark.parametrize(
    "name",
    ["Galaxy Zoo", "Pixel Attention", "Kinetics-400", "K400", "OULU", "NVIDIA"],
)
def test_names_that_share_a_word_with_hardware_are_not_hardware(name):
    assert not is_hardware(name)


def test_a_listed_benchmark_named_after_a_vendor_is_still_found():
    # the gazetteer's names come first: "Google Landmarks v2" is GLDv2
    assert "gldv2" in _benchmarks("We evaluate retrieval on the Google Landmarks v2 dataset.")
