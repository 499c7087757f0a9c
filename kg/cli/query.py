"""`kg query`, `kg cypher` and `kg analyze`: the query helpers and raw Cypher from the shell.

``kg query NAME --param value ...`` parses the parameters against the helper's signature, so
every helper in :mod:`queries` is a command without a line of CLI code of its own.
"""

from __future__ import annotations

import csv
import inspect
import json
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import typer
from pydantic import BaseModel
from rich.table import Table

import queries
from kg.cli import UserError, app
from kg.cli.common import (
    DbOption,
    Neo4jOption,
    console,
    err_console,
    first_sentence,
    open_graph,
    plain,
    wrap,
)
from kg.errors import NotFoundError, StoreError
from kg.graph import Graph
from kg.resolve import Label
from queries import analytics
from queries._rows import Entity

FORMATS = ("table", "json", "csv")

_LABELS: dict[str, Label] = {
    "paper": "Paper",
    "author": "Author",
    "method": "Method",
    "benchmark": "Benchmark",
}
_SEARCH_HINT = "try `kg query search --text ...`"

#: helpers whose whole job is to find one paper or author
_LOOKUPS = ("paper", "author")


# --- parameters -----------------------------------------------------------------------------


def _scalar(annotation: Any) -> tuple[type, Entity | None]:
    """(python type, entity mark) of a helper parameter annotation."""
    entity = None
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extras = typing.get_args(annotation)
        entity = next((e for e in extras if isinstance(e, Entity)), None)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _scalar(inner[0])[0], entity or _scalar(inner[0])[1]
    return annotation, entity


def helper_params(fn: Callable) -> dict[str, inspect.Parameter]:
    """The user-facing parameters of a helper (all but the knowledge graph)."""
    return dict(list(inspect.signature(fn).parameters.items())[1:])


def _convert(name: str, raw: str | bool, target: type) -> Any:
    if target is bool:
        if isinstance(raw, bool):
            return raw
        if raw.lower() in ("true", "yes", "1", "on"):
            return True
        if raw.lower() in ("false", "no", "0", "off"):
            return False
        raise UserError(f"--{name.replace('_', '-')} expects true or false, got {raw!r}")
    if isinstance(raw, bool):
        raise UserError(f"--{name.replace('_', '-')} needs a value")
    try:
        return target(raw)
    except ValueError:
        raise UserError(
            f"--{name.replace('_', '-')} expects {target.__name__}, got {raw!r}"
        ) from None


def parse_args(fn: Callable, args: list[str]) -> dict[str, Any]:
    """``--name value`` / ``--name=value`` / ``--flag`` / ``--no-flag`` / positional values,
    converted to the types of ``fn``'s signature.

    >>> parse_args(queries.citations.co_cited, ["s2:L1", "--limit", "5"])
    {'limit': 5, 'paper': 's2:L1'}
    """
    hints = typing.get_type_hints(fn, include_extras=True)
    params = helper_params(fn)
    types_ = {name: _scalar(hints.get(name, str))[0] for name in params}
    raw: dict[str, str | bool] = {}
    positional: list[str] = []
    items = iter(args)
    for item in items:
        if not item.startswith("--") or item == "--":
            positional.append(item)
            continue
        name, eq, value = item[2:].partition("=")
        name = name.replace("-", "_")
        if not eq and name.startswith("no_") and types_.get(name[3:]) is bool:
            raw[name[3:]] = False
            continue
        if name not in params:
            raise UserError(
                f"{fn.__name__} has no parameter --{name.replace('_', '-')}; it takes: {_usage(fn)}"
            )
        if eq:
            raw[name] = value
        elif types_[name] is bool:
            raw[name] = True
        else:
            value = next(items, None)
            if value is None:
                raise UserError(f"--{name.replace('_', '-')} needs a value")
            raw[name] = value
    free = [n for n in params if n not in raw]
    if len(positional) > len(free):
        raise UserError(
            f"too many values for {fn.__name__}: {positional[len(free) :]!r}; it takes: {_usage(fn)}"
        )
    raw.update(zip(free, positional))
    missing = [
        n for n, p in params.items() if p.default is inspect.Parameter.empty and n not in raw
    ]
    if missing:
        raise UserError(
            f"{fn.__name__} needs --{missing[0].replace('_', '-')}; it takes: {_usage(fn)}"
        )
    return {name: _convert(name, value, types_[name]) for name, value in raw.items()}


def _usage(fn: Callable) -> str:
    hints = typing.get_type_hints(fn, include_extras=True)
    parts = []
    for name, p in helper_params(fn).items():
        kind = _scalar(hints.get(name, str))[0].__name__
        flag = f"--{name.replace('_', '-')} {kind.upper()}"
        parts.append(flag if p.default is inspect.Parameter.empty else f"[{flag}={p.default}]")
    return " ".join(parts)


def _resolve_entities(kb: Graph, fn: Callable, values: dict[str, Any]) -> None:
    """Check every node-naming parameter through the resolver: an unknown or ambiguous
    reference raises its error (with the resolver's message) before the helper runs."""
    hints = typing.get_type_hints(fn, include_extras=True)
    for name, value in values.items():
        entity = _scalar(hints.get(name, str))[1]
        if entity and value is not None:
            try:
                kb.resolve(_LABELS[entity.kind], value)
            except NotFoundError as exc:
                raise NotFoundError(exc.label, exc.text, _SEARCH_HINT) from None


# --- output ---------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, default=str, ensure_ascii=False)
    if isinstance(value, BaseModel):
        return _cell(value.model_dump(mode="json"))
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def print_records(
    records: list[dict[str, Any]], columns: list[str], fmt: str, title: str | None = None
) -> None:
    """Rows as a rich table, JSON (a list of objects) or CSV (lists joined with "; ")."""
    if fmt == "json":
        sys.stdout.write(json.dumps(records, indent=2, default=str, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for r in records:
            writer.writerow(
                [
                    "; ".join(map(str, r[c]))
                    if isinstance(r.get(c), list)
                    else ("" if r.get(c) is None else r[c])
                    for c in columns
                ]
            )
    elif len(columns) > 9:  # wide rows (a whole paper) read better one field per line
        for r in records:
            table = Table(show_header=False, title=title)
            for c in columns:
                if r.get(c) is not None:
                    table.add_row(c, _cell(r[c]))
            console.print(table)
    else:
        table = Table(title=title)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in records:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        console.print(table)


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UserError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return fmt


# --- commands -------------------------------------------------------------------------------


@app.command(
    "query",
    context_settings={
        "allow_extra_args": True,
        "ignore_unknown_options": True,
        "help_option_names": [],  # --help is ours: `kg query NAME --help` describes NAME
    },
    help="Run a query helper: kg query NAME --param value ... (kg query --list shows them).",
)
def query(
    ctx: typer.Context,
    name: str = typer.Argument(None, help="Helper name (see --list)."),
    list_helpers: bool = typer.Option(
        False, "--list", help="List the helpers and their parameters."
    ),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
    show_help: bool = typer.Option(
        False, "--help", "-h", help="Show this message, or with NAME what the helper answers."
    ),
) -> None:
    registry = queries.helpers()
    if show_help and name in registry:
        _print_helper_help(name, registry[name])
        return
    if show_help:
        typer.echo(ctx.get_help())
        return
    if list_helpers or not name:
        _print_helpers(registry)
        return
    fn = registry.get(name)
    if fn is None:
        raise UserError(f"no query helper {name!r}; `kg query --list` shows them")
    values = parse_args(fn, list(ctx.args))
    _check_format(fmt)
    with open_graph(db, neo4j, read_only=True) as kb:
        _resolve_entities(kb, fn, values)
        try:
            rows = fn(kb, **values)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    if not rows and name in _LOOKUPS:  # a lookup that finds nothing is an unknown entity too
        raise NotFoundError(_LABELS[name], str(next(iter(values.values()))), _SEARCH_HINT)
    print_records(rows.to_dicts(), rows.columns, fmt, title=name if fmt == "table" else None)
    if fmt == "table":
        err_console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def _print_helpers(registry: dict[str, Callable]) -> None:
    """One entry per helper: its name and parameters, then its first sentence, in 80 columns."""
    typer.echo("Query helpers: kg query NAME --param value ... (kg query NAME --help says more)")
    for name, fn in registry.items():
        typer.echo("")
        typer.echo(wrap(f"{name} {_usage(fn)}".strip(), width=80))
        typer.echo(wrap(first_sentence(inspect.getdoc(fn) or ""), indent="    ", width=80))


def _print_helper_help(name: str, fn: Callable) -> None:
    """``kg query NAME --help``: usage and the whole description, as plain text."""
    typer.echo(wrap(f"Usage: kg query {name} {_usage(fn)}".strip(), width=80))
    for paragraph in plain(inspect.getdoc(fn) or "").split("\n\n"):
        if paragraph.lstrip().startswith(">>>"):
            continue  # the examples are doctests, for readers of the source
        typer.echo("")
        typer.echo(wrap(paragraph, indent="  ", width=80))


def parse_param(text: str) -> tuple[str, Any]:
    """``key=value`` with the value read as JSON when it parses (numbers, true, null, lists,
    quoted strings), else as plain text.

    >>> parse_param("k=2"), parse_param("t=') DETACH DELETE n //")
    (('k', 2), ('t', "') DETACH DELETE n //"))
    """
    key, eq, value = text.partition("=")
    if not eq or not key.strip():
        raise UserError(f"-p expects key=value, got {text!r}")
    try:
        return key.strip(), json.loads(value)
    except ValueError:
        return key.strip(), value


@app.command("cypher", help="Run one Cypher statement (read-only unless --write).")
def cypher(
    statement: str = typer.Argument(..., help="The Cypher statement; values go in -p."),
    param: list[str] = typer.Option(
        [], "--param", "-p", help="key=value (JSON or text); repeatable."
    ),
    write: bool = typer.Option(False, "--write", help="Allow the statement to change the graph."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
) -> None:
    _check_format(fmt)
    params = dict(parse_param(p) for p in param)
    with open_graph(db, neo4j, read_only=not write) as kb:
        try:
            records = kb.cypher(statement, params)
        except StoreError as exc:
            raise UserError(f"Cypher error: {exc}", code=2) from None
    columns = list(records[0]) if records else []
    print_records(records, columns, fmt)
    if fmt == "table":
        err_console.print(f"{len(records)} row{'s' if len(records) != 1 else ''}")


@app.command("analyze", help="PageRank and Louvain communities, written back to the papers.")
def analyze(
    seed: int = typer.Option(analytics.DEFAULT_SEED, "--seed", help="Louvain random seed."),
    top: int = typer.Option(10, "--top", help="How many top PageRank papers to show."),
    engine: str = typer.Option(
        "auto",
        "--engine",
        help="gds: Neo4j's Graph Data Science plugin; local: igraph here; auto: gds when the server has it.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
) -> None:
    if engine not in analytics.ENGINES:
        raise UserError(
            f"unknown --engine {engine!r}: expected one of {', '.join(analytics.ENGINES)}"
        )
    with open_graph(db, neo4j) as kb:
        with console.status("computing PageRank and communities..."):
            summary = kb.analyze(seed=seed, top=top, engine=engine)
    if as_json:
        sys.stdout.write(summary.model_dump_json(indent=2) + "\n")
        return
    console.print(
        f"{summary.papers} papers, {summary.citations} citations: {summary.communities} communities "
        f"(modularity {summary.modularity:.3f}); pagerank and community written to {summary.written} papers "
        f"({summary.engine} engine, {sum(summary.seconds.values()):.1f}s)"
    )
    print_records(
        [s.model_dump() for s in summary.top_pagerank],
        ["key", "score"],
        "table",
        title="top PageRank",
    )


__all__ = ["query", "cypher", "analyze", "parse_args", "parse_param", "print_records"]
