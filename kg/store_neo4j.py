"""The Neo4j store: a Neo4j 5 server (or cluster, or Aura) reached with the official driver.

``bolt://`` reaches one server; the routing schemes ``neo4j://`` and ``neo4j+s://`` reach clusters
and Aura. Every query names the database; the schema (constraints, indexes, full-text index) is
created on connect, idempotently. Bulk writes run one managed write transaction per batch, so the
driver retries transient errors and an interrupted build loses at most the batch in flight.
"""

from __future__ import annotations

import datetime
import itertools
import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from kg import counts, schema
from kg import model as kg_model
from kg.errors import StoreError
from kg.model import NODE_BY_LABEL, RELATIONSHIP_BY_TYPE
from kg.store import Dialect, batched

# The driver logs connection failures at ERROR level, which Python prints to stderr when the
# application configured no logging; the StoreError raised here already says it in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: seconds to wait for a server that does not answer (a refused connection fails at once)
CONNECTION_TIMEOUT = 15.0
#: seconds to wait for the schema's indexes to come online after they are created
INDEX_WAIT = 300
#: rows per write transaction (benchmarks/neo4j_writes.py measured 1,000 to 50,000: the
#: per-transaction overhead is gone by 10,000, larger ones only cost server heap)
BATCH_SIZE = 10_000
#: concurrent write transactions of a relationship write, on batches with disjoint sources
REL_WRITERS = 2


class Neo4jStore:
    """A Neo4j database; the schema is created on open.

    >>> store = Neo4jStore("bolt://localhost:7687", password="secret")  # doctest: +SKIP
    >>> store.run("MATCH (p:Paper) RETURN count(p) AS n")  # doctest: +SKIP
    [{'n': 107}]
    """

    dialect: Dialect = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str | None = None,
        database: str = "neo4j",
        batch_size: int = BATCH_SIZE,
        read_only: bool = False,
        writers: int = REL_WRITERS,
    ):
        self.uri = uri
        self.writers = writers
        self.read_only = read_only
        self.user = user
        self.database = database
        self.batch_size = batch_size
        self._driver: neo4j.Driver | None = None
        auth = (user, password) if password else None
        try:
            self._driver = GraphDatabase.driver(
                uri, auth=auth, connection_timeout=CONNECTION_TIMEOUT
            )
            self._driver.verify_connectivity()
        except neo4j_errors.AuthError:
            self.close()
            raise StoreError(
                f"Neo4j at {uri} refused the credentials of user {user!r}: "
                "check NEO4J_USER and NEO4J_PASSWORD"
            ) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            self.close()
            raise StoreError(f"cannot reach Neo4j at {uri}: {_one_line(exc)}") from None
        except (neo4j_errors.ConfigurationError, ValueError) as exc:
            self.close()
            raise StoreError(f"bad Neo4j URI {uri!r}: {_one_line(exc)}") from None
        except neo4j_errors.Neo4jError as exc:
            self.close()
            raise StoreError(f"Neo4j at {uri}: {_one_line(exc)}") from None
        if read_only:
            return
        try:
            self._create_schema()
        except StoreError as exc:
            self.close()
            raise StoreError(
                f"cannot set up the schema in database {database!r} at {uri}: {_one_line(exc)}"
            ) from None

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    def _create_schema(self) -> None:
        for statement in schema.neo4j_schema():
            self.run(statement)
        # Plain and full-text indexes fill in the background; wait so the first search sees data.
        self.run(f"CALL db.awaitIndexes({INDEX_WAIT})")
        counts.refresh_if_missing(self)  # nodes written before the counts existed

    def _session(self) -> neo4j.Session:
        if self._driver is None:
            raise StoreError(f"the Neo4j store at {self.uri} is closed")
        # A read-only store opens read sessions: the server rejects any write in them.
        mode = neo4j.READ_ACCESS if self.read_only else neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """A failed statement or a lost connection as a one-line StoreError."""
        try:
            yield
        except neo4j_errors.Neo4jError as exc:
            raise StoreError(_message(exc)) from None
        except neo4j_errors.DriverError as exc:
            raise StoreError(f"Neo4j at {self.uri}: {_one_line(exc)}") from None

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        # An auto-commit transaction: it also runs `CALL { ... } IN TRANSACTIONS` and schema
        # statements, which a managed transaction cannot.
        with self._errors(), self._session() as session:
            result = session.run(cypher, params or {})
            return [{key: _plain(value) for key, value in record.items()} for record in result]

    def frame(self, cypher: str, params: dict[str, Any] | None = None):
        """The rows of a statement as a pandas DataFrame, made by the driver (no dict per row)."""
        with self._errors(), self._session() as session:
            return session.run(cypher, params or {}).to_df()

    def run_batches(self, cypher: str, rows: Sequence[dict[str, Any]]) -> int:
        def write(tx: neo4j.ManagedTransaction, batch: list[dict[str, Any]]) -> None:
            tx.run(cypher, rows=batch).consume()

        with self._errors(), self._session() as session:
            for batch in batched(rows, self.batch_size):
                session.execute_write(write, list(batch))
        return len(rows)

    def write_relationships(
        self,
        model: type[kg_model.Relationship],
        props: Sequence[str],
        rows: Sequence[dict[str, Any]],
    ) -> int:
        """Upsert relationship ``rows`` of ``model`` (what :func:`kg.store.upsert_relationships`
        runs here). Duplicates are merged first and the endpoints' element ids looked up once (a
        row with a missing endpoint writes nothing, as MERGE's ``MATCH`` drops it). Rows from a
        source node with no ``model.type`` edge yet are new: they are ``CREATE``-d; the others go
        through the usual ``MERGE`` (nulls never overwrite). Endpoints are bound by element id,
        one transaction per batch.

        Batches hold whole groups of rows with the same source node, so ``writers`` concurrent
        transactions never create relationships of one source twice; a deadlock on shared
        targets is a transient error the driver retries.
        """
        unique = schema.merge_duplicate_rows(model, rows)
        src_keys, dst_keys = {row["src"] for row in unique}, {row["dst"] for row in unique}
        if model.target_label == model.source_label:
            sources = targets = self._element_ids(model.source_label, src_keys | dst_keys)
        else:
            sources = self._element_ids(model.source_label, src_keys)
            targets = self._element_ids(model.target_label, dst_keys)
        bound = [
            {**row, "s": sources[row["src"]], "d": targets[row["dst"]]}
            for row in unique
            if row["src"] in sources and row["dst"] in targets
        ]
        busy = self._sources_with_edges(model, {row["s"] for row in bound})
        create = schema.relationship_create(model, [p for p in props if p != "key"], by_id=True)
        merge = schema.relationship_upsert(model, self.dialect, props, by_id=True)

        def write(tx: neo4j.ManagedTransaction, batch: list[dict[str, Any]]) -> None:
            if new := [row for row in batch if row["s"] not in busy]:
                tx.run(create, rows=new).consume()
            if rest := [row for row in batch if row["s"] in busy]:
                tx.run(merge, rows=rest).consume()

        def write_batch(batch: list[dict[str, Any]]) -> None:
            with self._session() as session:
                session.execute_write(write, batch)

        batches = _source_batches(bound, self.batch_size)
        with self._errors():
            if self.writers > 1 and len(batches) > 1:
                with ThreadPoolExecutor(self.writers) as pool:
                    list(pool.map(write_batch, batches))
            else:
                for batch in batches:
                    write_batch(batch)
        return len(rows)

    def _element_ids(self, label: str, keys: set[str]) -> dict[str, str]:
        """The element id of each stored ``label`` node among ``keys``, by key."""
        statement = f"UNWIND $keys AS k MATCH (n:{label} {{key: k}}) RETURN k, elementId(n) AS id"
        return self._lookup(statement, keys)

    def _sources_with_edges(self, model: type[kg_model.Relationship], ids: set[str]) -> set[str]:
        # a degree check per node, not an edge lookup per row
        statement = (
            f"UNWIND $keys AS k MATCH (a:{model.source_label}) WHERE elementId(a) = k "
            f"AND EXISTS {{ (a)-[:{model.type}]->() }} RETURN k, true"
        )
        return set(self._lookup(statement, ids))

    def _lookup(self, statement: str, keys: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        with self._errors(), self._session() as session:
            for chunk in batched(sorted(keys), self.batch_size):
                found.update(session.run(statement, keys=list(chunk)).values())
        return found

    def close(self) -> None:
        driver, self._driver = self._driver, None
        if driver is not None:
            driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _source_batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    """Batches of about ``size`` rows; all rows of one source node land in the same batch."""
    batches: list[list[dict[str, Any]]] = [[]]
    ordered = sorted(rows, key=lambda row: row["s"])  # the source's element id
    for _, group in itertools.groupby(ordered, key=lambda row: row["s"]):
        if len(batches[-1]) >= size:
            batches.append([])
        batches[-1].extend(group)
    return [b for b in batches if b]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] + ("..." if len(text) > 300 else "")


def _message(exc: neo4j_errors.Neo4jError) -> str:
    # The server's message as it is: a syntax error's caret line points at the offending token.
    return (exc.message or str(exc)).strip()


def _plain(value: Any) -> Any:
    """A driver value as plain Python, shaped like the embedded store's values.

    Nodes and relationships become dicts of their properties with ``_ID`` and ``_LABEL`` (and
    ``_SRC`` / ``_DST``), every model property present (None when unset); paths become
    ``{"_NODES": [...], "_RELS": [...]}``; temporal values become :mod:`datetime` values.
    """
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Node):
        label = next(iter(value.labels), None)
        model = NODE_BY_LABEL.get(label or "")
        base = dict.fromkeys(schema.properties(model)) if model else {}
        return {"_ID": value.element_id, "_LABEL": label, **base, **_plain(dict(value))}
    if isinstance(value, Relationship):
        model = RELATIONSHIP_BY_TYPE.get(value.type)
        base = dict.fromkeys(schema.properties(model)) if model else {}
        return {
            # a Node without loaded properties is falsy: compare with None
            "_SRC": value.start_node.element_id if value.start_node is not None else None,
            "_DST": value.end_node.element_id if value.end_node is not None else None,
            "_LABEL": value.type,
            "_ID": value.element_id,
            **base,
            **_plain(dict(value)),
        }
    if isinstance(value, Path):
        return {"_NODES": _plain(list(value.nodes)), "_RELS": _plain(list(value.relationships))}
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        if value.months == 0:
            return datetime.timedelta(
                days=value.days, seconds=value.seconds, microseconds=value.nanoseconds // 1000
            )
        return str(value)
    if isinstance(value, Point):
        return list(value)
    return value
