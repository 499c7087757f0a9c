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
from operator import attrgetter, itemgetter
from typing import Any

from pydantic import BaseModel

from kg import schema
from kg.model import Node, Relationship

#: a relationship write COPYs when it has at least this share of the type's stored edges
REL_SHARE = 0.01
#: a write naming fewer than this share of a label's nodes looks its keys up instead of scanning
#: (by key: about 4 us a key; a scan: about 0.3 us a node, measured at 1M nodes)
LOOKUP_SHARE = 0.1
#: the fields naming a relationship's endpoints (by key)
_ENDPOINTS = ("src", "dst")


def available(store: Any) -> bool:
    """Whether ``store`` has a COPY path (the embedded store, unless turned off)."""
    return getattr(store, "bulk_min_rows", None) is not None and hasattr(store, "copy")


def enabled(store: Any, rows: int) -> bool:
    """Whether ``store`` has a COPY path and a write of ``rows`` rows is large enough for it."""
    return available(store) and rows >= store.bulk_min_rows


def fold(items: Sequence[BaseModel], identity: attrgetter) -> list[BaseModel]:
    """One item per identity, in first-seen order; later non-null values win.

    >>> from kg.model import Paper
    >>> [p.model_dump(exclude_none=True) for p in fold(
    ...     [Paper(key="a", year=1), Paper(key="b"), Paper(key="a", title="T")], attrgetter("key"))]
    [{'key': 'a', 'title': 'T', 'title_norm': 't', 'year': 1}, {'key': 'b'}]
    """
    ids = list(map(identity, items))
    if len(set(ids)) == len(ids):
        return list(items)
    merged: dict[Any, dict[str, Any]] = {}
    for ident, item in zip(ids, items):
        values = {k: v for k, v in item.__dict__.items() if v is not None}
        merged.setdefault(ident, {}).update(values)
    model = type(items[0])
    return [model.model_construct(**values) for values in merged.values()]


def _count(store: Any, label: str) -> int:
    return store.run(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]


def _stored(store: Any, label: str, keys: set[str], columns: str):
    """A frame of ``columns`` (``n`` is the node, ``key`` a column) of stored ``label`` nodes:
    those among ``keys``, looked up by key, when they are few beside the label's nodes, else all
    of them (one scan)."""
    size = _count(store, label) if keys else 0
    if not size:
        return None
    if len(keys) < LOOKUP_SHARE * size:
        return store.frame(
            f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN {columns}",
            {"keys": sorted(keys)},
        )
    return store.frame(f"MATCH (n:{label}) RETURN {columns}")


def _offsets(store: Any, label: str, keys: set[str]) -> dict[str, int]:
    """The internal offsets of the stored ``label`` nodes among ``keys``, by key."""
    frame = _stored(store, label, keys, "n.key AS key, offset(id(n)) AS offset")
    if frame is None:
        return {}
    return {k: o for k, o in zip(frame["key"].tolist(), frame["offset"].tolist()) if k in keys}


def stored_values(store: Any, label: str, keys: set[str], fields: Sequence[str]) -> dict[str, dict]:
    """``fields`` of the stored ``label`` nodes among ``keys``, by key."""
    columns = ", ".join(["n.key AS key", *(f"n.{f} AS {f}" for f in fields)])
    frame = _stored(store, label, keys, columns)
    if frame is None:
        return {}  # a first load: nothing stored
    out: dict[str, dict] = {}
    for row in zip(*(frame[c].tolist() for c in ["key", *fields])):
        if row[0] in keys:
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
        store.copy(model.label, _frame(as_columns(new, props)), props)
    if not stored:
        return []  # a first load: nothing to MERGE
    props = [p for p in schema.present_properties(nodes) if p != "key"]
    once = getattr(model, "write_once", ())
    return [
        n
        for n in nodes
        if (held := stored.get(n.key)) is not None
        and _changes([n.__dict__[p] for p in props], props, [held[p] for p in props], once)
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
    holds that the write changes, to MERGE. When the write is small beside the stored edges,
    returns them all.

    The write is handled as columns (one list per field), checked with sets and pandas, not
    row by row: its models are read once, into the columns the COPY reads.
    """
    stored = _stored_edge_count(store, model)
    if len(rels) < REL_SHARE * stored:
        return list(rels)
    return copy_new_columns(store, model, as_columns(rels, list(model.model_fields)), stored)


def copy_new_columns(
    store: Any, model: type[Relationship], columns: dict[str, list], stored: int | None = None
) -> list[Relationship]:
    """:func:`copy_new_relationships` for a write held as columns (``columns[field][i]``: the
    value of row ``i``; every field of ``model``), COPYing whatever its size; ``stored``: the
    type's stored edges, when known."""
    if stored is None:
        stored = _stored_edge_count(store, model)
    ends = _endpoints(store, model, columns)
    ids = _fold_rows(columns, _edge_ids(model, columns, *ends))
    present = _present(columns)
    if stored and len(ids):
        props = [p for p in present if p not in (*_ENDPOINTS, *model.identity)]
        new, rest = _split_stored(store, model, columns, ids, ends, props)
    else:
        new, rest = ids["row"].to_numpy(), []  # a first load: every edge is new
    del ids, ends  # not held through the COPY, whose own transient is larger
    if len(new):
        # a column null in every row is left out: the COPY leaves it null
        copied = [c for c in present if c not in _ENDPOINTS]
        rows = None if len(new) == len(columns["src"]) else new  # None: all of them
        frame = _frame({c: columns[c] for c in [*_ENDPOINTS, *copied]}, rows)
        store.copy(model.type, frame, copied)
    return [model.model_construct(**{f: c[row] for f, c in columns.items()}) for row in rest]


def _stored_edge_count(store: Any, model: type[Relationship]) -> int:
    return store.run(f"MATCH ()-[r:{model.type}]->() RETURN count(r) AS n")[0]["n"]


def _endpoints(
    store: Any, model: type[Relationship], columns: Mapping[str, list]
) -> tuple[dict[str, int], dict[str, int]]:
    """The internal offsets of the write's stored sources and of its stored targets, by key."""
    sources, targets = set(columns["src"]), set(columns["dst"])
    if model.source_label != model.target_label:
        return _offsets(store, model.source_label, sources), _offsets(
            store, model.target_label, targets
        )
    found = _offsets(store, model.source_label, sources | targets)
    return (
        {k: found[k] for k in sources if k in found},
        {k: found[k] for k in targets if k in found},
    )


def _edge_ids(
    model: type[Relationship],
    columns: Mapping[str, list],
    sources: Mapping[str, int],
    targets: Mapping[str, int],
):
    """A frame of the write's edges: ``src`` and ``dst`` (keys), the identity properties and
    ``row`` (the position of the write's row), without the rows naming a node the store lacks
    (as MERGE's ``MATCH`` drops them)."""
    import pandas

    src, dst = columns["src"], columns["dst"]
    ids = pandas.DataFrame(
        {
            "src": _series(src),
            "dst": _series(dst),
            **{p: _series(columns[p]) for p in model.identity},
            "row": range(len(src)),
        }
    )
    if len(sources) < len(set(src)) or len(targets) < len(set(dst)):
        ids = ids[ids["src"].isin(sources.keys()) & ids["dst"].isin(targets.keys())]
    return ids


def _fold_rows(columns: dict[str, list], ids):
    """``ids`` without the rows that repeat an earlier row's identity (every column but
    ``row``); the non-null values of each repeat are moved, in order, into the first row of
    its identity in ``columns``, so later non-null values win, as the MERGE statements would
    leave them (:func:`fold`)."""
    keys = [c for c in ids.columns if c != "row"]
    later = ids.duplicated(subset=keys)
    if not later.any():
        return ids
    repeated = later | ids.duplicated(subset=keys, keep="last")
    first: dict[tuple, int] = {}
    for row, *identity in ids.loc[repeated, ["row", *keys]].itertuples(index=False, name=None):
        head = first.setdefault(tuple(identity), row)
        if head != row:
            for values in columns.values():
                if values[row] is not None:
                    values[head] = values[row]
    return ids[~later]


def _split_stored(
    store: Any,
    model: type[Relationship],
    columns: Mapping[str, list],
    ids,
    ends: tuple[Mapping[str, int], Mapping[str, int]],
    props: Sequence[str],
) -> tuple[Any, list[int]]:
    """The rows of ``ids`` whose edge the store lacks, and those whose stored edge the write
    changes (rows that change nothing, as in a build run again, are not written)."""
    keys = ["src", "dst", *model.identity]
    held = _stored_edges(store, model, *ends, props).drop_duplicates(subset=keys, keep="last")
    joined = ids.merge(held, on=keys, how="left", indicator=True)
    found = (joined.pop("_merge") == "both").to_numpy()
    once = getattr(model, "write_once", ())
    matched = joined[found]
    rest = [
        row
        for row, *values in zip(matched["row"].tolist(), *(matched[p].tolist() for p in props))
        if _changes([columns[p][row] for p in props], props, values, once)
    ]
    return joined.loc[~found, "row"].to_numpy(), rest


def _stored_edges(
    store: Any,
    model: type[Relationship],
    sources: Mapping[str, int],
    targets: Mapping[str, int],
    props: Sequence[str],
):
    """A frame of the stored ``model`` edges between ``sources`` and ``targets`` (key ->
    internal offset): ``src`` and ``dst`` (keys), the identity properties and ``props``. Reads
    the edges whose source (or target, whichever spans fewer offsets) lies in the span of those
    given, so the cost follows the write, not the store."""
    spans = {end: (min(o.values()), max(o.values())) for end, o in (("a", sources), ("b", targets))}
    end = min(spans, key=lambda e: spans[e][1] - spans[e][0])
    extra = "".join(f", r.{p} AS {p}" for p in (*model.identity, *props))
    frame = store.frame(
        f"MATCH (a:{model.source_label})-[r:{model.type}]->(b:{model.target_label}) "
        f"WHERE offset(id({end})) >= $low AND offset(id({end})) <= $high "
        f"RETURN offset(id(a)) AS src, offset(id(b)) AS dst{extra}",
        {"low": spans[end][0], "high": spans[end][1]},
    )
    for column, ends in (("src", sources), ("dst", targets)):
        frame[column] = frame[column].map({o: k for k, o in ends.items()})
    return frame.dropna(subset=["src", "dst"])


def _changes(values: Sequence, props: Sequence[str], held: Sequence, once: Sequence[str]) -> bool:
    """Whether MERGE-ing a row with ``values`` of ``props`` would change the stored values
    ``held``: a null changes nothing, nor does a write-once property already set."""
    for prop, value, stored in zip(props, values, held):
        if value is None or (prop in once and _plain(stored) is not None):
            continue
        if value != _plain(stored):
            return True
    return False


def as_columns(items: Sequence[BaseModel], fields: Sequence[str]) -> dict[str, list]:
    """One list per field of the values of ``items``, in order (the models are flat: their
    ``__dict__`` holds the values as they are)."""
    values = [item.__dict__ for item in items]
    return {f: list(map(itemgetter(f), values)) for f in fields}


def _present(columns: Mapping[str, list]) -> list[str]:
    """The columns some row sets (see :func:`kg.schema.present_properties`)."""
    return [c for c, values in columns.items() if _set_anywhere(values)]


def _set_anywhere(values) -> bool:
    """Whether some value of a list or object array is not None (counted in C either way)."""
    if isinstance(values, list):
        return values.count(None) < len(values)
    import numpy

    return bool(numpy.not_equal(values, None).any())


def _series(values: list):
    import pandas

    # object dtype: None stays null and strings stay Python strings; an object array (a
    # spool's column) is taken as it is, not copied
    return pandas.Series(values, dtype=object, copy=False)


def _frame(columns: Mapping[str, list], rows=None):
    """A DataFrame of ``columns``, of the ``rows`` (positions) only when given."""
    import pandas

    if rows is None:
        return pandas.DataFrame({c: _series(v) for c, v in columns.items()}, copy=False)
    # a column at a time: one whole column, not a whole frame, beside the rows taken
    return pandas.DataFrame(
        {c: _series(values).take(rows).reset_index(drop=True) for c, values in columns.items()}
    )


def _plain(value: Any) -> Any:
    """A DataFrame cell as the value the store holds (a null integer comes back as NaN)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value
