"""Citation-graph knowledge base: papers, authors, methods and benchmarks in one graph.

>>> from kg import KnowledgeGraph
>>> with KnowledgeGraph.open("kg.db") as kb:  # doctest: +SKIP
...     kb.cypher("MATCH (p:Paper) RETURN count(p) AS n")
[{'n': 107}]
"""

from kg.errors import KGError, StoreError
from kg.graph import KnowledgeGraph
from kg.store import GraphStore

__all__ = ["KnowledgeGraph", "GraphStore", "KGError", "StoreError"]
