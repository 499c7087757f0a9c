"""Proposals read from result claims, the passive, title names and brackets after the proposed
name (real sentences from results_tune.json's tuning half, pwc-methods-tune and tune2)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.proposed import from_sentence, from_title
from tests.loaders.extract_proposed import proposed


def test_an_unlisted_name_opening_a_result_claim_is_the_papers_own():
    s = (
        "In particular, Omni-INR-GAN sets new records on the ImageNet dataset with impressive "
        "Inception scores of 262.85 and 343.22."
    )
    assert ("Omni-INR-GAN", "result-subject") in proposed(s)
    s = "ScaleNet-P and ScaleNet-S outperform existing manually crafted and NAS-based methods in both tasks."
    assert {("ScaleNet-P", "result-subject"), ("ScaleNet-S", "result-subject")} <= set(proposed(s))


def test_a_listed_method_or_a_modifier_opening_a_claim_is_not_proposed():
    assert proposed("BERT achieves 80.5 on GLUE.") == []
    s = "Our YOLOX-based model can achieve promising performance (e.g., 87.5% AP50 at over 30 FPS)."
    assert all(rule != "result-subject" for _, rule in proposed(s))


def test_a_result_claim_about_a_benchmark_model_is_not_a_proposal():
    ex = extract_paper(
        Paper(
            key="t:x",
            title="Neural Architecture Search with Reinforcement Learning",
            abstract="Our CIFAR-10 model achieves a test error rate of 3.65.",
        )
    )
    assert all(m.name != "CIFAR-10" for m in ex.methods)


def test_a_name_introduced_in_the_present_passive_is_proposed():
    s = (
        "For matching evaluation, Coarse-to-fine Matching (CFM) is designed to aggregate context "
        "on the proposal level and refine the matching map from coarse to fine."
    )
    assert ("Coarse-to-fine Matching", "passive") in proposed(s)
    s = "In addition, a novel MaskScoreNet is developed to produce binary point masks of these groups."
    assert ("MaskScoreNet", "passive") in proposed(s)
    # someone else's: "is proposed by", past tense
    assert proposed("Deformable DETR (DDETR) was proposed to speed up training.") == []


def test_a_capitalised_name_before_the_noun_of_what_it_is():
    s = "To better group these points, we propose a Hierarchical Point Grouping algorithm to merge the points."
    assert ("Hierarchical Point Grouping", "propose-object") in proposed(s)


def test_the_bracketed_short_form_after_a_proposed_name_joins_it():
    s = "We present Masked-attention Mask Transformer (Mask2Former), a new architecture capable of addressing any image segmentation task."
    (cand,) = [c for c in from_sentence(s) if c.rule == "propose-object"]
    assert cand.aliases == ("Masked-attention Mask Transformer", "Mask2Former")


def test_a_title_opening_with_a_name_the_abstract_uses():
    abstract = "Specifically, we develop a Context Prior with the supervision of the Affinity Loss."
    assert [c.name for c in from_title("Context Prior for Scene Segmentation", abstract)] == [
        "Context Prior"
    ]
    # ordinary adjectives before a family: a description
    abstract = "We train Very Deep Transformers for translation."
    assert from_title("Very Deep Transformers for Neural Machine Translation", abstract) == []
    # not used as a name in the abstract
    assert from_title("Context Prior for Scene Segmentation", "We segment scenes.") == []


def test_variants_of_one_family_are_one_proposal():
    ex = extract_paper(
        Paper(
            key="t:x",
            title="ScaleNAS: One-Shot Learning of Scale-Aware Representations for Visual Recognition",
            abstract="ScaleNet-P and ScaleNet-S outperform existing manually crafted and NAS-based methods in both tasks.",
        )
    )
    proposes = [r for r in ex.relationships if r.type == "PROPOSES"]
    names = {m.key: m for m in ex.methods}
    assert sorted(names[r.dst].name for r in proposes) == ["ScaleNAS", "ScaleNet"]


def test_a_listed_method_named_before_the_proposal_sentence_is_not_proposed():
    abstract = (
        "Recently, two families of self-supervised methods, contrastive learning and latent "
        "bootstrapping, exemplified by SimCLR and BYOL respectively, have made significant "
        "progress. We verify this by developing SimCLR and BYOL formulations compatible with "
        "the Conditional Entropy Bottleneck (CEB) objective."
    )
    ex = extract_paper(
        Paper(key="t:x", title="Compressive Visual Representations", abstract=abstract)
    )
    names = {m.key: m.name for m in ex.methods}
    edges = {(r.type, names[r.dst]) for r in ex.relationships if r.target_label == "Method"}
    assert ("PROPOSES", "SimCLR") not in edges and ("USES", "SimCLR") in edges
    # named first where it is presented: the paper's own
    abstract = "This paper presents SimCLR: a simple framework for contrastive learning of visual representations."
    ex = extract_paper(
        Paper(key="t:y", title="A Simple Framework for Contrastive Learning", abstract=abstract)
    )
    assert "SimCLR" in [m.name for m in ex.methods]


def test_our_final_acronym_model_is_proposed():
    s = (
        "Our final SElf-supERvised (SEER) model, a RegNetY with 1.3B parameters trained on 1B "
        "random images with 512 GPUs achieves 84.2% top-1 accuracy."
    )
    assert ("SElf-supERvised", "our-acronym") in proposed(s)


def test_a_generic_family_written_out_is_not_proposed():
    s = (
        "In this paper, we build Recurrent Neural Network (RNN) models that can classify poems "
        "according to their meters from plain text."
    )
    ex = extract_paper(
        Paper(
            key="t:x",
            title="Learning meters of Arabic and English poems with Recurrent Neural Networks",
            abstract=s,
        )
    )
    assert ex.methods == []


def test_a_new_thing_then_namely_its_name_is_proposed():
    # written for this test (issue 15, seventh round)
    s = "Based on this, we build a new detector, namely FastDet, which runs at 100 FPS."
    assert [c.name for c in from_sentence(s)] == ["FastDet"]
    # data sets listed after "namely" are not new things
    assert from_sentence("We evaluate on two datasets, namely COCO and VOC.") == []
