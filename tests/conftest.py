"""Shared fixtures: the two stores every contract, parity and query test runs against.

The Neo4j store comes from ``NEO4J_URI`` (``make test`` starts a real server and sets it).
Without it the Neo4j tests skip with one line saying why, except under ``CI=true``, where a
missing Neo4j fails the run.
"""

from __future__ import annotations

import os

import pytest
from testkit import require

from kg.store_embedded import EmbeddedStore


@pytest.fixture
def embedded_store(tmp_path):
    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=256 * 1024 * 1024)
    yield store
    store.close()


@pytest.fixture
def neo4j_store():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        require("Neo4j", "NEO4J_URI is not set (run the suite with `make test`)")
    from kg.store_neo4j import Neo4jStore

    store = Neo4jStore(
        uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD"),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
    )
    # in pieces, edges first: a benchmark may have left a graph larger than one transaction's
    # memory (10,000 nodes detached at once can carry over a million edges)
    store.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS")
    store.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS")
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each test using it runs once per store."""
    return request.getfixturevalue(f"{request.param}_store")
