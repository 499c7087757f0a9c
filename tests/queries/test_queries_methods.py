"""queries.methods on both stores, against the fixture's extracted methods and results."""

from __future__ import annotations

import pytest

from queries import methods

INJECTION = "') DETACH DELETE n //"


def test_methods_on(kb):
    assert [(m.name, m.papers) for m in methods.methods_on(kb, "ImageNet")] == [
        ("GNN-X", 1),
        ("Sparse Router", 1),
        ("ViT", 1),
    ]
    assert [m.name for m in methods.methods_on(kb, "glue")] == ["LoRA", "Sparse Router"]


def test_benchmarks_for(kb):
    assert [(b.name, b.kind, b.papers) for b in methods.benchmarks_for(kb, "LoRA")] == [
        ("GLUE", "benchmark", 1)
    ]
    assert [b.key for b in methods.benchmarks_for(kb, "SparseRouter")] == ["glue", "imagenet"]


@pytest.mark.parametrize("name", ["LoRA", "lora", "Low-Rank Adaptation", "low-rank adaptation"])
def test_papers_proposing_by_name_or_alias(kb, name):
    found = methods.papers_proposing(kb, name)
    assert [(p.key, p.evidence) for p in found] == [("s2:U4", "We propose LoRA")]


def test_leaderboard_orders_best_first(kb):
    board = methods.leaderboard(kb, "GLUE", "Accuracy")
    assert [(r.paper, r.value, r.method) for r in board] == [
        ("s2:L3", 89.5, None),
        ("s2:L1", 88.1, "Sparse Router"),
    ]
    errors = methods.leaderboard(kb, "glue", "error rate")
    assert [(r.paper, r.value) for r in errors] == [("s2:L3", 10.5), ("s2:L1", 11.9)]
    every = methods.leaderboard(kb, "ILSVRC")
    assert [(r.paper, r.metric, r.value) for r in every] == [
        ("s2:L4", "top-1 accuracy", 81.2),
        ("s2:L1", "top-1 accuracy", 79.0),
    ]


def test_method_lineage(kb):
    assert [(p.key, p.builds_on) for p in methods.method_lineage(kb, "LoRA")] == [
        ("s2:L3", "s2:U4")
    ]
    assert [p.key for p in methods.method_lineage(kb, "Sparse Router")] == ["s2:L3"]
    assert methods.method_lineage(kb, "GNN-X") == []


@pytest.mark.parametrize(
    "helper",
    [
        methods.methods_on,
        methods.benchmarks_for,
        methods.papers_proposing,
        methods.leaderboard,
        methods.method_lineage,
    ],
)
def test_unknown_or_hostile_names_give_empty(kb, helper):
    assert helper(kb, "No Such Thing") == []
    assert helper(kb, INJECTION) == []
    assert kb.cypher("MATCH (n) RETURN count(n) AS n")[0]["n"] == 21


def test_exists(kb):
    assert methods.method_exists(kb, "vision transformer") and not methods.method_exists(kb, "GLUE")
    assert methods.benchmark_exists(kb, "ilsvrc") and not methods.benchmark_exists(kb, "LoRA")
