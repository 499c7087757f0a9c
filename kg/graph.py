"""``Graph``: the core handle on one store, which every query, view and loader takes.

Research scripts open :class:`kg.KnowledgeGraph`, which is a ``Graph`` with one method per `kg`
command (:mod:`kg.api`); the layers below it take and type any ``Graph``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from kg.config import Settings
from kg.model import Node
from kg.resolve import Label, resolve
from kg.store import Dialect, GraphStore


class Graph:
    """A knowledge base on the embedded store (a directory) or on Neo4j.

    >>> from kg.examples import example_graph
    >>> kb = example_graph()
    >>> kb.cypher("MATCH (p:Paper) WHERE p.year >= $y RETURN count(p) AS n", y=2021)
    [{'n': 2}]
    """

    def __init__(self, store: GraphStore):
        self.store = store

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        neo4j: str | None = None,
        settings: Settings | None = None,
        read_only: bool = False,
    ) -> Self:
        """Open the embedded store at ``path`` (default ``KG_DB`` or ``./kg.db``), or Neo4j at
        ``neo4j`` / ``NEO4J_URI`` with credentials from the environment."""
        settings = settings or Settings.from_env(
            db=str(path) if path is not None else None, neo4j_uri=neo4j
        )
        if settings.neo4j_uri and path is None:
            from kg.store_neo4j import Neo4jStore

            return cls(
                Neo4jStore(
                    settings.neo4j_uri,
                    user=settings.neo4j_user,
                    password=settings.neo4j_password,
                    database=settings.neo4j_database,
                    read_only=read_only,
                )
            )
        from kg.store_embedded import EmbeddedStore

        return cls(
            EmbeddedStore(settings.db, read_only=read_only, buffer_pool_size=settings.buffer_pool)
        )

    @property
    def dialect(self) -> Dialect:
        return self.store.dialect

    def resolve(self, label: Label, text: str) -> Node:
        """The one ``label`` node ``text`` names: key, id, URL, DOI, title, name or alias.

        Raises :class:`~kg.errors.NotFoundError` or :class:`~kg.errors.AmbiguousError`; see
        :mod:`kg.resolve` for every accepted form.
        """
        return resolve(self, label, text)

    def cypher(self, query: str, params: dict[str, Any] | None = None, **kw: Any) -> list[dict]:
        """Run a parameterised Cypher statement; values go in ``params`` or keywords."""
        return self.store.run(query, {**(params or {}), **kw})

    def frame(self, query: str, params: dict[str, Any] | None = None):
        """A read query's rows as a pandas DataFrame, without a dict per row."""
        return self.store.frame(query, params or {})

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.store!r})"
