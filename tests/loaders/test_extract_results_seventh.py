"""Result shapes of issue 15's seventh round, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from loaders.extract.evaluate import metric_compatible
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Our method achieves 45.1/38.2/30.5 mAP on COCO/LVIS/Objects365.",
            [("coco", "mAP", 45.1), ("lvis", "mAP", 38.2), ("objects365", "mAP", 30.5)],
        ),
        (
            "Our model reaches a PSNR of 32.45/28.71/27.66 dB on Set5/Set14/BSD100 for 4x "
            "upscaling.",
            [("bsd100", "PSNR", 27.66), ("set14", "PSNR", 28.71), ("set5", "PSNR", 32.45)],
        ),
        # names the gazetteer reads only in a sentence about evaluation (after arxiv:1904.08779)
        (
            "For Switchboard, we achieve 7.2%/14.6% WER on the Switchboard/CallHome portion of "
            "the Hub5'00 test set without the use of a language model.",
            [("callhome", "WER", 14.6), ("switchboard", "WER", 7.2)],
        ),
        # a pair is still one benchmark's two splits, or its box and mask figures
        (
            "We obtain 2.1%/4.3% WER on LibriSpeech test-clean/test-other.",
            [("librispeech", "WER", 2.1), ("librispeech", "WER", 4.3)],
        ),
        (
            "It reaches 46.8/38.6 box/mask AP on COCO.",
            [("coco", "mAP", 46.8), ("coco", "mask AP", 38.6)],
        ),
    ],
)
def test_figures_and_names_joined_by_slashes_pair_in_order(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Results show a top-1 accuracy of 79.4% (ImageNet) and 41.3 AP (COCO).",
            [("coco", "mAP", 41.3), ("imagenet", "top-1 accuracy", 79.4)],
        ),
        (
            "Our backbone reaches 83.2% top-1 accuracy (ImageNet-1K), 51.3 box AP (COCO) and "
            "48.7 mIoU (ADE20K).",
            [("ade20k", "mIoU", 48.7), ("coco", "mAP", 51.3), ("imagenet", "top-1 accuracy", 83.2)],
        ),
        # parentheses saying more than the name: where the model was trained, not a result
        (
            "We reach 79.4% accuracy (ImageNet pre-trained) and 45.2 mAP on COCO.",
            [("coco", "mAP", 45.2)],
        ),
    ],
)
def test_the_benchmark_in_parentheses_after_a_figure_and_its_metric(sentence, expected):
    assert absolute(sentence) == expected


def test_words_praising_the_benchmark_stand_between_on_and_its_name():
    s = (
        "Our method achieves a Dice score of 0.891 on the public KiTS19 dataset and 0.845 on "
        "the challenging LiTS dataset."
    )
    assert absolute(s) == [("kits19", "Dice", 0.891), ("lits", "Dice", 0.845)]


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        # labels of arxiv:2101.07974 and arxiv:1802.05751 (tuning half)
        ("3-fold Accuracy", "top-1 accuracy", True),
        ("Accuracy (Inter-Patient)", "accuracy", True),
        ("bpd", "NLL", True),
        # the protocol goes, the metric stays
        ("3-fold Accuracy", "F1", False),
        ("F1 (surface form)", "accuracy", False),
    ],
)
def test_the_scorer_reads_a_leaderboard_metric_without_its_protocol(gold, predicted, same):
    assert metric_compatible(gold, predicted) is same


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Our retriever achieves a top-20 accuracy of 79.4% on Natural Questions.",
            [("naturalquestions", "top-20 accuracy", 79.4)],
        ),
        (
            "The model achieves a concordance index of 0.72 on the TCGA dataset.",
            [("tcga", "C-index", 0.72)],
        ),
        ("We obtain an R² of 0.89 on the QM9 dataset.", [("qm9", "R2", 0.89)]),
        (
            "Our method reaches an MPJPE of 45.6 mm and a PA-MPJPE of 32.1 mm on Human3.6M.",
            [("human36m", "MPJPE", 45.6), ("human36m", "PA-MPJPE", 32.1)],
        ),
        # not BLEU, not mAP
        ("Our system reaches a BLEURT of 0.32 on WMT20.", [("wmt20", "BLEURT", 0.32)]),
        (
            "The forecaster attains a MAPE of 3.2% on the Electricity dataset.",
            [("electricity", "MAPE", 3.2)],
        ),
    ],
)
def test_metric_names_of_the_seventh_round(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the metric written after the first figure is that figure's, not the list's
        (
            "Our model achieves 52.3 AP on COCO, 85.2% on CIFAR-100 and 80.1% on ImageNet.",
            [("coco", "mAP", 52.3)],
        ),
        ("We report 45.2 mIoU on ADE20K, and 84.2 on SQuAD 2.0.", [("ade20k", "mIoU", 45.2)]),
        # ... unless the benchmarks report in it
        (
            "The model scores 90.1 F1 on CoNLL-2003 and 88.2 on OntoNotes.",
            [("conll2003", "F1", 90.1), ("ontonotes", "F1", 88.2)],
        ),
        # a metric written before the list covers it (arxiv:2105.05233, tuning half)
        (
            "We achieve an FID of 2.97 on ImageNet 128?128, 4.59 on ImageNet 256?256, and 7.72 "
            "on ImageNet 512?512.",
            [("imagenet", "FID", 2.97), ("imagenet", "FID", 4.59), ("imagenet", "FID", 7.72)],
        ),
    ],
)
def test_a_list_s_metric_spreads_only_to_benchmarks_reporting_in_it(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Existing methods achieve at most 60.2% accuracy on the ARC dataset; our model "
            "reaches 71.5%.",
            [],
        ),
        ("While GPT-4 scores 86.4% on MMLU, our 7B model reaches 64.2%.", []),
        (
            "The human performance on SQuAD is 91.2 F1, and our model achieves 93.0 F1.",
            [("squad", "F1", 93.0)],
        ),
        # the paper's own clause after a lower-case "while" (arxiv:1808.08929, tuning half)
        (
            "The proposed model establishes a new state-of-the-art accuracy of 94.1% on Google "
            "Speech Commands dataset V1 and 94.5% on V2 (for the 20-commands recognition task), "
            "while still keeping a small footprint of only 202K trainable parameters.",
            # (and, from the sixteenth round, the figure "on V2")
            [
                ("speechcommands", "accuracy", 94.1),
                ("speechcommands", "accuracy", 94.5),
                ("speechcommands", "params", 202.0),
            ],
        ),
    ],
)
def test_figures_of_others_and_bounds_are_not_the_paper_s(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Our approach improves the mAP on COCO by 2.1 points to 48.3.", [("coco", "mAP", 48.3)]),
        (
            "On ImageNet, our method raises the top-1 accuracy by 1.2% to 80.4%.",
            [("imagenet", "top-1 accuracy", 80.4)],
        ),
    ],
)
def test_the_value_a_change_by_a_delta_reaches(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The accuracies on CIFAR-10, CIFAR-100 and SVHN are 97.1%, 83.2% and 98.1%, "
            "respectively.",
            [
                ("cifar10", "accuracy", 97.1),
                ("cifar100", "accuracy", 83.2),
                ("svhn", "accuracy", 98.1),
            ],
        ),
        (
            "It achieves top-1 accuracies on ImageNet and ImageNet-V2 of 85.1% and 74.3%.",
            [("imagenet", "top-1 accuracy", 85.1), ("imagenetv2", "top-1 accuracy", 74.3)],
        ),
    ],
)
def test_a_metric_on_a_list_of_benchmarks_then_as_many_figures(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Results: CIFAR-10: 97.1%, CIFAR-100: 83.2%.",
            [("cifar10", "accuracy", 97.1), ("cifar100", "accuracy", 83.2)],
        ),
        # a count, not a score
        ("Datasets used: CIFAR-10: 60000 images.", []),
    ],
)
def test_a_table_written_as_prose(sentence, expected):
    assert absolute(sentence) == expected
