"""Twelfth round: one proposal read as two names is kept as one, and the rules added that round
(real sentences of the tuning sets' abstracts)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import _merge_candidates, extract_paper
from loaders.extract.proposed import Candidate


def proposed(title: str, abstract: str) -> dict[str, set[str]]:
    ex = extract_paper(Paper(key="t:p", title=title, abstract=abstract))
    methods = {m.key: m for m in ex.methods}
    return {
        methods[r.dst].name: set(methods[r.dst].aliases or [])
        for r in ex.relationships
        if r.type == "PROPOSES"
    }


def test_a_version_in_the_title_and_its_base_are_one_proposal():
    names = proposed(
        "ViTAEv2: Vision Transformer Advanced by Exploring Inductive Bias for Image Recognition "
        "and Beyond",
        "In this paper, we leverage the two IBs and propose the ViTAE transformer, which utilizes "
        "a reduction cell for multi-scale feature and a normal cell for locality.",
    )
    ((name, aliases),) = names.items()
    assert {name, *aliases} == {"ViTAE", "ViTAEv2"}


def test_initials_of_the_last_words_join_the_long_form():
    def cand(name: str) -> Candidate:
        return Candidate(name, (name,), "propose-object", "We propose " + name + ".", 0.8)

    (one,) = _merge_candidates([cand("Dynamic Graph Network"), cand("DGN")])
    assert one.name == "Dynamic Graph Network" and set(one.aliases) == {
        "Dynamic Graph Network",
        "DGN",
    }


def test_a_network_named_beside_its_module_stays_apart():
    # the labels keep "ParC-Net" apart from its "position aware circular convolution (ParC)"
    def cand(name: str) -> Candidate:
        return Candidate(name, (name,), "title-prefix", name, 0.9)

    assert len(_merge_candidates([cand("ParC-Net"), cand("ParC")])) == 2


def test_capitalised_modules_in_a_first_person_sentence_are_proposed():
    names = proposed(
        "M2Det: A Single-Shot Object Detector based on Multi-Level Feature Pyramid Network",
        "Second, we feed the base feature into a block of alternating joint Thinned U-shape "
        "Modules and Feature Fusion Modules and exploit the decoder layers of each U-shape module "
        "as the features for detecting objects.",
    )
    assert {"Thinned U-shape Modules", "Feature Fusion Modules"} <= set(names)


def test_a_capitalised_loss_in_a_first_person_sentence_is_proposed():
    names = proposed(
        "Context Prior for Scene Segmentation",
        "Specifically, we develop a Context Prior with the supervision of the Affinity Loss.",
    )
    assert "Affinity Loss" in names
