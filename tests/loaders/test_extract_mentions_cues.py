"""Used versus compared cues, names that are fields or citations, and one node per method of a
paper (real sentences from results_tune.json's tuning half, pwc-methods-tune2)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.mentions import find_method_mentions, is_reference


def mentions(sentence: str) -> list[tuple[str, bool]]:
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set())]


def edges(title: str, abstract: str) -> set[tuple[str, str]]:
    ex = extract_paper(Paper(key="t:x", title=title, abstract=abstract))
    names = {m.key: m.name for m in ex.methods}
    return {(r.type, names[r.dst]) for r in ex.relationships if r.target_label == "Method"}


def test_a_hyphenated_outperform_is_a_comparison_and_widely_used_no_use():
    s = (
        "On the Penn Treebank dataset, our model can compose a novel recurrent cell that "
        "out-performs the widely-used LSTM cell, and other state-of-the-art baselines."
    )
    assert ("LSTM", True) in mentions(s)


def test_matching_a_model_is_a_comparison():
    s = (
        "We achieve an FID of 2.97 on ImageNet 128?128, and we match BigGAN-deep even with as "
        "few as 25 forward passes per sample."
    )
    assert ("BigGAN", True) in mentions(s)  # "-deep": a descriptive tail


def test_state_of_the_art_examples_are_what_the_paper_compares_against():
    s = (
        "Almost all state-of-the-art object detectors such as RetinaNet, SSD, YOLOv3, and Faster "
        "R-CNN rely on pre-defined anchor boxes."
    )
    assert {("RetinaNet", True), ("SSD", True), ("YOLOv3", True)} <= set(mentions(s))
    s = (
        "While existing vision foundation models such as CLIP , ALIGN (Jia et al., 2021), and "
        "Wu Dao 2.0 (Wud) focus mainly on mapping images and textual representations."
    )
    assert ("CLIP", True) in mentions(s)


def test_a_name_written_as_the_base_of_our_model_is_used():
    s = (
        "Our YOLOX-based model can achieve promising performance (e.g., 87.5% AP50 at over 30 "
        "FPS on the ImageNet VID dataset on a single 2080Ti GPU)."
    )
    assert ("YOLOX", False) in mentions(s)


def test_a_kind_of_a_generic_thing_is_no_method():
    s = (
        "Open book question answering is a type of natural language based QA (NLQA) where "
        "questions are expected to be answered with respect to a given set of open book facts."
    )
    assert mentions(s) == []


def test_a_name_glued_to_an_underscore_is_part_of_a_data_name():
    s = "the proposed model can achieve state-of-the-art performance with MAE of 57.6 on UCF_QNRF."
    assert all(name != "UCF" for name, _ in mentions(s))


def test_unlisted_acronyms_heading_a_field_noun_name_a_field():
    s = "we propose a new transition system for AMR parsing along with its oracle parser"
    assert mentions(s) == []
    # a listed method before "models" stays a method
    assert ("BERT", False) in mentions("we train BERT models on the data")
    ex = edges(
        "Learning to Amend Facial Expression Representation via De-albino and Affinity",
        "Facial Expression Recognition (FER) is a classification task that points to face "
        "variants. We call them affinity features, which are barely taken into account by "
        "current FER algorithms.",
    )
    assert all(name != "FER" for _, name in ex)


def test_a_pasted_reference_list_is_not_read_for_methods():
    assert is_reference(
        "An empirical study of training self-supervised vision transformers. arXiv preprint arXiv:2104.02057, 2021."
    )
    ex = edges(
        "Pushing the limits of self-supervised ResNets",
        "RELICv2 achieves 77.1% top-1 classification accuracy on ImageNet using linear "
        "evaluation with a ResNet50 architecture. Xinlei Chen, Saining Xie, and Kaiming He. An "
        "empirical study of training self-supervised vision transformers. arXiv preprint "
        "arXiv:2104.02057, 2021. Fran?ois Chollet. Xception: Deep learning with depthwise "
        "separable convolutions.",
    )
    assert ("USES", "ResNet50") in ex and all(name != "Xception" for _, name in ex)


def test_a_defined_short_form_and_its_long_form_are_one_method_of_the_paper():
    ex = edges(
        "WeakTr: Exploring Plain Vision Transformer for Weakly-supervised Semantic Segmentation",
        "This paper explores the properties of the plain Vision Transformer (ViT) for "
        "Weakly-supervised Semantic Segmentation (WSSS). We observe that different attention "
        "heads of ViT focus on different image areas.",
    )
    assert ("USES", "Vision Transformer") in ex and ("USES", "ViT") not in ex


def test_capitalised_technique_phrases_after_a_cue():
    s = (
        "On NASBench-101, AlphaX also demonstrates 3x and 2.8x speedup over Random Search and "
        "Regularized Evolution in finding the global optimum."
    )
    assert {("Random Search", True), ("Regularized Evolution", True)} <= set(mentions(s))
    s = (
        "Inspired by the Generalized Hough Transform, HoughNet determines the presence of an "
        "object at a certain location by the sum of the votes cast on that location."
    )
    assert ("Generalized Hough Transform", False) in mentions(s)
    s = (
        "Unlike conventional methods, we abandon the use of the Kalman filter and leverage the "
        "iterative scale-up ExpansionIoU and deep features for robust tracking in sports scenarios."
    )
    assert "Kalman filter" in [name for name, _ in mentions(s)]
    # no cue before the phrase: nothing read
    assert mentions("Random Search is a strong baseline for architecture search.") == []


def test_a_listed_method_defined_in_lower_case_is_a_method():
    s = (
        "Our method contains two training stages based on model-agnostic meta learning (MAML), "
        "each of which consists of a contrastive branch and a meta branch."
    )
    assert ("model-agnostic meta learning", False) in mentions(s)
    # a lower-case definition of a class of models stays out
    s = "To learn global representations, self-attention-based vision transformers (ViTs) have been adopted."
    assert mentions(s) == []


def test_number_formats_devices_sizes_and_scan_modalities_are_not_methods():
    from loaders.extract.mentions import is_noise

    noise = (
        "FP16",
        "INT8",
        "iPhone12",
        "24GB",
        "8xA100",
        "2nd",
        "Hits@10",
        "AP75",
        "COVID-19",
        "fMRI",
        "EEG",
    )
    assert all(is_noise(w) for w in noise)
    # a listed name keeps its place whatever its shape
    assert not is_noise("T5")
    s = (
        "We propose a novel end-to-end deep learning architecture to perform the task of denoising "
        "capacitive ECG, trained on 24GB of recordings with FP16 weights."
    )
    assert mentions(s) == []


def test_a_generic_family_written_out_is_no_method_a_library_is():
    s = (
        "In this paper, we build Recurrent Neural Network (RNN) models that can classify poems "
        "according to their meters from plain text."
    )
    assert mentions(s) == []
    s = (
        "Our paper is accompanied with a publicly available reference implementation of the "
        "proposed models in Tensorflow at https: //github."
    )
    assert [name for name, _ in mentions(s)] == ["Tensorflow"]
