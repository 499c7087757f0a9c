"""Every helper and view finds a node by every reference the resolver accepts: five spellings of
one method and one benchmark (the spellings the extractor merges into one key), and an arXiv URL,
an upper-case DOI and a Hugging Face URL for one paper; on both stores."""

from __future__ import annotations

import inspect
import typing

import pytest

import queries
from kg.errors import AmbiguousError, NotFoundError
from kg.keys import benchmark_key, method_key
from kg.views.select import ego
from queries._rows import Entity
from tests.queries.query_fixture import GLUE, IMAGENET, LORA

#: spellings of one method: case, plural, an alias, the alias with spaces for its hyphen
METHOD_SPELLINGS = ["LoRA", "lora", "LoRAs", "low-rank adaptation", "Low Rank Adaptation"]
#: spellings of one benchmark: case, hyphen, a head noun, an alias
BENCHMARK_SPELLINGS = ["ImageNet", "imagenet", "Image-Net", "ImageNet dataset", "ilsvrc"]
#: one paper (s2:L1) by arXiv URL, upper-case DOI and Hugging Face URL
PAPER_SPELLINGS = [
    "https://arxiv.org/abs/2301.00001v3",
    "DOI:10.1000/SPARSE.L1",
    "https://huggingface.co/papers/2301.00001",
]
SPELLINGS = {
    "method": (LORA, METHOD_SPELLINGS),
    "benchmark": (IMAGENET, BENCHMARK_SPELLINGS),
    "paper": ("s2:L1", PAPER_SPELLINGS),
}
LABELS = {"paper": "Paper", "method": "Method", "benchmark": "Benchmark"}


def test_the_fixture_keys_are_the_extractors():
    assert {method_key(s) for s in METHOD_SPELLINGS[:3]} == {LORA}
    assert {benchmark_key(s) for s in BENCHMARK_SPELLINGS[:4]} == {IMAGENET}


@pytest.mark.parametrize("kind", list(SPELLINGS))
def test_resolve_finds_every_spelling(kb, kind):
    key, spellings = SPELLINGS[kind]
    for text in spellings:
        assert kb.resolve(LABELS[kind], text).key == key, text


def _entity_params(fn) -> dict[str, str]:
    """The node-naming parameters of a helper and the kind of node each names."""
    hints = typing.get_type_hints(fn, include_extras=True)
    found = {}
    for name in list(inspect.signature(fn).parameters)[1:]:
        hint = hints.get(name)
        for part in [hint, *typing.get_args(hint)]:
            for extra in getattr(part, "__metadata__", ()):
                if isinstance(extra, Entity):
                    found[name] = extra.kind
    return found


def _calls():
    for name, fn in queries.helpers().items():
        for param, kind in _entity_params(fn).items():
            if kind in SPELLINGS:
                yield pytest.param(name, param, kind, id=f"{name}-{param}")
    yield pytest.param("paper", "id_or_title", "paper", id="paper-id_or_title")


def _others(fn, param: str) -> dict[str, str]:
    """Keys for the helper's other node parameters (a path needs two ends)."""
    kinds = _entity_params(fn)
    other = {"paper": "s2:U1", "author": "s2:A1", "method": LORA, "benchmark": GLUE}
    required = [
        p
        for p, spec in list(inspect.signature(fn).parameters.items())[1:]
        if spec.default is inspect.Parameter.empty and p != param
    ]
    return {p: other[kinds[p]] for p in required if p in kinds}


@pytest.mark.parametrize(("helper", "param", "kind"), list(_calls()))
def test_every_helper_answers_every_spelling_as_the_key(kb, helper, param, kind):
    fn = queries.helpers()[helper]
    key, spellings = SPELLINGS[kind]
    others = _others(fn, param)
    expected = fn(kb, **{param: key}, **others)
    for text in spellings:
        assert fn(kb, **{param: text}, **others) == expected, text


def test_the_spellings_find_rows_not_just_equal_empties(kb):
    assert [b.key for b in queries.methods.benchmarks_for(kb, "Low Rank Adaptation")] == [GLUE]
    assert [p.key for p in queries.methods.papers_proposing(kb, "LoRAs")] == ["s2:U4"]
    assert [m.name for m in queries.methods.methods_on(kb, "Image-Net")] != []
    assert queries.methods.leaderboard(kb, "ImageNet dataset")[0].paper == "s2:L4"
    assert [p.key for p in queries.papers.paper(kb, "DOI:10.1000/SPARSE.L1")] == ["s2:L1"]
    assert queries.citations.references(kb, "https://huggingface.co/papers/2301.00001") != []


@pytest.mark.parametrize("kind", ["paper", "method"])
def test_the_ego_view_takes_every_spelling(kb, kind):
    key, spellings = SPELLINGS[kind]
    expected = set(ego(kb, **{kind: key}).nodes)
    assert len(expected) > 1
    for text in spellings:
        assert set(ego(kb, **{kind: text}).nodes) == expected, text


def test_unknown_and_ambiguous_references_say_so(kb):
    with pytest.raises(NotFoundError, match="no benchmark matches 'CIFAR 11'"):
        kb.resolve("Benchmark", "CIFAR 11")
    kb.cypher(
        "CREATE (:Paper {key: 's2:twin', s2_id: 'twin', title: 'Adam Optimizer', "
        "title_norm: 'adam optimizer'})"
    )
    with pytest.raises(AmbiguousError, match="2 papers match 'adam optimizer'.*use an id"):
        kb.resolve("Paper", "adam optimizer")
    assert kb.resolve("Paper", "s2:U2").title == "Adam Optimizer"
