"""Shared fixtures: the two stores every contract, parity and query test runs against.

The Neo4j store comes from ``NEO4J_URI`` (``make test`` starts a real server and sets it).
Without it the Neo4j tests skip with one line saying why, except under ``CI=true``, where a
missing Neo4j fails the run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.store_embedded import EmbeddedStore

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_LISTING = EXAMPLES / "hf-daily-papers-listing.txt"
S2_SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "s2-samples"


def require(what: str, reason: str) -> None:
    """Skip with ``reason`` outside CI; fail inside it (a CI run must not skip real parts)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI: {reason}")
    pytest.skip(f"{what} unavailable: {reason}")


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
    store.run("MATCH (n) DETACH DELETE n")
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request):
    """Each test using it runs once per store."""
    return request.getfixturevalue(f"{request.param}_store")
