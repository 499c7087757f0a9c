"""The fixture graph loaded into each store (``store`` runs every test on both)."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph
from tests.queries.query_fixture import load


@pytest.fixture
def kb(store):
    load(store)
    return KnowledgeGraph(store)
