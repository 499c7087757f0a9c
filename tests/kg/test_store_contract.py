"""The GraphStore contract, run against both stores (the `store` fixture is parametrised)."""

import pytest

from benchmarks.synthetic import counts, generate, snapshot
from kg.errors import StoreError
from kg.model import (
    NODE_MODELS,
    RELATIONSHIP_MODELS,
    Author,
    Benchmark,
    Cites,
    EvaluatedOn,
    Method,
    Paper,
)
from kg.store import upsert_nodes, upsert_relationships


def _paper(store, key):
    rows = store.run(
        "MATCH (p:Paper {key: $key}) RETURN p.title AS title, p.abstract AS abstract, "
        "p.year AS year, p.fields_of_study AS fields, p.listed AS listed, "
        "p.citation_count AS citations",
        {"key": key},
    )
    assert len(rows) == 1, rows
    return rows[0]


def _expected_counts(nodes, rels):
    out = dict.fromkeys([m.label for m in NODE_MODELS] + [m.type for m in RELATIONSHIP_MODELS], 0)
    for node in nodes:
        out[node.label] += 1
    for rel in rels:
        out[rel.type] += 1
    return out


def test_upsert_twice_gives_the_same_graph(store):
    nodes, rels = generate(papers=60, refs=4, seed=7)
    store.batch_size = 25
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    first = snapshot(store)
    assert counts(store) == _expected_counts(nodes, rels)

    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    assert snapshot(store) == first


@pytest.mark.parametrize("batch_size,n", [(3, 7), (3, 6), (3, 1), (1, 2), (5, 0), (1000, 9)])
def test_batch_boundaries_write_every_row_once(store, batch_size, n):
    store.batch_size = batch_size
    papers = [Paper(key=f"p{i}", title=f"Paper {i}") for i in range(n)]
    assert upsert_nodes(store, papers) == n
    cites = [Cites(src=f"p{i}", dst=f"p{(i + 1) % n}") for i in range(n) if n > 1]
    assert upsert_relationships(store, cites) == len(cites)

    keys = store.run("MATCH (p:Paper) RETURN p.key AS key ORDER BY key")
    assert [r["key"] for r in keys] == sorted(p.key for p in papers)
    pairs = store.run("MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.key AS a, b.key AS b")
    assert sorted((r["a"], r["b"]) for r in pairs) == sorted((c.src, c.dst) for c in cites)


AWKWARD_TITLES = [
    "Ünïcödé — naïve café: 注意力机制 (日本語) ✨🚀 עברית",
    "It's a \"quoted\" title with 'single' and `back` ticks",
    "Back\\slashes \\n \\u0041 \\\\ C:\\path\\to and a real\nnewline\tand tab",
    "'}) MATCH (n) DETACH DELETE n // $rows {{braces}}",
    "Combining e\u0301 vs \u00e9, zero\u200bwidth, NUL-free \u2028 separator",
]


@pytest.mark.parametrize("title", AWKWARD_TITLES)
def test_awkward_titles_round_trip_exactly(store, title):
    upsert_nodes(store, [Paper(key=f"k:{title}", title=title), Paper(key="other", title="x")])
    assert _paper(store, f"k:{title}")["title"] == title
    assert counts(store)["Paper"] == 2
    found = store.run("MATCH (p:Paper) WHERE p.title = $t RETURN p.key AS key", {"t": title})
    assert found == [{"key": f"k:{title}"}]


def test_a_100_kb_abstract_round_trips(store):
    abstract = ("Graph neural networks ∑ über alles — «quotes» 'and' \\ slashes. " * 1700)[:102_400]
    upsert_nodes(store, [Paper(key="big", title="Big", abstract=abstract)])
    assert _paper(store, "big")["abstract"] == abstract


def test_null_fields_do_not_erase_stored_values(store):
    full = Paper(
        key="p",
        title="Old title",
        abstract="An abstract.",
        year=2023,
        fields_of_study=["Computer Science"],
        listed=True,
        citation_count=0,
    )
    upsert_nodes(store, [full])
    upsert_nodes(store, [Paper(key="p", title="New title")])
    assert _paper(store, "p") == {
        "title": "New title",
        "abstract": "An abstract.",
        "year": 2023,
        "fields": ["Computer Science"],
        "listed": True,
        "citations": 0,
    }
    # False and 0 are values, not nulls: they overwrite.
    upsert_nodes(store, [Paper(key="p", listed=False, year=0)])
    row = _paper(store, "p")
    assert row["listed"] is False and row["year"] == 0 and row["abstract"] == "An abstract."


def test_relationship_upsert_is_idempotent_and_keeps_values(store):
    upsert_nodes(store, [Paper(key="a"), Paper(key="b")])
    upsert_relationships(store, [Cites(src="a", dst="b", is_influential=True, intents=["result"])])
    upsert_relationships(store, [Cites(src="a", dst="b", is_influential=None, intents=None)])
    upsert_relationships(store, [Cites(src="a", dst="b", is_influential=False)])
    rows = store.run(
        "MATCH (a:Paper)-[r:CITES]->(b:Paper) "
        "RETURN r.is_influential AS inf, r.intents AS intents, r.source AS source"
    )
    assert rows == [{"inf": False, "intents": ["result"], "source": "s2"}]


def test_relationship_to_a_missing_node_writes_nothing(store):
    upsert_nodes(store, [Paper(key="a")])
    assert upsert_relationships(store, [Cites(src="a", dst="missing")]) == 1
    assert counts(store)["CITES"] == 0 and counts(store)["Paper"] == 1


def test_list_properties_round_trip(store):
    upsert_nodes(
        store,
        [
            Paper(key="p", fields_of_study=["Computer Science", "Mathematics"]),
            Paper(key="q", fields_of_study=[]),
            Author(key="a", name="Ada", aliases=["A. Lovelace", "Ada L."], affiliations=["Ünï"]),
            Method(key="m", name="BERT", aliases=["bert-base"]),
        ],
    )
    upsert_relationships(store, [Cites(src="p", dst="q", intents=["background", "method"])])
    assert _paper(store, "p")["fields"] == ["Computer Science", "Mathematics"]
    assert store.run("MATCH (a:Author) RETURN a.aliases AS al, a.affiliations AS af") == [
        {"al": ["A. Lovelace", "Ada L."], "af": ["Ünï"]}
    ]
    assert store.run("MATCH ()-[r:CITES]->() RETURN r.intents AS i") == [
        {"i": ["background", "method"]}
    ]
    assert _paper(store, "q")["fields"] in ([], None)


def test_evaluated_on_is_identified_by_metric(store):
    upsert_nodes(store, [Paper(key="p"), Benchmark(key="glue", name="GLUE")])
    upsert_relationships(
        store,
        [
            EvaluatedOn(src="p", dst="glue", metric="accuracy", value=80.0),
            EvaluatedOn(src="p", dst="glue", metric="f1", value=70.5),
        ],
    )
    upsert_relationships(store, [EvaluatedOn(src="p", dst="glue", metric="accuracy", value=81.5)])
    rows = store.run(
        "MATCH (:Paper)-[r:EVALUATED_ON]->(:Benchmark) RETURN r.metric AS m, r.value AS v "
        "ORDER BY m"
    )
    assert rows == [{"m": "accuracy", "v": 81.5}, {"m": "f1", "v": 70.5}]


def test_run_returns_plain_values(store):
    upsert_nodes(store, [Paper(key="p", year=2024, citation_count=3, listed=True, title="T")])
    rows = store.run(
        "MATCH (p:Paper) RETURN p.year AS year, p.title AS title, p.listed AS listed, "
        "p.citation_count * 1.5 AS score, p.doi AS doi, [p.key, p.title] AS pair"
    )
    assert rows == [
        {"year": 2024, "title": "T", "listed": True, "score": 4.5, "doi": None, "pair": ["p", "T"]}
    ]
    assert type(rows[0]["year"]) is int and type(rows[0]["pair"]) is list


def test_a_bad_statement_raises_store_error_with_the_database_message(store):
    with pytest.raises(StoreError) as err:
        store.run("MATCH (n RETURN n")
    # the database's own message, which points at the offending token
    assert "RETURN" in str(err.value)


def test_parameters_are_never_spliced_into_the_statement(store):
    upsert_nodes(store, [Paper(key="safe", title="safe")])
    rows = store.run(
        "MATCH (p:Paper) WHERE p.key = $key RETURN count(p) AS n",
        {"key": "safe' OR 1=1 //"},
    )
    assert rows == [{"n": 0}]
