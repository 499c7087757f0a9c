"""Result patterns of abstract prose: lists of metrics and figures, "from X to Y", ranges,
figures in parentheses, asides, counts and costs that are not scores. Each sentence is a real
one from the tuning half of results_tune.json."""

from __future__ import annotations

import pytest

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper


def results(sentence: str) -> list[tuple]:
    ex = extract_paper(Paper(key="p", title="X", abstract=sentence))
    return [
        (r.dst, r.metric, r.value, r.kind)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None
    ]


def absolute(sentence: str) -> list[tuple]:
    return [r[:3] for r in results(sentence) if r[3] == "absolute"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a list of metrics, then as many figures
        (
            "On the Penn Treebank, when trees are converted to Stanford dependencies, UAS and LAS "
            "are 95.9% and 94.1%.",
            [("penntreebank", "UAS", 95.9), ("penntreebank", "LAS", 94.1)],
        ),
        # figures, then as many metrics
        (
            "Experiments show that ELASTIC achieves 68.96 and 65.21 of execution accuracy and "
            "program accuracy on the FinQA dataset.",
            [("finqa", "accuracy", 68.96), ("finqa", "accuracy", 65.21)],
        ),
        # the metric before a list covers every figure of it ("accuracies" is a metric word)
        (
            "To be more specific, with R(2+1)D backbone, MCN achieves Top-1 accuracies of 84.8% "
            "and 54.5% on UCF101 and HMDB51, respectively.",
            [("ucf101", "top-1 accuracy", 84.8), ("hmdb51", "top-1 accuracy", 54.5)],
        ),
        (
            "MPTs-1/32 set new binary weight network state-of-the-art (SOTA) Top-1 accuracy – "
            "94.8% on CIFAR-10 and 74.03% on ImageNet – but also outperform their full-precision "
            "counterparts.",
            [("cifar10", "top-1 accuracy", 94.8), ("imagenet", "top-1 accuracy", 74.03)],
        ),
        (
            "With the help of NMS-Loss, our detector achieves impressive results with Miss Rate "
            "of 5.92% on Caltech dataset and 10.08% on CityPersons dataset.",
            [("caltechpedestrian", "miss rate", 5.92), ("citypersons", "miss rate", 10.08)],
        ),
        # a figure in parentheses right after its benchmark
        (
            "It achieves state-of-the-art results on both Cityscapes (82.0% mean IoU) and Pascal "
            "Context (53.7% mean IoU) datasets.",
            [("cityscapes", "mIoU", 82.0), ("pascalcontext", "mIoU", 53.7)],
        ),
        # "from X to Y": the figure after "to" is the paper's own
        (
            "TSPNet outperforms the state-of-the-art on the BLEU score (from 9.58 to 13.41) on "
            "the RWTH-PHOENIX-Weather 2014T benchmark.",
            [("rwthphoenixweather2014t", "BLEU", 13.41)],
        ),
        # a range: both ends are the paper's
        (
            "Our discovered model family, AttentiveNAS models, achieves top-1 accuracy from 77.3% "
            "to 80.7% on ImageNet.",
            [("imagenet", "top-1 accuracy", 77.3), ("imagenet", "top-1 accuracy", 80.7)],
        ),
        # an aside between figure and metric
        (
            "With the 3D ResNet-18 architecture with UCF101 pretraining, we achieve 82.4% (+5.1% "
            "increase over the previous best) top-1 accuracy on UCF101.",
            [("ucf101", "top-1 accuracy", 82.4)],
        ),
        # "on the val set of X"; "in AP"
        (
            "It achieves the state-of-the-art WSSS performance on standard benchmarks, i.e., "
            "78.4% mIoU on the val set of PASCAL VOC 2012.",
            [("pascalvoc", "mIoU", 78.4)],
        ),
        (
            "With the only post-processing non-maximum suppression (NMS), FCOS achieves 44.7% in "
            "AP on COCO with single-model and single-scale testing.",
            [("coco", "mAP", 44.7)],
        ),
        # a metric that changes "from X to Y"
        (
            "It shows superior performances compared with other state-of-the-art systems: mAP "
            "increases from 1.7% to 7.4% on MEXaction2.",
            [("mexaction2", "mAP", 7.4)],
        ),
        # the benchmark in parentheses after the figure
        (
            "It outperforms known approaches in a fair comparison by achieving accuracies of "
            "97.0 % (ESC-10), 91.5 % (ESC-50) and 84.2 % / 85.4 % (US8K mono / stereo).",
            [
                ("esc10", "accuracy", 97.0),
                ("esc50", "accuracy", 91.5),
                ("urbansound8k", "accuracy", 85.4),
            ],
        ),
        # the first figure's metric and an aside between two figures of a list
        (
            "With end-to-end finetuning for action classification, SLIC achieves 83.2% top-1 "
            "accuracy (+0.8%) on UCF101 and 54.5% on HMDB51 (+1.6%).",
            [("ucf101", "top-1 accuracy", 83.2), ("hmdb51", "top-1 accuracy", 54.5)],
        ),
        # "bits-per-character", respectively
        (
            "We evaluate on Penn Treebank and Hutter Prize Wikipedia, where we improve state of "
            "the art results to 1.19 and 1.25 bits-per-character (BPC), respectively.",
            [
                ("penntreebank", "bits per character", 1.19),
                ("enwik8", "bits per character", 1.25),  # Hutter Prize Wikipedia is enwik8
            ],
        ),
        # new metric words
        (
            "On the test split of nuScenes, SparseBEV achieves the state-of-the-art performance of "
            "67.5 NDS.",
            [("nuscenes", "NDS", 67.5)],
        ),
        (
            "We test our model on the SemEval 2010 relation classification task, and achieve an "
            "F 1 -score of 83.7%, higher than competing methods in the literature.",
            [("semeval2010", "F1", 83.7)],
        ),
    ],
)
def test_prose_results(sentence, expected):
    assert absolute(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an improvement (with "up to"), a bound ("within"), a delta list
        "Experiments on the WMT14 English to French translation task show that this method "
        "provides a substantial improvement of up to 2.8 BLEU points over an equivalent NMT system.",
        "For object detection, RandAugment is within 0.3% mAP of AutoAugment on COCO.",
        "Our Ada-Segment brings 2.7% panoptic quality (PQ) improvement on COCO val split from the "
        "vanilla baseline.",
        "Specifically, we achieve a significant improvement of 13.2 AP and 2.1 AP over the prior "
        "online and offline art on YouTube-VIS 2019.",
        # what another system scored
        "On LibriSpeech, this compares to the previous state-of-the-art hybrid system of 7.5% WER.",
    ],
)
def test_prose_figures_that_are_no_absolute_score(sentence):
    assert absolute(sentence) == []


def test_a_score_with_benchmark_words_in_points_stays_absolute():
    s = "With 37.5 BLEU points on the WMT14 English-French task, our NMT system is the first to surpass the best result."
    assert absolute(s) == [("wmt14", "BLEU", 37.5)]


def test_up_to_a_score_is_still_a_score():
    s = "Repeated sampling reaches up to 70% accuracy on the GSM8K benchmark."
    assert absolute(s) == [("gsm8k", "accuracy", 70.0)]


def test_a_figure_without_a_benchmark_is_on_the_one_benchmark_the_paper_names():
    abstract = (
        "We study self-supervised pretraining on ImageNet. Our final SElf-supERvised (SEER) "
        "model, a RegNetY with 1.3B parameters trained on 1B random images with 512 GPUs "
        "achieves 84.2% top-1 accuracy, surpassing the best self-supervised pretrained model by 1%."
    )
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    found = [
        (r.dst, r.metric, r.value, r.source)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None and r.kind == "absolute"
    ]
    # the model's size goes with its score (issue 15, fifth results round)
    assert found == [
        ("imagenet", "top-1 accuracy", 84.2, "extract:result-paper-benchmark"),
        ("imagenet", "params", 1.3, "extract:result-paper-benchmark"),
    ]
    # two benchmarks named that both report top-1 accuracies: no guess (with COCO beside it,
    # the figure is ImageNet's, whose own metric it is: tests/loaders/test_extract_results_seventh.py)
    two = abstract.replace("on ImageNet.", "on ImageNet and Places365.")
    ex = extract_paper(Paper(key="p", title="X", abstract=two))
    assert not [r for r in ex.relationships if isinstance(r, EvaluatedOn) and r.value is not None]


@pytest.mark.parametrize(
    "sentence",
    [
        # the figures of the system compared against, in parentheses after it
        "On COCO, the YOLOv7-E6 object detector (56 FPS V100, 55.9% AP) outperforms the "
        "transformer-based detector SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP).",
        # chance level
        "The model achieved 49.0% accuracy on the PlantVillage test set, well above the random "
        "guessing accuracy of 2.6%.",
        # a list of improvements
        "On COCO, it outperforms SWIN-L Cascade-Mask R-CNN by 509% in speed and 2% in accuracy.",
    ],
)
def test_figures_of_others_and_lists_of_improvements(sentence):
    assert (None, "mAP", 53.9) not in [(None, *r[1:3]) for r in absolute(sentence)]
    assert all(r[2] not in (2.6, 2.0) for r in absolute(sentence))


def test_v_s_does_not_end_a_sentence():
    from loaders.extract.sentences import split_sentences

    s = "It exceeds the state of the art (e.g., 89.1% v.s. 81.0% for the mAP in tool presence detection)."
    assert split_sentences(s) == [s]


def test_a_metric_before_the_figure_keeps_it_from_the_next_benchmark():
    s = (
        "Florence achieves new state-of-the-art results, e.g. ImageNet-1K zero-shot classification "
        "with top-1 accuracy of 83.74 and the top-5 accuracy of 97.18, 62.4 mAP on COCO fine tuning."
    )
    found = absolute(s)
    assert ("coco", "top-5 accuracy", 97.18) not in found
    assert ("coco", "mAP", 62.4) in found


def test_top_1_recall_is_not_top_1_accuracy():
    s = "SLIC achieves 56.2% (+11.7% increase) Top-1 Recall on UCF101 nearest neighbor video retrieval."
    assert absolute(s) == [("ucf101", "recall@1", 56.2)]


def test_a_benchmark_the_sentence_names_wins_over_the_previous_sentences():
    abstract = (
        "We improve state of the art results on Penn Treebank to 1.19 bits-per-character (BPC). "
        "In addition, an ensemble of two FS-RNNs achieves 1.20 BPC on Hutter Prize Wikipedia."
    )
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    found = {(r.dst, r.value) for r in ex.relationships if isinstance(r, EvaluatedOn) and r.value}
    assert found == {("penntreebank", 1.19), ("enwik8", 1.2)}


def test_an_unlisted_benchmark_named_with_the_figure_wins_over_the_carried_one():
    abstract = (
        "Our FS-RNN achieves 1.19 BPC on the Penn Treebank. In addition, an ensemble of two "
        "FS-RNNs achieves 1.20 BPC on Zorbnik-Wiki, outperforming the best compression algorithm."
    )
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    found = {(r.dst, r.value) for r in ex.relationships if isinstance(r, EvaluatedOn) and r.value}
    assert ("penntreebank", 1.2) not in found and ("zorbnikwiki", 1.2) in found


def test_speed_in_fps_is_a_result_on_the_benchmark() -> None:
    # arxiv:2203.12827 (tuning half)
    sentence = (
        "Owing to the simple yet effective designs with instance activation maps, SparseInst has "
        "extremely fast inference speed and achieves 40 FPS and 37.9 AP on the COCO benchmark, "
        "which significantly outperforms the counterparts in terms of speed and accuracy."
    )
    assert ("coco", "FPS", 40.0) in absolute(sentence)
    # a speed, not an F-measure (arxiv:2111.02394, tuning half)
    assert absolute("For example, FAST-T runs at 152 FPS on Total-Text.") == [
        ("totaltext", "FPS", 152.0)
    ]


def test_a_size_bound_is_not_a_result_a_running_speed_floor_is() -> None:
    # arxiv:1905.02423 (tuning half): "less than 1M" is a bound on the size; "run at over 71
    # FPS" the model's running speed, stated by its floor (its leaderboard records 71 FPS)
    abstract = (
        "We evaluate LEDNet on the Cityscapes dataset. Our model has less than 1M parameters, and "
        "is able to run at over 71 FPS in a single GTX 1080Ti GPU."
    )
    assert absolute(abstract) == [("cityscapes", "FPS", 71.0)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the task between the figure (and its benchmark) and the metric (arxiv:1502.00873)
        (
            "An ensemble of the proposed two architectures achieves 99.53% LFW face verification "
            "accuracy and 96.0% LFW rank-1 face identification accuracy, respectively.",
            [("lfw", "accuracy", 99.53), ("lfw", "recall@1", 96.0)],
        ),
        # "and achieves" starts the paper's own clause after "over a strong baseline" (arxiv:1909.06121)
        (
            "Our simple method provides substantial benefits over a strong baseline and achieves "
            "state-of-the-art results on both Cityscapes (82.0% mean IoU) and Pascal Context "
            "(53.7% mean IoU) datasets.",
            [("cityscapes", "mIoU", 82.0), ("pascalcontext", "mIoU", 53.7)],
        ),
        # "accuracies are respectively" (arxiv:2103.10189)
        (
            "The validation accuracies are respectively 90.55% on RAF-DB, 64.49% on Affect-Net, "
            "and 71.38% on FER2013, exceeding current state-of-the-art methods.",
            [
                ("rafdb", "accuracy", 90.55),
                ("affectnet", "accuracy", 64.49),
                ("fer2013", "accuracy", 71.38),
            ],
        ),
        # image sizes are not figures (arxiv:2105.05233; "?" where the conversion lost the "x")
        (
            "We achieve an FID of 2.97 on ImageNet 128?128, 4.59 on ImageNet 256?256, and 7.72 on "
            "ImageNet 512?512, and we match BigGAN-deep even with as few as 25 forward passes per "
            "sample, all while maintaining better coverage of the distribution.",
            [("imagenet", "FID", 2.97), ("imagenet", "FID", 4.59), ("imagenet", "FID", 7.72)],
        ),
        # a list of figures, then "on" a list of as many benchmarks (arxiv:2204.12451, 2001.07263)
        (
            "Our model achieves a state-of-the-art 87.1% accuracy and 35.8% mCE on ImageNet-1k "
            "and ImageNet-C with 76.8M parameters.",
            [
                ("imagenet", "accuracy", 87.1),
                ("imagenet", "params", 76.8),
                ("imagenetc", "mCE", 35.8),
            ],
        ),
        (
            "Overall, the combination of various regularizations and a simple but fairly large "
            "model results in a new state of the art, 4.7% and 7.8% WER on the Switchboard and "
            "CallHome sets, using SWB-2000 without any external data resources.",
            [("switchboard", "WER", 4.7), ("callhome", "WER", 7.8)],
        ),
        # the same measure again for a variant of the model (arxiv:2109.12909)
        (
            "In particular, the compressed version of BYOL achieves 76.0% Top-1 linear evaluation "
            "accuracy on ImageNet with ResNet-50, and 78.8% with ResNet-50 2x.",
            [("imagenet", "top-1 accuracy", 76.0), ("imagenet", "top-1 accuracy", 78.8)],
        ),
        # "box/mask AP" after an "a/b" pair: the box AP, then the mask AP (arxiv:2105.00637)
        (
            "Specifically, ISTR obtains a 46.8/38.6 box/mask AP using ResNet50-FPN, and a "
            "48.1/39.9 box/mask AP using ResNet101-FPN, on the MS COCO dataset.",
            [("coco", "mAP", 46.8), ("coco", "mask AP", 38.6)]
            + [("coco", "mAP", 48.1), ("coco", "mask AP", 39.9)],
        ),
        # the benchmark before the figure; the ones after are past a clause break (arxiv:1606.00915)
        (
            'Our proposed "DeepLab" system sets the new state-of-art at the PASCAL VOC-2012 '
            "semantic image segmentation task, reaching 79.7% mIOU in the test set, and advances "
            "the results on three other datasets: PASCAL-Context, PASCAL-Person-Part, and "
            "Cityscapes.",
            [("pascalvoc", "mIoU", 79.7)],
        ),
        # "outperforms the baseline classifier by achieving" (arxiv:2301.09282)
        (
            "We present and compare our results on the publicly available CMMD dataset and show "
            "that our approach significantly outperforms the baseline classifier by achieving a "
            "mean AUC score of 0.6688 and a mean F1 score of 0.6693 on the test dataset.",
            [("cmmd", "AUROC", 0.6688), ("cmmd", "F1", 0.6693)],
        ),
        # "figures of accuracies" (arxiv:1805.11790)
        (
            "It achieves 79.6% and 84.6% of accuracies on NTU RGB+D with cross-object and "
            "cross-view protocol, respectively, which are almost identical with the "
            "state-of-the-art performance.",
            [("nturgb+d", "accuracy", 79.6), ("nturgb+d", "accuracy", 84.6)],
        ),
        # "the best published PSNR metric from 30.23 dB to 36.39 dB" (arxiv:1911.07559)
        (
            "The experimental results demonstrate that our proposed FFA-Net surpasses previous "
            "state-of-the-art single image dehazing methods by a very large margin both "
            "quantitatively and qualitatively, boosting the best published PSNR metric from "
            "30.23 dB to 36.39 dB on the SOTS indoor test dataset.",
            [("sots", "PSNR", 36.39)],
        ),
        # a metric, then its figure in parentheses (arxiv:2102.01156)
        (
            "Experiments in the NYT-10 dataset show that REDSandT captures a broader set of "
            "relations with higher confidence, achieving state-of-the-art AUC (0.424).",
            [("nyt10", "AUROC", 0.424)],
        ),
        # "from" is a rival's figure only right before it (arxiv:1601.02129, arxiv:2009.00348)
        (
            "On two largescale benchmarks, our approach achieves significantly superior "
            "performances compared with other state-of-the-art systems: mAP increases from 1.7% "
            "to 7.4% on MEXaction2 and increases from 15.0% to 19.0% on THUMOS 2014.",
            [("mexaction2", "mAP", 7.4), ("thumos14", "mAP", 19.0)],
        ),
        (
            "Our method consistently outperforms the previous best results from the literature "
            "when using both 2D keypoint predictors by 0.3 mm (44.8 MPJPE, 0.7% improvement) and "
            "ground truth inputs by 2mm (MPJPE: 31.9, 8.4% improvement) on Human3.6M.",
            [("human36m", "MPJPE", 44.8), ("human36m", "MPJPE", 31.9)],
        ),
        # "WER of 2.1%/4.3%": a pair with a unit on each figure (arxiv:2005.08100)
        (
            "On the widely used LibriSpeech benchmark, our model achieves WER of 2.1%/4.3% without "
            "using a language model and 1.9%/3.9% with an external language model on "
            "test/testother.",
            [("librispeech", "WER", v) for v in (2.1, 4.3, 1.9, 3.9)],
        ),
    ],
)
def test_prose_results_of_the_second_round(sentence, expected):
    assert sorted(absolute(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "respectively" pairs figures with the names listed after them, known or not
        # (arxiv:1901.10323: NVIDIA is not in the gazetteer; arxiv:1911.07990: UCF_QNRF is
        # UCF-QNRF, written with an underscore)
        (
            "ResNeXt-101 model, which is used as a classifier, achieves the state-of-the-art "
            "offline classification accuracy of 94.04% and 83.82% for depth modality on "
            "EgoGesture and NVIDIA benchmarks, respectively.",
            [("egogesture", "accuracy", 94.04)],
        ),
        (
            "We conduct thorough experiments to compare the performance of our SGANet with prior "
            "arts and the proposed model can achieve state-of-the-art performance with MAE of "
            "57.6, 6.3 and 87.6 on ShanghaiTechA, ShanghaiTechB and UCF_QNRF, respectively.",
            [
                ("shanghaitecha", "MAE", 57.6),
                ("shanghaitechb", "MAE", 6.3),
                ("ucfqnrf", "MAE", 87.6),
            ],
        ),
        # a figure in parentheses after a later item of the list is that item's (arxiv:1909.00502;
        # BEA-2019 in the gazetteer since the sixth results round, its figure read with the
        # metric written first in the parentheses after "shared task")
        (
            "In this study, these choices are investigated through extensive experiments, and "
            "state-of-the-art performance is achieved on the CoNLL-2014 test set (F 0.5 = 65.0) "
            "and the official test set of the BEA-2019 shared task (F 0.5 = 70.2) without making "
            "any modifications to the model architecture.",
            [("bea2019", "F0.5", 70.2), ("conll2014", "F0.5", 65.0)],
        ),
        # a semicolon clause that names its own benchmark (arxiv:1911.11462; ActivityNet-1.3 in
        # the gazetteer since the fifth results round, so its figure is read)
        (
            "On ActivityNet-1.3, it obtains an average mAP of 34.09%; on THUMOS14, it reaches "
            "51.6% at IoU@0.5 when combined with a proposal processing method.",
            [("activitynet", "mAP", 34.09)],
        ),
        # "on the X benchmark at N%" (arxiv:2103.12270)
        (
            "In particular, our SpineNet-S143+ model achieves the new state-of-the-art on the "
            "popular Cityscapes benchmark at 83.04% mIoU and attained strong performance on the "
            "PASCAL VOC2012 benchmark at 85.56% mIoU.",
            [("cityscapes", "mIoU", 83.04), ("pascalvoc", "mIoU", 85.56)],
        ),
    ],
)
def test_figures_pinned_to_the_right_benchmark_or_none(sentence, expected):
    assert sorted(absolute(sentence)) == sorted(expected)


def test_rivals_in_a_list_and_speed_ranges_are_not_results() -> None:
    # arxiv:2207.02696 (tuning half); the first sentence names the benchmark for the others
    abstract = (
        "We evaluate YOLOv7 on the MS COCO dataset. YOLOv7 surpasses all known object detectors "
        "in both speed and accuracy in the range from 5 FPS to 160 FPS and has the highest "
        "accuracy 56.8% AP among all known real-time object detectors with 30 FPS or higher on "
        "GPU V100. YOLOv7-E6 object detector (56 FPS V100, 55.9% AP) outperforms both "
        "transformer-based detector SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP) by 509% "
        "in speed and 2% in accuracy, and convolutional-based detector ConvNeXt-XL "
        "Cascade-Mask R-CNN (8.6 FPS A100, 55.2% AP) by 551% in speed and 0.7% AP in accuracy."
    )
    found = absolute(abstract)
    assert ("coco", "mAP", 55.9) in found and ("coco", "FPS", 56.0) in found
    # "the highest accuracy 56.8% AP": the metric right after the figure
    assert ("coco", "mAP", 56.8) in found
    bounds = (("coco", "FPS", 5.0), ("coco", "FPS", 30.0))  # a range; "30 FPS or higher"
    for rival in (*bounds, ("coco", "FPS", 8.6), ("coco", "mAP", 55.2)):
        assert rival not in found


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # no metric named: the benchmark's own (arxiv:1910.12241, 2301.00184, 2003.04030, 2112.04491)
        (
            "Specially, our methods establish new benchmark records on Cora (84.31%) and Pubmed "
            "(80.95%) when learning on attributed graphs.",
            [("cora", "accuracy", 84.31), ("pubmed", "accuracy", 80.95)],
        ),
        (
            "Without any post-processing, Cap4Video achieves state-of-the-art performance on four "
            "standard text-video retrieval benchmarks: MSR-VTT (51.4%), VATEX (66.6%), MSVD "
            "(51.8%), and DiDeMo (52.0%).",
            [
                ("msrvtt", "recall@1", 51.4),
                ("vatex", "recall@1", 66.6),
                ("msvd", "recall@1", 51.8),
                ("didemo", "recall@1", 52.0),
            ],
        ),
        # MPII has no single metric of its own: its figure stays unread
        (
            "Our single model achieves 78.6 on COCO test-dev, 93.0 on MPII test dataset.",
            [("coco", "mAP", 78.6)],
        ),
        (
            "In particular, with TLC, our Restormer-Local improves the state-of-the-art result in "
            "single image deblurring from 32.92 dB to 33.57 dB on GoPro dataset.",
            [("gopro", "PSNR", 33.57)],
        ),
        # a bound, not a result (arxiv:2009.08453)
        (
            "Our result can be regarded as a strong baseline using knowledge distillation, and to "
            "our best knowledge, this is also the first method that is able to boost vanilla "
            "ResNet-50 to surpass 80% on ImageNet without architecture modification or "
            "additional training data.",
            [],
        ),
        (
            "MEAL V2: Boosting Vanilla ResNet-50 to 80%+ Top-1 Accuracy on ImageNet without Tricks",
            [],
        ),
        # the sentence names the metric, far from the figure (arxiv:1604.08242)
        (
            "We describe a collection of acoustic and language modeling techniques that lowered "
            "the word error rate of our English conversational telephone LVCSR system to a "
            "record 6.6% on the Switchboard subset of the Hub5 2000 evaluation testset.",
            [("switchboard", "WER", 6.6)],
        ),
        # an upper bound is no score (but the one the model achieves is its figure), and a
        # speed no Dice score but the model's FPS (arxiv:2302.11824, arxiv:2303.07428)
        (
            "Our model achieves the SI-SDRi upper bound of 21.2 dB on WSJ0-3mix and only 0.3 dB "
            "below the upper bound of 23.1 dB on WSJ0-2mix.",
            [("wsj03mix", "SI-SDRi", 21.2)],
        ),
        (
            "TransNetR obtains a high dice coefficient of 0.8706 and a mean Intersection over "
            "union of 0.8016 and retains a real-time processing speed of 54.60 on the Kvasir-SEG "
            "dataset.",
            [
                ("kvasirseg", "Dice", 0.8706),
                ("kvasirseg", "mIoU", 0.8016),
                ("kvasirseg", "FPS", 54.6),
            ],
        ),
    ],
)
def test_a_benchmark_s_own_metric_when_none_is_named(sentence, expected):
    assert sorted(absolute(sentence)) == sorted(expected)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a list of metrics, the last one's abbreviation in parentheses, then as many figures
        # before one benchmark (arxiv:1902.06562; "MF1" is the macro-averaged F1)
        (
            "The best accuracy, MF1, and Cohen's kappa (κ) were 83.9%, 77.6%, 0.78 for SleepEDF "
            "(L=10), 86.5%, 80.7%, 0.80 for MASS (L=9), and 86.7%, 79.8%, 0.81 for SHHS (L=10), "
            "respectively.",
            [("sleepedf", "F1", 77.6), ("sleepedf", "accuracy", 83.9), ("sleepedf", "kappa", 0.78)],
        ),
        # re-identification's rank-1 written "R1" (arxiv:2206.02373)
        (
            "Our approach is currently ranked #1 on the ongoing SoccerNet Re-Identification "
            "Challenge 2022 leaderboard (test-split) with a mAP of 86.0 and a R1 of 81.5.",
            [("soccernet", "mAP", 86.0), ("soccernet", "recall@1", 81.5)],
        ),
        # "log-average miss rate", and an abbreviation the sentence defines for a metric
        # ("miss rate(MR)") read as that metric where it is used again (arxiv:2002.09053)
        (
            "(3) We achieve the second best performance on CityPersons benchmark, i.e. 9.3% "
            "logaverage miss rate(MR) on reasonable set, 8.7% MR on partial set and 5.6% MR on "
            "bare set, which shows an anchor-free and one-stage detector can still have high "
            "accuracy.",
            [
                ("citypersons", "miss rate", 9.3),
                ("citypersons", "miss rate", 8.7),
                ("citypersons", "miss rate", 5.6),
            ],
        ),
        # a figure that ranks first is the paper's, whatever it was compared with before it
        # (arxiv:1911.06475)
        (
            "The performance is on average better than 2.6 out of 3 other individual radiologists "
            "with a mean AUC of 0.930, which ranks first on the CheXpert leaderboard at the time "
            "of writing this paper.",
            [("chexpert", "AUROC", 0.93)],
        ),
    ],
)
def test_prose_results_of_the_eighth_round(sentence, expected):
    assert sorted(absolute(sentence)) == sorted(expected)


def test_a_comparison_before_a_figure_that_does_not_rank_first_stays_out():
    sentence = (
        "The performance is on average better than 2.6 out of 3 other individual radiologists "
        "with a mean AUC of 0.930 on the CheXpert leaderboard."
    )
    assert absolute(sentence) == []
