"""The faster scans of the extractor find what the patterns they stand in for find."""

import pytest

from benchmarks.extract import example_papers
from loaders.extract.extractor import _paper_sentences
from loaders.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from loaders.extract.mentions import _COINED, coined_tokens

#: shapes at the edges of the patterns: names after hyphens, dots, underscores and plus signs,
#: lower-case names beside capitalised ones, no capital at all
EDGES = [
    "",
    "no capital or digit here.",
    "We use GPT-4, x-Align and t.Foo but not Mixed or x_Foo.",
    "a-B c.D e--F g..H iJ kLm-N 3D 2x (ViT-B/16) C++ C++abcD x.yZ éFoo the_Foo _Bar",
    "on ogbn-arxiv, e-SNLI and iNaturalist (x-Y) with mini-ImageNet and (mini-ImageNet)",
    "nocaps nocapsX nocaps1 nocaps-2 (nocaps) a tiered-ImageNet b ogbn-papers100M.",
    "the needle-in-a-haystack tests, text8 and i2b2",
]


def sentences() -> list[str]:
    return [s for p in example_papers() for s in _paper_sentences(p)] + EDGES


def test_coined_tokens_are_the_coined_pattern_matches():
    for sentence in sentences():
        expected = [m.span(1) for m in _COINED.finditer(sentence)]
        assert [m.span(1) for m in coined_tokens(sentence)] == expected, sentence


@pytest.mark.parametrize(
    "gazetteer",
    [
        load_gazetteer(),
        # a lower-case first word holding a character names stand after: the pattern itself
        Gazetteer([Entry("nocaps", "dataset", ("x:y data",))]),
        Gazetteer([Entry("ImageNet", "dataset", ())]),
    ],
)
def test_start_spans_are_the_start_pattern_matches(gazetteer):
    for sentence in sentences() + ["the x:y data and nocaps", "a-x:y"]:
        expected = [m.span() for m in gazetteer._starts().finditer(sentence)]
        assert gazetteer._start_spans(sentence) == expected, sentence


def test_lower_case_vocabulary_names_are_the_pattern_matches():
    from loaders.extract.known_methods import _lower_case_names, find_known

    pattern, _ = _lower_case_names()
    for sentence in sentences() + ["k-means, xk-means, i-vectors and scikit-learn (timm)"]:
        expected = [(m.start(), m.group(0)) for m in pattern.finditer(sentence)]
        assert [k for k in find_known(sentence) if k[1][:1].islower()] == expected, sentence
