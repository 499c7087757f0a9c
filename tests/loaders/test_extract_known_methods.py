"""The known-methods vocabulary and the cue-or-known rule for used / compared names (issue 15);
every sentence is from a real abstract of results_tune.json."""

from kg.model import ComparesWith, Paper, Uses
from loaders.extract.extractor import extract_paper
from loaders.extract.known_methods import family_base, is_known_method
from loaders.extract.mentions import find_method_mentions


def mentions(sentence):
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set())]


def used_or_compared(abstract, title="X"):
    ex = extract_paper(Paper(key="p", title=title, abstract=abstract))
    names = {m.key: m.name for m in ex.methods}
    return sorted(
        (names[r.dst], r.type) for r in ex.relationships if isinstance(r, (Uses, ComparesWith))
    )


def test_variants_resolve_to_a_known_family():
    assert family_base("ResNet-101") == "ResNet"
    assert family_base("ViT-B/16") == "ViT"
    assert is_known_method("YOLOv4") and is_known_method("GPT-3.5")
    assert not is_known_method("EWS")


def test_an_unknown_acronym_without_a_cue_is_not_a_method():
    # a defined acronym of a task, and the same acronyms again with nothing that uses them
    abstract = (
        "Early Warning Systems (EWS) constantly assess water levels and other factors to forecast "
        "floods, to help minimize damage. However, even today in developing countries, EWS and PDSA "
        "analysis of large volumes of image and video data is largely a manual process undertaken "
        "by first responders and volunteers."
    )
    assert used_or_compared(abstract) == []


def test_a_known_name_is_kept_without_a_cue():
    assert ("Xception", False) in mentions(
        "We further explore the Xception model and apply the depthwise separable convolution to "
        "both Atrous Spatial Pyramid Pooling and decoder modules, resulting in a faster and "
        "stronger encoder-decoder network."
    )


def test_size_variants_of_one_family_are_one_method():
    abstract = (
        "We introduce a simple yet effective distillation framework that is able to boost the "
        "vanilla ResNet-50 to 80%+ Top-1 accuracy on ImageNet without tricks. On smaller "
        "ResNet-18, our distillation framework consistently improves from 69.76% to 73.19%, which "
        "shows tremendous practical values in real-world applications."
    )
    assert used_or_compared(abstract) == [("ResNet-50", "USES")]


def test_a_plural_acronym_names_a_class_of_models():
    assert (
        mentions(
            "Recent studies show that Vision Transformers (ViTs) exhibit strong robustness against "
            "various corruptions."
        )
        == []
    )


def test_a_name_the_paper_introduces_as_its_own_is_not_used():
    assert mentions(
        "Experimental results show that with the help of NMS-Loss, our detector, namely NMS-Ped, "
        "achieves impressive results with Miss Rate of 5.92% on Caltech"
    ) == [("NMS-Loss", False)]


def test_a_backbone_before_a_detector_is_one_configuration():
    assert ("SWIN-L Cascade-Mask R-CNN", True) in mentions(
        "YOLOv7-E6 object detector (56 FPS V100, 55.9% AP) outperforms both transformer-based "
        "detector SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP) by 509% in speed and 2% in "
        "accuracy."
    )


def test_a_name_two_words_before_a_data_noun_is_data():
    assert (
        mentions(
            "We use the SWOC Flood segmentation dataset and achieve 0.93 mIoU, outperforming all other "
            "methods."
        )
        == []
    )


def test_a_known_technique_is_neither_proposed_nor_a_named_method():
    ex = extract_paper(
        Paper(
            key="p",
            title="Multiple Instance Detection Network with Online Instance Classifier Refinement",
            abstract=(
                "Here we formulate weakly supervised detection as a Multiple Instance Learning "
                "(MIL) problem, where instance classifiers (object detectors) are put into the "
                "network as hidden nodes. We propose a novel online instance classifier refinement "
                "algorithm to integrate MIL and the instance classifier refinement procedure into a "
                "single deep network."
            ),
        )
    )
    assert not any("mil" in m.key or "multipleinstance" in m.key for m in ex.methods)


def test_a_configuration_of_a_known_method_has_a_known_part():
    from loaders.extract.known_methods import has_known_part

    assert has_known_part("ResNet50-FPN") and has_known_part("Cascade Mask R-CNN")
    assert not has_known_part("CSPRepResStage") and not has_known_part("VQ-SVAE")


def test_a_lower_case_vocabulary_name_is_found():
    from loaders.extract.known_methods import find_known

    s = (
        "On the acoustic side, we use a score fusion of three strong models: recurrent nets with "
        "maxout activations, very deep convolutional nets with 3x3 kernels, and bidirectional "
        "long short-term memory nets which operate on FMLLR and i-vector features."
    )
    assert [name for _, name in find_known(s)] == ["i-vector"]
