import pytest

from loaders.extract.mentions import find_method_mentions


def mentions(sentence, excluded=()):
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set(excluded))]


def test_named_methods_used_and_compared():
    assert mentions(
        "Prevailing solutions, such as Multi-Query Attention (MQA) and Grouped-Query Attention (GQA), share keys."
    ) == [("Multi-Query Attention", False), ("Grouped-Query Attention", False)]
    # the subject before "than" is not what the sentence compares against ("Our TinyNet" is the
    # paper's own)
    assert mentions("Our TinyNet performs better than EfficientNet and MobileNetV3.") == [
        ("EfficientNet", True),
        ("MobileNetV3", True),
    ]
    assert ("QAOA", False) in mentions("We generate QAOA circuits with fine-tuned models.")
    assert mentions("The breakthrough FlashAttention algorithm revealed I/O complexity.") == [
        ("FlashAttention", False)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Large language models (LLMs) and reinforcement learning (RL) are popular.",
        "Pruning and quantization reduce GPU memory and FLOPs.",
        "It reaches 80 mIoU and a BLEU of 30 on 3D data.",
        "We ran it on NVIDIA H100 GPUs from OpenAI and Google.",
        "These diffusion probabilistic models (DPMs) are slow.",
        "The LLM-based approach uses a transformer.",  # lower case: the generic word
    ],
)
def test_generic_concepts_are_not_methods(sentence):
    assert mentions(sentence) == []


def test_excluded_forms_are_skipped():
    assert mentions("We propose SliceGPT and compare with SparseGPT.", {"slicegpt"}) == [
        ("SparseGPT", True)
    ]


def test_a_name_bracketed_after_what_the_paper_develops_is_its_own():
    s = (
        "First, we develop a vector quantized variational autoencoder with SNNs (VQ-SVAE) to "
        "learn a discrete latent space for images."
    )
    own: set[str] = set()
    assert find_method_mentions(s, set(), own=own) == [] and own == {"VQ-SVAE"}


def test_a_kind_of_transformer_is_not_the_transformer():
    s = (
        "The major limitation of the current dual-path Transformer models is the inefficient "
        "modelling of long-range elemental interactions and local feature patterns."
    )
    assert "Transformer" not in [m.name for m in find_method_mentions(s, set())]
    s = (
        "In contrast, the proposed DADF presents a new paradigm: it firstly leverages a "
        "pre-trained network to acquire multi-scale prior embeddings, followed by the development "
        "of a vision Transformer with dual attention mechanisms."
    )
    assert "Transformer" not in [m.name for m in find_method_mentions(s, set())]
    s = "We explore the application of very deep Transformer models for Neural Machine Translation (NMT)."
    assert "Transformer" in [m.name for m in find_method_mentions(s, set())]
