import pytest

from loaders.extract.benchmarks import find_mentions
from loaders.extract.gazetteer import load_gazetteer


def found(sentence):
    return [(m.name, m.rule) for m in find_mentions(sentence, load_gazetteer())]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We evaluate on the Foo-Net benchmark.", [("Foo-Net", "pattern-noun")]),
        ("Results on the Long Range Arena benchmark.", [("Long Range Arena", "gazetteer")]),
        (
            "on the SemanticKITTI (59.5@5%) and ScribbleKITTI (58.1@5%) benchmark datasets",
            [("SemanticKITTI", "gazetteer"), ("ScribbleKITTI", "pattern-noun")],
        ),
        (
            "multiple datasets (CIFAR-10, ImageNet and HAR-2).",
            [("CIFAR-10", "gazetteer"), ("ImageNet", "gazetteer"), ("HAR-2", "pattern-list")],
        ),
        (
            "It also achieves comparable performance on MegaVideoBench.",
            [("MegaVideoBench", "pattern-suffix")],
        ),
        (
            "Experiments on the Aider Polyglot and SWE-Bench with frontier models.",
            [("Aider Polyglot", "pattern-coordination"), ("SWE-bench", "gazetteer")],
        ),
        ("We conduct experiments on the PIE dataset using CodeT5.", [("PIE", "pattern-noun")]),
    ],
)
def test_finds_benchmarks(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Extensive experiments on benchmark datasets show gains.",
        "We release our dataset and code.",
        "Experiments on several standard benchmarks confirm this.",
        "In comprehensive evaluation on 6 mathematical benchmarks, DART-MATH outperforms rejection tuning.",
        "We build on the Transformer and evaluate on public datasets.",
        "based on PVTv2-B0 and ImageNet-1K, our model is efficient.",
        "Large language models (LLMs) handle question answering (QA).",
    ],
)
def test_no_unknown_names_invented(sentence):
    assert [n for n, rule in found(sentence) if rule != "gazetteer"] == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Guanaco outperforms all previous models on the Vicuna benchmark, reaching 99.3% of ChatGPT.",
            [("Vicuna", "pattern-the-noun")],
        ),
        ("We also report results on the Foodie dataset.", [("Foodie", "pattern-the-noun")]),
    ],
)
def test_the_capitalised_word_noun_fires(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We translate sentences from the English dataset into German.",
        "The Standard benchmark is sentence-initial and generic.",
        "On the Transformer benchmark of the previous section we see gains.",
        "results on the same benchmark are lower",
        "We train on the Chinese corpus.",
    ],
)
def test_the_capitalised_word_noun_does_not_fire(sentence):
    assert found(sentence) == []


def test_a_shared_task_is_the_benchmark_not_its_venues_year():
    # real sentences of results_tune.json's tuning half (pwc-methods-fresh)
    s = (
        "The methodology and results of our team, UTNLP, in the SemEval-2022 shared task 6 on "
        "sarcasm detection are presented in this paper."
    )
    assert found(s) == [("SemEval-2022 Task 6", "pattern-shared-task")]
    s = (
        "The ensemble of COVID-Twitter-BERT and RoBERTa obtains a F1-score of 0.9096 (on the "
        "positive class) on the test data of WNUT-2020 Task 2 and ranks 1 on the leaderboard."
    )
    assert ("WNUT-2020 Task 2", "pattern-shared-task") in found(s)
    # a task the gazetteer lists keeps its entry
    assert found("We report results on SemEval-2010 Task 8.") == [
        ("SemEval-2010 Task 8", "gazetteer")
    ]
