"""Bulk writes on the embedded store: the rows of a large write that are new go in by one
``COPY ... FROM`` a DataFrame; the rest go through the MERGE statements of :mod:`kg.schema`.

A COPY appends. It cannot update a node or a relationship, and one duplicate key fails it whole.
So a write is split first against what the store holds: the stored nodes among its keys (looked
up by key, or one scan of the label when the write is a large share of it) and the stored edges
among its edges (those within the range of internal node offsets its endpoints span, so the cost
follows the write, not the store: a chunk of a build lists its papers in the order they were
first written). Rows naming the same node or edge twice are folded into one, later non-null values
winning, as the MERGE statements would leave them. Relationships with a missing endpoint are
dropped, as MERGE's ``MATCH`` drops them. New rows never carry nulls over stored values: there
are none. :func:`kg.store.upsert_nodes` and :func:`kg.store.upsert_relationships` run the split
and the COPY, which commits by itself (all its rows or none: a kill -9 mid-COPY leaves none),
then the MERGE of the rest and the count refresh in one transaction. A crash between the two
leaves counts that miss the COPYed edges; counts are recomputed from the edges
(:mod:`kg.counts`), so running the write again, which finds those edges stored, repairs them as
it finishes the rest. (One transaction around both cost 2x: at 100,000 papers its commit took
9.5 s of 29 s, measured.)

Appending to a relationship table costs time in proportion to the edges it already holds (COPY
of 200,000 edges into a table of 5M: 3.2 s, against about 25 s to MERGE them), so a relationship
write COPYs only when it is at least :data:`REL_SHARE` of them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from kg import schema
from kg.model import Node, Relationship

#: a relationship write COPYs when it has at least this share of the type's stored edges
REL_SHARE = 0.01
#: a write naming fewer than this share of a label's nodes looks its keys up instead of scanning
#: (by key: about 4 us a key; a scan: about 0.3 us a node, measured at 1M nodes)
LOOKUP_SHARE = 0.1


def enabled(store: Any, rows: int) -> bool:
    """Whether ``store`` has a COPY path and a write of ``rows`` rows is large enough for it."""
    threshold = getattr(store, "bulk_min_rows", None)
    return threshold is not None and hasattr(store, "copy") and rows >= threshold


def fold(items: Sequence[BaseModel], identity: attrgetter) -> list[BaseModel]:
    """One item per identity, in first-seen order; later non-null values win.

    >>> from kg.model import Paper
    >>> [p.model_dump(exclude_none=True) for p in fold(
    ...     [Paper(key="a", year=1), Paper(key="b"), Paper(key="a", title="T")], attrgetter("key"))]
    [{'key': 'a', 'title': 'T', 'title_norm': 't', 'year': 1}, {'key': 'b'}]
    """
    return _fold(items, list(map(identity, items)))[0]


def _fold(items: Sequence[BaseModel], ids: list) -> tuple[list[BaseModel], list]:
    """:func:`fold` given each item's identity; returns the items and their identities."""
    if len(set(ids)) == len(ids):
        return list(items), ids
    merged: dict[Any, dict[str, Any]] = {}
    for ident, item in zip(ids, items):
        values = {k: v for k, v in item.__dict__.items() if v is not None}
        merged.setdefault(ident, {}).update(values)
    model = type(items[0])
    return [model.model_construct(**values) for values in merged.values()], list(merged)


def _count(store: Any, label: str) -> int:
    return store.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]


def _stored(store: Any, label: str, keys: set[str], columns: str):
    """A frame of ``columns`` (``n`` is the node, ``key`` a column) of the stored ``label`` nodes
    among ``keys``: looked up by key when they are few beside the label's nodes, else one scan."""
    size = _count(store, label) if keys else 0
    if not size:
        return None
    if len(keys) < LOOKUP_SHARE * size:
        return store.frame(
            f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN {columns}",
            {"keys": sorted(keys)},
        )
    frame = store.frame(f"MATCH (n:{label}) RETURN {columns}")
    return frame[frame["key"].isin(keys)]


def offsets(store: Any, label: str, keys: set[str]) -> dict[str, int]:
    """The internal offsets of the stored ``label`` nodes among ``keys``, by key."""
    frame = _stored(store, label, keys, "n.key AS key, offset(id(n)) AS offset")
    if frame is None:
        return {}
    return dict(zip(frame["key"].tolist(), frame["offset"].tolist()))


def stored_values(store: Any, label: str, keys: set[str], fields: Sequence[str]) -> dict[str, dict]:
    """``fields`` of the stored ``label`` nodes among ``keys``, by key."""
    columns = ", ".join(["n.key AS key", *(f"n.{f} AS {f}" for f in fields)])
    frame = _stored(store, label, keys, columns)
    if frame is None:
        return {}  # a first load: nothing stored
    out: dict[str, dict] = {}
    for row in zip(*(frame[c].tolist() for c in ["key", *fields])):
        out[row[0]] = {f: _plain(v) for f, v in zip(fields, row[1:])}
    return out


def copy_new_nodes(
    store: Any, model: type[Node], nodes: Sequence[Node], stored: Mapping[str, Mapping[str, Any]]
) -> list[Node]:
    """COPY the nodes whose key is not in ``stored`` (:func:`stored_values` of the write's
    properties); returns the stored ones the write changes, to MERGE (a node written again with
    the values it holds is left alone)."""
    nodes = fold(nodes, attrgetter("key"))
    new = [n for n in nodes if n.key not in stored]
    if new:
        props = schema.present_properties(new)
        store.copy(model.label, _frame(new, props), props)
    props = [p for p in schema.present_properties(nodes) if p != "key"]
    once = getattr(model, "write_once", ())
    return [
        n
        for n in nodes
        if (held := stored.get(n.key)) is not None
        and _changes(n, props, [held[p] for p in props], once)
    ]


def update_stored_nodes(store: Any, nodes: Sequence[Node]) -> None:
    """Set the properties of ``nodes``, all stored (what :func:`copy_new_nodes` returns), by one
    ``LOAD FROM`` a column frame with the MERGE path's ``SET`` (nulls never overwrite, write-once
    values stay): MATCH finds each, and MERGE rows run at a few thousand a second."""
    if nodes:
        props = schema.present_properties(nodes)
        columns = {p: [getattr(n, p) for n in nodes] for p in props}
        store.load(schema.node_update(type(nodes[0]), store.dialect, props, row=""), columns)


def copy_new_relationships(
    store: Any, model: type[Relationship], rels: Sequence[Relationship]
) -> list[Relationship]:
    """COPY the relationships the store lacks (both endpoints stored); returns the ones it
    holds, to MERGE. When the write is small beside the stored edges, returns them all."""
    stored = store.run(f"MATCH ()-[r:{model.type}]->() RETURN count(r) AS n")[0]["n"]
    if len(rels) < REL_SHARE * stored:
        return list(rels)
    rels, ids = _fold(rels, list(map(attrgetter("src", "dst", *model.identity), rels)))
    source_keys, target_keys = {i[0] for i in ids}, {i[1] for i in ids}
    if model.target_label == model.source_label:
        found = offsets(store, model.source_label, source_keys | target_keys)
        sources = {k: found[k] for k in source_keys if k in found}
        targets = {k: found[k] for k in target_keys if k in found}
    else:
        sources = offsets(store, model.source_label, source_keys)
        targets = offsets(store, model.target_label, target_keys)
    props = [p for p in schema.present_properties(rels) if p not in model.identity]
    # a first load: every edge is new
    edges = _edges(store, model, props, sources, targets) if stored and sources and targets else {}
    once = getattr(model, "write_once", ())
    new, rest = [], []
    for rel, ident in zip(rels, ids):
        if ident[0] not in sources or ident[1] not in targets:
            continue
        held = edges.get(ident)
        if held is None:
            new.append(rel)
        elif _changes(rel, props, held, once):
            rest.append(rel)  # rows that change nothing (a build run again) are not written
    if new:
        props = [p for p in schema.present_properties(new) if p not in ("src", "dst")]
        store.copy(model.type, _frame(new, ["src", "dst", *props]), props)
    return rest


def _edges(
    store: Any,
    model: type[Relationship],
    props: Sequence[str],
    sources: Mapping[str, int],
    targets: Mapping[str, int],
) -> dict[tuple, tuple]:
    """The stored ``model`` edges between ``sources`` and ``targets`` (key -> internal offset):
    identity (endpoint keys, identity properties) -> the values of ``props``. Reads the edges
    whose source (or target, whichever spans fewer offsets) lies in the span of those given."""
    spans = {end: (min(o.values()), max(o.values())) for end, o in (("a", sources), ("b", targets))}
    end = min(spans, key=lambda e: spans[e][1] - spans[e][0])
    extra = "".join(f", r.{p} AS {p}" for p in (*model.identity, *props))
    frame = store.frame(
        f"MATCH (a:{model.source_label})-[r:{model.type}]->(b:{model.target_label}) "
        f"WHERE offset(id({end})) >= $low AND offset(id({end})) <= $high "
        f"RETURN offset(id(a)) AS src, offset(id(b)) AS dst{extra}",
        {"low": spans[end][0], "high": spans[end][1]},
    )
    frame = frame[frame["src"].isin(sources.values()) & frame["dst"].isin(targets.values())]
    source_key = {o: k for k, o in sources.items()}
    target_key = {o: k for k, o in targets.items()}
    ids = zip(
        map(source_key.__getitem__, frame["src"].tolist()),
        map(target_key.__getitem__, frame["dst"].tolist()),
        *(frame[c].tolist() for c in model.identity),
    )
    values = zip(*(frame[p].tolist() for p in props)) if props else [()] * len(frame)
    return dict(zip(ids, values))


def _changes(item: BaseModel, props: Sequence[str], held: tuple, once: Sequence[str]) -> bool:
    """Whether MERGE-ing ``item`` would change the stored values ``held`` of ``props``: a null
    changes nothing, nor does a write-once property already set."""
    values = item.__dict__
    for prop, stored in zip(props, held):
        value = values[prop]
        if value is None or (prop in once and _plain(stored) is not None):
            continue
        if value != _plain(stored):
            return True
    return False


def _frame(items: Sequence[BaseModel], columns: Sequence[str]):
    import pandas

    # object columns: None stays null (a numeric column would turn it into NaN)
    return pandas.DataFrame(
        {c: pandas.Series(list(map(attrgetter(c), items)), dtype=object) for c in columns}
    )


def _plain(value: Any) -> Any:
    """A DataFrame cell as the value the store holds (a null integer comes back as NaN)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value
