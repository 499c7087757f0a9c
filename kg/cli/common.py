"""Options and helpers shared by the command modules."""

from __future__ import annotations

from dataclasses import dataclass

import typer
from rich.console import Console

from kg.config import Settings
from kg.graph import KnowledgeGraph

console = Console()
err_console = Console(stderr=True)


@dataclass
class _State:
    debug: bool = False


state = _State()

DbOption = typer.Option(
    None, "--db", help="Embedded database directory [env: KG_DB; default ./kg.db]."
)
Neo4jOption = typer.Option(
    None, "--neo4j", help="Neo4j URI (bolt://, neo4j://, neo4j+s://) [env: NEO4J_URI]."
)


def open_graph(db: str | None, neo4j: str | None, read_only: bool = False) -> KnowledgeGraph:
    """The knowledge base the flags and environment point at (``--db`` wins over NEO4J_URI)."""
    settings = Settings.from_env(db=db, neo4j_uri=neo4j)
    if db is not None:
        return KnowledgeGraph.open(db, read_only=read_only)
    return KnowledgeGraph.open(settings=settings, read_only=read_only)
