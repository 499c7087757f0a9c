"""Small graphs the view tests build into a store, written through kg.store's upserts."""

from __future__ import annotations

from kg import KnowledgeGraph
from kg.model import (
    Author,
    Authored,
    Benchmark,
    Cites,
    EvaluatedOn,
    Method,
    Paper,
    Proposes,
    Uses,
)
from kg.store import upsert_nodes, upsert_relationships

XSS_TITLE = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
#: the citing sentences of p1 -> p2, one of them hostile
CONTEXTS = [
    "Sparse attention follows the masking of [2].",
    "As in <img src=x onerror=alert(3)> [2] & more.",
]


def small_graph(store) -> KnowledgeGraph:
    """Three listed papers (one with a hostile title), two outside references, authors,
    methods and a benchmark.

    p1 -> p2 (influential), p1 -> r1, p2 -> r1, p3 -> r1, p3 -> r2; x and y wrote p1 together.
    """
    upsert_nodes(
        store,
        [
            Paper(
                key="p1",
                title="Sparse Attention Everywhere",
                listed=True,
                year=2023,
                s2_id="S1",
                arxiv_id="2301.00001",
                pdf_url="https://arxiv.org/pdf/2301.00001",
                venue="NeurIPS",
                citation_count=40,
                tldr="Attention, but sparse.",
                pagerank=0.5,
                community=1,
            ),
            Paper(
                key="p2",
                title=XSS_TITLE,
                listed=True,
                year=2022,
                citation_count=10,
                venue=XSS_ATTR,
                pdf_url="javascript:alert(2)",
                pagerank=0.2,
                community=1,
            ),
            Paper(
                key="p3",
                title=XSS_ATTR,
                listed=True,
                year=2024,
                citation_count=1,
                pagerank=0.1,
                community=2,
            ),
            Paper(key="r1", title="Attention Is All You Need", year=2017, citation_count=90000),
            Paper(key="r2", title="Deep Residual Learning", year=2016, citation_count=150000),
            Author(key="x", name="Ada Lovelace", s2_id="A1"),
            Author(key="y", name="Alan Turing"),
            Method(key="sparse attention", name="Sparse Attention"),
            Method(key="transformer", name="Transformer"),
            Benchmark(key="glue", name="GLUE", kind="benchmark"),
        ],
    )
    upsert_relationships(
        store,
        [
            Cites(
                src="p1",
                dst="p2",
                is_influential=True,
                intents=["methodology", "background"],
                contexts=CONTEXTS,
            ),
            Cites(src="p1", dst="r1"),
            Cites(src="p2", dst="r1"),
            Cites(src="p3", dst="r1"),
            Cites(src="p3", dst="r2"),
            Authored(src="x", dst="p1", position=0),
            Authored(src="y", dst="p1", position=1),
            Authored(src="y", dst="p2", position=0),
            Proposes(src="p1", dst="sparse attention"),
            Uses(src="p1", dst="transformer"),
            Uses(src="p2", dst="transformer"),
            EvaluatedOn(src="p1", dst="glue", metric="accuracy", value=91.0),
        ],
    )
    return KnowledgeGraph(store)


def listed_only_graph(store, papers: int = 107) -> KnowledgeGraph:
    """What the offline demo builds: listed papers with titles and years, no relationships."""
    upsert_nodes(
        store,
        [
            Paper(
                key=f"title:paper {i}",
                title=f"Paper {i} on diffusion models",
                listed=True,
                year=2020 + i % 5,
                author_count=1 + i % 7,
                upvotes=i,
            )
            for i in range(papers)
        ],
    )
    return KnowledgeGraph(store)
