"""How long work reports progress: a small protocol the CLI backs with rich bars.

A stage of work is a *task* named by a short string. It starts (with a total when one is known),
advances, and ends. The library calls these three methods and nothing else, so a research script
can pass any object that has them (or nothing: :data:`SILENT`), and the library never needs rich.

>>> class Log:
...     def start(self, task, description, total=None): print("start", description, total)
...     def advance(self, task, n=1): pass
...     def end(self, task): print("end", task)
>>> with stage(Log(), "write", "writing 3 papers"):
...     pass
start writing 3 papers None
end write
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Progress(Protocol):
    """What long work reports to."""

    def start(self, task: str, description: str, total: int | None = None) -> None:
        """A task begins; ``total`` units of work when known, else an indefinite spinner."""

    def advance(self, task: str, n: int = 1) -> None:
        """``n`` more units of ``task`` are done."""

    def end(self, task: str) -> None:
        """``task`` is over (done or given up)."""


class Silent:
    """Progress that goes nowhere: the default of every library verb."""

    def start(self, task: str, description: str, total: int | None = None) -> None:
        pass

    def advance(self, task: str, n: int = 1) -> None:
        pass

    def end(self, task: str) -> None:
        pass


SILENT = Silent()


@contextmanager
def stage(progress: Progress | None, task: str, description: str) -> Iterator[None]:
    """A task with no known total around a block of work."""
    progress = progress or SILENT
    progress.start(task, description)
    try:
        yield
    finally:
        progress.end(task)
