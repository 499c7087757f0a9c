"""Options and helpers shared by the command modules."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)

from kg.api import KnowledgeGraph
from kg.config import Settings

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


class Bars:
    """:class:`kg.progress.Progress` on rich bars (stderr, gone when done): ``with Bars() as bars``."""

    #: what a bar shows: the task, a bar, done of total, time left
    COLUMNS = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )

    def __init__(self, *columns: ProgressColumn) -> None:
        self.rich = Progress(*(columns or self.COLUMNS), console=err_console, transient=True)
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> Bars:
        self.rich.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.rich.stop()

    def start(self, task: str, description: str, total: int | None = None) -> None:
        self.end(task)
        self.tasks[task] = self.rich.add_task(description, total=total)

    def advance(self, task: str, n: int = 1) -> None:
        if task in self.tasks:
            self.rich.advance(self.tasks[task], n)

    def end(self, task: str) -> None:
        if task in self.tasks:
            self.rich.remove_task(self.tasks.pop(task))


_ROLE = re.compile(r":(?:func|class|mod|meth|data|attr|exc):`(~?)([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def plain(text: str) -> str:
    """A docstring as text for people: reST roles and literals become their plain words.

    >>> plain("Rows of :class:`~queries._rows.Rows`, like ``kg query``; see :func:`kg.keys.fold`.")
    'Rows of Rows, like kg query; see kg.keys.fold.'
    """

    def role(match: re.Match) -> str:
        tilde, target = match.groups()
        return target.rsplit(".", 1)[-1] if tilde else target

    return _LITERAL.sub(r"\1", _ROLE.sub(role, text))


def first_sentence(doc: str) -> str:
    """The first sentence of a docstring's first paragraph, as plain text.

    >>> first_sentence("Most cited papers: by S2 count. Then by key.\\n\\nMore.")
    'Most cited papers: by S2 count.'
    """
    paragraph = " ".join(plain(doc).split("\n\n")[0].split())
    return _SENTENCE_END.split(paragraph, maxsplit=1)[0]


def wrap(text: str, indent: str = "", width: int = 80) -> str:
    """``text`` wrapped to ``width`` columns at spaces only: no word is ever broken.

    >>> print(wrap("a-long-hyphenated-word and more", indent="  ", width=12))
      a-long-hyphenated-word
      and more
    """
    return textwrap.fill(
        " ".join(text.split()),
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
