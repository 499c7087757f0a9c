"""Citation-graph knowledge base: papers, authors, methods and benchmarks in one graph.

>>> from kg import KnowledgeGraph
>>> from kg.examples import example_graph
>>> kb = KnowledgeGraph(example_graph().store)  # a research script: KnowledgeGraph.open("kg.db")
>>> kb.cypher("MATCH (p:Paper) WHERE p.listed RETURN count(p) AS n")
[{'n': 3}]

``KnowledgeGraph`` (:mod:`kg.api`) sits on top of every layer, so it is imported when first
named: ``import kg.model`` alone stays light and never imports the loaders.
"""

from typing import TYPE_CHECKING, Any

from kg.errors import KGError, StoreError
from kg.graph import Graph
from kg.store import GraphStore

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph


def __getattr__(name: str) -> Any:
    if name == "KnowledgeGraph":
        from kg.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["KnowledgeGraph", "Graph", "GraphStore", "KGError", "StoreError"]
