import pytest

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper
from loaders.extract.benchmarks import find_mentions
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.results import find_results


def results(sentence):
    mentions = find_mentions(sentence, load_gazetteer())
    return [(r.benchmark.name, r.metric, r.value, r.unit) for r in find_results(sentence, mentions)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Our model achieves a 59.9% Top-1 accuracy on the ImageNet benchmark.",
            [("ImageNet", "top-1 accuracy", 59.9, "%")],
        ),
        (
            "It reaches a top-1 accuracy of 80.1% on ImageNet and 45.2 mAP on COCO.",
            [("ImageNet", "top-1 accuracy", 80.1, "%"), ("COCO", "mAP", 45.2, None)],
        ),
        (
            "When trained alone, Orca-Math achieves 81.50% on GSM8k pass@1 metric.",
            [("GSM8K", "pass@1", 81.5, "%")],
        ),
        ("We obtain FID of 3.2 on FFHQ.", [("FFHQ", "FID", 3.2, None)]),
        (
            "Our method outperforms prior work in terms of mIoU on the SemanticKITTI (59.5@5%) and ScribbleKITTI (58.1@5%) benchmarks.",
            [("SemanticKITTI", "mIoU", 59.5, None), ("ScribbleKITTI", "mIoU", 58.1, None)],
        ),
        (
            "X achieves a pass@200 of 77.0% on LiveCodeBench, outperforming the best score (pass@1 = 41.4%).",
            [("LiveCodeBench", "pass@200", 77.0, "%")],
        ),
        (
            "We get 82.1% and 90.3% accuracy on CIFAR-100 and CIFAR-10, respectively.",
            [("CIFAR-100", "accuracy", 82.1, "%"), ("CIFAR-10", "accuracy", 90.3, "%")],
        ),
    ],
)
def test_results_tied_to_metric_and_benchmark(sentence, expected):
    assert results(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Our model achieves a 59.9% Top-1 accuracy with only 24M FLOPs.",  # no benchmark
        "We improve ImageNet accuracy by 1.1%.",  # a delta
        "On ImageNet we see a 2.3% gain in accuracy.",  # a delta
        "It needs over 80% accuracy on the GSM8K benchmark.",  # a threshold, not a value
        "It achieves a 65.9% average accuracy on AIME, HMMT and MATH500.",  # one number, many benchmarks
        "We use 50% of ImageNet for training.",  # no metric
        "SD achieves 8-18x complexity reduction on COCO.",  # a ratio
        "Our model beats ResNet on ImageNet in 2021.",  # a year
    ],
)
def test_numbers_without_a_tie_stay_out(sentence):
    assert results(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an error rate is not an accuracy
        (
            "An ensemble of these residual nets achieves 3.57% top-5 error on the ImageNet test set.",
            [("ImageNet", "top-5 error", 3.57, "%")],
        ),
        # "a/b" figures share the metric after them
        (
            "Experiments using all labeled data of Librispeech achieve 1.8/3.3 WER on the clean/other test sets.",
            [("LibriSpeech", "WER", 1.8, None), ("LibriSpeech", "WER", 3.3, None)],
        ),
        # benchmark, metric, number in a row; a bare "score" only right after a benchmark
        (
            "It pushes the GLUE score to 80.5%, MultiNLI accuracy to 86.7% and SQuAD v1.1 question answering Test F1 to 93.2.",
            [
                ("GLUE", "score", 80.5, "%"),
                ("MNLI", "accuracy", 86.7, "%"),
                ("SQuAD", "F1", 93.2, None),
            ],
        ),
    ],
)
def test_generalised_result_rules_fire(sentence, expected):
    assert results(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We train on ImageNet for 3/4 of the usual schedule.",
        "Our model reaches a score of 80.5 after training on GLUE tasks.",
        "The GLUE score improves by 2.1 points.",
        # (a bare bound; "runs at over 45 frames per second" is the model's running speed)
        "On ImageNet, the top-5 error drops, and the model processes over 45 frames per second.",
        "The GLUE benchmark has 9 tasks and MultiNLI accuracy matters most.",
    ],
)
def test_generalised_result_rules_do_not_fire(sentence):
    assert results(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # arxiv:1907.06099: the paper's figure versus the rival's, then the metric
        (
            "Extensive experiments on a large surgical video dataset (Cholec80) demonstrate "
            "outstanding performance of our proposed method, consistently exceeding the "
            "state-of-the-art methods by a large margin (e.g., 89.1% v.s. 81.0% for the mAP in "
            "tool presence detection and 87.4% v.s. 84.5% for F1 score in phase recognition).",
            [("Cholec80", "mAP", 89.1, "%"), ("Cholec80", "F1", 87.4, "%")],
        ),
        # arxiv:2302.02744: a mean distance error in metres
        (
            "Extensive experiments and comparisons on the challenging glacier segmentation "
            "benchmark dataset CaFFe show that our AMD-HookNet achieves a mean distance error of "
            "438 m to the ground truth outperforming the current state of the art by 42 %, which "
            "validates its effectiveness.",
            [("CaFFe", "mean distance error", 438.0, None)],
        ),
        # arxiv:2109.03659: the first figure's setting between it and the next figure
        (
            "In our experiments on TACRED we attain 63% F1 zero-shot, 69% with 16 examples per "
            "relation (17% points better than the best supervised system on the same conditions), "
            "and only 4 points short of the state-of-the-art.",
            [("TACRED", "F1", 63.0, "%"), ("TACRED", "F1", 69.0, "%")],
        ),
        # arxiv:2207.10258, arxiv:1807.09190: the "&" of a J&F whose J and F were lost
        (
            "Evaluation on DAVIS and YouTube-VOS benchmarks and our new OVOS dataset show that our "
            "method achieves state-of-the-art performance with significantly faster inference "
            "time, e.g., 86.1 & at 42 FPS on DAVIS and 84.4 & at 23 FPS on YouTube-VOS.",
            [
                ("DAVIS", "FPS", 42.0, "FPS"),
                ("YouTube-VOS", "FPS", 23.0, "FPS"),
                ("DAVIS", "J&F", 86.1, None),
                ("YouTube-VOS", "J&F", 84.4, None),
            ],
        ),
        # arxiv:2303.02153, arxiv:2303.13076, arxiv:2303.17559: oIoU, APr and REL are metrics
        (
            "Notably, VPD attains 0.254 RMSE on NYUv2 depth estimation and 73.3% oIoU on "
            "RefCOCO-val referring image segmentation, establishing new records on these two "
            "benchmarks.",
            [("NYU Depth V2", "RMSE", 0.254, None), ("RefCOCO", "oIoU", 73.3, "%")],
        ),
        (
            "CORA achieves 43.1 AP50 on the COCO OVD benchmark and 28.1 box APr on the LVIS OVD "
            "benchmark.",
            [("COCO", "mAP", 43.1, None), ("LVIS", "APr", 28.1, None)],
        ),
        (
            "For example, semantic segmentation (83.9 mIoU on Cityscapes), BEV map segmentation "
            "(70.6 mIoU on nuScenes), and depth estimation (0.05 REL on KITTI).",
            [
                ("Cityscapes", "mIoU", 83.9, None),
                ("nuScenes", "mIoU", 70.6, None),
                ("KITTI", "AbsRel", 0.05, None),
            ],
        ),
        # arxiv:1901.00603: a sentence opening with its one benchmark, a figure its verb states
        (
            "On the Qangaroo WikiHop multi-evidence question answering task, the CFC obtains a "
            "new state-of-the-art result of 70.6% on the blind test set, outperforming the "
            "previous best by 3% accuracy despite not using pretrained contextual encoders.",
            [("WikiHop", "accuracy", 3.0, "%"), ("WikiHop", "accuracy", 70.6, "%")],
        ),
        # ("surpasses" is a claim of the paper's own, as "outperforms" is)
        (
            "Our approach surpasses all previous state-of-the-art results on the DAVIS 2017 video "
            "object segmentation benchmark with a & mean score of 71.6 on the test-dev dataset.",
            [("DAVIS", "J&F", 71.6, None)],
        ),
    ],
)
def test_figures_beside_a_rival_a_setting_or_a_lost_symbol(sentence, expected):
    assert results(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "See Tables 3 & 4 for the results on DAVIS.",
        "Our R&D at DAVIS reaches 3.5 points.",
    ],
)
def test_a_lone_ampersand_is_no_metric_elsewhere(sentence):
    assert [r for r in results(sentence) if r[1] == "J&F"] == []


def test_an_opening_benchmark_takes_only_the_figure_a_verb_of_the_paper_states():
    # dev#52 of the listing: the figure has its own metric; arxiv:1912.11188: two benchmarks
    assert results("For MNIST, the teacher model achieves 98% accuracy.") == [
        ("MNIST", "accuracy", 98.0, "%")
    ]
    sentence = (
        "On ImageNet, we achieve a leading performance of top-1 accuracy 79.40% on ResNet-50 and "
        "80.00% on ResNet-50-D without extra data."
    )
    assert all(r[1] == "top-1 accuracy" for r in results(sentence))


def test_the_speeds_of_a_pair_of_settings():
    # arxiv:2007.13816: "26.2/43.3 FPS" beside "41.6%/39.7%", on the paper's one benchmark
    abstract = (
        "On the MS-COCO dataset, CPN achieves an AP of 49.2% which is competitive among "
        "stateof-the-art object detection methods. CPN also fits the scenario of computational "
        "efficiency, which achieves an AP of 41.6%/39.7% at 26.2/43.3 FPS, surpassing most "
        "competitors with the same inference speed."
    )
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    got = [(r.dst, r.metric, r.value) for r in ex.relationships if isinstance(r, EvaluatedOn)]
    assert ("coco", "FPS", 26.2) in got and ("coco", "FPS", 43.3) in got
