import pytest

from loaders.extract.proposed import classify_benchmark, from_sentence, from_title
from tests.loaders.extract_proposed import proposed


@pytest.mark.parametrize(
    "title, abstract, expected",
    [
        ("LMUFormer: Low Complexity Yet Powerful Spiking Model", "", "LMUFormer"),
        ("SliceGPT: Compress Large Language Models", "", "SliceGPT"),
        ("ECA-Net: Efficient Channel Attention", "", "ECA-Net"),
        ("Sparse Query Attention (SQA): An Efficient Attention", "", "Sparse Query Attention"),
        (
            "Mamba: Linear-Time Sequence Modeling",
            "We integrate these into Mamba, a simple network.",
            "Mamba",
        ),
        (
            "Prompt Recursive Search: A Living Framework",
            "we conceive a Prompt Recursive Search (PRS) framework",
            "Prompt Recursive Search",
        ),
        ("Probabilistic Partitive Partitioning (PPP)", "", "Probabilistic Partitive Partitioning"),
    ],
)
def test_title_prefix_fires(title, abstract, expected):
    assert [c.name for c in from_title(title, abstract)] == [expected]


@pytest.mark.parametrize(
    "title, abstract",
    [
        ("Less is More: Reducing Task and Model Complexity", "(i.e., Less is More)"),
        ("Survey: Deep Learning for Graphs", ""),
        ("Rethinking Attention: A Study", ""),
        ("Beyond Accuracy: Evaluating Models", "We look beyond accuracy."),
        ("Through the Haze: a Non-Convex Approach", "Through the haze we see."),
        ("Large Language Models (LLMs): A Survey", ""),
        ("Attention Is All You Need", ""),
        ("Mamba: Linear-Time Sequence Modeling", "mamba is a snake."),
    ],
)
def test_title_prefix_does_not_fire(title, abstract):
    assert from_title(title, abstract) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "In this paper we present SliceGPT, a new post-training sparsification scheme.",
            ("SliceGPT", "propose-object"),
        ),
        (
            "To this end, we propose a new binarization paradigm via kernelized hashing, called EcoFormer, to map queries.",
            ("EcoFormer", "named"),
        ),
        (
            "Towards this end, we introduce a customized design for slim DPM, which we term as Spectral Diffusion (SD), for synthesis.",
            ("Spectral Diffusion", "named"),
        ),
        (
            "This paper introduces Sparse Query Attention (SQA), a novel attention architecture.",
            ("Sparse Query Attention", "propose-acronym"),
        ),
        (
            "The iterative nature of this technique, which we dub ``iterative Combinatorial Brain Surgeon'' (iCBS) allows scaling.",
            ("iterative Combinatorial Brain Surgeon", "named"),
        ),
        (
            "This is facilitated via a novel Sparse Depthwise Separable Convolution module that reduces parameters.",
            ("Sparse Depthwise Separable Convolution", "novel-thing"),
        ),
        (
            "Our ConvFirst model with block-fusion kernels has less arithmetic complexity.",
            ("ConvFirst", "our-name"),
        ),
        (
            "Our latent diffusion models (LDMs) achieve a new state of the art.",
            ("latent diffusion models", "our-acronym"),
        ),
        ("To support research, we introduce the aiFlows library.", ("aiFlows", "propose-object")),
        (
            "Additionally, we propose the Identity Loss which decouples scaling.",
            ("Identity Loss", "propose-object"),
        ),
        ("CP-Bench is a new benchmark for constraint modelling.", ("CP-Bench", "apposition")),
    ],
)
def test_proposal_rules_fire(sentence, expected):
    assert expected in proposed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # others' work, generic concepts, no first-person subject
        "Prevailing solutions, such as Multi-Query Attention (MQA) and Grouped-Query Attention (GQA), share keys.",
        "Large language models (LLMs) are increasingly used for code.",
        "We propose a novel vectorized prior.",
        "We propose a new pruning method for large language models (LLMs).",
        "Many researchers have proposed reformulating transformers as RNN modules.",
        "The first involves crafting prompts, hence termed Expert-Designed Prompts (EDPs).",
        "We also present 3 IMO problems solved by our system.",
        "We fine-tune our Llama2-7b model with a 25% pruning ratio.",
        "We propose reinforcement learning for scheduling.",
        "We compare our framework with GPT-4 and Claude.",
    ],
)
def test_proposal_rules_do_not_fire(sentence):
    assert proposed(sentence) == []


def test_proposed_benchmark_is_classified():
    sentence = "This work addresses this gap by introducing CP-Bench, a novel benchmark dataset of problems."
    cands = from_sentence(sentence)
    assert [(c.name, c.benchmark_kind) for c in cands] == [("CP-Bench", "benchmark")]
    assert (
        classify_benchmark(
            "Python Programming Puzzles",
            "release an open-source dataset of Python Programming Puzzles (P3)",
        )
        == "dataset"
    )
    assert (
        classify_benchmark(
            "SliceGPT", "we present SliceGPT, a new sparsification scheme evaluated on benchmarks"
        )
        is None
    )


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a capitalised preposition opening the sentence is not part of the name
        (
            "On HumanEval, a new evaluation set we release to measure correctness, our model solves 28.8%.",
            ("HumanEval", "apposition"),
        ),
        # "releasing" is a proposal verb; "dataset (SA-1B)" names a proposed data set
        (
            "We are releasing the Segment Anything Model (SAM) and corresponding dataset (SA-1B) to foster research.",
            ("SA-1B", "propose-thing-paren"),
        ),
        (
            "We are releasing the Segment Anything Model (SAM) and corresponding dataset (SA-1B) to foster research.",
            ("Segment Anything Model", "propose-acronym"),
        ),
        # the authors name a lower-case long form themselves
        (
            "The new methods, which we call proximal policy optimization (PPO), are simpler.",
            ("proximal policy optimization", "we-name-acronym"),
        ),
        # a single capitalised word the authors name mid-sentence
        (
            "Our best model family, which we name Guanaco, outperforms all open models.",
            ("Guanaco", "named"),
        ),
        # generic words, but a specific acronym of the authors' own
        (
            "Our graph convolutional network (GCN) scales linearly in the number of edges.",
            ("graph convolutional network", "our-specific-acronym"),
        ),
    ],
)
def test_generalised_proposal_rules_fire(sentence, expected):
    assert expected in proposed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On ImageNet, our model reaches 80.1% top-1 accuracy.",
        "In Transformer models, attention is quadratic.",
        "We evaluate our model on the dataset (LAION-5B) and report accuracy.",
        "We train on the released dataset (COCO) with standard settings.",
        "This procedure, which is called reinforcement learning from human feedback (RLHF), is unstable.",
        "They call this proximal policy optimization (PPO) in their work.",
        "Guanaco is a camelid native to South America.",
        "This family, which they name Hydra, was released last year.",
        "Our large language model (LLM) answers questions.",
        "A graph convolutional network (GCN) is used as the encoder.",
        "Our reinforcement learning (RL) agent learns quickly.",
    ],
)
def test_generalised_proposal_rules_do_not_fire(sentence):
    assert proposed(sentence) == []


def test_lower_case_coinage_with_digits_is_a_title_name():
    assert [
        c.name for c in from_title("wav2vec 2.0: A Framework for Self-Supervised Learning", "")
    ] == ["wav2vec 2.0"]
    assert from_title("seq2seq: A Framework for Translation", "") == []


def test_words_spelling_a_metric_acronym_name_the_papers_own_scheme():
    s = (
        "In terms of data imbalance, we designed a minimal random resampling (MRR) scheme to "
        "suppress network overfitting."
    )
    assert proposed(s) == [("minimal random resampling", "propose-acronym")]
    from loaders.extract.names import is_generic

    # a metric or a generic family written out stays generic
    assert is_generic("mean reciprocal rank") and is_generic("Convolutional Neural Network")


def test_an_enumerated_lower_case_part_before_its_noun_is_proposed():
    from loaders.extract.sentences import split_sentences

    text = (
        "With a uniform partition strategy, PCB achieves competitive results with the "
        "state-of-the-art methods, proving itself as a strong convolutional baseline for person "
        "retrieval. (ii) A refined part pooling (RPP) method."
    )
    *_, last = split_sentences(text)
    assert last == "(ii) A refined part pooling (RPP) method."
    assert proposed(last) == [("refined part pooling", "enumerated-component")]
