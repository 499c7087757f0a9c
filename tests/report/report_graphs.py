"""Graphs the report tests draw: the views' hostile small graph, and a synthetic one with
every section filled (citations, authors, results, PageRank and communities)."""

from __future__ import annotations

from benchmarks.synthetic import generate
from kg import KnowledgeGraph
from kg.model import Paper
from kg.store import upsert_nodes, upsert_relationships
from queries.analytics import analyze


def synthetic_graph(store, papers: int = 400) -> KnowledgeGraph:
    nodes, rels = generate(papers, 4, seed=3)
    for i, node in enumerate(n for n in nodes if isinstance(n, Paper)):
        if node.listed:
            node.s2_status = "ok" if i % 7 else "rejected:title_mismatch"
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    kb = KnowledgeGraph(store)
    analyze(kb)
    return kb
