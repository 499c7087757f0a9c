"""The `kg` command: a thin typer layer over the same functions research scripts import.

Each command group lives in a module of its own and registers itself on ``app``. Errors the user
can act on are printed as one line (no traceback unless ``--debug``) with the exit codes of
DESIGN.md: 0 done, 1 done in part, 2 usage or input error.
"""

from __future__ import annotations

import sys

import typer

from kg.cli.common import console, err_console, state
from kg.store import StoreError

app = typer.Typer(
    name="kg",
    help="Citation-graph knowledge base: build a graph of papers, authors, methods and "
    "benchmarks from a paper listing, then query and view it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    state.debug = debug


class UserError(Exception):
    """An error the user can fix; printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


def _register() -> None:
    # Imported for their side effect: each module adds its commands to ``app``.
    from kg.cli import build, doctor, export, query, viz  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    _register()
    try:
        app(args=argv, standalone_mode=True)
    except (UserError, StoreError) as exc:
        if state.debug:
            raise
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(getattr(exc, "code", 2))
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line, the traceback on --debug
        if state.debug:
            raise
        err_console.print(
            f"[red]error:[/red] {type(exc).__name__}: {exc} (run `kg --debug ...` for the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted: the graph keeps every batch written so far; run the same command again to finish")
        sys.exit(130)


__all__ = ["app", "main", "UserError", "console", "err_console"]
