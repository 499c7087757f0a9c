"""A small built-in example graph, for the doctests and for trying the library out.

:func:`example_graph` writes three listed papers, one they cite, three authors, two methods and
two benchmarks (keys made by :mod:`kg.keys`, as a build makes them) into a fresh embedded store
in a temporary directory.

>>> kb = example_graph()
>>> kb.cypher("MATCH (p:Paper) RETURN count(p) AS n")
[{'n': 4}]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kg.graph import Graph
from kg.keys import author_key, benchmark_key, method_key, paper_key
from kg.model import Author, Authored, Benchmark, Cites, EvaluatedOn, Method, Paper, Proposes, Uses
from kg.store import upsert_nodes, upsert_relationships

LORA = paper_key(arxiv_id="2106.09685")
ATTENTION = paper_key(arxiv_id="1706.03762")
QLORA = paper_key(arxiv_id="2305.14314")
RESNET = paper_key(doi="10.1109/CVPR.2016.90")


def example_records() -> tuple[list, list]:
    """The example graph's nodes and relationships."""
    listed = [  # (arXiv id, title, year, S2 citation count)
        ("2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models", 2021, 9000),
        ("1706.03762", "Attention Is All You Need", 2017, 100000),
        ("2305.14314", "QLoRA: Efficient Finetuning of Quantized LLMs", 2023, 2000),
    ]
    papers = [
        Paper(key=paper_key(arxiv_id=a), arxiv_id=a, title=t, year=y, citation_count=c, listed=True)
        for a, t, y, c in listed
    ]
    papers.append(
        Paper(
            key=RESNET,
            doi="10.1109/cvpr.2016.90",
            title="Deep Residual Learning for Image Recognition",
            year=2016,
            listed=False,
        )
    )
    hu, dettmers = author_key(name="Edward J. Hu"), author_key(name="Tim Dettmers")
    pagnoni = author_key(name="Artidoro Pagnoni")
    authors = [
        Author(key=hu, name="Edward J. Hu"),
        Author(key=dettmers, name="Tim Dettmers"),
        Author(key=pagnoni, name="Artidoro Pagnoni"),
    ]
    lora, transformer = method_key("LoRA"), method_key("Transformer")
    methods = [
        Method(key=lora, name="LoRA", aliases=["LoRA", "Low-Rank Adaptation"]),
        Method(key=transformer, name="Transformer", aliases=["Transformers"]),
    ]
    cifar, glue = benchmark_key("CIFAR-10"), benchmark_key("GLUE")
    benchmarks = [
        Benchmark(key=cifar, name="CIFAR-10", aliases=["CIFAR10"], kind="dataset"),
        Benchmark(key=glue, name="GLUE", kind="benchmark"),
    ]
    rels = [
        Cites(src=LORA, dst=ATTENTION),
        Cites(
            src=QLORA,
            dst=LORA,
            is_influential=True,
            intents=["methodology"],
            contexts=[
                "QLoRA backpropagates gradients through a frozen, 4-bit quantized "
                "pretrained language model into Low Rank Adapters (LoRA)."
            ],
            first_seen="2026-12-01T09:00:00Z",
        ),
        Cites(src=QLORA, dst=ATTENTION),
        Cites(src=LORA, dst=RESNET),
        Authored(src=hu, dst=LORA, position=0),
        Authored(src=dettmers, dst=QLORA, position=0),
        Authored(src=pagnoni, dst=QLORA, position=1),
        Proposes(src=LORA, dst=lora, source="extract:title", confidence=0.9),
        Proposes(src=ATTENTION, dst=transformer, source="extract:title", confidence=0.9),
        Uses(src=QLORA, dst=lora, source="extract:mention-name", confidence=0.6),
        Uses(src=LORA, dst=transformer, source="extract:mention-name", confidence=0.6),
        EvaluatedOn(
            src=LORA, dst=glue, metric="accuracy", value=88.5, unit="%", source="extract:result"
        ),
        EvaluatedOn(
            src=QLORA, dst=glue, metric="accuracy", value=89.0, unit="%", source="extract:result"
        ),
        EvaluatedOn(src=QLORA, dst=cifar, source="extract:benchmark-gazetteer"),
    ]
    return [*papers, *authors, *methods, *benchmarks], rels


def example_graph(path: str | Path | None = None) -> Graph:
    """The example graph in a new embedded store at ``path`` (default: a temporary directory)."""
    if path is None:
        path = Path(tempfile.mkdtemp(prefix="kg-example-")) / "kg.db"
    kb = Graph.open(path)
    nodes, rels = example_records()
    upsert_nodes(kb.store, nodes)
    upsert_relationships(kb.store, rels)
    return kb


__all__ = ["example_graph", "example_records", "LORA", "ATTENTION", "QLORA", "RESNET"]
