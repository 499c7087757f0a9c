"""A small hand-made graph with known answers for the query helper tests.

Five listed papers (L1..L5) and five outside the list (U1..U5), with citation intents and
influential flags, five authors, four methods, two benchmarks and reported results.
Expected answers in the tests are worked out by hand from this file.
"""

from __future__ import annotations

import networkx as nx

from kg.keys import benchmark_key, method_key, normalise_title
from kg.model import (
    Author,
    Authored,
    Benchmark,
    Cites,
    ComparesWith,
    EvaluatedOn,
    Method,
    Paper,
    Proposes,
    Uses,
)
from kg.store import upsert_nodes, upsert_relationships


def _paper(key: str, title: str, year: int | None, listed: bool, cc: int | None, **kw) -> Paper:
    return Paper(
        key=key,
        s2_id=key[3:],
        title=title,
        title_norm=normalise_title(title),
        year=year,
        listed=listed,
        citation_count=cc,
        **kw,
    )


PAPERS = [
    _paper(
        "s2:L1",
        "Sparse Mixture Routers for Efficient Transformers",
        2023,
        True,
        120,
        arxiv_id="2301.00001",
        doi="10.1000/Sparse.L1",
        corpus_id=1001,
        influential_citation_count=10,
        abstract="We propose Sparse Router, a routing layer for mixture-of-experts models.",
    ),
    _paper(
        "s2:L2",
        "Graph Neural Networks at Scale",
        2023,
        True,
        80,
        influential_citation_count=4,
        abstract="We introduce GNN-X and evaluate it on ImageNet-style graphs.",
    ),
    _paper(
        "s2:L3",
        "LoRA Revisited: Low-Rank Adapters for Sparse Routers",
        2024,
        True,
        30,
        abstract="We study low-rank adapters; accuracy on GLUE improves.",
    ),
    _paper(
        "s2:L4",
        "Benchmarking Vision Transformers on ImageNet",
        2024,
        True,
        5,
        abstract="A benchmark study of ViT models.",
    ),
    _paper(
        "s2:L5",
        "A Survey of Efficient Attention",
        2022,
        True,
        200,
        influential_citation_count=25,
        abstract="Covers sparse mixture methods and linear attention.",
    ),
    _paper("s2:U1", "Transformer Base Model", 2017, False, 90000, influential_citation_count=9000),
    _paper("s2:U2", "Adam Optimizer", 2015, False, 100000, influential_citation_count=8000),
    _paper(
        "s2:U3", "Deep Residual Learning", 2016, False, 150000, influential_citation_count=12000
    ),
    _paper(
        "s2:U4",
        "Low-Rank Adaptation of Large Models",
        2021,
        False,
        5000,
        abstract="We propose LoRA, which freezes weights and injects low-rank matrices.",
    ),
    _paper(
        "s2:U5",
        'Quotes "and" (parens): a+b? Yes!',
        None,
        False,
        None,
        abstract="') DETACH DELETE n // stays text",
    ),
]

AUTHORS = [
    Author(key="s2:A1", s2_id="A1", name="Ada Lovelace", aliases=["A. Lovelace"], h_index=40),
    Author(key="s2:A2", s2_id="A2", name="Alan Turing"),
    Author(key="s2:A3", s2_id="A3", name="Grace Hopper"),
    Author(key="s2:A4", s2_id="A4", name="Claude Shannon"),
    Author(key="name:edsger dijkstra", name="Edsger Dijkstra"),
]

# Keys made by the extractor's own key functions, as a build makes them.
SPARSE_ROUTER, LORA, GNN_X, VIT = (method_key(n) for n in ("Sparse Router", "LoRA", "GNN-X", "ViT"))
IMAGENET, GLUE = benchmark_key("ImageNet"), benchmark_key("GLUE")

METHODS = [
    Method(key=SPARSE_ROUTER, name="Sparse Router", aliases=["SparseRouter"]),
    Method(key=LORA, name="LoRA", aliases=["Low-Rank Adaptation"]),
    Method(key=GNN_X, name="GNN-X"),
    Method(key=VIT, name="ViT", aliases=["Vision Transformer"]),
]

BENCHMARKS = [
    Benchmark(key=IMAGENET, name="ImageNet", aliases=["ILSVRC"], kind="dataset"),
    Benchmark(key=GLUE, name="GLUE", kind="benchmark"),
]

M, B, I_ = "methodology", "background", "result"

#: when the graph first held each citation: a first build, then a refresh a week later
WEEK0, WEEK1 = "2026-11-18T09:00:00Z", "2026-11-25T09:00:00Z"
#: citing sentences, one with markup that must stay text in every view
CONTEXTS_L1_U1 = [
    "We build on the encoder of the Transformer [12].",
    "Our router replaces its feed-forward layer <b>[12]</b> & keeps attention.",
]

CITES = [
    Cites(
        src="s2:L1",
        dst="s2:U1",
        intents=[M],
        is_influential=True,
        contexts=CONTEXTS_L1_U1,
        first_seen=WEEK0,
    ),
    Cites(src="s2:L1", dst="s2:U2", intents=[B], is_influential=False),
    Cites(src="s2:L1", dst="s2:L5", intents=[B], first_seen=WEEK0),
    Cites(src="s2:L2", dst="s2:U1", intents=[B]),
    Cites(src="s2:L2", dst="s2:U2", intents=[M], is_influential=True),
    Cites(src="s2:L2", dst="s2:U3", intents=[B]),
    Cites(src="s2:L3", dst="s2:U4", intents=[M, B], is_influential=True),
    Cites(src="s2:L3", dst="s2:U1", intents=[B]),
    Cites(
        src="s2:L3",
        dst="s2:L1",
        intents=[M],
        contexts=["Sparse routers [3] are our starting point."],
        first_seen=WEEK1,
    ),
    Cites(src="s2:L4", dst="s2:U3", intents=[M], is_influential=True),
    Cites(src="s2:L4", dst="s2:U1", intents=[I_], is_influential=True, first_seen=WEEK1),
    Cites(src="s2:L4", dst="s2:U2", intents=[]),
    Cites(src="s2:L5", dst="s2:U1", intents=[M], first_seen=WEEK0),
    Cites(src="s2:L5", dst="s2:U3", intents=[B]),
    Cites(src="s2:U4", dst="s2:U1", intents=[M]),
]

AUTHORED = [
    Authored(src="s2:A1", dst="s2:L1", position=0),
    Authored(src="s2:A2", dst="s2:L1", position=1),
    Authored(src="s2:A1", dst="s2:L2", position=1),
    Authored(src="s2:A3", dst="s2:L2", position=0),
    Authored(src="s2:A1", dst="s2:L3", position=0),
    Authored(src="s2:A2", dst="s2:L4", position=0),
    Authored(src="s2:A4", dst="s2:L4", position=1),
    Authored(src="s2:A4", dst="s2:U4", position=0),
    Authored(src="name:edsger dijkstra", dst="s2:U5", position=0),
]

EXTRACTED = [
    Proposes(
        src="s2:L1",
        dst=SPARSE_ROUTER,
        source="extract:title",
        evidence="We propose Sparse Router",
        confidence=0.9,
    ),
    Proposes(
        src="s2:U4",
        dst=LORA,
        source="extract:propose",
        evidence="We propose LoRA",
        confidence=0.95,
    ),
    Proposes(
        src="s2:L2",
        dst=GNN_X,
        source="extract:propose",
        evidence="We introduce GNN-X",
        confidence=0.9,
    ),
    Uses(src="s2:L3", dst=LORA, source="extract:uses"),
    Uses(src="s2:L4", dst=VIT, source="extract:uses"),
    ComparesWith(src="s2:L1", dst=VIT, source="extract:compare"),
    EvaluatedOn(
        src="s2:L1", dst=GLUE, metric="accuracy", value=88.1, unit="%", source="extract:result"
    ),
    EvaluatedOn(
        src="s2:L3", dst=GLUE, metric="accuracy", value=89.5, unit="%", source="extract:result"
    ),
    EvaluatedOn(
        src="s2:L3", dst=GLUE, metric="error rate", value=10.5, unit="%", source="extract:result"
    ),
    EvaluatedOn(
        src="s2:L1", dst=GLUE, metric="error rate", value=11.9, unit="%", source="extract:result"
    ),
    EvaluatedOn(
        src="s2:L4",
        dst=IMAGENET,
        metric="top-1 accuracy",
        value=81.2,
        unit="%",
        source="extract:result",
    ),
    EvaluatedOn(
        src="s2:L1",
        dst=IMAGENET,
        metric="top-1 accuracy",
        value=79.0,
        unit="%",
        source="extract:result",
    ),
    EvaluatedOn(src="s2:L2", dst=IMAGENET, source="extract:benchmark"),
]


def load(store) -> None:
    """Write the fixture graph into ``store``."""
    upsert_nodes(store, [*PAPERS, *AUTHORS, *METHODS, *BENCHMARKS])
    upsert_relationships(store, [*CITES, *AUTHORED, *EXTRACTED])


def citation_digraph() -> nx.DiGraph:
    """The fixture's citation graph built straight from this file (the oracles' input)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(p.key for p in PAPERS))
    graph.add_edges_from((c.src, c.dst) for c in CITES)
    return graph


def coauthor_graph() -> nx.Graph:
    """Authors and papers as one undirected bipartite graph, from this file."""
    graph = nx.Graph()
    graph.add_edges_from((a.src, a.dst) for a in AUTHORED)
    return graph
