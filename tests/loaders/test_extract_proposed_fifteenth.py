"""Proposals of the fifteenth round (sentences of the tuning abstracts)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.proposed import own_subject_proposals
from tests.loaders.extract_proposed import proposals, proposed

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


def test_a_lower_case_part_named_by_its_acronym_before_its_noun_is_proposed():
    s = (
        "Inspired by the success of two-stage hybrid systems, we further propose a novel "
        "Two-stage OverLap-aware Diarization framework (TOLD) by involving a speaker "
        "overlap-aware post-processing (SOAP) model to iteratively refine the results."
    )
    assert ("speaker overlap-aware post-processing", "propose-component") in proposed(s)
    # a listed method's acronym is used, not proposed
    s = "We propose a new tagger (NewTag) by involving a long short-term memory (LSTM) model."
    assert "long short-term memory" not in {name for name, _ in proposed(s)}


def test_a_coined_name_in_brackets_closing_the_object_is_proposed():
    s = (
        "First, we develop a vector quantized variational autoencoder with SNNs (VQ-SVAE) to "
        "learn a discrete latent space for images."
    )
    assert ("VQ-SVAE", "propose-late-bracket") in proposed(s)
    # a bracket after a place or source phrase, or after a comparison, is no name of the object
    assert proposed("We train a detector on the images of ImageNet (ILSVRC2012) to learn.") == []
    assert proposed("We design a model that is faster than YOLOv5 (YOLOv5s) at test time.") == []


# the guards below are tested on sentences written for these tests


def test_a_term_in_use_is_not_named_by_the_paper():
    assert proposed("We study the so-called “lottery cells” (LCs) in pruned networks.") == []
    assert proposed("We suggest using the term “open talk” for these chatbots.") == []
    s = "It uses a pretrained network called InceptionV3 to extract the features of frames."
    assert proposed(s) == []
    # the authors' own naming still counts
    s = "We propose a new pruning scheme called LotteryCell that removes filters."
    assert ("LotteryCell", "named") in proposed(s)


def test_what_a_proposal_is_based_on_is_not_proposed():
    s = "This paper introduces a genetic programming (GP)-based method for tuning controllers."
    assert proposed(s) == []
    assert proposed("We are developing AI-based tools for cardiac imaging in hospitals.") == []


def test_a_participle_as_an_adjective_is_no_proposal_verb():
    s = "We used 41 questions from established ORL study books for the evaluation."
    assert proposed(s) == []


def test_a_cut_off_phrase_or_another_organisations_model_is_no_proposal():
    s = "We explore this using a novel and tightly controlled reasoning test (ART) on humans."
    assert "and tightly controlled reasoning test" not in {n for n, _ in proposed(s)}
    s = "OpenAI’s ChatGPT chatbot (ChatGPT) is a new large language model for dialogue."
    assert proposed(s) == []


def test_an_adjective_before_a_comma_describes_the_noun_further_on():
    s = "We design a simple, Plug-and-Play, zero-parameter regeneration strategy for scans."
    assert "Plug-and-Play" not in {n for n, _ in proposed(s)}


def test_a_title_comparing_a_listed_model_or_studying_it_in_a_field_names_no_method():
    abstract = "We compare ChatGPT and human consultants on case questions."
    assert proposals("ChatGPT Versus Consultants: A Blinded Evaluation", abstract) == set()
    assert proposals("ChatGPT and Medicine: Together Into the Future", abstract) == set()


def test_a_name_before_a_colon_or_a_dash_and_a_description_is_proposed():
    s = "We propose Falcon: an efficient model for long inputs."
    assert ("Falcon", "propose-object") in proposed(s)
    s = "We introduce Lumen - a novel data mixture strategy for instruction tuning."
    assert ("Lumen", "propose-object") in proposed(s)
    # a plain word with no description after it, or with "as a" role, is still no name
    assert proposed("We propose Vincent to tag videos.") == []
    assert proposed("We propose Wikipedia as a source of supervision.") == []


def test_capitalised_words_after_the_description_of_a_new_thing_are_proposed():
    s = (
        "Besides, we propose a novel pre-training objective, Layer Permutation Language "
        "Modeling, to pre-train the model by permuting the exit layer for each token."
    )
    assert ("Layer Permutation Language Modeling", "propose-described") in proposed(s)
    # without "new" or "novel", or for a task, capitalised words are not taken
    s = "We propose a pre-training objective, Layer Permutation Language Modeling, to pre-train."
    assert proposed(s) == []
    s = "We propose a novel model, Named Entity Recognition, to tag the entities."
    assert "Named Entity Recognition" not in {n for n, _ in proposed(s)}


def test_our_platform_or_application_named_after_the_noun_is_proposed():
    s = "We developed our own application, MediChat, utilizing a large language model."
    assert ("MediChat", "our-thing") in proposed(s)


def test_a_coined_name_in_brackets_after_what_we_train_is_proposed():
    s = (
        "We then train a specialized difficult problem generator (DiffGen-8B) on this filtered "
        "difficult data, which can produce new difficult problems."
    )
    assert ("DiffGen-8B", "train-bracket") in proposed(s)
    # a citation or a listed method in brackets is not
    assert proposed("We train a ResNet-50 (He et al.) on the filtered images.") == []
    assert proposed("We train a vision encoder (ViT) on the filtered images.") == []


def test_a_name_proposed_in_the_passive_after_this_paper_or_before_its_noun():
    s = "In this paper, a Multi-Task Meta-Learning (MTML) approach is proposed to tag tweets."
    assert ("Multi-Task Meta-Learning", "passive") in proposed(s)
    s = "In this paper, FastTrack is proposed to follow players in crowded scenes."
    assert ("FastTrack", "passive") in proposed(s)
    # a listed method, or someone else's method in the past tense, is not
    assert proposed("In this paper, BERT is proposed as the encoder of the tagger.") == []
    assert proposed("In 2019, FastTrack was proposed to follow players.") == []


def test_a_title_acronym_writing_to_as_2_is_the_long_form_proposed_in_the_abstract():
    title = (
        "P2P: Tuning Pre-trained Image Models for Point Cloud Analysis with "
        "Point-to-Pixel Prompting"
    )
    abstract = (
        "We conduct extensive experiments to demonstrate that cooperating with our proposed "
        "Point-to-Pixel Prompting, better pre-trained image model will lead to consistently "
        "better performance in 3D vision."
    )
    paper = Paper(key="p", title=title, abstract=abstract)
    ex = extract_paper(paper)
    proposed_keys = {r.dst for r in ex.relationships if r.type == "PROPOSES"}
    assert len(proposed_keys) == 1
    (method,) = [m for m in ex.methods if m.key in proposed_keys]
    assert {"P2P", "Point-to-Pixel Prompting"} <= set(method.aliases)


def test_new_parts_listed_in_lower_case_after_a_colon_are_proposed():
    s = (
        'We improve the recently-proposed "MixMatch" semi-supervised learning algorithm by '
        "introducing two new techniques: distribution alignment and augmentation anchoring."
    )
    assert proposed(s) == [
        ("distribution alignment", "new-listed"),
        ("augmentation anchoring", "new-listed"),
    ]
    # descriptions with articles, or a list of what is not new, are no names
    s = "We introduce two new modules: a temporal encoder and a spatial decoder."
    assert proposed(s) == []
    s = "We evaluate two existing techniques: distribution alignment and label smoothing."
    assert proposed(s) == []


def test_a_person_or_an_us_that_is_not_the_verbs_subject_proposes_nothing():
    abstract = "Linda C. Smith taught library science for fifty years."
    assert proposals("Linda C. Smith: Fifty Years of Library Science", abstract) == set()
    s = "This strategy tells us little about the ability to develop Digital Sovereignty, so far."
    assert proposed(s) == []
    # "leads us to propose", "lets us develop": "us" is the subject
    assert ("Cap4Video", "propose-object") in proposed(
        "This motivates us to propose Cap4Video, a new framework that leverages captions."
    )
    assert ("FastNet", "propose-object") in proposed("It lets us develop FastNet, a new model.")


IMAGE_TRANSFORMER = (
    "In this work, we generalize a recently proposed model architecture based on "
    "self-attention, the Transformer, to a sequence modeling formulation of image generation "
    "with a tractable likelihood. While conceptually simple, our generative models "
    "significantly outperform the current state of the art in image generation on ImageNet."
)


def test_a_whole_title_naming_a_model_of_a_family_is_proposed_when_the_abstract_has_its_own():
    assert proposals("Image Transformer", IMAGE_TRANSFORMER) == {"Image Transformer"}
    # no model of the authors' in the abstract, or a title that is a study: no name
    assert proposals("Image Transformer", IMAGE_TRANSFORMER.replace("our ", "these ")) == set()
    assert proposals("Subspace Diffusion Generative Models", IMAGE_TRANSFORMER) == set()


def test_a_name_ending_in_the_initials_of_the_title_names_last_words_is_one_proposal():
    title = "Fast-Slow Recurrent Neural Networks"
    abstract = (
        "We propose a novel recurrent neural network (RNN) architecture, the Fast-Slow RNN "
        "(FS-RNN). Our FS-RNN model reaches 1.19 bits-per-character on Penn Treebank."
    )
    paper = Paper(key="p", title=title, abstract=abstract)
    ex = extract_paper(paper)
    proposed_keys = {r.dst for r in ex.relationships if r.type == "PROPOSES"}
    assert len(proposed_keys) == 1
    (method,) = [m for m in ex.methods if m.key in proposed_keys]
    assert {title, "Fast-Slow RNN", "FS-RNN"} <= set(method.aliases)


def test_what_propose_to_does_it_with_named_before_its_noun_is_proposed():
    s = (
        "Secondly, we propose to enhance the major deep learning models with a label embedding "
        "(LE) initialisation approach, which learns a dense, continuous vector representation."
    )
    assert ("label embedding", "propose-to-acronym") in proposed(s)
    # kept when the title names it too
    title = "Explainable Coding using Attention Networks and Label Embedding Initialisation"
    assert "label embedding" in proposals(title, s)
    assert "label embedding" not in proposals("Explainable Coding using Attention Networks", s)
    # a listed method, or one set against the proposal, is not
    s = "We propose to enhance the models with a long short-term memory (LSTM) layer."
    assert "long short-term memory" not in {n for n, _ in proposed(s)}
    s = "We propose to replace, unlike earlier work, the label embedding (LE) layer."
    assert "label embedding" not in {n for n, _ in proposed(s)}


def test_a_new_coined_name_in_lower_case_opening_a_sentence_is_proposed():
    s = (
        "A new multitask-AQA dataset, the largest to date, comprising of 1412 diving samples "
        "was collected to evaluate our approach."
    )
    assert ("multitask-AQA", "novel-thing") in proposed(s)
    # a plain lower-case word after "a new" is no name
    s = "A new multitask dataset, the largest to date, was collected to evaluate our approach."
    assert proposed(s) == []


def test_a_coined_name_the_code_repository_is_named_after_is_proposed():
    from loaders.extract.proposed import from_repository

    sentences = [
        "Extensive experiments demonstrate that PoseAug brings clear improvements on both "
        "intra-scenario and cross-scenario datasets.",
        "Code can be found at: https://github.com/jfzhang95/PoseAug.",
    ]
    assert [(c.name, c.rule) for c in from_repository(sentences)] == [
        ("PoseAug", "repository-name")
    ]
    # a name written only where the code is pointed to, or a listed method, is not
    assert from_repository(sentences[1:]) == []
    other = ["We fine-tune ResNet-50 on the images.", "Code: https://github.com/a/ResNet-50."]
    assert from_repository(other) == []


def test_a_hyphenated_acronym_of_every_part_of_the_title_name_is_one_proposal():
    title = "Generalized Source-free Domain Adaptation"
    abstract = (
        "In this paper, we propose a new domain adaptation paradigm called Generalized "
        "Source-free Domain Adaptation, where the learned model needs to perform well on both "
        "the target and source domains. Extensive experiments show that G-SFDA reaches "
        "state-of-the-art results. Code is available at https://github.com/Albert0147/G-SFDA."
    )
    paper = Paper(key="p", title=title, abstract=abstract)
    ex = extract_paper(paper)
    proposed_keys = {r.dst for r in ex.relationships if r.type == "PROPOSES"}
    assert len(proposed_keys) == 1
    (method,) = [m for m in ex.methods if m.key in proposed_keys]
    assert {title, "G-SFDA"} <= set(method.aliases)


def test_a_title_setting_two_things_side_by_side_names_no_method():
    for title in (
        "CLIP as RNN: Segmenting Concepts without Training",
        "ReST meets ReAct: Self-Improvement for Agents",
        "KAN or MLP: A Fairer Comparison",
        "LLaMA Beyond English: A Study of Transfer",
        "CERN for AGI: A Framework for Testing",
        "ReLU's Revival: On Normalization-Free Models",
        "LLM-Powered Grapheme-to-Phoneme Conversion: A Case Study",
    ):
        assert from_title_names(title) == [], title
    # a name alone before the colon still is one
    assert from_title_names("SparseNet: Sparse Networks for Images") == ["SparseNet"]


def test_a_title_name_loses_its_article_and_technical_report():
    assert from_title_names("Phi-9 Technical Report: A Small Model") == ["Phi-9"]
    assert from_title_names("The FinBench: A Financial Benchmark") == ["FinBench"]


def from_title_names(title: str) -> list[str]:
    from loaders.extract.proposed import from_title

    return [c.name for c in from_title(title, "")]


def test_what_a_proposal_is_built_on_or_a_listed_name_after_a_new_is_not_proposed():
    s = "We propose a framework built upon the Segment Anything Model (SAM) for medical images."
    assert proposed(s) == []
    s = "We propose a Dual-Branch Transformer (DBT) based on self-attention."
    assert ("Dual-Branch Transformer", "propose-acronym") in proposed(s)
    # capitalised words right after "a new", with no modifier or coined word, may be listed
    assert proposed("We propose a new Monte Carlo Tree Search for planning.") == []


def test_a_part_or_bracket_name_of_someone_elses_thing_is_not_proposed():
    # a lower-case part without a coined (hyphenated) word is a listed one
    s = "We propose FooNet, which involves a region proposal network (RPN) module and a head."
    assert "region proposal network" not in {n for n, _ in proposed(s)}
    # an object likened to, or made from, another thing names that thing's variant
    assert proposed("We design a tracker similar to the Kalman filter (KF-Track) for speed.") == []
    assert proposed("We propose a model trained with GPT-4 outputs (GPT4-Distill) for math.") == []
    # a model "proposed as" a role is used
    assert proposed("In this paper, GPT-4o is proposed as a judge of the answers.") == []
