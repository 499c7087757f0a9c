"""Proposed, used and compared methods, eighteenth round (sentences of the tuning abstracts):
the system a shared-task paper describes by its name, a named technique after "both", a quoted
likeness ("the \"BERT of vision and language\"") that names no method used, a defined property
("Differential Privacy (DP)") that names none compared against, a name the work is likened to
("Similar to ... AdvProp [61]"), others' comparisons ("VGG models have been outperformed by
Inception models"), the baseline the paper sets up ("we benchmark the baseline Inception-v3") and
a shape set against a name ("4x deeper than the common UNet")."""

from __future__ import annotations

from loaders.extract.proposed import from_sentence
from tests.loaders.test_extract_mentions_cues import edges, mentions


def proposed(sentence: str) -> list[str]:
    return [c.name for c in from_sentence(sentence)]


def test_the_system_a_paper_describes_by_its_name_is_proposed():
    s = (
        "This paper describes the tokofou system, an ensemble model for misinformation detection "
        "tasks based on six different transformer-based pre-trained encoders, implemented in the "
        "context of the COVID-19 Infodemic Shared Task for English."
    )
    assert "tokofou" in proposed(s)
    assert "NLP-CIC" in proposed("We describe the NLP-CIC team's system for SemEval-2020 Task 4.")


def test_a_described_system_without_a_name_proposes_nothing():
    assert proposed("We describe the hybrid system, a cascade of two recognisers.") == []
    assert proposed("We describe the dialogue system in detail.") == []
    assert proposed("In this paper, we describe our Fake News Detection system.") == []
    assert proposed("This paper describes the IBM system.") == []


def test_the_described_system_is_an_edge_of_the_paper():
    abstract = (
        "This paper describes the tokofou system, an ensemble model for misinformation detection "
        "tasks. tokofou obtains an overall F1 score of 89.7%, ranking first."
    )
    assert ("PROPOSES", "tokofou") in edges("Fighting the Infodemic", abstract)


def test_a_named_technique_after_both_is_read_after_its_cue():
    s = (
        "We further explore the Xception model and apply the depthwise separable convolution to "
        "both Atrous Spatial Pyramid Pooling and decoder modules, resulting in a faster and "
        "stronger encoder-decoder network."
    )
    assert ("Atrous Spatial Pyramid Pooling", False) in mentions(s)
    assert ("Random Search", True) in mentions(
        "AlphaX is faster than both Random Search and Regularized Evolution."
    )


def test_a_technique_phrase_after_a_plain_to_is_not_read():
    assert mentions("We turn to Random Search for it.") == []


def test_a_quoted_likeness_names_no_method_used():
    s = (
        'We utilize VisualBERT -which meant to be the "BERT of vision and language" -that was '
        "trained multimodally on images and captions and apply Ensemble Learning."
    )
    names = [n for n, _ in mentions(s)]
    assert "VisualBERT" in names and "BERT" not in names


def test_a_quoted_name_that_draws_no_likeness_is_still_read():
    assert ("BERT", False) in mentions('We fine-tune the "BERT" model on the task.')


def test_a_defined_property_is_no_method_compared_against():
    s = (
        "Experimentally, our architecture reaches 69.2% on ImageNette, a state-of-the-art result "
        "compared to prior architectural modifications for Differential Privacy (DP)."
    )
    assert mentions(s) == []
    assert ("Stochastic Weight Averaging", True) in mentions(
        "It is compared to Stochastic Weight Averaging (SWA)."
    )


def test_a_name_the_work_is_likened_to_is_no_use():
    s = (
        "Similar to the improvements on CNNs by AdvProp [61] (not directly applicable to ViT), "
        "our pyramid adversarial training breaks the trade-off between in-distribution accuracy "
        "and out-of-distribution robustness for ViT and related architectures."
    )
    assert "AdvProp" not in [n for n, _ in mentions(s)]
    assert ("ResNet", False) in mentions("Similar to prior work, we use a ResNet backbone.")


def test_others_outperformed_by_a_name_is_no_comparison_of_the_paper():
    s = (
        "Although VGG models have been outperformed by Inception models in image classification "
        "tasks, the existing crowd counting networks built with Inception modules still only have "
        "a small number of layers with basic types of Inception modules."
    )
    assert ("Inception", True) not in mentions(s)
    assert ("ResNet", True) in mentions("Our baseline is outperformed by ResNet on it.")


def test_the_baseline_the_paper_sets_up_is_a_use():
    s = (
        "To fill in this gap, in this paper, we firstly benchmark the baseline Inception-v3 model "
        "on commonly used crowd counting datasets and achieve surprisingly good performance."
    )
    assert mentions(s) == [("Inception-v3", False)]
    assert mentions("We outperform the baseline ResNet by 2%.") == [("ResNet", True)]


def test_a_shape_set_against_a_name_is_no_comparison():
    s = "Iter-Net consists of multiple iterations of a mini-UNet, which can be 4x deeper than the common UNet."
    assert ("UNet", True) not in mentions(s)
    assert ("UNet", True) in mentions("It is 4x faster than the common UNet.")
