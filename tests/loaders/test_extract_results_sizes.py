"""Result patterns of issue 15's fifth results round: the size and compute of the paper's model
written with its score (leaderboards record "Number of params" and "GFLOPs" beside the score), a
metric inside another figure's parentheses, semicolons and verbs that end a figure's clause,
metric lists before one benchmark, "the latter", "a ... dataset (NAME)", "M (ABBR) of N", the
subject of a clause is no benchmark of a list. Each
sentence is a real one from the tuning half of results_tune.json (its id in the comment)."""

from __future__ import annotations

import pytest

from kg.metrics import canonical_metric, lower_is_better
from tests.loaders.extract_results import absolute


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the size goes with the first score of its part of the sentence (arxiv:1806.02639)
        (
            "We experimented on the image classification datasets with limited computational "
            "resources (about 200 GPU-hours), where we observed improved parameter efficiency and "
            "better test results (97.70% test accuracy on CIFAR-10 with 14.3M parameters and 74.6% "
            "top-1 accuracy on ImageNet in the mobile setting), demonstrating the effectiveness and "
            "transferability of our designed architectures.",
            [
                ("cifar10", "accuracy", 97.7),
                ("cifar10", "params", 14.3),
                ("imagenet", "top-1 accuracy", 74.6),
            ],
        ),
        # written before the score, in words (arxiv:2111.09886)
        (
            "When applied to a larger model with about 650 million parameters, SwinV2-H, it "
            "achieves 87.1% top-1 accuracy on ImageNet-1K using only ImageNet-1K data.",
            [("imagenet", "params", 650.0), ("imagenet", "top-1 accuracy", 87.1)],
        ),
        # compute: "491 MFLOPs" (arxiv:2011.09011)
        (
            "We also achieve ImageNet accuracy of 80.1% with only 491 MFLOPs.",
            [("imagenet", "FLOPs", 491.0), ("imagenet", "accuracy", 80.1)],
        ),
        # a model of another part of the sentence (after a colon) that states no score
        # (arxiv:1811.06965)
        (
            "We demonstrate the advantages of GPipe by training large-scale neural networks on two "
            "different tasks with distinct network architectures: (i) Image Classification: We "
            "train a 557-million-parameter AmoebaNet model and attain a top-1 accuracy of 84.4% on "
            "ImageNet-2012, (ii) Multilingual Neural Machine Translation: We train a single "
            "6-billion-parameter, 128-layer Transformer model on a corpus spanning over 100 "
            "languages and achieve better quality than all bilingual models.",
            [("imagenet", "params", 557.0), ("imagenet", "top-1 accuracy", 84.4)],
        ),
        # a bound is no size (arxiv:2302.00923), nor is a rival's (arxiv:2206.02336, where
        # "74.4% ? 83.2%" is an arrow the conversion lost: the figure after it is the paper's)
        (
            "With Multimodal-CoT, our model under 1 billion parameters outperforms the previous "
            "state-of-the-art LLM (GPT-3.5) by 16 percentage points (75.17%91.68% accuracy) and "
            "even surpasses human performance on the ScienceQA benchmark.",
            [("scienceqa", "accuracy", 91.68)],
        ),
        (
            "We conduct extensive experiments using the latest language model code-davinci-002 and "
            "demonstrate that DI-VERSE can achieve new state-of-the-art performance on six out of "
            "eight reasoning benchmarks (e.g., GSM8K 74.4% ? 83.2%), outperforming the PaLM model "
            "with 540B parameters.",
            [("gsm8k", "accuracy", 83.2)],
        ),
        # a metric inside another figure's parentheses does not stop the benchmarks' own metric
        # (arxiv:2111.15121)
        (
            "We set a new state-of-the-art for ImageNet-C (41.42 mCE), ImageNet-R (53.92%), and "
            "ImageNet-Sketch (41.04%) without extra data, using only the ViT-B/16 backbone and our "
            "pyramid adversarial training.",
            [
                ("imagenetc", "mCE", 41.42),
                ("imagenetr", "top-1 accuracy", 53.92),
                ("imagenetsketch", "top-1 accuracy", 41.04),
            ],
        ),
        # (a semicolon ends the figure's clause: test_extract_results_prose, arxiv:1911.11462)
        # as many metrics as figures, then one benchmark: all on it (arxiv:2210.10105)
        (
            "Experiments show that ELASTIC achieves 68.96 and 65.21 of execution accuracy and "
            "program accuracy on the FinQA dataset and 83.00 program accuracy on the MathQA "
            "dataset, outperforming previous state-of-the-art models significantly.",
            [
                ("finqa", "accuracy", 65.21),
                ("finqa", "accuracy", 68.96),
                ("mathqa", "accuracy", 83.0),
            ],
        ),
        # "the latter" is the benchmark named last (arxiv:1803.10049)
        (
            "We also show improved performance for wordbased language models on news reports "
            "(Giga-Word), books (Project Gutenberg) and Wikipedia articles (WikiText-103) -the "
            "latter achieving a state-of-the-art perplexity of 29.2.",
            [("wikitext103", "perplexity", 29.2)],
        ),
        # the name in parentheses after the data noun the figure is on (arxiv:2005.06312)
        (
            "Specifically, our model achieves an F 1 score of 59.05 on a large-scale documentlevel "
            "dataset (DocRED), significantly improving over the previous results, and also yields "
            "new state-of-the-art results on the CDR and GDA dataset.",
            [("docred", "F1", 59.05)],
        ),
        # "B and reaches M N": a verb between benchmark and metric starts another statement
        # (arxiv:2112.03612)
        (
            "DCAN obtains an average mAP of 35.39% on ActivityNet v1.3 and reaches mAP 54.14% at "
            "IoU@0.5 on THUMOS-14, which demonstrates DCAN can generate high-quality proposals and "
            "achieve state-of-the-art performance.",
            [("activitynet", "mAP", 35.39), ("thumos14", "mAP", 54.14)],
        ),
        # the name before the verb is the clause's subject, not a benchmark listed after "on";
        # "gaining 2.7% accuracy" is an improvement (arxiv:2203.03952)
        (
            "For classification on ImageNet-1k, ParC-Net achieves 78.6% top-1 accuracy with about "
            "5.0 million parameters, saving 11% parameters and 13% computational cost but gaining "
            "0.2% higher accuracy and 23% faster inference speed (on ARM based Rockchip RK3288) "
            "compared with MobileViT, and uses only 0.5 parameters but gaining 2.7% accuracy "
            "compared with DeIT.",
            [("imagenet", "params", 5.0), ("imagenet", "top-1 accuracy", 78.6)],
        ),
        # a metric's abbreviation in parentheses before "of" its figure (arxiv:1911.06475)
        (
            "Our model is trained on over 200,000 CXRs of the recently released CheXpert dataset "
            "and achieves a mean area under the curve (AUC) of 0.940 in predicting 5 selected "
            "pathologies from the validation set.",
            [("chexpert", "AUROC", 0.94)],
        ),
        # a list of benchmarks, the participle of the paper's result, as many figures: paired in
        # order without "respectively" (arxiv:1802.02611; Pascal VOC has no one metric, but the
        # list's figures share one measure: Cityscapes' mIoU)
        (
            "We demonstrate the effectiveness of the proposed model on PASCAL VOC 2012 and "
            "Cityscapes datasets, achieving the test set performance of 89.0% and 82.1% without "
            "any post-processing.",
            [("cityscapes", "mIoU", 82.1), ("pascalvoc", "mIoU", 89.0)],
        ),
        # a rival's figure "compared with" the first one stands between it and the next of the
        # list (arxiv:2305.08366)
        (
            "Through careful and fair benchmark including cross validation, we demonstrate that "
            "CLRerNet outperforms the state-of-the-art by a large margin - enjoying F1 score of "
            "81.43% compared with 80.47% of the existing method on CULane, and 86.47% compared with "
            "86.10% on CurveLanes.",
            [("culane", "F1", 81.43), ("curvelanes", "F1", 86.47)],
        ),
        # a tracker's success score (SUC) is an area under a curve (arxiv:2205.13543)
        (
            "Without bells and whistles, a standard MIM pre-trained SwinV2-L could achieve "
            "state-of-the-art performance on pose estimation (78.9 AP on COCO test-dev and 78.0 AP "
            "on CrowdPose), depth estimation (0.287 RMSE on NYUv2 and 1.966 RMSE on KITTI), and "
            "video object tracking (70.7 SUC on LaSOT).",
            [
                ("coco", "mAP", 78.9),
                ("crowdpose", "mAP", 78.0),
                ("kitti", "RMSE", 1.966),
                ("lasot", "AUROC", 70.7),
                ("nyudepthv2", "RMSE", 0.287),
            ],
        ),
        # "M of TASK on B is boosted from X to Y": the task between metric and benchmark
        # (arxiv:2304.10759; "VIE" is the field the abstract defines, not a benchmark)
        (
            "Visual information extraction (VIE) plays an important role in Document "
            "Intelligence. According to extensive experiments on standard VIE benchmarks, "
            "GeoLayoutLM achieves highly competitive scores in the SER task and significantly "
            "outperforms the previous state-of-the-arts for RE (e.g., the F1 score of RE on FUNSD "
            "is boosted from 80.35% to 89.45%).",
            [("funsd", "F1", 89.45)],
        ),
        # "M1 of X and the M2 of Y": another metric of the benchmark named before both
        # (arxiv:2111.11432)
        (
            "Florence achieves new state-of-the-art results in majority of 44 representative "
            "benchmarks, e.g. ImageNet-1K zero-shot classification with top-1 accuracy of 83.74 "
            "and the top-5 accuracy of 97.18, 62.4 mAP on COCO fine tuning, 80.36 on VQA, and 87.8 "
            "on Kinetics-600.",
            [
                ("coco", "mAP", 62.4),
                ("imagenet", "top-1 accuracy", 83.74),
                ("imagenet", "top-5 accuracy", 97.18),
                ("kinetics600", "top-1 accuracy", 87.8),
                # (from the sixteenth round: the figure on VQA, in its accuracy)
                ("vqav2", "accuracy", 80.36),
            ],
        ),
    ],
)
def test_fifth_round_result_patterns(sentence, expected):
    assert absolute(sentence) == expected


def test_size_metrics_resolve_and_rank_smallest_first():
    assert canonical_metric("Number of params") == canonical_metric("Parameters (Billions)")
    assert canonical_metric("GFLOPs") == "FLOPs" and canonical_metric("MACs") == "MACs"
    assert lower_is_better("params") and lower_is_better("FLOPs")


def test_a_name_and_its_version_are_the_one_benchmark_the_paper_names():
    # arxiv:2110.09665: "SQuAD 2.0" and "SQuAD" are one data set, so the figure of a sentence
    # without a benchmark is on it
    abstract = (
        "In our CS224N Final Project, we utilized the fine-tuned ALBERT models and implemented "
        "combinations of additional layers (e.g. attention layer, RNN layer) on top of them to "
        "improve model performance on Stanford Question Answering Dataset (SQuAD 2.0). Our "
        "best-performing individual model is ALBERT-xxlarge + ALBERT-SQuAD-out, which achieved an "
        "F1 score of 88.435 on the dev set. By passing in several best-performing models' results "
        "into our weighted voting ensemble algorithm, our final result ranks 1 st on the Stanford "
        "CS224N Test PCE SQuAD Leaderboard with F1 = 90.123 (name: Libo)."
    )
    found = absolute(abstract)
    assert ("squad2", "F1", 88.435) in found
