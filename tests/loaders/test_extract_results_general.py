"""Result patterns of the general language of abstracts (issue 15, fourth results round):
metric names written with a split or a box/mask prefix, the metric table's wider vocabulary,
benchmark lists paired with figure lists, names the gazetteer lacks inside such lists, and what
is not a result (thresholds, training data, a translation direction). Each sentence is a real
one from the tuning half of results_tune.json (its id in the comment)."""

from __future__ import annotations

import pytest

from kg.metrics import canonical_metric, lower_is_better
from loaders.extract.figures import METRIC, metric_matches, metric_name
from loaders.extract.sentences import split_sentences
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "box mAP" / "mask mAP" are metric names, and a split may stand between figure and
        # metric ("57.6 val mIoU") (arxiv:2211.02043)
        (
            "We find that it reaches competitive performance on a varied set of major benchmarks "
            "with only one shared frozen base network: 60.0 box mAP and 52.2 mask mAP on COCO "
            "object detection test-dev, 57.6 val mIoU on ADE20K semantic segmentation, and 81.7 "
            "top-1 accuracy on Kinetics-400 action recognition.",
            [
                ("ade20k", "mIoU", 57.6),
                ("coco", "mAP", 60.0),
                ("coco", "mask AP", 52.2),
                ("kinetics400", "top-1 accuracy", 81.7),
            ],
        ),
        # a figure in parentheses, then "on" its benchmark, in the benchmark's own metric
        # (arxiv:2108.01614)
        (
            "In the experiments, for target performance our method is on par with or better than "
            "existing DA and SFDA methods, specifically it achieves state-of-the-art performance "
            "(85.4%) on VisDA, and our method works well for all domains after adapting to single "
            "or multiple target domains.",
            [("visda", "accuracy", 85.4)],
        ),
        # a list of benchmarks, then as many figures, "respectively" (arxiv:2007.06504; LRW-1000
        # has no own metric in the table, but the list's figures share LRW's)
        (
            "In this work, we propose a series of innovations that significantly bridge that gap: "
            "first, we raise the state-of-the-art performance by a wide margin on LRW and LRW-1000 "
            "to 88.5 % and 46.6 %, respectively using self-distillation.",
            [("lipreadinginthewild", "accuracy", 88.5), ("lrw1000", "accuracy", 46.6)],
        ),
        # a name the gazetteer lacks, in a list of figures' benchmarks ended by a data noun
        # (arxiv:2208.13975)
        (
            "We achieved DICE of 0.843, 0.855, and 0.892 for Kumar, CoNSep, and CPM-17 datasets, "
            "respectively, while highlighting the versatility offered by the MRL framework.",
            [("consep", "Dice", 0.855), ("cpm17", "Dice", 0.892), ("kumar", "Dice", 0.843)],
        ),
        # a translation direction in such a list is the benchmark named before it, not a data
        # set (arxiv:1911.01986), each pair its own benchmark
        (
            "Our method achieves state-of-the-art BLEU scores of 30.7 and 43.7 in the WMT'14 "
            "English-German and English-French translation tasks, respectively.",
            [("wmt14englishgerman", "BLEU", 30.7), ("wmt14englishfrench", "BLEU", 43.7)],
        ),
        # an image size written with a lost "×" ("128 ? 128") neither ends the sentence nor
        # breaks the list (arxiv:2106.07631)
        (
            "We show in the experiments that the proposed HiT achieves state-of-the-art FID "
            "scores of 30.83 and 2.95 on unconditional ImageNet 128 ? 128 and FFHQ 256 ? 256, "
            "respectively, with a reasonable throughput.",
            [("ffhq", "FID", 2.95), ("imagenet", "FID", 30.83)],
        ),
        # an IoU threshold is not a result (arxiv:2203.14662)
        (
            "For instance, our MaskGroup achieves a 66.4% mAP with the 0.5 IoU threshold on the "
            "ScanNetV2 test set, which is 1.9% higher than the state-of-the-art method.",
            [("scannet", "mAP", 66.4)],
        ),
        # ... but "a mean IoU of 83.0%" is one (arxiv:2011.08577)
        (
            "Specifically, we achieve a mean IoU of 83.0% on the Cityscapes dataset and 88.4% "
            "mean IoU on the Pascal VOC2012 dataset.",
            [("cityscapes", "mIoU", 83.0), ("pascalvoc", "mIoU", 88.4)],
        ),
        # the one benchmark named is the training data, the figures are on other data
        # (arxiv:2012.15247)
        (
            "The model is trained on Kvasir-SEG dataset provided for the challenge and tested on "
            "the organizer's dataset and achieves a dice coefficient of 0.8154, Jaccard of "
            "0.7396, recall of 0.8533, precision of 0.8532, accuracy of 0.9506, and F2 score of "
            "0.8272, demonstrating the generalization ability of our model.",
            [],
        ),
        (
            "Trained on COCO data alone, our final system achieves average precision of 0.649 on "
            "the COCO test-dev set and the 0.643 test-standard sets.",
            [("coco", "mAP", 0.649)],
        ),
        # "in terms of the M metric" names the figure's metric (arxiv:2011.04307)
        (
            "Our approach achieves a new state-of-the-art accuracy of 97.35% in terms of the "
            "ADD(-S) metric on the widely-used 6D pose estimation benchmark dataset Linemod using "
            "RGB input, while still running end-to-end at over 27 FPS.",
            [("linemod", "ADD", 97.35), ("linemod", "FPS", 27.0)],
        ),
        # the benchmark between the metric and the figure: "M on B from X to Y"
        # (arxiv:1802.05751)
        (
            "While conceptually simple, our generative models significantly outperform the "
            "current state of the art in image generation on ImageNet, improving the best "
            "published negative log-likelihood on ImageNet from 3.83 to 3.77.",
            [("imagenet", "NLL", 3.77)],
        ),
        # the metric in parentheses right after the figure (arxiv:1807.01270)
        (
            "Combining fluency boost learning and inference with convolutional seq2seq models, our "
            "approach achieves the stateof-the-art performance: 75.72 (F 0.5 ) on CoNLL-2014 10 "
            "annotation dataset and 62.42 (GLEU) on JFLEG test set respectively, becoming the "
            "first GEC system that reaches human-level performance.",
            [("conll2014", "F0.5", 75.72), ("jfleg", "GLEU", 62.42)],
        ),
    ],
)
def test_general_result_patterns(sentence, expected):
    assert absolute(sentence) == sorted(expected)


def test_a_question_mark_between_figures_keeps_the_sentence_whole():
    # arxiv:2106.07631 and arxiv:2206.02336 (a lost "×" and a lost "→")
    s = (
        "HiT achieves FID scores of 30.83 and 2.95 on unconditional ImageNet 128 ? 128 and FFHQ "
        "256 ? 256, respectively."
    )
    assert split_sentences(s) == [s]
    assert split_sentences("e.g., GSM8K 74.4% ? 83.2%). Next.") == [
        "e.g., GSM8K 74.4% ? 83.2%).",
        "Next.",
    ]
    assert split_sentences("Why? 5 models fail.") == ["Why?", "5 models fail."]


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("SacreBLEU", "BLEU"),
        ("METEOR", "METEOR"),
        ("R@5", "recall@5"),
        ("Hits@10", "hits@10"),
        ("nDCG@5", "NDCG@5"),
        ("MRR", "MRR"),
        ("mAcc", "mAcc"),
        ("ADD(-S)", "ADD"),
        ("Jaccard", "IoU"),
        ("end-point-error", "EPE"),
        ("Cohen's kappa", "kappa"),
        ("precision", "precision"),
        ("mean average precision", "mAP"),
        ("Top-1 Recall", "recall@1"),
        ("Rank-1 accuracy", "recall@1"),
        # issue 15, fifth round: scene-text H-mean, speech CER, face alignment NME, tracking EAO,
        # segmentation HD95, MT COMET, trajectory ADE/FDE, navigation SPL
        ("H-mean", "F1"),
        ("character error rate", "CER"),
        ("NME", "NME"),
        ("EAO", "EAO"),
        ("HD95", "HD95"),
        ("Hausdorff distance", "HD95"),
        ("COMET", "COMET"),
        ("minADE", "ADE"),
        ("FDE", "FDE"),
        ("SPL", "SPL"),
        ("Recall@20", "recall@20"),
        ("HR@10", "HR@10"),
        ("P@5", "precision@5"),
        ("AR@100", "AR@100"),
        ("mean IU", "mIoU"),
        ("acc@5", "top-5 accuracy"),
        ("Kendall's tau", "Kendall correlation"),
        ("MOTP", "MOTP"),
        ("minDCF", "minDCF"),
        ("BERTScore", "BERTScore"),
        ("CLIPScore", "CLIP score"),
        ("rank-1 identification accuracy", "recall@1"),
        ("mask mAP", "mask AP"),
        ("AP (mask)", "mask AP"),
        ("box AP", "mAP"),
        ("MF1", "F1"),
        ("R1", "recall@1"),
    ],
)
def test_metric_table_reads_the_wider_vocabulary(written, canonical):
    match = METRIC.search(written)
    assert match is not None and match.group(0) == written
    assert metric_name(match) == canonical
    # the alias table agrees with the extraction's name
    assert canonical_metric(canonical) == canonical


def test_metric_words_that_are_not_metrics():
    assert METRIC.search("we add a module") is None  # ADD only in capitals
    assert METRIC.search("the meteor shower") is None
    assert lower_is_better("EPE") and lower_is_better("MSE") and not lower_is_better("recall")
    assert lower_is_better("NME") and lower_is_better("HD95") and lower_is_better("ADE")
    assert not lower_is_better("EAO") and not lower_is_better("COMET")
    assert METRIC.search("the comet tail") is None  # COMET only in capitals


def test_an_abbreviation_a_sentence_defines_reads_as_its_metric_after_the_definition():
    sentence = "9.3% logaverage miss rate(MR) on reasonable set, 8.7% MR on partial set"
    found = metric_matches(sentence)
    assert [(sentence[m.start() : m.end()], metric_name(m)) for m in found] == [
        ("logaverage miss rate", "miss rate"),
        ("MR", "miss rate"),
    ]
    # an abbreviation that is a metric of the table already ("mean average precision (mAP)")
    # and a name before its definition are left to the table
    assert len(metric_matches("MR falls; the mean average precision (mAP) is 41.0")) == 2
