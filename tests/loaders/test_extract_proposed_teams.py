"""Proposals read from a shared-task title's team name, an unarticled capitalised object of
"we propose" and a stated contribution (real sentences from results_tune.json's tuning half,
pwc-methods-fresh)."""

from __future__ import annotations

from loaders.extract.proposed import from_title
from tests.loaders.extract_proposed import proposals, proposed


def test_a_team_at_a_shared_task_in_the_title_is_proposed():
    title = "NutCracker at WNUT-2020 Task 2: Robustly Identifying Informative COVID-19 Tweets using Ensembling and Adversarial Training"
    assert [(c.name, c.rule) for c in from_title(title, "")] == [("NutCracker", "title-team")]
    title = "ZJUKLAB at SemEval-2021 Task 4: Negative Augmentation with Language Model for Reading Comprehension of Abstract Meaning"
    assert [c.name for c in from_title(title, "")] == ["ZJUKLAB"]
    # "at" without a venue's year or task number is no shared task
    assert from_title("Attention at Scale: A Study of Long Contexts", "") == []


def test_capitalised_words_without_an_article_after_we_propose_are_one_name():
    s = (
        "At the macro level, we propose Recursive Feature Pyramid, which incorporates extra "
        "feedback connections from Feature Pyramid Networks into the bottom-up backbone layers."
    )
    assert ("Recursive Feature Pyramid", "propose-object") in proposed(s)
    s = (
        "At the micro level, we propose Switchable Atrous Convolution, which convolves the "
        "features with different atrous rates and gathers the results using switch functions."
    )
    assert ("Switchable Atrous Convolution", "propose-object") in proposed(s)


def test_a_named_definition_stated_as_the_contribution_is_proposed():
    s = (
        "The main contributions lie in the Attention Complementary Module (ACM) and the "
        "architecture with three parallel branches."
    )
    assert proposed(s) == [("Attention Complementary Module", "contribution")]
    s = "Our contribution is a comparison with the Vision Transformer (ViT) on ImageNet."
    assert proposed(s) == []


def test_the_named_parts_a_proposal_consists_of_are_proposed():
    abstract = (
        "We propose a joint entity mention detection and typing model via prior boundary "
        "knowledge (BoningKnife) to better handle nested NER extraction and recognition tasks. "
        "BoningKnife consists of two modules, MentionTagger and TypeClassifier."
    )
    title = "BoningKnife: Joint Entity Mention Detection and Typing for Nested NER via prior Boundary Knowledge"
    assert {"MentionTagger", "TypeClassifier"} <= proposals(title, abstract)
    abstract = (
        "We propose IterNet, a new model based on UNet. IterNet consists of multiple iterations "
        "of a mini-UNet, which can be 4x deeper than the common UNet."
    )
    assert proposals("IterNet: Retinal Image Segmentation", abstract) == {"IterNet"}


def test_size_variants_modifiers_and_claims_are_not_proposals_of_their_own():
    abstract = (
        "In this report, we present PP-YOLOE, an industrial state-of-the-art object detector. "
        "As a result, PP-YOLOE-l achieves 51.4 mAP on COCO testdev and 78.1 FPS on Tesla V100."
    )
    assert proposals("PP-YOLOE: An evolved version of YOLO", abstract) == {"PP-YOLOE"}
    abstract = (
        "In this paper, we present a new neural architectural block for the vision domain, named "
        "Mixing Regionally and Locally (MRL). We also show that our MRL-based network architecture "
        "achieves state-of-the-art performance for H&E histology datasets."
    )
    assert proposals("MRL: Learning to Mix with Attention and Convolutions", abstract) == {
        "Mixing Regionally and Locally"
    }
    abstract = (
        "We propose the Multi-Prize Lottery Ticket Hypothesis: a sufficiently over-parameterized "
        "neural network with random weights contains several subnetworks. We show that our MTL "
        "approach outperforms STL approaches."
    )
    title = "Multi-Prize Lottery Ticket Hypothesis: Finding Accurate Binary Neural Networks by Pruning A Randomly Weighted Network"
    assert proposals(title, abstract) == set()


def test_a_result_claim_after_a_first_clause_about_the_name_is_its_own():
    s = (
        "Owing to the simple yet effective designs with instance activation maps, SparseInst has "
        "extremely fast inference speed and achieves 40 FPS and 37.9 AP on the COCO benchmark."
    )
    assert ("SparseInst", "result-subject") in proposed(s)
