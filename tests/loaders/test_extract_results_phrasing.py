"""Result phrasings of issue 15's sixth results round: a figure on another split of the
benchmark named before, a metric written first inside a benchmark's parentheses, the value a
change reaches, a spread beside a figure, metric names (FEVER score, MRR@k, mAPH, a tracker's
success score, a unit or an averaging on a known name), benchmarks' own metrics, and what is not
a result (a number of a name, a figure on a name the gazetteer lacks, a metric's difference
"higher than" a rival). Sentences are real ones from the tuning half of results_tune.json (its
id in the comment) or written here."""

from __future__ import annotations

import pytest

from kg.metrics import canonical_metric
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a figure "on" another split after a figure on a benchmark: the same benchmark
        (
            "Our approach achieves a word error rate of 1.9% on LibriSpeech test-clean and 3.9% "
            "on test-other.",
            [("librispeech", "WER", 1.9), ("librispeech", "WER", 3.9)],
        ),
        # ... and with the one benchmark the abstract names (arxiv:1701.01779)
        (
            "We evaluate on COCO. Further, by using additional in-house labeled data we obtain an "
            "even higher average precision of 0.685 on the test-dev set and 0.673 on the "
            "test-standard set, more than 5% absolute improvement compared to the previous best "
            "performing method on the same dataset.",
            [("coco", "mAP", 0.673), ("coco", "mAP", 0.685)],
        ),
        # the metric written first in the parentheses after each benchmark
        (
            "It achieves state-of-the-art results on TriviaQA (EM 72.1) and Natural Questions "
            "(EM 51.4).",
            [("naturalquestions", "exact match", 51.4), ("triviaqa", "exact match", 72.1)],
        ),
        # the value a change of the metric reaches
        (
            "The accuracy on ImageNet is improved to 83.1%.",
            [("imagenet", "accuracy", 83.1)],
        ),
        # FEVER's own measure (arxiv:1908.01843)
        (
            "Experimental results on a large-scale benchmark dataset FEVER have demonstrated that "
            "GEAR could leverage multi-evidence information for FV and thus achieves the "
            "promising result with a test FEVER score of 67.10%.",
            [("fever", "FEVER", 67.1)],
        ),
        ("Results on MS MARCO show an MRR@10 of 0.401.", [("msmarco", "MRR@10", 0.401)]),
        (
            "On the challenging LaSOT benchmark, our tracker obtains a success score of 0.671.",
            [("lasot", "AUROC", 0.671)],
        ),
        # benchmarks whose results are reported in one metric
        (
            "Our network reaches 93.1% on ModelNet40 and 88.2% on ScanObjectNN.",
            [("modelnet40", "accuracy", 93.1), ("scanobjectnn", "accuracy", 88.2)],
        ),
        (
            "The classifier achieves state-of-the-art results on Tiny ImageNet (72.3%) and "
            "CUB-200-2011 (88.1%).",
            [("cub2002011", "accuracy", 88.1), ("tinyimagenet", "accuracy", 72.3)],
        ),
        # a spread written with the figure stands between it and its metric, or the next figure
        (
            "Our method achieves 85.2 ± 0.4 % accuracy on CIFAR-10 and 60.1 ± 1.2% on CIFAR-100.",
            [("cifar10", "accuracy", 85.2), ("cifar100", "accuracy", 60.1)],
        ),
        # a number of a name is not a figure
        (
            "Our method achieves 46.2% mIoU and 60.1% mAcc on S3DIS Area 5.",
            [("s3dis", "mAcc", 60.1), ("s3dis", "mIoU", 46.2)],
        ),
        # a figure "on" a name the gazetteer lacks is not on the benchmark named before
        (
            "Our method reaches 75.3 mAP on nuScenes and 80.1 mAPH on Waymo.",
            [("nuscenes", "mAP", 75.3)],
        ),
        # ... but "on" a model is the paper's figure on it (arxiv:1912.11188)
        (
            "On ImageNet, we achieve a leading performance of top-1 accuracy 79.40% on ResNet-50 "
            "and 80.00% on ResNet-50-D without extra data.",
            # (the second figure's list the rules do not read, as before)
            [("imagenet", "top-1 accuracy", 79.4)],
        ),
        # a metric's difference "higher than" a rival is not a score
        (
            "It achieves 63.1 AP on COCO test-dev, 1.5 AP higher than the previous best.",
            [("coco", "mAP", 63.1)],
        ),
    ],
)
def test_phrasings_of_results(sentence: str, expected: list[tuple]) -> None:
    assert absolute(sentence) == sorted(expected)


def test_new_metric_names_resolve() -> None:
    assert canonical_metric("MRR@100") == "MRR@100"
    assert canonical_metric("FEVER score") == "FEVER"
    assert canonical_metric("mAPH/L2") == "mAPH"
    assert canonical_metric("Average Success Rate") == "success rate"
    # a unit or an averaging written on a name the table has
    assert [canonical_metric(m) for m in ("PQ (%)", "Weighted F1", "F1 (macro)", "Span F1")] == [
        "PQ",
        "F1",
        "F1",
        "F1",
    ]
    assert canonical_metric("Overall") == "overall"
