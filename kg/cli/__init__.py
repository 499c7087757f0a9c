"""The `kg` command: a thin typer layer over the same functions research scripts import.

Each command group lives in a module of its own and registers itself on ``app``. Errors the user
can act on are printed as one line (no traceback unless ``--debug``) with the exit codes of
DESIGN.md: 0 done, 1 done in part, 2 usage or input error.
"""

from __future__ import annotations

import sys

import typer
from typer.exceptions import TyperException

from kg.cli.common import console, err_console, state
from kg.errors import (
    AmbiguousError,
    InputError,
    KGError,
    NotFoundError,
    S2Error,
    StoreError,
)

app = typer.Typer(
    name="kg",
    help="Citation-graph knowledge base: build a graph of papers, authors, methods and "
    "benchmarks from a paper listing, then query and view it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help text is plain: "[env: KG_DB]" stays as written
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    state.debug = debug


class UserError(InputError):
    """An error the user can fix; printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


#: exit code of each branch of the exception tree (the first that matches wins)
EXIT_CODES: tuple[tuple[type[KGError], int], ...] = (
    (NotFoundError, 1),  # the command ran; the thing asked about is not in the graph
    (AmbiguousError, 2),  # usage: name it by an id
    (InputError, 2),
    (StoreError, 2),
    (S2Error, 2),
    (KGError, 2),
)


def exit_code(exc: KGError) -> int:
    """The exit code of an error: its own ``code`` if it has one, else :data:`EXIT_CODES`'s.

    >>> exit_code(NotFoundError("Paper", "x")), exit_code(StoreError("down"))
    (1, 2)
    """
    code = getattr(exc, "code", None)
    if isinstance(code, int):
        return code
    return next(c for kind, c in EXIT_CODES if isinstance(exc, kind))


def _register() -> None:
    # Imported for their side effect: each module adds its commands to ``app``.
    from kg.cli import build, datasets, doctor, export, query, report, viz  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    _register()
    sys.exit(_run(argv))


def _run(argv: list[str] | None) -> int:
    """Run the app and turn every outcome into an exit code (0 / 1 / 2, 130 on Ctrl-C)."""
    try:
        # Not standalone: click hands back exit codes and Ctrl-C instead of exiting itself.
        return app(args=argv, standalone_mode=False) or 0
    except TyperException as exc:  # usage errors: click's own message, exit 2
        exc.show()  # type: ignore[attr-defined]
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        err_console.print(
            "interrupted: every batch written so far is kept; run the same command again to finish"
        )
        return 130
    except KGError as exc:
        if state.debug:
            raise
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        return exit_code(exc)
    except Exception as exc:  # noqa: BLE001 - a bug still gets one line, the traceback on --debug
        if state.debug:
            raise
        err_console.print(
            f"[red]error:[/red] {type(exc).__name__}: {exc} (run `kg --debug ...` for the traceback)",
            highlight=False,
            soft_wrap=True,
        )
        return 2


__all__ = ["app", "main", "UserError", "EXIT_CODES", "exit_code", "console", "err_console"]
