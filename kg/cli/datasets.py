"""`kg import s2-datasets` and `kg datasets download`: Semantic Scholar's bulk datasets."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from kg.cli import UserError, app
from kg.cli.common import Bars, DbOption, Neo4jOption, console, err_console, open_graph
from loaders.datasets import SCOPES
from loaders.datasets.download import DatasetsError, DownloadOptions, download

import_app = typer.Typer(help="Import bulk data into the graph.", no_args_is_help=True)
datasets_app = typer.Typer(
    help="Semantic Scholar's bulk datasets (Datasets API).", no_args_is_help=True
)
app.add_typer(import_app, name="import")
app.add_typer(datasets_app, name="datasets")


def _bar() -> Bars:
    """Bars counting bytes."""
    return Bars(
        TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn()
    )


@import_app.command("s2-datasets")
def import_s2_datasets(
    directory: Path = typer.Argument(
        ..., help="Directory of shards: papers/, citations/, authors/, abstracts/, tldrs/."
    ),
    scope: str = typer.Option(
        "neighbourhood",
        "--scope",
        help="listed: the listed papers and citations among them; "
        "neighbourhood: plus the papers one citation away; all: everything in the shards.",
    ),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
) -> None:
    """Import S2 dataset shards (gzipped JSONL) around the listed papers, streamed.

    Listed papers are those already in the graph (`kg build LISTING --no-s2` puts them there);
    they are matched by CorpusId, arXiv id, DOI or their verified title. Importing the same
    shards twice changes nothing.
    """
    if scope not in SCOPES:
        raise UserError(f"--scope must be one of {', '.join(SCOPES)}, got {scope!r}")
    if not directory.is_dir():
        raise UserError(f"{directory}: no such directory")
    with open_graph(db, neo4j) as kb, _bar() as progress:
        try:
            report = kb.import_datasets(directory, scope=scope, progress=progress)
        except FileNotFoundError as exc:
            raise UserError(str(exc)) from None
        target, totals = repr(kb.store), kb.stats()
    for problem in report.problems[:20]:
        err_console.print(
            f"[yellow]skipped[/yellow] {problem.file}:{problem.line}: {problem.reason}",
            highlight=False,
        )
    if len(report.problems) > 20:
        err_console.print(f"... and {len(report.problems) - 20} more bad lines", highlight=False)
    table = Table("stage", "result", title="Dataset import")
    for name, value in report.rows():
        table.add_row(name, value)
    for name, count in [*totals["nodes"].items(), *totals["relationships"].items()]:
        table.add_row(f"graph now holds {name}", str(count))
    console.print(table)
    console.print(f"graph: {target}")
    raise typer.Exit(report.exit_code)


@datasets_app.command("download")
def datasets_download(
    names: list[str] = typer.Argument(
        ..., help="Datasets: papers, citations, authors, abstracts, tldrs, ..."
    ),
    release: str = typer.Option("latest", "--release", help="Release id (YYYY-MM-DD) or latest."),
    dest: Path = typer.Option(
        Path("s2-datasets"), "--dest", help="Directory to write NAME/FILE into."
    ),
    api_url: str = typer.Option(None, "--api-url", help="Datasets API base URL [env: S2_API_URL]."),
) -> None:
    """Download a release's dataset files (needs S2_API_KEY), resuming partial files."""
    with _bar() as bars:
        tasks: dict[str, int] = {}

        def advance(name: str, done: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bars.rich.add_task(name, total=total)
            bars.rich.update(tasks[name], completed=done, total=total)

        try:
            report = download(
                names, DownloadOptions(dest=dest, release=release, api_url=api_url), advance
            )
        except DatasetsError as exc:
            raise UserError(str(exc), code=1) from None
    table = Table("what", "result", title="Datasets download")
    for name, value in report.rows():
        table.add_row(name, value)
    console.print(table)
    console.print(
        f"files in {dest}: `kg import s2-datasets {dest}` imports them",
        soft_wrap=True,
        highlight=False,
    )
