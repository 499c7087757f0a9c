"""Proposals named after a description of the thing, defined as new in an apposition, one coined
word before the noun of what it is, and questions that propose nothing (real sentences from
results_tune.json's tuning half, pwc-methods-tune3)."""

from __future__ import annotations

from loaders.extract.names import is_generic
from loaders.extract.proposed import from_sentence
from tests.loaders.extract_proposed import proposed


def test_a_name_written_after_a_lower_case_description_is_proposed():
    s = (
        "In this paper, we propose a new approach, DIVERSE (Diverse Verifier on Reasoning Step), "
        "to further advance their reasoning capability."
    )
    assert ("DIVERSE", "propose-described") in proposed(s)
    s = (
        "In order to boost network convergence of DCGAN (Deep Convolutional Generative "
        "Adversarial Networks) [2] and achieve good-looking high-resolution results we propose a "
        "new layered network structure, HDCGAN, that incorporates current state-of-the-art "
        "techniques for this effect."
    )
    assert ("HDCGAN", "propose-described") in proposed(s)


def test_a_listed_method_after_a_description_is_not_proposed():
    s = "We propose a simple baseline, ResNet-50, that is trained longer."
    assert all(rule != "propose-described" for _, rule in proposed(s))


def test_a_definition_an_apposition_calls_new_is_proposed_even_in_lower_case():
    s = (
        "Our first contribution is temporal segment network (TSN), a novel framework for "
        "video-based action recognition."
    )
    assert ("temporal segment network", "new-apposition") in proposed(s)
    s = "Unlike deep Q-network (DQN), a new agent we train learns from pixels."
    assert all(rule != "new-apposition" for _, rule in proposed(s))


def test_one_coined_word_before_the_noun_of_what_it_is_is_proposed():
    s = "To localize each sub-graph, we also design an SGAlign layer to embed each sub-graph into the Euclidean space."
    assert ("SGAlign", "propose-object") in proposed(s)


def test_a_question_proposes_nothing():
    s = (
        "Can we automatically design a Convolutional Network (Con-vNet) with the highest image "
        "classification accuracy under the latency constraint of a mobile device?"
    )
    assert proposed(s) == []


def test_a_short_form_broken_by_a_line_end_hyphen_is_still_generic():
    assert is_generic("Convolutional Network", "Con-vNet")
    assert not is_generic("Grouped-Query Attention", "GQA")


def test_the_proposed_method_opening_a_coordination_is_not_a_benchmark():
    from kg.model import Paper
    from loaders.extract.extractor import extract_paper

    paper = Paper(
        key="t:parc",
        title="ParC-Net: Position Aware Circular Convolution with Merits from ConvNets and Transformer",
        abstract=(
            "For classification on ImageNet-1k, ParC-Net achieves 78.6% top-1 accuracy with about "
            "5.0 million parameters. On MS-COCO object detection and PASCAL VOC segmentation "
            "tasks, ParC-Net also shows better performance."
        ),
    )
    ex = extract_paper(paper)
    assert {b.name for b in ex.benchmarks} >= {"ImageNet"}
    assert all(b.key != "parcnet" for b in ex.benchmarks)


def test_our_detector_namely_a_name_is_proposed():
    s = (
        "Experimental results show that with the help of NMS-Loss, our detector, namely NMS-Ped, "
        "achieves impressive results with Miss Rate of 5.92% on Caltech dataset."
    )
    assert "NMS-Ped" in {name for name, _ in proposed(s)}


def test_a_hyphenated_capitalised_name_after_a_dash_is_proposed():
    s = (
        "Contrarily, we propose a new paradigm – Propose-Reduce, to generate complete sequences "
        "for input videos by a single step."
    )
    assert ("Propose-Reduce", "propose-described") in proposed(s)


def test_the_proposed_name_anywhere_in_a_sentence_is_proposed():
    s = (
        "The experimental results demonstrate that our proposed FFA-Net surpasses previous "
        "state-of-the-art single image dehazing methods by a very large margin."
    )
    assert ("FFA-Net", "our-name") in proposed(s)
    s = (
        "Experiments show that the proposed FFA-Net surpasses previous state-of-the-art single "
        "image dehazing methods."
    )
    assert ("FFA-Net", "our-name") in proposed(s)


def test_the_proposed_formalism_parsers_are_not_a_name_of_the_paper():
    s = (
        "As HPSG encodes both constituent and dependency structure information, the proposed "
        "HPSG parsers may be regarded as a sort of joint decoder for both types of structures."
    )
    assert all(name != "HPSG" for name, _ in proposed(s))


def test_we_call_this_approach_a_name():
    assert ("FooNet", "named") in proposed("We call this approach FooNet.")
    s = "We name this plain Transformer-based Weakly-supervised learning framework WeakTr."
    assert [name for name, _ in proposed(s)] == ["WeakTr"]


def test_an_image_file_pasted_into_a_title_is_no_name():
    from loaders.extract.proposed import from_title

    title = "BEATsicon.png: Audio Pre-Training with Acoustic Tokenizers"
    assert from_title(title, "We propose BEATs, an iterative audio pre-training framework.") == []


def proposals(title: str, abstract: str) -> list[tuple[str, list[str]]]:
    from kg.model import Paper
    from loaders.extract.extractor import extract_paper

    ex = extract_paper(Paper(key="t:p", title=title, abstract=abstract))
    names = {m.key: m for m in ex.methods}
    return [
        (names[r.dst].name, names[r.dst].aliases or [])
        for r in ex.relationships
        if r.type == "PROPOSES"
    ]


def test_an_acronym_spelled_by_capitals_inside_the_words_is_defined():
    from loaders.extract.names import acronym_definitions

    s = (
        "In this paper, we introduce the numEricaL reASoning with adapTive symbolIc Compiler "
        "(ELASTIC) model, which is constituted of the RoBERTa as the Encoder."
    )
    assert [(d.long, d.short) for d in acronym_definitions(s)] == [
        ("numEricaL reASoning with adapTive symbolIc Compiler", "ELASTIC")
    ]


def test_a_name_run_cut_short_is_one_proposal_with_its_long_form():
    title = "MINA: Multilevel Knowledge-Guided Attention for Modeling Electrocardiography Signals"
    abstract = (
        "In this work, we propose MultIlevel kNowledge-guided Attention networks (MINA) that "
        "predict heart diseases from ECG signals with intuitive explanation."
    )
    found = proposals(title, abstract)
    assert len(found) == 1 and "MINA" in found[0][1]


def test_a_later_name_on_the_same_coined_stem_is_a_variant():
    title = "Dilated SpineNet for Semantic Segmentation"
    abstract = (
        "By further leveraging dilated convolution operations, we propose SpineNet-Seg, a network "
        "discovered by NAS. In particular, our SpineNet-S143+ model achieves the new "
        "state-of-the-art on the popular Cityscapes benchmark at 83.04% mIoU."
    )
    found = proposals(title, abstract)
    assert [name for name, _ in found] == ["SpineNet-Seg"]
    assert "SpineNet-S143+" in found[0][1]


def test_the_authors_earlier_work_is_not_proposed_again():
    s = (
        "Our previously proposed MetricGAN was designed to optimize objective metrics by "
        "connecting the metric with a discriminator."
    )
    assert all(name != "MetricGAN" for name, _ in proposed(s))


def test_generic_words_joined_by_a_hyphen_are_generic():
    assert is_generic("graph-convolutional network")
    assert not is_generic("Grouped-Query Attention")


def test_a_course_code_opening_a_name_is_no_proposal():
    s = (
        "In our CS224N Final Project, we utilized the fine-tuned ALBERT models and implemented "
        "combinations of additional layers on top of them."
    )
    assert all(not name.startswith("CS224N") for name, _ in proposed(s))


def test_a_named_part_opening_an_enumerating_sentence_is_proposed():
    s = (
        "First, Dynamic Token Merging (DToMe) reduces the number of visual token embeddings by "
        "merging similar tokens based on image complexity."
    )
    assert ("Dynamic Token Merging", "enumerated-component") in proposed(s)
    s = "First, Faster R-CNN (FRCNN) detects the objects."
    assert all(rule != "enumerated-component" for _, rule in proposed(s))


def test_a_quoted_name_in_a_proposal_is_proposed():
    s = (
        'Therefore, we propose the differentiable "epipolar transformer", which enables the 2D '
        "detector to leverage 3D-aware features to improve 2D pose estimation."
    )
    assert ("epipolar transformer", "propose-quoted") in proposed(s)
    s = 'We propose a "plug-and-play" module that improves detectors.'
    assert all(rule != "propose-quoted" for _, rule in proposed(s))


def test_a_bracketed_name_before_the_noun_of_what_it_is_is_proposed():
    s = (
        "We further introduce the Token Information Density (TokDense) metric and formalize "
        "fixed-length and adaptive-length subtasks."
    )
    assert ("TokDense", "propose-paren-thing") in proposed(s)
    s = (
        "To overcome these disadvantages, we employ the power set encoding and propose the "
        "overlap-aware EEND (EEND-OLA) model, in which speaker overlaps can be modeled explicitly."
    )
    found = {c.name: c.aliases for c in from_sentence(s)}
    assert found["EEND-OLA"] == ("EEND-OLA", "overlap-aware EEND")
