"""`kg build --neo4j` writes the same graph as the embedded default."""

from testkit import EXAMPLE_LISTING

from kg import KnowledgeGraph
from kg.graph import Graph
from kg.model import Paper
from kg.stats import graph_stats
from loaders import pipeline

COLUMNS = ", ".join(f"p.{f} AS {f}" for f in Paper.model_fields)


def _build(store):
    listings = pipeline.load_listings([EXAMPLE_LISTING])
    pipeline.build(Graph(store), listings, pipeline.BuildOptions(enrich=False))
    kb = KnowledgeGraph(store)
    papers = kb.cypher(f"MATCH (p:Paper) RETURN {COLUMNS} ORDER BY p.key")
    extracted = kb.cypher(
        "MATCH (p:Paper)-[r]->(x) RETURN p.key AS paper, x.key AS target, r.source AS source, "
        "r.evidence AS evidence ORDER BY paper, target, source, evidence"
    )
    return graph_stats(kb), papers, extracted


def test_example_listing_same_graph_on_both_stores(embedded_store, neo4j_store):
    embedded = _build(embedded_store)
    neo4j = _build(neo4j_store)
    assert embedded[0] == neo4j[0]  # counts per label and type, per year, per status
    assert embedded[1] == neo4j[1]  # every property of every paper
    assert embedded[2] == neo4j[2]  # extracted edges with their evidence
    assert embedded[0]["nodes"]["Paper"] == 107
