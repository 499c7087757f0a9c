"""Which names of other methods are kept: the Transformer architecture, 3D-prefixed names,
task acronyms and defined generic phrases out, benchmarks not taken for methods (real sentences
from results_tune.json's tuning half)."""

from __future__ import annotations

import pytest

from kg.model import ComparesWith, Paper, Uses
from loaders.extract import extract_paper
from loaders.extract.mentions import find_method_mentions


def names(sentence: str) -> list[str]:
    return [m.name for m in find_method_mentions(sentence, set())]


def related(abstract: str) -> set[str]:
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    return {r.dst for r in ex.relationships if isinstance(r, (Uses, ComparesWith))}


@pytest.mark.parametrize(
    "sentence",
    [
        "We explore the application of very deep Transformer models for Neural Machine Translation.",
        "Recent research trends have proven that the Transformer Encoder blocks aggregate temporal information.",
        "We show that it is feasible to build standard Transformer-based models with up to 60 encoder layers.",
    ],
)
def test_the_transformer_architecture_is_a_used_method(sentence):
    assert "Transformer" in names(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the tail of another name, a plural, the paper's own
        "It improves the generalization capabilities of Vision Transformer (ViT).",
        "Recent studies show that Vision Transformers (ViTs) exhibit strong robustness.",
        "Here, we propose an instance segmentation Transformer, termed ISTR, which is the first end-to-end framework.",
    ],
)
def test_transformer_inside_other_names_is_not_the_architecture(sentence):
    assert "Transformer" not in names(sentence)


def test_a_3d_prefix_belongs_to_the_name():
    s = "With the commonly used 3D ResNet-18 architecture with UCF101 pretraining, we achieve 82.4% top-1 accuracy."
    assert "3D ResNet-18" in names(s)


@pytest.mark.parametrize(
    "sentence, noise",
    [
        (
            "To facilitate further research in Very Deep Transformers for NMT, we release the code.",
            "NMT",
        ),
        ("Existing I2I methods based on SDE ignore the realism of the images.", "I2I"),
        (
            "NMS-Loss punishes two False Positives (FP) and False Negatives (FN) in NMS.",
            "False Positives",
        ),
    ],
)
def test_task_acronyms_and_counts_are_not_methods(sentence, noise):
    assert noise not in names(sentence)


def test_a_name_that_starts_a_benchmark_of_the_paper_is_not_a_method():
    abstract = (
        "We evaluate on the CoNLL-2014 test set. Our GEC system outperforms all CoNLL systems "
        "and reaches human-level performance."
    )
    assert "conll" not in related(abstract)


def proposed(title: str, abstract: str) -> set[str]:
    ex = extract_paper(Paper(key="p", title=title, abstract=abstract))
    return {r.dst for r in ex.relationships if r.type == "PROPOSES"}


def test_a_known_benchmark_read_from_a_weak_cue_is_not_proposed():
    abstract = (
        "Our model is trained on over 200,000 CXRs of the recently released CheXpert dataset and "
        "achieves a mean area under the curve (AUC) of 0.940 in predicting 5 selected pathologies."
    )
    assert "chexpert" not in proposed("Interpreting chest X-rays via CNNs", abstract)
    abstract = (
        "Specifically, in the condition where no external data is used, our Human3.6M model "
        "trained with ResNet-50 backbone outperforms the state-of-the-art by 4.23 mm."
    )
    assert "human36m" not in proposed("Epipolar Transformers", abstract)


def test_a_task_before_the_title_colon_is_not_a_method():
    title = "ECG Heartbeat Classification: A Deep Transferable Representation"
    abstract = "We propose a method based on deep convolutional neural networks for ECG heartbeat classification."
    assert "ecgheartbeatclassification" not in proposed(title, abstract)
