"""`kg build`, `kg enrich`, `kg extract` and `kg stats`."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from kg.cli import UserError, app
from kg.cli.common import DbOption, Neo4jOption, console, err_console, open_graph
from kg.config import Settings
from kg.stats import graph_stats
from loaders import pipeline
from loaders.listing import FORMATS, ListingFileError
from loaders.listing.base import group_notes, group_problems
from loaders.s2 import EnrichOptions, estimated_seconds, plan_requests


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


def _enrich_options(
    offline: bool,
    no_citations: bool,
    max_citations: int,
    cache: Path | None,
    s2_api_url: str | None,
    pace: float | None,
) -> EnrichOptions:
    settings = Settings.from_env(s2_api_url=s2_api_url, cache_dir=str(cache) if cache else None)
    return EnrichOptions(
        api_key=settings.s2_api_key,
        api_url=settings.s2_api_url,
        cache_dir=settings.cache_dir,
        offline=offline,
        citations=not no_citations,
        max_citations=max_citations,
        pace=pace,
    )


OfflineOption = typer.Option(False, "--offline", help="Use only the S2 cache: no request.")
NoCitationsOption = typer.Option(False, "--no-citations", help="Skip citing papers.")
MaxCitationsOption = typer.Option(1000, "--max-citations", min=0, help="Citations kept per paper.")
NoS2Option = typer.Option(False, "--no-s2", help="Do not use Semantic Scholar at all.")
CacheOption = typer.Option(None, "--cache", help="S2 response cache directory [env: KG_CACHE_DIR].")
S2UrlOption = typer.Option(
    None, "--s2-api-url", help="S2-compatible API base URL [env: S2_API_URL]."
)
PaceOption = typer.Option(
    None,
    "--pace",
    help="S2 requests per second (default 1 with S2_API_KEY, slower without; 0: no limit).",
)


@app.command()
def build(
    listings: list[Path] = typer.Argument(
        ...,
        help="Listing files: HF Daily Papers, ids, BibTeX, CSV/TSV, RIS, CSL-JSON, Web of Science, HF JSON, markdown.",
    ),
    db: str = DbOption,
    neo4j: str = Neo4jOption,
    format: str = typer.Option(
        None,
        "--format",
        "-f",
        help=f"Listing format, one of {', '.join(FORMATS)} (default: detected).",
    ),
    listing_year: int = typer.Option(
        None, "--listing-year", help="Year for dates the listing gives without one."
    ),
    offline: bool = OfflineOption,
    no_s2: bool = NoS2Option,
    no_citations: bool = NoCitationsOption,
    max_citations: int = MaxCitationsOption,
    cache: Path = CacheOption,
    s2_api_url: str = S2UrlOption,
    pace: float = PaceOption,
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Skip method and benchmark extraction."
    ),
) -> None:
    """Build listings into the graph: parse, enrich from Semantic Scholar, extract, store.

    Building the same listing again changes nothing; an interrupted build is finished by
    running it again.
    """
    if format and format not in FORMATS:
        raise UserError(f"unknown --format {format!r}: expected one of {', '.join(FORMATS)}")
    options = pipeline.BuildOptions(
        enrich=not no_s2,
        extract=not no_extract,
        s2=_enrich_options(offline, no_citations, max_citations, cache, s2_api_url, pace),
    )
    try:
        listings_read = pipeline.load_listings(listings, format, listing_year)
    except ListingFileError as exc:
        raise UserError(str(exc)) from None
    _print_listings(listings_read)
    with open_graph(db, neo4j) as kb, _progress() as progress:
        report = pipeline.build(
            kb.store,
            listings_read,
            options,
            progress,
            before_enrich=lambda p: _print_plan(p, options.s2),
        )
        target, totals = repr(kb.store), graph_stats(kb)
    _print_report(report, target, totals)
    raise typer.Exit(report.exit_code)


@app.command()
def enrich(
    db: str = DbOption,
    neo4j: str = Neo4jOption,
    offline: bool = OfflineOption,
    no_citations: bool = NoCitationsOption,
    max_citations: int = MaxCitationsOption,
    cache: Path = CacheOption,
    s2_api_url: str = S2UrlOption,
    pace: float = PaceOption,
) -> None:
    """Fill in listed papers Semantic Scholar has not enriched yet (never tried or marked for retry)."""
    options = _enrich_options(offline, no_citations, max_citations, cache, s2_api_url, pace)
    with open_graph(db, neo4j) as kb, _progress() as progress:
        papers = pipeline.unenriched_papers(kb.store)
        report = pipeline.BuildReport()
        if papers:
            _print_plan(papers, options)
            enriched = pipeline.enrich_papers(kb.store, papers, options, report, progress)
            report.extraction = pipeline.extract_into(kb.store, enriched)
        target, totals = repr(kb.store), graph_stats(kb)
    if not papers:
        console.print("every listed paper is already enriched: nothing to do")
        return
    _print_report(report, target, totals)
    raise typer.Exit(report.exit_code)


@app.command()
def extract(db: str = DbOption, neo4j: str = Neo4jOption) -> None:
    """Re-run method, benchmark and result extraction over the stored papers (no S2 request)."""
    with open_graph(db, neo4j) as kb:
        found = pipeline.reextract(kb.store)
    table = Table("extracted", "count", title="Extraction")
    for name, count in sorted(found.items()):
        table.add_row(name, str(count))
    console.print(table)


@app.command()
def stats(
    db: str = DbOption,
    neo4j: str = Neo4jOption,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Counts per label and relationship type, papers per year, enrichment state."""
    with open_graph(db, neo4j, read_only=True) as kb:
        result = graph_stats(kb)
    if as_json:
        console.print_json(json.dumps(result))
        return
    for title, section in result.items():
        table = Table(title.replace("_", " "), "count")
        for name, count in section.items():
            table.add_row(str(name), str(count))
        console.print(table)


def _print_listings(listings) -> None:
    """Per file: format, entries, and the skipped entries grouped by reason with their lines."""
    for listing in listings:
        err_console.print(
            f"{listing.path}: {len(listing.entries)} entries ({listing.label})"
            + (f", {len(listing.problems)} skipped" if listing.problems else ""),
            highlight=False,
        )
        for group in group_problems(listing.problems):
            err_console.print(
                f"  [yellow]skipped[/yellow] {group.describe(listing.path)}, first: {group.first_text!r}",
                highlight=False,
                soft_wrap=True,
            )
        for note in group_notes(listing.notes):
            err_console.print(f"  note: {note}", highlight=False, soft_wrap=True)


def _print_plan(papers, options: EnrichOptions) -> None:
    if options.offline:
        err_console.print(f"Semantic Scholar: offline, {len(papers)} papers from the cache only")
        return
    err_console.print(
        f"Semantic Scholar: {len(papers)} papers, {plan_requests(papers, options)} requests planned "
        f"(the cache answers the rest), about {estimated_seconds(papers, options):.0f} s at the configured pace",
        soft_wrap=True,
    )


def _print_report(report: pipeline.BuildReport, target: str, totals: dict) -> None:
    table = Table("stage", "result", title="Build summary", show_lines=False)
    for file in report.files:
        listing = file.listing
        table.add_row(
            listing.path,
            f"{listing.label}: {len(listing.entries)} entries read, {file.stored} papers stored, "
            f"{file.merged} merged with an earlier entry, {len(listing.problems)} skipped",
        )
        for group in group_problems(listing.problems):
            table.add_row("  skipped", group.describe())
    table.add_row("listed entries", f"{report.entries} read, {len(report.problems)} skipped")
    if report.enrichment is not None:
        for name, value in report.enrichment.rows():
            table.add_row(f"S2 {name}", str(value))
    for name, count in sorted(report.extraction.items()):
        table.add_row(f"extracted {name}", str(count))
    for name, count in [*totals["nodes"].items(), *totals["relationships"].items()]:
        table.add_row(f"graph now holds {name}", str(count))
    console.print(table)
    if report.enrichment is not None and report.enrichment.message:
        console.print(report.enrichment.message, highlight=False, soft_wrap=True)
    if report.unenriched:
        console.print(
            f"{report.unenriched} listed papers not enriched: run `kg enrich` later to fill them in"
        )
    console.print(f"graph: {target}")
