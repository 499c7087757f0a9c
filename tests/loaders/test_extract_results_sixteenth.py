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


def test_a_verb_and_its_stray_at_tie_the_figure_to_the_metric():
    # arxiv:1910.05886 (tuning half): the benchmark is the previous sentence's
    abstract = (
        "We verify the effectiveness of the proposed method on Pascal VOC 2012 dataset. The value "
        "of mIoU achieves at 57.0% in 1-shot and 60.6% in 5-shot, which outperforms the "
        "state-of-the-art method by 1.6% and 3.5%, respectively."
    )
    assert absolute(abstract) == [("pascalvoc", "mIoU", 57.0), ("pascalvoc", "mIoU", 60.6)]


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a few-shot segmentation abstract's PASCAL VOC is PASCAL-5i (arxiv:1910.05886, tuning
        # half)
        (
            "The transformation module is a general module that can be used to replace the "
            "transformation module in the existing few-shot segmentation frameworks. We verify "
            "the effectiveness of the proposed method on Pascal VOC 2012 dataset. The value of "
            "mIoU achieves at 57.0% in 1-shot and 60.6% in 5-shot, which outperforms the "
            "state-of-the-art method by 1.6% and 3.5%, respectively.",
            [("pascal5i", "mIoU", 57.0), ("pascal5i", "mIoU", 60.6)],
        ),
        # ... and its COCO is COCO-20i
        (
            "Our one-shot segmentation network reaches 41.2% mIoU on COCO.",
            [("coco20i", "mIoU", 41.2)],
        ),
        # ... not a few-shot detection abstract's, nor a segmentation abstract's without shots
        (
            "Our few-shot detector reaches 52.1% mAP on PASCAL VOC.",
            [("pascalvoc", "mAP", 52.1)],
        ),
        (
            "Our segmentation network reaches 85.1% mIoU on PASCAL VOC 2012.",
            [("pascalvoc", "mIoU", 85.1)],
        ),
    ],
)
def test_pascal_voc_and_coco_of_a_few_shot_segmentation_abstract_are_its_few_shot_splits(
    abstract, expected
):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a pair of figures on a pair of benchmarks, in order; the pair again for a variant of
        # the model; the rival's pair is not (arxiv:1904.08779, tuning half)
        (
            "For Switchboard, we achieve 7.2%/14.6% on the Switchboard/CallHome portion of the "
            "Hub5'00 test set without the use of a language model, and 6.8%/14.1% with shallow "
            "fusion, which compares to the previous state-of-the-art hybrid system at 8.3%/17.3% "
            "WER.",
            [
                ("callhome", "WER", 14.1),
                ("callhome", "WER", 14.6),
                ("switchboard", "WER", 6.8),
                ("switchboard", "WER", 7.2),
            ],
        ),
        # ... in the metric written between them
        (
            "Our detector obtains 41.2/38.9 mAP on the COCO/LVIS validation sets.",
            [("coco", "mAP", 41.2), ("lvis", "mAP", 38.9)],
        ),
        # ... not the pair of a system compared against
        ("Prior work reported 41.2/38.9 mAP on COCO/LVIS.", []),
    ],
)
def test_a_pair_of_figures_on_a_pair_of_benchmarks(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a written top-1 accuracy lets a figure without a metric be in the accuracy of its
        # benchmark (arxiv:2111.11432, tuning half)
        (
            "Florence achieves new state-of-the-art results in majority of 44 representative "
            "benchmarks, e.g. ImageNet-1K zero-shot classification with top-1 accuracy of 83.74 "
            "and the top-5 accuracy of 97.18, 62.4 mAP on COCO fine tuning, 80.36 on VQA, and "
            "87.8 on Kinetics-600.",
            [
                ("coco", "mAP", 62.4),
                ("imagenet", "top-1 accuracy", 83.74),
                ("imagenet", "top-5 accuracy", 97.18),
                ("kinetics600", "top-1 accuracy", 87.8),
                ("vqav2", "accuracy", 80.36),
            ],
        ),
        # ... not a written accuracy a top-1 accuracy (arxiv:2104.08215, tuning half: a drop)
        (
            "It can still be trained with our proposed methodology to achieve 92.08%, 68.34%, and "
            "68.0% accuracy on CIFAR-10, CIFAR-100, and ImageNet respectively, with marginal "
            "performance drop (0.23% ~ 0.44% on CIFAR and 1.40% on ImageNet).",
            [
                ("cifar10", "accuracy", 92.08),
                ("cifar100", "accuracy", 68.34),
                ("imagenet", "accuracy", 68.0),
            ],
        ),
    ],
)
def test_a_written_top_1_accuracy_stands_for_accuracy(sentence, expected):
    assert absolute(sentence) == expected
