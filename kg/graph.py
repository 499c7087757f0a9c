"""``KnowledgeGraph``: the object research scripts open, wrapping one store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.config import Settings
from kg.model import Node
from kg.resolve import Label, resolve
from kg.store import Dialect, GraphStore


class KnowledgeGraph:
    """A knowledge base on the embedded store (a directory) or on Neo4j.

    >>> with KnowledgeGraph.open("kg.db") as kb:  # doctest: +SKIP
    ...     kb.cypher("MATCH (p:Paper) WHERE p.year >= $y RETURN count(p) AS n", y=2023)
    [{'n': 42}]
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
    ) -> KnowledgeGraph:
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

        return cls(EmbeddedStore(settings.db, read_only=read_only))

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

    def report(self, views_dir: str | Path | None = None):
        """The report page (``kg report``): shows itself inline in Jupyter, ``.save(path)``
        writes it. Views in ``views_dir`` are linked."""
        from kg.report import report

        return report(self, views_dir=views_dir)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeGraph({self.store!r})"
