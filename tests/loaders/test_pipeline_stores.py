"""Pipeline steps that rewrite stored data, on both stores."""

from kg.graph import KnowledgeGraph
from kg.model import Author, Authored, Method, Paper, Proposes, author_key
from kg.stats import graph_stats
from kg.store import upsert_nodes, upsert_relationships
from loaders import pipeline

ABSTRACT = "We propose FooNet, a network for bar. FooNet reaches 91.2% accuracy on ImageNet."


def test_reextract_drops_stale_edges_and_orphans(store):
    paper = Paper(
        key="title:foonet", title="FooNet: Networks for Bar", abstract=ABSTRACT, listed=True
    )
    upsert_nodes(store, [paper, Method(key="stale", name="Stale")])
    upsert_relationships(store, [Proposes(src=paper.key, dst="stale", source="extract:old-rule")])
    found = pipeline.reextract(store)
    kb = KnowledgeGraph(store)
    methods = [r["name"] for r in kb.cypher("MATCH (m:Method) RETURN m.name AS name")]
    assert "Stale" not in methods and "FooNet" in methods
    assert found["PROPOSES"] >= 1
    assert kb.cypher("MATCH (b:Benchmark) RETURN b.name AS name") == [{"name": "ImageNet"}]
    before = graph_stats(kb)
    pipeline.reextract(store)
    assert graph_stats(kb) == before


def test_s2_authors_replace_listing_names(store):
    paper = Paper(key="title:x", title="X", listed=True)
    named = Author(key=author_key(name="Ada Example"), name="Ada Example")
    kept = Author(key=author_key(name="Other Person"), name="Other Person")
    other_paper = Paper(key="title:y", title="Y", listed=True)
    upsert_nodes(store, [paper, other_paper, named, kept])
    upsert_relationships(
        store, [Authored(src=named.key, dst=paper.key), Authored(src=kept.key, dst=other_paper.key)]
    )
    upsert_nodes(store, [Author(key="s2:17", s2_id="17", name="A. Example")])
    upsert_relationships(store, [Authored(src="s2:17", dst=paper.key, source="s2", position=1)])
    pipeline.replace_listing_authors(store, {paper.key})
    rows = KnowledgeGraph(store).cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a.key AS author, p.key AS paper ORDER BY author"
    )
    assert rows == [
        {"author": kept.key, "paper": other_paper.key},
        {"author": "s2:17", "paper": paper.key},
    ]
    assert graph_stats(KnowledgeGraph(store))["nodes"]["Author"] == 2
