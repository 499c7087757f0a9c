"""The ``GraphStore`` interface both backends implement, and the helpers they share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol, TypeVar

from pydantic import BaseModel

from kg import schema
from kg.model import Node, Relationship

DEFAULT_BATCH_SIZE = 1000

T = TypeVar("T")

#: which Cypher a store speaks: LadybugDB's (embedded) or Neo4j's
Dialect = Literal["embedded", "neo4j"]


class GraphStore(Protocol):
    """A graph database the knowledge base can write to and query.

    ``dialect`` is ``"embedded"`` or ``"neo4j"``; a query that differs between the two keeps
    both variants side by side and picks one by it.
    """

    dialect: Dialect
    batch_size: int

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one parameterised statement and return its rows as dicts."""
        ...

    def run_batches(self, cypher: str, rows: Sequence[dict[str, Any]]) -> int:
        """Run an ``UNWIND $rows`` statement over ``rows`` in batches, each one transaction."""
        ...

    def close(self) -> None: ...


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert_nodes(store: GraphStore, nodes: Iterable[Node]) -> int:
    """MERGE nodes by key in batches; returns how many rows were written."""
    return _upsert(store, list(nodes), schema.node_upsert)


def upsert_relationships(store: GraphStore, rels: Iterable[Relationship]) -> int:
    """MERGE relationships between existing nodes in batches; returns rows written."""
    return _upsert(store, list(rels), schema.relationship_upsert)


def _upsert(store: GraphStore, items: list[BaseModel], statement) -> int:
    written = 0
    by_model: dict[type, list[BaseModel]] = {}
    for item in items:
        by_model.setdefault(type(item), []).append(item)
    for model, group in by_model.items():
        props = schema.present_properties(group)
        written += store.run_batches(
            statement(model, store.dialect, props), schema.rows(group, props)
        )
    return written
