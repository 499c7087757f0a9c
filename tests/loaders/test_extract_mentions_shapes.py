"""Shapes of names read as used methods: lower-case model ids, "X-like" classes, "Swin-Transformer",
chip numbers, unlisted names modifying a representation (real sentences from results_tune.json's
tuning half, pwc-methods-tune3)."""

from __future__ import annotations

import pytest

from loaders.extract.mentions import find_method_mentions, is_noise


def mentions(sentence: str) -> list[tuple[str, bool]]:
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set())]


def test_a_lower_case_model_id_with_a_version_is_a_name():
    s = (
        "We conduct extensive experiments using the latest language model code-davinci-002 and "
        "demonstrate that DI-VERSE can achieve new state-of-the-art performance."
    )
    assert ("code-davinci-002", False) in mentions(s)
    assert all(n != "state-of-the-art" for n, _ in mentions(s))


def test_a_model_like_another_is_not_that_model():
    s = (
        "Furthermore, we fine-tune five pre-trained BERT-like models to set a monolingual "
        "baseline for the new dataset and we achieve 93.56% of accuracy."
    )
    assert all(n != "BERT" for n, _ in mentions(s))


def test_transformer_after_a_hyphen_is_the_tail_of_another_name():
    s = (
        "In particular, with the Swin-Transformer large backbone, our Box2Mask obtains 42.4% mask "
        "AP on COCO, which is on par with the recently developed fully mask-supervised methods."
    )
    assert all(n != "Transformer" for n, _ in mentions(s))


def test_a_chip_number_is_no_method():
    assert is_noise("RK3288") and not is_noise("YOLOv3")
    s = (
        "ParC-Net achieves 78.6% top-1 accuracy with 23% faster inference speed (on ARM based "
        "Rockchip RK3288) compared with MobileViT."
    )
    assert [n for n, _ in mentions(s) if "RK3288" in n] == []


def test_an_unlisted_name_before_a_representation_noun_is_no_method():
    s = (
        "In a nutshell, BEVFormer exploits both spatial and temporal information by interacting "
        "with spatial and temporal space through predefined grid-shaped BEV queries."
    )
    assert all(n != "BEV" for n, _ in mentions(s))


def test_a_technique_named_after_a_comparison_cue():
    s = (
        "Without changing the network architecture, Mean Teacher achieves an error rate of 4.35% "
        "on SVHN with 250 labels, outperforming Temporal Ensembling trained with 1000 labels."
    )
    assert ("Temporal Ensembling", True) in mentions(s)


def test_a_sentence_opening_based_on_a_name_uses_it():
    s = (
        "Based on stack-LSTM, our psycholinguistically motivated constituent parsing system "
        "achieves 91.8 F 1 on WSJ benchmark."
    )
    assert ("stack-LSTM", False) in mentions(s)


def test_a_lower_case_model_with_a_specific_acronym_is_used_when_employed():
    s = (
        "On the other hand, an attention pyramid network (APN) is employed in the decoder to "
        "further lighten the entire network complexity."
    )
    assert ("attention pyramid network", False) in mentions(s)
    # without a cue, or with a generic acronym, it is no named method
    assert mentions("An attention pyramid network (APN) lightens the network.") == []
    s = "We use a convolutional neural network (CNN) in the decoder."
    assert all(n != "convolutional neural network" for n, _ in mentions(s))


def test_a_listed_model_after_on_with_a_figure_is_the_model_not_data():
    s = (
        "On ImageNet, we achieve a leading performance of top-1 accuracy 79.40% on ResNet-50 and "
        "80.00% on ResNet-50-D without extra data."
    )
    assert "ResNet-50" in {n for n, _ in mentions(s)}


def test_the_last_item_of_a_cued_list_shares_the_cue():
    s = (
        "Almost all state-of-the-art object detectors such as RetinaNet, SSD, YOLOv3, and Faster "
        "R-CNN rely on pre-defined anchor boxes."
    )
    assert ("Faster R-CNN", True) in mentions(s)


def test_within_a_margin_of_a_method_is_a_comparison():
    s = (
        "On object detection, RandAugment leads to 1.0-1.3% improvement over baseline "
        "augmentation, and is within 0.3% mAP of AutoAugment on COCO."
    )
    assert ("AutoAugment", True) in mentions(s)


def test_a_metric_named_after_a_model_is_not_the_model():
    s = (
        "In particular, Omni-INR-GAN sets new records on the Ima-geNet dataset with impressive "
        "Inception scores of 262.85 and 343.22 for the image sizes of 128 and 256."
    )
    assert all(n != "Inception" for n, _ in mentions(s))


def test_the_papers_own_model_described_with_an_acronym_is_not_used():
    s = (
        "In contrast to previous work that uses multi-scale feature fusion or dilated "
        "convolutions, we propose a novel graph-convolutional network (GCN) to address this problem."
    )
    assert mentions(s) == []


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Our method improves upon PointNet by 3% on ModelNet40.", "PointNet"),
        ("Unlike BERT, our model is trained with a generative objective.", "BERT"),
        ("In contrast to DETR, our detector converges in 12 epochs.", "DETR"),
        ("It yields a 2.1 AP gain with respect to RetinaNet.", "RetinaNet"),
    ],
)
def test_setting_the_work_against_a_method_is_a_comparison(sentence, name):
    assert (name, True) in mentions(sentence)


def test_an_improvement_on_a_model_is_no_comparison_with_it():
    s = "It leads to 1.82% absolute improvement on ImageNet clean accuracy for the ViT-B model."
    assert all(not compares for _, compares in mentions(s))
