"""Result shapes of issue 15's fourteenth round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from loaders.extract.evaluate import metric_compatible
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "M ranging from X to Y": both ends of the range are figures in the metric
        (
            "The submitted systems reach a mean IoU ranging from 41.5% to 63.2% on Cityscapes.",
            [("cityscapes", "mIoU", 41.5), ("cityscapes", "mIoU", 63.2)],
        ),
        # (with the metric's abbreviation in parentheses between)
        (
            "Across the folds, the detectors obtain a mean average precision (mAP) ranging from 12.4% to 30.9% on LVIS.",
            [("lvis", "mAP", 12.4), ("lvis", "mAP", 30.9)],
        ),
        # ... while an improvement "from X to Y" keeps only the value it reaches
        (
            "Our method improves the accuracy on CIFAR-10 from 93.1% to 95.4%.",
            [("cifar10", "accuracy", 95.4)],
        ),
    ],
)
def test_both_ends_of_a_metric_range(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        # a YouTube-VOS leaderboard's "Overall" is the J&F an abstract writes
        ("Overall", "J&F", True),
        ("J&F Mean", "J&F", True),
        # ... and no other metric
        ("Overall", "accuracy", False),
        ("Overall", "mIoU", False),
    ],
)
def test_the_scorer_reads_overall_as_j_and_f(gold, predicted, same):
    assert metric_compatible(gold, predicted) is same


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        # a leaderboard column named by its protocol alone holds the accuracy
        ("5 fold cross validation", "accuracy", True),
        ("10-fold cross-validation", "top-1 accuracy", True),
        ("5 fold cross validation", "F1", False),
        # (the protocol with no count of folds is no column of this kind)
        ("cross validation", "accuracy", False),
    ],
)
def test_the_scorer_reads_a_cross_validation_column_as_accuracy(gold, predicted, same):
    assert metric_compatible(gold, predicted) is same


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        # a leaderboard column named by the split alone holds the leaderboard's one metric
        ("Test", "accuracy", True),
        ("Dev", "F1", True),
        # ... not a column naming a metric with the split
        ("Test AP", "accuracy", False),
    ],
)
def test_the_scorer_reads_a_split_column_as_any_metric(gold, predicted, same):
    assert metric_compatible(gold, predicted) is same


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a known benchmark written with a letter dropped, before a data noun, is that benchmark
        (
            "Our recognizer reaches a WER of 2.1% on the LibriSpeeh dataset.",
            [("librispeech", "WER", 2.1)],
        ),
        (
            "The pose network obtains 70.9% AP on CrowPose dataset.",
            [("crowdpose", "mAP", 70.9)],
        ),
    ],
)
def test_a_misspelt_benchmark_is_the_known_one(sentence, expected):
    assert absolute(sentence) == expected


def test_a_near_name_is_no_misspelling_of_a_known_benchmark():
    from loaders.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.misspelt("CrowPose").name == "CrowdPose"
    # a digit more or less, a last letter (a plural's s, a variant's letter), a first letter,
    # a short name: no misspelling
    assert gazetteer.misspelt("Kinetics-7000") is None
    assert gazetteer.misspelt("CIFAR-10C") is None
    assert gazetteer.misspelt("ImageNet-A") is None
    assert gazetteer.misspelt("OCHumans") is None
    assert gazetteer.misspelt("XImageNet") is None
    assert gazetteer.misspelt("MNST") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a real-time model's "processing speed of N" written without a unit is in FPS
        (
            "Our real-time segmenter reaches a Dice of 0.912 and a processing speed of 48.30 on the Kvasir-SEG dataset.",
            [("kvasirseg", "Dice", 0.912), ("kvasirseg", "FPS", 48.3)],
        ),
        # ... not a speed in another unit, nor a speed-up
        ("Our real-time detector has an inference speed of 18 ms on COCO.", []),
        ("Our real-time detector has an inference speed of 2.5x that of YOLO on COCO.", []),
        # ... nor a speed in a sentence that does not speak of real time
        ("The detector has an inference speed of 12.5 on COCO.", []),
    ],
)
def test_a_real_time_speed_without_its_unit_is_fps(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the upper bound the paper's model achieves is its figure, in the metric before
        (
            "Our separator reaches the SI-SDRi upper bound of 19.4 dB on Libri2Mix.",
            [("libri2mix", "SI-SDRi", 19.4)],
        ),
        # ... not an upper bound it is compared with
        (
            "Our separator reaches an SI-SDRi of 15.2 dB on Libri2Mix, close to the upper bound of 19.4 dB.",
            [("libri2mix", "SI-SDRi", 15.2)],
        ),
        ("An oracle mask gives an SI-SDRi upper bound of 19.4 dB on Libri2Mix.", []),
    ],
)
def test_an_upper_bound_the_model_reaches_is_its_figure(sentence, expected):
    assert absolute(sentence) == expected
