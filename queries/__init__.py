"""Cypher query helpers for research questions, identical on the embedded store and Neo4j.

Each helper takes a :class:`kg.KnowledgeGraph` and typed parameters, runs one parameterised
statement and returns typed rows (:class:`queries._rows.Rows`, a list with ``.to_dataframe()``).

>>> from kg.examples import example_graph  # a research script opens KnowledgeGraph.open("kg.db")
>>> from queries import methods
>>> kb = example_graph()
>>> [(p.key, p.year) for p in methods.papers_proposing(kb, "low-rank adaptation")]
[('arxiv:2106.09685', 2021)]
>>> methods.benchmarks_for(kb, "LoRAs").to_dataframe()[["key", "papers"]].values.tolist()
[['glue', 2], ['cifar10', 1]]
"""

from __future__ import annotations

from collections.abc import Callable

from queries import analytics, authors, citations, methods, papers
from queries._rows import PaperSummary, PathRow, Row, Rows

MODULES = (papers, citations, authors, methods, analytics)


def helpers() -> dict[str, Callable]:
    """Every query helper by name, in module order (what ``kg query --list`` shows)."""
    found: dict[str, Callable] = {}
    for module in MODULES:
        for name in module.__all__:
            fn = getattr(module, name)
            if getattr(fn, "__kg_helper__", False):
                found[name] = fn
    return found


__all__ = [
    "papers",
    "citations",
    "authors",
    "methods",
    "analytics",
    "helpers",
    "Row",
    "Rows",
    "PaperSummary",
    "PathRow",
]
