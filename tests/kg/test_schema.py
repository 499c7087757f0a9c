"""Schema and statements generated from the models."""

from kg import schema
from kg.model import NODE_MODELS, RELATIONSHIP_MODELS, Cites, EvaluatedOn, Paper


def test_embedded_ddl_has_every_model_property():
    ddl = "\n".join(schema.embedded_ddl())
    for model in (*NODE_MODELS, *RELATIONSHIP_MODELS):
        for prop in schema.properties(model):
            assert f"{prop} " in ddl, (model, prop)
    assert "CREATE NODE TABLE IF NOT EXISTS Paper(key STRING" in ddl
    assert "fields_of_study STRING[]" in ddl and "PRIMARY KEY(key)" in ddl
    assert "CREATE REL TABLE IF NOT EXISTS CITES(FROM Paper TO Paper" in ddl


def test_neo4j_schema_constraints_indexes_fulltext():
    statements = schema.neo4j_schema()
    assert all("IF NOT EXISTS" in s for s in statements)
    for model in NODE_MODELS:
        assert any(f"FOR (n:{model.label}) REQUIRE n.key IS UNIQUE" in s for s in statements)
    for prop in ("s2_id", "arxiv_id", "doi", "title_norm", "year"):
        assert any(f"FOR (n:Paper) ON (n.{prop})" in s for s in statements)
    assert any(
        "FULLTEXT INDEX paper_text" in s and "[n.title, n.abstract]" in s for s in statements
    )


def test_upserts_never_erase_and_bind_endpoints_with_match_with_match():
    node = schema.node_upsert(Paper, "embedded")
    assert node.startswith("UNWIND $rows AS row MERGE (n:Paper {key: row.key})")
    assert "n.title = coalesce(row.title, n.title)" in node
    assert "n.year = coalesce(CAST(row.year AS INT64), n.year)" in node
    assert "CAST" not in schema.node_upsert(Paper, "neo4j")
    rel = schema.relationship_upsert(Cites, "neo4j")
    assert "MATCH (a:Paper {key: row.src}) WITH a, row MATCH (b:Paper {key: row.dst})" in rel
    assert "MERGE (a)-[r:CITES]->(b)" in rel
    assert (
        "MERGE (a)-[r:EVALUATED_ON {metric: row.metric, split: row.split, kind: row.kind, stated: row.stated}]->(b)"
        in schema.relationship_upsert(EvaluatedOn, "neo4j")
    )


def test_all_null_properties_are_left_out_of_statement_and_rows():
    papers = [Paper(key="a", title="A"), Paper(key="b", year=2020)]
    props = schema.present_properties(papers)
    assert props == ["key", "title", "title_norm", "year"]
    statement = schema.node_upsert(Paper, "neo4j", props)
    assert "n.title =" in statement and "n.abstract" not in statement
    assert schema.rows(papers, props)[1] == {
        "key": "b",
        "title": None,
        "title_norm": None,
        "year": 2020,
    }
    assert "SET" not in schema.node_upsert(Paper, "neo4j", ["key"])
    rels = [EvaluatedOn(src="p", dst="b")]
    rel_props = schema.present_properties(rels)
    assert rel_props == ["source", "metric", "kind", "split", "stated"]
    assert schema.rows(rels, rel_props) == [
        {
            "src": "p",
            "dst": "b",
            "source": "listing",
            "metric": "",
            "kind": "",
            "split": "",
            "stated": "",
        }
    ]
