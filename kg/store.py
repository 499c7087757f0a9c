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
    """MERGE relationships between existing nodes in batches; returns rows written. A store
    with its own ``write_relationships`` (Neo4j: CREATE for the new ones) writes them."""
    return _upsert(store, list(rels), schema.relationship_upsert, "write_relationships")


def update_node_columns(
    store: GraphStore, label: str, keys: Sequence[str], columns: dict[str, Sequence[Any]]
) -> int:
    """Set properties of existing ``label`` nodes from column data: ``columns[name][i]`` is the
    value for ``keys[i]``; keys not in the store are skipped; returns the number of rows given.

    >>> update_node_columns(store, "Paper", ["s2:a", "s2:b"], {"pagerank": [0.6, 0.4]})  # doctest: +SKIP
    2
    """
    names = list(columns)
    sets = ", ".join(f"n.{c} = coalesce(row.{c}, n.{c})" for c in names)
    rows = [{"key": k, **{c: columns[c][i] for c in names}} for i, k in enumerate(keys)]
    store.run_batches(f"UNWIND $rows AS row MATCH (n:{label} {{key: row.key}}) SET {sets}", rows)
    return len(keys)


def _upsert(store: GraphStore, items: list[BaseModel], statement, own_path: str = "") -> int:
    written = 0
    by_model: dict[type, list[BaseModel]] = {}
    for item in items:
        by_model.setdefault(type(item), []).append(item)
    write = getattr(store, own_path, None) if own_path else None
    for model, group in by_model.items():
        props = schema.present_properties(group)
        rows = schema.rows(group, props)
        if write is not None:
            written += write(model, props, rows)
        else:
            written += store.run_batches(statement(model, store.dialect, props), rows)
    return written
