"""The embedded default store: LadybugDB in one directory, no server."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ladybug

from kg import schema
from kg.errors import StoreError
from kg.store import DEFAULT_BATCH_SIZE, Dialect, batched


class EmbeddedStore:
    """A LadybugDB database at ``path``; the schema is created on open.

    >>> store = EmbeddedStore("kg.db")  # doctest: +SKIP
    >>> store.run("MATCH (p:Paper) RETURN count(p) AS n")  # doctest: +SKIP
    [{'n': 107}]
    """

    dialect: Dialect = "embedded"

    def __init__(
        self,
        path: str | Path,
        batch_size: int = DEFAULT_BATCH_SIZE,
        read_only: bool = False,
        buffer_pool_size: int = 2 * 1024**3,
    ):
        self.path = Path(path)
        self.batch_size = batch_size
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `kg build` first")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ladybug.Database(
                str(self.path), read_only=read_only, buffer_pool_size=buffer_pool_size
            )
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the database at {self.path}: {exc}") from None
        if not read_only:
            for statement in schema.embedded_ddl():
                self._conn.execute(statement)

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path)!r})"

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise StoreError(str(exc)) from None
        if isinstance(result, list):  # several statements: the last one's rows
            result = result[-1]
        columns = result.get_column_names()
        out = [dict(zip(columns, row)) for row in result.get_all()]
        result.close()
        return out

    def run_batches(self, cypher: str, rows: Sequence[dict[str, Any]]) -> int:
        # Each execute is one auto-committed, WAL-backed transaction: a crash loses at most the
        # batch in flight, which the next (idempotent) run writes again.
        for batch in batched(rows, self.batch_size):
            self.run(cypher, {"rows": list(batch)})
        return len(rows)

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        self._conn = self._db = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
