"""Methods read or left out by their context: web addresses, a metric's acronym given to a
model, compounds of plain words, the backbone or toolkit cue and "closing the gap with" (real
sentences from results_tune.json's tuning half, pwc-methods-fresh)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.mentions import find_method_mentions


def mentions(sentence: str) -> list[tuple[str, bool]]:
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set())]


def test_names_inside_a_web_address_are_not_methods():
    s = "Code is available at https://github.com/Albert0147/G-SFDA."
    assert mentions(s) == []
    s = "Our implementation is available at https:// github.com/artetxem/monoses."
    assert mentions(s) == []


def test_a_metrics_acronym_defined_for_a_model_is_a_method():
    s = (
        "In this paper, we first extend the recent Masked Auto-Encoder (MAE) model from a single "
        "modality to audio-visual multi-modalities."
    )
    assert mentions(s) == [("Masked Auto-Encoder", False)]
    paper = Paper(key="p", title="Contrastive Audio-Visual Masked Autoencoder", abstract=s)
    assert any(
        r.type == "USES" and r.dst == "maskedautoencoder"
        for r in extract_paper(paper).relationships
    )
    # the metric itself, written out, stays a metric
    assert (
        mentions(
            "It lowers the Fréchet Inception Distance (FID) and the mean absolute error (MAE)."
        )
        == []
    )


def test_modalities_fields_and_compounds_of_plain_words_are_not_methods():
    s = (
        "Experiments are conducted on WikiSQL, a recently released dataset with the largest "
        "question-SQL pairs."
    )
    # (WikiSQL, a data set, is left out by the extractor's benchmark spans)
    assert "question-SQL" not in [name for name, _ in mentions(s)]
    s = "We use RGB-D images and AutoML to select the model."
    assert mentions(s) == []


def test_a_backbone_a_module_is_measured_on_is_used_not_compared():
    s = (
        "The proposed ECA module is efficient yet effective, e.g., the parameters and computations "
        "of our modules against backbone of ResNet50 are 80 vs. 24.37M and 4.7e-4 GFLOPs vs. "
        "3.86 GFLOPs, respectively."
    )
    assert ("ResNet50", False) in mentions(s)


def test_the_toolkit_code_is_released_in_is_used_but_not_a_name_after_a_web_address():
    s = "Source code and models are available at PaddleSeg: https://github.com/PaddlePaddle/PaddleSeg."
    assert mentions(s) == [("PaddleSeg", False)]
    s = (
        "The code is available at https://github.com/rizavelioglu/hateful_memes-hate_detectron 1 "
        "https://www.drivendata.org/competitions/70/hateful-memes-phase-2/ 2 HateDetectron at "
        "https://www.drivendata.org/competitions/70/hateful-memes-phase-2/ leaderboard/"
    )
    assert all(
        cued is False for _, cued in [(m.name, m.cued) for m in find_method_mentions(s, set())]
    )


def test_closing_the_gap_with_a_system_compares_against_it():
    s = (
        "An improvement of more than 7-10 BLEU points over previous unsupervised systems, and "
        "closing the gap with supervised SMT (Moses trained on Europarl) down to 2-5 BLEU points."
    )
    assert ("Moses", True) in mentions(s)


def test_a_method_the_paper_is_built_on_stays_used_when_also_compared():
    abstract = (
        "We propose IterNet, a new model based on UNet, with the ability to find obscured details "
        "of the vessel. Iter-Net consists of multiple iterations of a mini-UNet, which can be 4x "
        "more accurate than the common UNet."
    )
    ex = extract_paper(
        Paper(key="p", title="IterNet: Retinal Image Segmentation", abstract=abstract)
    )
    types = {(r.type, r.dst) for r in ex.relationships if r.dst == "unet"}
    assert types == {("USES", "unet"), ("COMPARES_WITH", "unet")}
    # a weak use cue ("with similar throughput to") is undone by the comparison
    abstract = (
        "Many models reach higher ImageNet accuracy than ResNet50. Using a TResNet model, with "
        "similar GPU throughput to ResNet50, we reach 80.8% top-1 accuracy on ImageNet."
    )
    ex = extract_paper(
        Paper(
            key="p", title="TResNet: High Performance GPU-Dedicated Architecture", abstract=abstract
        )
    )
    assert {r.type for r in ex.relationships if r.dst == "resnet50"} == {"COMPARES_WITH"}


def test_recent_methods_given_as_examples_and_abandoned_ones_are_compared():
    s = (
        "Recently, self-supervised learning methods like MoCo [22], SimCLR [8], BYOL [20] and "
        "SwAV [7] have reduced the gap with supervised methods."
    )
    assert {name for name, compares in mentions(s) if compares} >= {
        "MoCo",
        "SimCLR",
        "BYOL",
        "SwAV",
    }
    s = (
        "Unlike conventional methods, we abandon the use of the Kalman filter and leverage the "
        "iterative scale-up ExpansionIoU and deep features for robust tracking in sports scenarios."
    )
    assert ("Kalman filter", True) in mentions(s)
