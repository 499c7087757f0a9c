"""The same synthetic graph written into both stores reads back the same."""

import random

from benchmarks.synthetic import counts, generate, snapshot
from kg import schema
from kg.model import NODE_MODELS
from kg.store import upsert_nodes, upsert_relationships


def _load(store, nodes, rels):
    store.batch_size = 97  # odd on purpose: batches end mid-label
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)


def test_synthetic_graph_has_equal_counts_and_properties_in_both_stores(
    embedded_store, neo4j_store
):
    nodes, rels = generate(papers=250, refs=5, seed=5)
    _load(embedded_store, nodes, rels)
    _load(neo4j_store, nodes, rels)

    found = counts(embedded_store)
    assert found == counts(neo4j_store)
    assert found["Paper"] == 250 and found["CITES"] == 1250 and found["EVALUATED_ON"] > 0

    # 50 sampled nodes, every model property, read one by one from each store
    for node in random.Random(1).sample(nodes, 50):
        props = schema.properties(type(node))
        query = f"MATCH (n:{node.label} {{key: $key}}) RETURN " + ", ".join(
            f"n.{p} AS {p}" for p in props
        )
        embedded = embedded_store.run(query, {"key": node.key})
        assert embedded == neo4j_store.run(query, {"key": node.key})
        assert embedded[0] == node.model_dump(include=set(props))

    # and the whole graph, relationships with their properties included
    assert snapshot(embedded_store) == snapshot(neo4j_store)
    assert {m.label for m in NODE_MODELS} <= set(found)
