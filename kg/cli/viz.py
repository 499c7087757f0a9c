"""`kg viz`: write interactive HTML network views (one file each, opens offline)."""

from __future__ import annotations

import webbrowser
from enum import Enum
from pathlib import Path

import typer

from kg.cli import UserError, app
from kg.cli.common import DbOption, Neo4jOption, console, open_graph
from kg.views import DEFAULT_TOP
from kg.views.select import ViewError


class ViewName(str, Enum):
    citations = "citations"
    coauthors = "coauthors"
    methods = "methods"
    ego = "ego"
    communities = "communities"
    all = "all"


class ColorBy(str, Enum):
    type = "type"
    community = "community"
    year = "year"


@app.command()
def viz(
    view: ViewName = typer.Argument(
        ..., help="Which view to write; `all` writes every view to --out-dir."
    ),
    paper: str | None = typer.Option(
        None, "--paper", help="ego: centre paper (key, S2 id, arXiv id, DOI or title)."
    ),
    author: str | None = typer.Option(
        None, "--author", help="ego: centre author (key, S2 id or name)."
    ),
    method: str | None = typer.Option(None, "--method", help="ego: centre method (key or name)."),
    depth: int = typer.Option(1, "--depth", min=1, max=2, help="ego: 1 or 2 hops."),
    with_references: int = typer.Option(
        0,
        "--with-references",
        min=0,
        help="citations: add the N outside papers the listed ones cite most.",
    ),
    top: int = typer.Option(
        DEFAULT_TOP,
        "--top",
        min=1,
        help="Keep the N most important nodes (PageRank, else citations).",
    ),
    color: ColorBy | None = typer.Option(
        None,
        "--color",
        help="Colour nodes by type, community or year [default: type; community for `communities`].",
    ),
    out: Path | None = typer.Option(
        None, "--out", help="HTML file to write [default: out/<view>.html]."
    ),
    out_dir: Path = typer.Option(Path("out"), "--out-dir", help="Directory for `kg viz all`."),
    open_: bool = typer.Option(False, "--open", help="Open the page in the default browser."),
    db: str | None = DbOption,
    neo4j: str | None = Neo4jOption,
) -> None:
    """Write an interactive network view as one self-contained HTML file.

    Example: kg viz ego --paper "Attention Is All You Need" --depth 2 --open
    """
    with open_graph(db, neo4j, read_only=True) as kb:
        try:
            if view is ViewName.all:
                paths = kb.write_views(out_dir, top=top)
            else:
                params = _view_params(view, paper, author, method, depth, with_references)
                page = kb.view(
                    view.value, top=top, color_by=color.value if color else None, **params
                )
                paths = [page.save(out or Path("out") / f"{view.value}.html")]
        except ViewError as exc:
            raise UserError(str(exc)) from None
    for path in paths:
        console.print(str(path.resolve()), highlight=False, soft_wrap=True)
    if open_:
        for path in paths:
            webbrowser.open(path.resolve().as_uri())


def _view_params(
    view: ViewName,
    paper: str | None,
    author: str | None,
    method: str | None,
    depth: int,
    with_references: int,
) -> dict:
    centre = {"paper": paper, "author": author, "method": method}
    if view is ViewName.ego:
        return {**centre, "depth": depth}
    if any(centre.values()):
        raise UserError("--paper, --author and --method apply to the ego view only")
    if view is ViewName.citations:
        return {"with_references": with_references}
    if with_references:
        raise UserError("--with-references applies to the citations view only")
    return {}
