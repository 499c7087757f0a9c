"""The embedded default store: LadybugDB in one directory, no server."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug

from kg import counts, schema
from kg.errors import StoreError
from kg.lookup import FIELDS as lookup_fields
from kg.lookup import IdentifierIndex, may_set_identifiers
from kg.model import NODE_MODELS
from kg.store import DEFAULT_BATCH_SIZE, Dialect, batched

#: a write of at least this many rows of one kind COPYs the rows that are new (see kg.bulk)
BULK_MIN_ROWS = 2000
_GIB = 1024**3
#: after COPYing this many rows the database is closed and opened again: LadybugDB holds native
#: memory for every row COPYed (~2.3 KB a node row, not returned by a checkpoint, all of it by
#: a close, which takes ~20 ms at 1M papers): most of a large build's growth (see :meth:`EmbeddedStore.copy`)
REOPEN_AFTER_ROWS = 50_000


def machine_memory() -> int | None:
    """This machine's physical memory in bytes (None where the system does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None


def default_buffer_pool() -> int:
    """A quarter of the machine's memory, between 1 and 8 GiB: LadybugDB's checkpoint after a
    COPY into a large relationship table needs room (10M citations need more than 2 GiB)."""
    total = machine_memory()
    return 2 * _GIB if total is None else min(max(total // 4, _GIB), 8 * _GIB)


def _gib(size: int) -> str:
    return f"{size / _GIB:.1f} GiB" if size >= _GIB else f"{size // 2**20} MiB"


def _store_error(exc: RuntimeError, pool: int) -> StoreError:
    message = str(exc)
    if "buffer pool is full" in message:
        message += (
            f" (the buffer pool is {_gib(pool)}: set KG_BUFFER_POOL, e.g. "
            f"KG_BUFFER_POOL={max(2 * pool // _GIB, 2)}GiB, and run the same command again)"
        )
    return StoreError(message)


class EmbeddedStore:
    """A LadybugDB database at ``path``; the schema is created on open.

    >>> import tempfile
    >>> store = EmbeddedStore(Path(tempfile.mkdtemp()) / "kg.db")
    >>> store.run("MATCH (p:Paper) RETURN count(p) AS n")
    [{'n': 0}]
    """

    dialect: Dialect = "embedded"

    def __init__(
        self,
        path: str | Path,
        batch_size: int = DEFAULT_BATCH_SIZE,
        read_only: bool = False,
        buffer_pool_size: int | None = None,
        bulk_min_rows: int | None = BULK_MIN_ROWS,
    ):
        self.path = Path(path)
        self.batch_size = batch_size
        #: None turns the COPY path off (every write MERGEs row by row, the baseline)
        self.bulk_min_rows = bulk_min_rows
        #: bytes; None: :func:`default_buffer_pool`
        self.buffer_pool_size = buffer_pool_size or default_buffer_pool()
        self.read_only = read_only
        self._in_transaction = False
        self._indexed_writes = 0
        #: rows COPYed since the database was opened (see :data:`REOPEN_AFTER_ROWS`)
        self._copied = 0
        self.identifiers: IdentifierIndex | None = None
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `kg build` first")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._open()
        if not read_only:
            for statement in schema.embedded_ddl():
                self._conn.execute(statement)
            self._add_missing_columns()
        self.identifiers = self._identifier_index(read_only)

    def _open(self) -> None:
        try:
            self._db = ladybug.Database(
                str(self.path), read_only=self.read_only, buffer_pool_size=self.buffer_pool_size
            )
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, OSError) as exc:
            raise StoreError(f"cannot open the database at {self.path}: {exc}") from None
        self._copied = 0

    def _reopen(self) -> None:
        """Close the database and open it again (between statements, outside a transaction)."""
        self._conn.close()
        self._db.close()
        self._open()

    def _add_missing_columns(self) -> None:
        # A database an older version made lacks newer columns; its counts are then computed once.
        added = False
        for node in NODE_MODELS:
            existing = [r["name"] for r in self.run(f"CALL table_info('{node.label}') RETURN name")]
            for statement in schema.embedded_added_columns(node, existing):
                self.run(statement)
                added = True
        if added:
            counts.refresh_all(self)

    def _identifier_index(self, read_only: bool) -> IdentifierIndex | None:
        """The resolver's index (:mod:`kg.lookup`), rebuilt when it is not this database's; a
        read-only store without a current one resolves by scanning."""
        index = IdentifierIndex.beside(self.path, read_only)
        if index is None or index.belongs_to(self.path):
            return index
        if read_only:
            index.close()
            return None
        self._rebuild(index)
        return index

    def _rebuild(self, index: IdentifierIndex) -> None:
        columns = ", ".join(f"p.{f} AS {f}" for f in ("key", *lookup_fields))
        index.adopt(self.path, self.run(f"MATCH (p:Paper) RETURN {columns}"))

    def paper_index(self) -> IdentifierIndex | None:
        """The identifier index the resolver may trust (:mod:`kg.lookup`): rebuilt first when a
        statement outside the write paths may have changed identifiers; None (scan) when it is
        stale and the store is read-only."""
        index = self.identifiers
        if index is None or not index.stale:
            return index
        if index.read_only:
            return None
        self._rebuild(index)
        return index

    @contextmanager
    def indexed_writes(self) -> Iterator[None]:
        """Writes inside keep the identifier index themselves (:func:`kg.store.upsert_nodes`)."""
        self._indexed_writes += 1
        try:
            yield
        finally:
            self._indexed_writes -= 1

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        index = self.identifiers
        if index is not None and not self._indexed_writes and may_set_identifiers(cypher):
            index.mark_stale()
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise _store_error(exc, self.buffer_pool_size) from None
        if isinstance(result, list):  # several statements: the last one's rows
            result = result[-1]
        columns = result.get_column_names()
        out = [dict(zip(columns, row)) for row in result.get_all()]
        result.close()
        return out

    def run_batches(self, cypher: str, rows: Sequence[dict[str, Any]]) -> int:
        # Each execute is one auto-committed, WAL-backed transaction (or part of the one
        # `transaction()` opened): a crash loses at most the batch in flight, which the next
        # (idempotent) run writes again.
        for batch in batched(rows, self.batch_size):
            self.run(cypher, {"rows": list(batch)})
        return len(rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Statements run inside commit together or not at all (a crash rolls them back through
        the WAL). Nested uses join the outer transaction."""
        if self._in_transaction:
            yield
            return
        self.run("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # a failed statement already rolled the transaction back
            raise
        self._in_transaction = False
        self.run("COMMIT")

    def frame(self, cypher: str, params: dict[str, Any] | None = None):
        """The rows of a statement as a pandas DataFrame (no dict per row)."""
        try:
            result = self._conn.execute(cypher, params or {})
            frame = result.get_as_df()
        except RuntimeError as exc:
            raise _store_error(exc, self.buffer_pool_size) from None
        result.close()
        return frame

    def load(self, statement: str, columns: dict[str, list]) -> None:
        """``LOAD FROM`` a frame of ``columns`` (one list per column name), then ``statement``,
        which reads each row's columns as variables of those names."""
        import pandas

        frame = pandas.DataFrame({c: pandas.Series(v, dtype=object) for c, v in columns.items()})
        self.run(f"LOAD FROM $frame {statement}", {"frame": frame})

    def copy(self, table: str, frame, columns: Sequence[str]) -> int:
        """``COPY table(columns) FROM frame``: append ``frame``'s rows (a relationship frame starts
        with the ``from`` and ``to`` keys). Every row must be new: a duplicate key fails it all."""
        if len(frame):
            self.run(f"COPY {table}({', '.join(columns)}) FROM $frame", {"frame": frame})
            self._copied += len(frame)
            if self._copied >= REOPEN_AFTER_ROWS and not self._in_transaction:
                self._reopen()
        return len(frame)

    def close(self) -> None:
        index = getattr(self, "identifiers", None)
        if index is not None:
            index.close()
            self.identifiers = None
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
