"""`kg export`: the graph as GraphML, JSON, a CSV directory, or BibTeX of the listed papers."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli import UserError, app
from kg.cli.common import DbOption, Neo4jOption, console, open_graph
from kg.export import EXPORT_FORMATS, format_from_path


@app.command(name="export")
def export_command(
    out: Path = typer.Option(
        ..., "--out", "-o", help="Output file (a directory for csv and neo4j-import)."
    ),
    format: str = typer.Option(
        None,
        "--format",
        "-f",
        help=f"{' | '.join(EXPORT_FORMATS)} [default: from the --out suffix].",
    ),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
) -> None:
    """Export the graph: graphml (networkx), json (nodes and relationships), csv (one file per
    label and relationship type in a directory), neo4j-import (CSV files and import.args for
    `neo4j-admin database import full`, in a directory) or bibtex (the listed papers)."""
    fmt = format or format_from_path(out)
    if fmt is None:
        raise UserError(
            f"cannot tell the format from {str(out)!r}: pass --format {'|'.join(EXPORT_FORMATS)}"
        )
    if fmt not in EXPORT_FORMATS:
        raise UserError(f"unknown --format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    directory = fmt in ("csv", "neo4j-import")
    if not directory and out.is_dir():
        raise UserError(f"{out} is a directory: --out names a file for {fmt}")
    if directory and out.exists() and not out.is_dir():
        raise UserError(f"{out} is a file: --out names a directory for {fmt}")
    if not directory and not out.parent.exists():
        raise UserError(f"no directory {out.parent} for {out}")
    with open_graph(db, neo4j, read_only=True) as kb:
        summary = kb.export(fmt, out)
        source = repr(kb.store)
    if fmt == "bibtex":
        console.print(f"exported {summary.nodes} listed papers from {source} to {summary.path}")
    else:
        console.print(
            f"exported {summary.nodes} nodes and {summary.relationships} relationships "
            f"from {source} to {summary.path} ({fmt})"
        )
