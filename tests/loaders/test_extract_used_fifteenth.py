"""Used and compared methods, fifteenth round (sentences from the tuning abstracts): lower-case
definitions of a model's part or a named technique."""

from __future__ import annotations

from loaders.extract.mentions import lower_case_model
from tests.loaders.test_extract_mentions_cues import edges, mentions


def test_a_lower_case_unit_defined_after_a_use_cue_is_used():
    # pwc-methods-fresh, arxiv:2005.10469
    s = (
        "In this paper we present state-of-the-art (SOTA) performance on the LibriSpeech corpus "
        "with two novel neural network architectures, a multistream CNN for acoustic modeling "
        "and a self-attentive simple recurrent unit (SRU) for language modeling."
    )
    assert ("simple recurrent unit", False) in mentions(s)


def test_pooling_warping_and_mapping_name_techniques():
    assert lower_case_model("spatial pyramid pooling", "SPP")
    assert lower_case_model("dynamic time warping", "DTW")
    assert lower_case_model("class activation mapping", "CAM")
    # a plain concept is still none
    assert not lower_case_model("receptive field", "RF")


def test_a_known_lower_case_memory_needs_no_cue():
    # pwc-methods-tune3, arxiv:1907.06099: LSTM is in the vocabulary, read without a cue
    abstract = (
        "Given that temporal information is crucial for phase recognition, long-short term "
        "memory (LSTM) is explored to model the sequential dependencies in the phase "
        "recognition branch."
    )
    assert ("USES", "long-short term memory") in edges("Surgical phase recognition", abstract)


def test_what_the_approach_combines_is_used():
    # pwc-methods-tune2, arxiv:2309.00775
    s = (
        "Our approach combines the masked autoencoder (MAE) objective into the contrastive "
        "learning objective to improve the representation for localization tasks."
    )
    assert ("masked autoencoder", False) in mentions(s)
    assert ("EfficientNet", False) in mentions("We combine EfficientNet with a light decoder.")


def test_a_version_after_a_slash_is_a_second_method():
    # pwc-methods-tune, arxiv:2103.12270
    s = (
        "SpineNet-Seg models outperform the DeepLabv3/v3+ baselines at all model scales on "
        "multiple popular benchmarks in speed and accuracy."
    )
    found = mentions(s)
    assert ("DeepLabv3", True) in found
    assert ("DeepLabv3+", True) in found
    # a patch size after a slash names no second method
    assert [n for n, _ in mentions("We fine-tune ViT-B/16 on the data.")] == ["ViT-B"]


def test_the_method_a_proposal_varies_is_used_and_compared():
    # pwc-methods-tune2, arxiv:2104.03538
    abstract = (
        "Our previously proposed MetricGAN was designed to optimize objective metrics by "
        "connecting the metric with a discriminator. In this study, we propose a MetricGAN+ in "
        "which three training techniques incorporating domainknowledge of speech processing are "
        "proposed. With these techniques, experimental results on the VoiceBank-DEMAND dataset "
        "show that MetricGAN+ can increase PESQ score by 0.3 compared to the previous MetricGAN "
        "and achieve stateof-the-art results (PESQ score = 3.15)."
    )
    found = edges("MetricGAN+: An Improved Version of MetricGAN for Speech Enhancement", abstract)
    assert ("COMPARES_WITH", "MetricGAN") in found
    assert ("USES", "MetricGAN") in found
