"""Result shapes of issue 15's seventeenth round, each on a sentence (or two) written for the
test in the shape of a tuning abstract's."""

from __future__ import annotations

import pytest

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # program repair's "full repair rate" is its success rate
        (
            "Our repair model fixes 71.5% of the programs, a full repair rate of 71.5% on DeepFix.",
            [("deepfix", "success rate", 71.5)],
        ),
        ("The system reaches a 55.0% repair rate on DeepFix.", [("deepfix", "success rate", 55.0)]),
        # the task between the figure and "success rate"
        (
            "Our agent obtains 61.2% navigation success rate on R2R.",
            [("roomtoroom", "success rate", 61.2)],
        ),
    ],
)
def test_a_repair_rate_and_a_task_success_rate(sentence, expected):
    assert absolute(sentence) == expected


def test_a_name_a_data_noun_introduced_is_a_benchmark_again_later():
    abstract = (
        "We evaluate on two tasks: fixing student code (DeepFix dataset) and repairing "
        "generated programs (CodeRx dataset). Our model achieves 70.1% full repair rate on "
        "DeepFix (+20.0% over the prior best), and 45.3% synthesis success rate on CodeRx "
        "(+2.5% over the prior best)."
    )
    assert absolute(abstract) == [
        ("coderx", "success rate", 45.3),
        ("deepfix", "success rate", 70.1),
    ]


def test_a_name_written_again_must_stand_as_a_whole_word():
    # "CodeRx" inside "CodeRxLite" is not the data set named before
    abstract = (
        "We release the CodeRx dataset. Our model achieves 70.1% success rate on DeepFix and "
        "is faster than CodeRxLite."
    )
    assert absolute(abstract) == [("deepfix", "success rate", 70.1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a table written as prose: benchmark, its splits, then "-setting: val/test" items, in
        # the benchmark's own metric
        (
            "Our detector reaches high accuracy (WIDER FACE Val/Test -Easy: 0.921/0.915, Hard: "
            "0.801/0.790; FDDB -discontinuous: 0.981).",
            [
                ("fddb", "mAP", 0.981),
                ("widerface", "mAP", 0.79),
                ("widerface", "mAP", 0.801),
                ("widerface", "mAP", 0.915),
                ("widerface", "mAP", 0.921),
            ],
        ),
        # ... in the metric written before the parenthesis, when the benchmark has none of its own
        (
            "The tagger reaches a high F1 (OntoNotes -news: 91.2, web: 88.4).",
            [("ontonotes", "F1", 88.4), ("ontonotes", "F1", 91.2)],
        ),
    ],
)
def test_a_table_written_as_prose(sentence, expected):
    assert absolute(sentence) == expected


def test_a_prose_table_takes_the_split_of_each_figure_of_a_pair():
    ex = extract_paper(
        Paper(
            key="p", title="X", abstract="It is accurate (WIDER FACE Val/Test -Easy: 0.921/0.915)."
        )
    )
    splits = sorted(
        (r.value, r.split) for r in ex.relationships if isinstance(r, EvaluatedOn) and r.value
    )
    assert splits == [(0.915, "test"), (0.921, "val")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two bare figures in parentheses: an arrow a conversion dropped, before -> after
        (
            "Our model improves accuracy on RVL-CDIP (90.2 93.5) and mAP on PubLayNet (90.0 95.1).",
            [("publaynet", "mAP", 95.1), ("rvlcdip", "accuracy", 93.5)],
        ),
        # ... and the arrow written, each after-figure on the benchmark its parenthesis follows
        (
            "Our model improves accuracy on RVL-CDIP (90.2 -> 93.5) and mAP on PubLayNet "
            "(90.0->95.1).",
            [("publaynet", "mAP", 95.1), ("rvlcdip", "accuracy", 93.5)],
        ),
        # "(from a to b)" after the metric
        (
            "Our model raises the BLEU score (from 20.5 to 24.0) on the WMT14 benchmark.",
            [("wmt14", "BLEU", 24.0)],
        ),
    ],
)
def test_a_figure_before_and_after_in_parentheses(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two data sets joined by an arrow are one adaptation task, the gazetteer's when listed
        (
            "Our adaptation method reaches 55.3% mIoU on GTA5→Cityscapes and 57.9% mIoU on "
            "SYNTHIA -> Cityscapes.",
            [("gtavtocityscapeslabels", "mIoU", 55.3), ("synthiatocityscapes", "mIoU", 57.9)],
        ),
        # ... else named source-to-target
        (
            "Our model reaches 97.5% accuracy on MNIST→USPS and 95.2% on SVHN→MNIST.",
            [("mnisttousps", "accuracy", 97.5), ("svhntomnist", "accuracy", 95.2)],
        ),
        # an arrow between figures is before -> after, not a task
        (
            "Our model improves GSM8K 70.2% → 81.0%.",
            [("gsm8k", "accuracy", 81.0)],
        ),
    ],
)
def test_an_arrow_between_two_data_sets_is_an_adaptation_task(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a figure with no metric, before figures each written with its own: the benchmark's
        (
            "Our backbone obtains strong results: 83.5% on ImageNet, 49.0 AP on COCO and 50.2 "
            "mIoU on ADE20K.",
            [("ade20k", "mIoU", 50.2), ("coco", "mAP", 49.0), ("imagenet", "top-1 accuracy", 83.5)],
        ),
        # ... not a figure after one whose metric is another ("a drop (... 1.2% on ImageNet)")
        (
            "Our binary network reaches 67.5% accuracy on ImageNet, with a small drop (0.3% on "
            "CIFAR and 1.2% on ImageNet).",
            [("imagenet", "accuracy", 67.5)],
        ),
    ],
)
def test_a_metric_written_after_a_later_figure_is_that_figures(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "mean intersection of union": the slip read as mIoU
        (
            "On Kvasir-SEG, our network reaches a dice coefficient of 0.812 and a mean "
            "intersection of union of 0.701.",
            [("kvasirseg", "Dice", 0.812), ("kvasirseg", "mIoU", 0.701)],
        ),
        # ... and the hyphenated forms
        (
            "Our model reaches a mean intersection-over-union of 74.0% on Cityscapes.",
            [("cityscapes", "mIoU", 74.0)],
        ),
    ],
)
def test_the_written_forms_of_mean_intersection_over_union(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "IS" is the Inception score (not the FID of the figure before)
        (
            "Our generator achieves 10.5 FID and 8.7 IS on CelebA-HQ.",
            [("celebahq", "FID", 10.5), ("celebahq", "Inception score", 8.7)],
        ),
        # ... upper case only
        (
            "This is how our model reaches 80.2% accuracy on ImageNet.",
            [("imagenet", "accuracy", 80.2)],
        ),
    ],
)
def test_is_is_the_inception_score(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a language pair listed after a benchmark written with its pair is its other pair (two
        # pairs of one benchmark: two benchmarks, each named with its pair)
        (
            "Our models reach 29.0 and 42.5 BLEU on WMT14 En-De and En-Fr.",
            [("wmt14ende", "BLEU", 29.0), ("wmt14enfr", "BLEU", 42.5)],
        ),
        (
            "We report 34.0 and 31.5 BLEU on WMT16 Ro-En and En-De, respectively.",
            [("wmt16", "BLEU", 31.5), ("wmt16", "BLEU", 34.0)],
        ),
    ],
)
def test_a_language_pair_listed_after_a_benchmarks_pair(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a tracker's average overlap, GOT-10k's own metric
        (
            "Our tracker achieves an AO of 0.702 on GOT-10k and an EAO of 0.49 on VOT2019.",
            [("got10k", "AO", 0.702), ("vot2019", "EAO", 0.49)],
        ),
        (
            "Our tracker sets new records on GOT-10k (0.715).",
            [("got10k", "AO", 0.715)],
        ),
    ],
)
def test_average_overlap(sentence, expected):
    assert absolute(sentence) == expected
