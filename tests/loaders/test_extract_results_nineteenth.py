"""Result shapes of issue 15's nineteenth round: one benchmark family named with two editions
(language pairs) in one sentence, with a list of as many figures."""

from __future__ import annotations

import pytest

from tests.loaders.extract_results import absolute

#: the two results of the abstracts below, each on its own edition
_PAIRED = [("wmt14englishfrench", "BLEU", 41.2), ("wmt14englishgerman", "BLEU", 29.1)]


@pytest.mark.parametrize(
    "abstract",
    [
        # (written for the test) the sentence opens with the editions, its verb states the
        # figures after: paired in order, as "respectively" would
        "We propose X, a sequence-to-sequence model built on convolutions alone. On the WMT14 "
        "English-German and English-French tasks, X achieves 29.1 and 41.2 BLEU.",
        "We propose X, a sequence-to-sequence model built on convolutions alone. On the WMT'14 "
        "English-German and English-French tasks, X achieves 29.1 and 41.2 BLEU.",
        # ... the figures first, then "on" the editions: the listed pair is the family's other
        # edition, no benchmark of its own
        "We propose X, a sequence-to-sequence model built on convolutions alone. X achieves "
        "29.1 and 41.2 BLEU on the WMT14 English-German and English-French tasks.",
    ],
)
def test_two_figures_on_two_listed_editions_pair_in_order(abstract):
    assert absolute(abstract) == _PAIRED


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # (written for the test) the year written in full, each edition keyed as written
        (
            "On the WMT 2014 English-German and English-French tasks, our model achieves 29.1 "
            "and 41.2 BLEU.",
            [("wmt2014englishfrench", "BLEU", 41.2), ("wmt2014englishgerman", "BLEU", 29.1)],
        ),
        # the pairs written short
        (
            "On WMT14 En-De and En-Fr, our model achieves 29.1 and 41.2 BLEU.",
            [("wmt14ende", "BLEU", 29.1), ("wmt14enfr", "BLEU", 41.2)],
        ),
        # any list of benchmarks opening the sentence, not only editions
        (
            "On CIFAR-10 and CIFAR-100, our model achieves 97.1% and 83.2% accuracy.",
            [("cifar10", "accuracy", 97.1), ("cifar100", "accuracy", 83.2)],
        ),
    ],
)
def test_a_list_opening_the_sentence_pairs_with_the_figures_its_verb_states(abstract, expected):
    assert absolute(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        # (written for the test) three figures, two editions: the counts differ, nothing pairs,
        # and no figure is put on the first edition
        "On the WMT14 English-German and English-French tasks, X achieves 29.1, 30.2 and 41.2 "
        "BLEU.",
        "X achieves 29.1, 30.2 and 41.2 BLEU on the WMT14 English-German and English-French tasks.",
        # one figure on two editions: the sentence does not say which
        "On the WMT14 English-German and English-French tasks, our model achieves 29.1 BLEU.",
        "Our model achieves 29.1 BLEU on the WMT14 English-German and English-French tasks.",
        # the figures are the prior art's
        "On the WMT14 English-German and English-French tasks, the previous best systems reach "
        "28.4 and 41.0 BLEU.",
    ],
)
def test_figures_the_listed_editions_do_not_pair_with_are_on_none(abstract):
    assert absolute(abstract) == []


def test_a_listed_language_pair_is_no_benchmark_of_its_own():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.extractor import _with_years
    from loaders.extract.gazetteer import load_gazetteer

    s = "X achieves 29.1 and 41.2 BLEU on the WMT14 English-German and English-French tasks."
    gazetteer = load_gazetteer()
    mentions = _with_years(s, find_mentions(s, gazetteer), gazetteer, set())
    assert [(m.name, m.surface) for m in mentions] == [
        ("WMT14", "WMT14 English-German"),
        ("WMT14", "WMT14 English-French"),
    ]
