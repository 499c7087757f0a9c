"""Pipeline steps that rewrite stored data, on both stores."""

from kg import KnowledgeGraph
from kg.graph import Graph
from kg.keys import author_key
from kg.model import Author, Authored, Method, Paper, Proposes
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
    found = pipeline.reextract(Graph(store))
    kb = KnowledgeGraph(store)
    methods = [r["name"] for r in kb.cypher("MATCH (m:Method) RETURN m.name AS name")]
    assert "Stale" not in methods and "FooNet" in methods
    assert found["PROPOSES"] >= 1
    assert kb.cypher("MATCH (b:Benchmark) RETURN b.name AS name") == [{"name": "ImageNet"}]
    before = graph_stats(kb)
    pipeline.reextract(Graph(store))
    assert graph_stats(kb) == before


def test_a_benchmark_is_found_by_every_gazetteer_alias_not_only_the_ones_written(store):
    paper = Paper(key="title:foonet", title="FooNet: Networks for Bar", abstract=ABSTRACT)
    upsert_nodes(store, [paper])
    pipeline.extract_into(Graph(store), [paper])  # the abstract writes "ImageNet" only
    kb = KnowledgeGraph(store)
    for spelling in ("ILSVRC 2012", "imagenet-1k", "IN-1K"):
        assert kb.resolve("Benchmark", spelling).name == "ImageNet", spelling


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
    pipeline.replace_listing_authors(Graph(store), {paper.key})
    rows = KnowledgeGraph(store).cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a.key AS author, p.key AS paper ORDER BY author"
    )
    assert rows == [
        {"author": kept.key, "paper": other_paper.key},
        {"author": "s2:17", "paper": paper.key},
    ]
    assert graph_stats(KnowledgeGraph(store))["nodes"]["Author"] == 2


RESULTS_ABSTRACT = (
    "We present SpecAugment, a simple data augmentation method for speech recognition. "
    "On LibriSpeech, we achieve 6.8% WER on test-other without the use of a language model, "
    "and 5.8% WER with shallow fusion with a language model."
)


def _results(kb: KnowledgeGraph) -> list[tuple]:
    rows = kb.cypher(
        "MATCH (:Paper)-[e:EVALUATED_ON]->(b:Benchmark) WHERE e.value IS NOT NULL "
        "RETURN b.key AS b, e.metric AS metric, e.value AS value, e.kind AS kind, e.split AS split"
    )
    return sorted((r["b"], r["metric"], r["value"], r["kind"], r["split"]) for r in rows)


def test_reextract_replaces_an_older_extraction_of_results(store):
    paper = Paper(
        key="title:specaugment", title="SpecAugment", abstract=RESULTS_ABSTRACT, listed=True
    )
    upsert_nodes(store, [paper])
    # what the earlier rules stored: one result per benchmark and metric, no kind or split
    pipeline.extract_into(Graph(store), [paper])
    store.run(
        "MATCH (:Paper)-[e:EVALUATED_ON]->() WHERE e.value IS NOT NULL SET e.kind = '', e.split = '', e.stated = ''"
    )
    pipeline.reextract(Graph(store))
    kb = KnowledgeGraph(store)
    expected = [
        ("librispeech", "WER", 5.8, "absolute", "test-other"),
        ("librispeech", "WER", 6.8, "absolute", "test-other"),
    ]
    assert _results(kb) == expected
    pipeline.reextract(Graph(store))
    assert _results(kb) == expected


def test_reextract_on_a_database_an_older_version_created(tmp_path):
    import ladybug

    from kg.store_embedded import EmbeddedStore

    path = tmp_path / "old.db"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    old_ddl = [
        s
        for s in __import__("kg.schema", fromlist=["x"]).embedded_ddl()
        if not s.startswith("ALTER")
    ]
    for statement in old_ddl:
        if "EVALUATED_ON" in statement:
            statement = statement.replace(", kind STRING, split STRING, stated STRING", "")
        conn.execute(statement)
    conn.execute(
        "CREATE (:Paper {key: 'title:specaugment', title: 'SpecAugment', listed: true, abstract: $a})",
        {"a": RESULTS_ABSTRACT},
    )
    conn.close()
    db.close()
    store = EmbeddedStore(path, buffer_pool_size=256 * 1024 * 1024)
    try:
        pipeline.reextract(Graph(store))
        assert len(_results(KnowledgeGraph(store))) == 2
    finally:
        store.close()
