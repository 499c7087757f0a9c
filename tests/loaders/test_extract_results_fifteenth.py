"""Result shapes of issue 15's fifteenth round, each on a sentence of a tuning abstract (or one
written for the test)."""

from __future__ import annotations

import pytest

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a parsing abstract's WSJ is the Penn Treebank (the leaderboards' name for it)
        (
            "We propose a novel parsing system based on in-order traversal over syntactic trees. "
            "Based on stack-LSTM, our psycholinguistically motivated constituent parsing system "
            "achieves 91.8 F 1 on WSJ benchmark.",
            [("penntreebank", "F1", 91.8)],
        ),
        (
            "Our POS tagger reaches 97.55% accuracy on the WSJ portion of the Penn Treebank.",
            [("penntreebank", "accuracy", 97.55)],
        ),
        # ... not a speech abstract's
        (
            "Our speech recognizer reaches 3.1% WER on WSJ eval92.",
            [("wsj", "WER", 3.1)],
        ),
    ],
)
def test_wsj_of_a_parsing_abstract_is_the_penn_treebank(abstract, expected):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a character model's "perplexity" below 2 is its bits per character
        (
            "The cell can also be transferred to the character language modeling task on PTB "
            "and achieves a state-of-the-art perplexity of 1.214.",
            [("penntreebank", "bits per character", 1.214)],
        ),
        # ... a word model's stays perplexity
        (
            "Our cell achieves a test set perplexity of 62.4 on the Penn Treebank.",
            [("penntreebank", "perplexity", 62.4)],
        ),
    ],
)
def test_a_character_models_low_perplexity_is_bits_per_character(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # metrics joined by slashes pair one to one with a pair of figures, before or after
        (
            "The model reaches a PSNR/SSIM of 32.1/0.901 on Set5.",
            [("set5", "PSNR", 32.1), ("set5", "SSIM", 0.901)],
        ),
        (
            "It obtains 82.5%/76.1% precision/recall on the ICDAR 2015 dataset.",
            [("icdar2015", "precision", 82.5), ("icdar2015", "recall", 76.1)],
        ),
        # ... or with a list of as many figures
        (
            "Our model achieves the best results with 85.2 and 60.1 EM/F1 on HotpotQA.",
            [("hotpotqa", "F1", 60.1), ("hotpotqa", "exact match", 85.2)],
        ),
        # a pair after a pair takes the metric of its place in the pair before
        (
            "Our model achieves EM/F1 scores of 78.5/80.1 on SQuAD and 60.2/61.0 on NewsQA.",
            [
                ("newsqa", "exact match", 60.2),
                ("squad", "F1", 80.1),
                ("squad", "exact match", 78.5),
            ],
        ),
        # one metric after a pair of splits still covers both
        (
            "Our method achieves 91.3/85.2 mIoU on the val/test set of Cityscapes.",
            [("cityscapes", "mIoU", 85.2), ("cityscapes", "mIoU", 91.3)],
        ),
    ],
)
def test_metrics_joined_by_slashes_pair_with_the_figures(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change "from X to Y" on a benchmark no metric is written with: the value reached, in
        # the benchmark's own metric; a fall in a higher-is-better one is a fall of its error
        (
            "Combining Mean Teacher and Residual Networks, we improve the state of the art on "
            "CIFAR-10 with 4000 labels from 10.55% to 6.28%, and on ImageNet 2012 with 10% of "
            "the labels from 35.24% to 9.11%.",
            [("cifar10", "error rate", 6.28), ("imagenet", "error rate", 9.11)],
        ),
        (
            "Our method improves the state of the art on CIFAR-100 from 77.3% to 80.1%.",
            [("cifar100", "accuracy", 80.1)],
        ),
        # ... only the paper's own change, not prior work's
        (
            "Recent advances deliberately guide the language model to generate a chain of "
            "reasoning steps before producing the final answer, successfully boosting the GSM8K "
            "benchmark from 17.9% to 58.1% in terms of problem solving rate.",
            [],
        ),
    ],
)
def test_a_change_from_to_without_a_metric_is_in_the_benchmarks_own(sentence, expected):
    assert absolute(sentence) == expected


def test_a_bare_vqa_in_a_result_is_vqa_v2():
    # "VQA" (in capitals) is the VQA v2 benchmark
    assert absolute("The model achieves 72.3% accuracy on VQA and 65.1% on GQA.") == [
        ("gqa", "accuracy", 65.1),
        ("vqav2", "accuracy", 72.3),
    ]


def _splits(sentence: str) -> list[tuple]:
    ex = extract_paper(Paper(key="p", title="X", abstract=sentence))
    return sorted(
        (r.dst, r.metric, r.value, r.split)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None
    )


def test_a_variants_figure_keeps_the_split_of_the_figure_before():
    # "..., and 5.8% WER with shallow fusion": the same measure for a variant, on the same split
    assert _splits(
        "On LibriSpeech, we achieve 6.8% WER on test-other without the use of a language model, "
        "and 5.8% WER with shallow fusion with a language model."
    ) == [("librispeech", "WER", 5.8, "test-other"), ("librispeech", "WER", 6.8, "test-other")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our method achieves 55.3% mIoU on GTA5 to Cityscapes adaptation.",
        "Our method achieves 55.3% mIoU on the GTAV-to-Cityscapes benchmark.",
    ],
)
def test_an_adaptation_from_gta_to_cityscapes_is_its_leaderboard(sentence):
    # the adaptation is the benchmark, not its source domain (GTA5) alone
    assert absolute(sentence) == [("gtavtocityscapeslabels", "mIoU", 55.3)]


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a sentence setting up the evaluation on one benchmark, then the paper's figure with a
        # metric but no benchmark: the figure is on that benchmark
        (
            "We evaluate on CIFAR-10 and ImageNet. Extensive experiments are conducted on the "
            "KITTI benchmark. Our approach achieves an AP of 82.4% on the moderate level.",
            [("kitti", "mAP", 82.4)],
        ),
        (
            "We test on COCO and LVIS. We further evaluate our method on the challenging nuScenes "
            "dataset. It achieves 65.3 NDS, outperforming all previous methods.",
            [("nuscenes", "NDS", 65.3)],
        ),
        # ... not a figure of other methods
        (
            "We test on COCO and LVIS. Prior methods were evaluated on KITTI. Recent methods "
            "achieve an AP of 80.1%.",
            [],
        ),
    ],
)
def test_a_figure_after_the_sentence_setting_up_its_benchmark(abstract, expected):
    assert absolute(abstract) == expected
