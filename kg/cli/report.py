"""`kg report`: the whole graph on one self-contained HTML page (opens offline)."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import typer

from kg.cli import app
from kg.cli.common import DbOption, Neo4jOption, console, open_graph


@app.command()
def report(
    out: Path = typer.Option(Path("out/report.html"), "--out", help="HTML file to write."),
    open_: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    db: str | None = DbOption,
    neo4j: str | None = Neo4jOption,
) -> None:
    """Write a report page: the graph in numbers, enrichment state, plots, leaderboards,
    communities and links to the network views written beside it (`kg viz all`).

    Example: kg report --out out/report.html --open
    """
    with open_graph(db, neo4j, read_only=True) as kb:
        path = kb.report(views_dir=out.parent).save(out)
    console.print(str(path.resolve()), highlight=False, soft_wrap=True)
    if open_:
        webbrowser.open(path.resolve().as_uri())
