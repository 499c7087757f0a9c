"""Proposals of the fifteenth round (sentences of the tuning abstracts)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.proposed import from_sentence, own_subject_proposals


def proposed(sentence: str) -> list[tuple[str, str]]:
    return [(c.name, c.rule) for c in from_sentence(sentence)]


def proposals(title: str, abstract: str) -> set[str]:
    paper = Paper(key="p", title=title, abstract=abstract)
    ex = extract_paper(paper)
    names = {m.key: m.name for m in ex.methods}
    return {names[r.dst] for r in ex.relationships if r.type == "PROPOSES"}


POSEAUG = (
    "Moreover, PoseAug introduces a novel part-aware Kinematic Chain Space for evaluating local "
    "joint-angle plausibility and develops a discriminative module accordingly."
)


def test_capitalised_words_after_a_novel_and_lower_case_modifiers_are_proposed():
    s = "We introduce a novel part-aware Kinematic Chain Space for evaluating joint angles."
    assert ("Kinematic Chain Space", "propose-modified") in proposed(s)
    # a listed method or a task after "a novel" is no new name
    assert proposed("We propose a novel graph-based Named Entity Recognition for tweets.") == []


def test_the_own_method_as_subject_of_a_proposal_verb_proposes_its_object():
    found = own_subject_proposals(POSEAUG, {"PoseAug"})
    assert [(c.name, c.evidence) for c in found] == [("Kinematic Chain Space", POSEAUG)]
    # someone else's method as the subject proposes nothing of the paper's
    assert own_subject_proposals(POSEAUG.replace("PoseAug", "VideoPose"), {"PoseAug"}) == []
    abstract = "We present PoseAug, a new autoaugmentation framework. " + POSEAUG
    assert {"PoseAug", "Kinematic Chain Space"} <= proposals("PoseAug: Pose Augmentation", abstract)
