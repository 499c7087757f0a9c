"""The ``GraphStore`` interface both backends implement, and the helpers they share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Literal, Protocol, TypeVar

from pydantic import BaseModel

from kg import bulk, counts, schema
from kg.model import NODE_BY_LABEL, Node, Paper, Relationship

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

    def frame(self, cypher: str, params: dict[str, Any] | None = None) -> Any:
        """Run one statement and return its rows as a pandas DataFrame (no dict per row)."""
        ...

    def close(self) -> None: ...


def batched(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert_nodes(store: GraphStore, nodes: Iterable[Node]) -> int:
    """MERGE nodes by key (a null never overwrites a stored value); returns rows written.

    This is the write path every caller uses. On the embedded store a large write COPYs its new
    nodes (one COPY, committed by itself) and MERGEs the rest (:mod:`kg.bulk`) in one transaction;
    the counts rankings read (:mod:`kg.counts`) are refreshed in it too.
    """
    written = 0
    for model, group in _groups(nodes).items():
        index = getattr(store, "identifiers", None) if model is Paper else None
        if index is not None:
            index.add(group)  # before the graph: see kg.lookup
        keys = {n.key for n in group}
        fields = counts.STORED_PAPER_FIELDS if model is Paper else ()
        with _scope(store, "indexed_writes"):
            if bulk.enabled(store, len(group)):
                # the COPY commits by itself: new nodes have no edges yet, so no count depends
                # on them
                props = [p for p in schema.present_properties(group) if p != "key"]
                stored = bulk.stored_values(
                    store, model.label, keys, list(dict.fromkeys([*fields, *props]))
                )
                rest = bulk.copy_new_nodes(store, model, group, stored)
                write = bulk.update_stored_nodes
            else:
                stored = _stored_values(store, model.label, keys, fields) if fields else {}
                rest, write = group, _upsert
            with _scope(store, "transaction"):
                write(store, rest)
                counts.after_nodes(store, model, group, stored)
        written += len(group)
    return written


def upsert_relationships(store: GraphStore, rels: Iterable[Relationship]) -> int:
    """MERGE relationships between existing nodes (a row naming a missing node writes nothing);
    returns rows written. Large writes on the embedded store COPY the new edges (see
    :func:`upsert_nodes`); the counts of the nodes the edges reach are refreshed."""
    written = 0
    for model, group in _groups(rels).items():
        # the COPY commits by itself; a crash before the counts below leaves them stale, and
        # the write run again (its edges now all there) refreshes them
        with _scope(store, "indexed_writes"):
            rest = (
                bulk.copy_new_relationships(store, model, group)
                if bulk.enabled(store, len(group))
                else group
            )
            with _scope(store, "transaction"):
                write = getattr(store, "write_relationships", None)
                if write is not None and rest:  # Neo4j: CREATE for new edges, concurrent writers
                    props = schema.present_properties(rest)
                    write(model, props, schema.rows(rest, props))
                else:
                    _merge(store, rest, schema.relationship_upsert)
                counts.after_relationships(store, model, group)
        written += len(group)
    return written


def upsert_relationship_columns(
    store: GraphStore, model: type[Relationship], columns: Mapping[str, list]
) -> int:
    """:func:`upsert_relationships` for a write of ``model`` edges held as columns
    (``columns[field][i]``: the value of row ``i``, every field of ``model``), for writes too
    large to hold as models (:class:`kg.spool.EdgeSpool`). On the embedded store the new edges
    go in by one COPY; elsewhere, or for a small write, the rows are written as models."""
    n = len(columns["src"])
    if not bulk.enabled(store, n):
        rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
        return upsert_relationships(store, [model.model_construct(**row) for row in rows])
    with _scope(store, "indexed_writes"):
        rest = bulk.copy_new_columns(store, model, dict(columns))
        with _scope(store, "transaction"):
            _merge(store, rest, schema.relationship_upsert)
            counts.after_relationship_ends(store, model, columns)
    return n


def update_node_columns(
    store: GraphStore, label: str, keys: Sequence[str], columns: Mapping[str, Sequence[Any]]
) -> int:
    """Set properties of existing ``label`` nodes from column data: ``columns[name][i]`` is the
    value for ``keys[i]``. For write-backs over the whole graph (PageRank, communities) without
    building a record per node. A null never overwrites; keys not in the store are skipped;
    returns the number of rows given. Only model properties that no count depends on.

    >>> from kg.examples import LORA, QLORA, example_graph
    >>> kb = example_graph()
    >>> update_node_columns(kb.store, "Paper", [LORA, QLORA], {"pagerank": [0.6, None]})
    2
    >>> kb.cypher("MATCH (p:Paper) WHERE p.pagerank IS NOT NULL RETURN p.key AS key")
    [{'key': 'arxiv:2106.09685'}]
    """
    model = NODE_BY_LABEL[label]
    unknown = [
        c
        for c in columns
        if c not in schema.properties(model) or c in ("key", "listed", "citation_count")
    ]
    if unknown:
        raise ValueError(f"{label} has no property {unknown[0]!r} that update_node_columns may set")
    n = len(keys)
    if any(len(values) != n for values in columns.values()):
        raise ValueError("every column needs one value per key")
    names = list(columns)
    if bulk.enabled(store, n) and hasattr(store, "load"):
        data = {"key": list(keys), **{c: list(v) for c, v in columns.items()}}
        store.load(schema.node_update(model, store.dialect, names, row=""), data)
        return n
    rows = [{"key": k, **{c: columns[c][i] for c in names}} for i, k in enumerate(keys)]
    store.run_batches(
        "UNWIND $rows AS row " + schema.node_update(model, store.dialect, names), rows
    )
    return n


def _groups(items: Iterable[T]) -> dict[type[T], list[T]]:
    by_model: dict[type[T], list[T]] = {}
    for item in items:
        by_model.setdefault(type(item), []).append(item)
    return by_model


def _upsert(store: GraphStore, nodes: Sequence[Node]) -> None:
    _merge(store, nodes, schema.node_upsert)


def _merge(store: GraphStore, group: Sequence[BaseModel], statement) -> None:
    if group:
        props = schema.present_properties(group)
        store.run_batches(
            statement(type(group[0]), store.dialect, props), schema.rows(group, props)
        )


def _stored_values(
    store: GraphStore, label: str, keys: set[str], fields: Sequence[str]
) -> dict[str, dict]:
    """``fields`` of the stored ``label`` nodes among ``keys``, looked up by key in batches."""
    columns = ", ".join(["n.key AS key", *(f"n.{f} AS {f}" for f in fields)])
    statement = f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN {columns}"
    found: dict[str, dict] = {}
    for chunk in batched(sorted(keys), max(store.batch_size, 1000)):
        for row in store.run(statement, {"keys": list(chunk)}):
            found[row.pop("key")] = row
    return found


def _scope(store: GraphStore, name: str) -> AbstractContextManager[Any]:
    """The store's context manager ``name`` when it has one. ``transaction``: the embedded
    store writes the MERGE part of an upsert and its count refresh as one transaction (Neo4j
    keeps one transaction per batch, and a write run again refreshes the counts).
    ``indexed_writes``: writes the identifier index already knows (see :mod:`kg.lookup`)."""
    enter = getattr(store, name, None)
    return enter() if enter is not None else nullcontext()
