"""Schema and write statements derived from the models in :mod:`kg.model`.

One place owns each generated statement: the embedded store's DDL, Neo4j's constraints and
indexes, and the batched ``UNWIND $rows AS row MERGE ...`` upserts both stores run.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from itertools import repeat
from operator import is_not, itemgetter
from typing import Any

from pydantic import BaseModel

from kg.model import NODE_MODELS, RELATIONSHIP_MODELS, Node, Relationship

_EMBEDDED_TYPES = {str: "STRING", int: "INT64", float: "DOUBLE", bool: "BOOLEAN"}
_REL_ENDPOINTS = ("src", "dst")


def _base_type(annotation: Any) -> tuple[type, bool]:
    """(scalar python type, is_list) of a field annotation such as ``list[str] | None``."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0], True
    return annotation, False


def properties(model: type[BaseModel]) -> list[str]:
    """Stored property names of a model (endpoints of a relationship excluded)."""
    return [name for name in model.model_fields if name not in _REL_ENDPOINTS]


def property_type(model: type[BaseModel], field: str) -> tuple[type, bool]:
    """(scalar python type, is_list) of a stored property.

    >>> from kg.model import Paper
    >>> property_type(Paper, "fields_of_study"), property_type(Paper, "year")
    ((<class 'str'>, True), (<class 'int'>, False))
    """
    return _base_type(model.model_fields[field].annotation)


def embedded_type(model: type[BaseModel], field: str) -> str:
    scalar, is_list = property_type(model, field)
    name = _EMBEDDED_TYPES[scalar]
    return f"{name}[]" if is_list else name


def embedded_columns(node: type[Node]) -> list[str]:
    """Column definitions of a node table: the model's properties, then its counts (0 when new)."""
    return [f"{f} {embedded_type(node, f)}" for f in properties(node)] + [
        f"{c} INT64 DEFAULT 0" for c in node.counts
    ]


def embedded_ddl() -> list[str]:
    """``CREATE NODE TABLE`` / ``CREATE REL TABLE`` statements for LadybugDB."""
    statements = []
    for node in NODE_MODELS:
        columns = ", ".join(embedded_columns(node))
        statements.append(
            f"CREATE NODE TABLE IF NOT EXISTS {node.label}({columns}, PRIMARY KEY(key))"
        )
    for rel in RELATIONSHIP_MODELS:
        columns = ", ".join(f"{f} {embedded_type(rel, f)}" for f in properties(rel))
        statements.append(
            f"CREATE REL TABLE IF NOT EXISTS {rel.type}"
            f"(FROM {rel.source_label} TO {rel.target_label}, {columns})"
        )
        # a database an older version created gains the properties added since (EVALUATED_ON's
        # kind, split and stated), so `kg extract` can replace its extraction in place
        for f in rel.added:
            default = " DEFAULT ''" if embedded_type(rel, f) == "STRING" else ""
            statements.append(
                f"ALTER TABLE {rel.type} ADD IF NOT EXISTS {f} {embedded_type(rel, f)}{default}"
            )
    return statements


def embedded_added_columns(node: type[Node], existing: Sequence[str]) -> list[str]:
    """``ALTER TABLE ... ADD`` for the columns a database made by an older version lacks."""
    return [
        f"ALTER TABLE {node.label} ADD {column}"
        for column in embedded_columns(node)
        if column.split()[0] not in existing
    ]


def neo4j_schema() -> list[str]:
    """Idempotent constraints and indexes for Neo4j 5."""
    statements = []
    for node in NODE_MODELS:
        name = node.label.lower()
        statements.append(
            f"CREATE CONSTRAINT {name}_key IF NOT EXISTS "
            f"FOR (n:{node.label}) REQUIRE n.key IS UNIQUE"
        )
        for prop in (*node.indexed, *node.counts):
            statements.append(
                f"CREATE INDEX {name}_{prop} IF NOT EXISTS FOR (n:{node.label}) ON (n.{prop})"
            )
    statements.append(
        "CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract]"
    )
    return statements


def _row_value(model: type[BaseModel], prop: str, dialect: str, row: str = "row.") -> str:
    # The embedded store types a parameter from its values; a column that is null in every row
    # of a batch would be bound as STRING, so it is cast to the column's type.
    if dialect == "embedded" and embedded_type(model, prop) != "STRING":
        return f"CAST({row}{prop} AS {embedded_type(model, prop)})"
    return f"{row}{prop}"


def _set_clause(
    var: str, model: type[BaseModel], props: list[str], dialect: str, row: str = "row."
) -> str:
    # A null in a row never erases what an earlier build stored (listing abstract kept when S2
    # has none, enrichment kept when the listing is built again); a write-once property (the
    # date a citation was first seen) keeps the stored value over the row's.
    once = getattr(model, "write_once", ())
    return ", ".join(
        f"{var}.{p} = coalesce({var}.{p}, {_row_value(model, p, dialect, row)})"
        if p in once
        else f"{var}.{p} = coalesce({_row_value(model, p, dialect, row)}, {var}.{p})"
        for p in props
    )


def node_update(model: type[Node], dialect: str, props: Sequence[str], row: str = "row.") -> str:
    """``MATCH`` existing nodes by key and set ``props``: follows ``UNWIND $rows AS row``, or
    with ``row=""`` the embedded store's ``LOAD FROM`` of a column frame."""
    return f"MATCH (n:{model.label} {{key: {row}key}}) SET " + _set_clause(
        "n", model, [p for p in props if p != "key"], dialect, row
    )


def node_upsert(model: type[Node], dialect: str, props: Sequence[str] | None = None) -> str:
    """``MERGE`` by key, then set ``props`` (default: every property)."""
    props = [p for p in (properties(model) if props is None else props) if p != "key"]
    return f"UNWIND $rows AS row MERGE (n:{model.label} {{key: row.key}})" + (
        f" SET {_set_clause('n', model, props, dialect)}" if props else ""
    )


def relationship_upsert(
    model: type[Relationship],
    dialect: str,
    props: Sequence[str] | None = None,
    by_id: bool = False,
) -> str:
    """Endpoints are bound ``MATCH ... WITH ... MATCH``: the comma form is planned as a scan on
    the embedded store and is ~70x slower there. ``by_id`` (Neo4j) binds them by the element ids
    in ``row.s`` and ``row.d`` instead of by key (see :func:`_endpoints`)."""
    identity = "".join(f", {p}: row.{p}" for p in model.identity)
    identity = f" {{{identity[2:]}}}" if identity else ""
    props = [p for p in (properties(model) if props is None else props) if p not in model.identity]
    return f"{_endpoints(model, by_id)} MERGE (a)-[r:{model.type}{identity}]->(b)" + (
        f" SET {_set_clause('r', model, props, dialect)}" if props else ""
    )


def relationship_create(
    model: type[Relationship], props: Sequence[str] | None = None, by_id: bool = False
) -> str:
    """``CREATE`` for relationships known to be new (no MERGE check, no coalesce): endpoints
    bound as in :func:`relationship_upsert`, ``props`` (default: every property) set as given."""
    props = list(properties(model) if props is None else props)
    return f"{_endpoints(model, by_id)} CREATE (a)-[r:{model.type}]->(b)" + (
        f" SET {', '.join(f'r.{p} = row.{p}' for p in props)}" if props else ""
    )


def _endpoints(model: type[Relationship], by_id: bool) -> str:
    # By key, each endpoint is an index seek on a string; by element id (Neo4j, ids looked up
    # once per write) a direct record lookup: 24k -> 44k relationships/s measured.
    if by_id:
        return (
            f"UNWIND $rows AS row MATCH (a:{model.source_label}) WHERE elementId(a) = row.s "
            f"WITH a, row MATCH (b:{model.target_label}) WHERE elementId(b) = row.d"
        )
    return (
        f"UNWIND $rows AS row MATCH (a:{model.source_label} {{key: row.src}}) WITH a, row "
        f"MATCH (b:{model.target_label} {{key: row.dst}})"
    )


def merge_duplicate_rows(
    model: type[Relationship], rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One row per relationship (endpoints and identity), in first-seen order; a later
    duplicate's non-null values win, as MERGE-then-coalesce of the rows in order would give.

    >>> from kg.model import Cites
    >>> merge_duplicate_rows(Cites, [{"src": "a", "dst": "b", "source": "s2", "intents": None},
    ...                              {"src": "a", "dst": "b", "source": None, "intents": ["x"]}])
    [{'src': 'a', 'dst': 'b', 'source': 's2', 'intents': ['x']}]
    """
    identity = itemgetter(*_REL_ENDPOINTS, *model.identity)
    keys = [identity(row) for row in rows]
    if len(set(keys)) == len(keys):
        return list(rows)
    merged: dict[tuple, dict[str, Any]] = {}
    for key, row in zip(keys, rows):
        seen = merged.get(key)
        if seen is None:
            merged[key] = dict(row)
        else:
            seen.update((k, v) for k, v in row.items() if v is not None)
    return list(merged.values())


def present_properties(items: Sequence[BaseModel]) -> list[str]:
    """Properties some item sets. A property null in every row changes nothing (nulls never
    overwrite), so leaving it out of the statement and rows saves the work of sending it."""
    model = type(items[0])
    always = ("key", *getattr(model, "identity", ()))
    # the scan runs in C (map over the models' __dict__, no generator step per row): a property
    # null in every row is read in every row, a quarter of a 100,000-node write's Python time
    values = [item.__dict__ for item in items]
    return [
        p
        for p in properties(model)
        if p in always or any(map(is_not, map(itemgetter(p), values), repeat(None)))
    ]


def rows(items: Sequence[BaseModel], props: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Parameter rows for an upsert: the same fields in every row (endpoints always)."""
    if not items:
        return []
    fields = type(items[0]).model_fields
    include = [
        *(f for f in _REL_ENDPOINTS if f in fields),
        *(f for f in (fields if props is None else props) if f not in _REL_ENDPOINTS),
    ]
    # the models are flat with no serialisers: their fields as they are (5x model_dump's speed)
    return [{f: item.__dict__[f] for f in include} for item in items]
