"""leaderboard() on both stores: absolute scores only, kind and split shown, evidence kept,
metric names resolved through the alias table, a limit per metric."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph
from kg.model import Benchmark, EvaluatedOn, Method, Paper, Proposes
from kg.store import upsert_nodes, upsert_relationships
from queries import methods

SENTENCE_A = "Our method obtains 80.67% top-1 accuracy on ImageNet."
SENTENCE_B = "ViT-X reaches 81.5% top-1 accuracy on ImageNet val, 3.2 points above DeiT."


@pytest.fixture
def kb(store):
    upsert_nodes(
        store,
        [
            Paper(key="p:a", title="A", year=2020),
            Paper(key="p:b", title="B", year=2021),
            Method(key="meal", name="MEAL"),
            Benchmark(key="imagenet", name="ImageNet", aliases=["ILSVRC"]),
            Benchmark(key="librispeech", name="LibriSpeech"),
        ],
    )
    upsert_relationships(
        store,
        [
            Proposes(src="p:a", dst="meal", source="extract:we-propose"),
            EvaluatedOn(
                src="p:a",
                dst="imagenet",
                metric="top-1 accuracy",
                value=80.67,
                unit="%",
                kind="absolute",
                stated="80.67%",
                evidence=SENTENCE_A,
                source="extract:result",
            ),
            EvaluatedOn(
                src="p:b",
                dst="imagenet",
                metric="top-1 accuracy",
                value=81.5,
                unit="%",
                kind="absolute",
                split="val",
                stated="81.5%",
                evidence=SENTENCE_B,
                source="extract:result",
            ),
            # an improvement on the same benchmark and metric is its own edge and never ranked
            EvaluatedOn(
                src="p:b",
                dst="imagenet",
                metric="top-1 accuracy",
                value=3.2,
                unit="points",
                kind="delta",
                split="val",
                stated="3.2 points",
                evidence=SENTENCE_B,
                source="extract:result",
            ),
            # two splits of one metric are two edges
            EvaluatedOn(
                src="p:a",
                dst="librispeech",
                metric="WER",
                value=2.1,
                unit="%",
                kind="absolute",
                split="test-clean",
                stated="2.1%",
                source="extract:result",
            ),
            EvaluatedOn(
                src="p:a",
                dst="librispeech",
                metric="WER",
                value=4.9,
                unit="%",
                kind="absolute",
                split="test-other",
                stated="4.9%",
                source="extract:result",
            ),
            EvaluatedOn(
                src="p:b",
                dst="librispeech",
                metric="WER",
                value=12.0,
                unit="%",
                kind="relative",
                split="test-clean",
                stated="12% relative",
                source="extract:result",
            ),
        ],
    )
    return KnowledgeGraph(store)


def test_ranks_absolute_scores_with_kind_split_and_evidence(kb):
    board = methods.leaderboard(kb, "ILSVRC", "Top1")
    assert [(r.rank, r.paper, r.value, r.kind, r.split, r.method) for r in board] == [
        (1, "p:b", 81.5, "absolute", "val", None),
        (2, "p:a", 80.67, "absolute", "", "MEAL"),
    ]
    assert board[0].evidence == SENTENCE_B


def test_error_metrics_rank_lowest_first_and_keep_every_split(kb):
    board = methods.leaderboard(kb, "LibriSpeech", "word error rate")
    assert [(r.rank, r.value, r.split) for r in board] == [
        (1, 2.1, "test-clean"),
        (2, 4.9, "test-other"),
    ]


def test_limit_applies_per_metric(kb):
    assert [r.value for r in methods.leaderboard(kb, "ImageNet", limit=1)] == [81.5]
    with pytest.raises(ValueError):
        methods.leaderboard(kb, "ImageNet", limit=0)
