"""`kg build`, `kg enrich`, `kg extract` and `kg stats`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import typer
from rich.table import Table

from kg.cli import UserError, app
from kg.cli.common import Bars, DbOption, Neo4jOption, console, err_console, open_graph
from kg.config import Settings
from loaders import pipeline
from loaders.listing import FORMATS
from loaders.listing.base import group_notes, group_problems
from loaders.s2 import (
    EnrichOptions,
    budgeted_requests,
    estimated_seconds,
    plan_requests,
    planning_pace,
)
from loaders.s2.pace import effective_pace
from loaders.s2.refresh import parse_age


def _enrich_options(
    offline: bool,
    no_citations: bool,
    max_citations: int,
    cache: Path | None,
    s2_api_url: str | None,
    pace: float | None,
    time_budget: float | None = None,
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
        time_budget=time_budget,
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
    help="S2 requests per second to start at (default 1 with S2_API_KEY, 0.3 without, near S2's "
    "allowance); halves on each 429 and recovers slowly. 0: no limit.",
)
TimeBudgetOption = typer.Option(
    None,
    "--time-budget",
    min=0,
    help="Stop asking S2 after this many seconds; `kg enrich` does the rest later.",
)
#: an estimate above this many seconds comes with ways to shorten it
LONG_PLAN = 300
SHORT_CITATIONS = 100


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
    time_budget: float = TimeBudgetOption,
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
    s2 = _enrich_options(offline, no_citations, max_citations, cache, s2_api_url, pace, time_budget)
    listings_read = pipeline.load_listings(listings, format, listing_year)
    _print_listings(listings_read)
    with open_graph(db, neo4j) as kb, Bars() as bars:
        report = kb.build(
            listings_read,
            enrich=False if no_s2 else s2,
            extract=not no_extract,
            progress=bars,
            before_enrich=_print_plan,
        )
        target, totals = repr(kb.store), kb.stats()
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
    time_budget: float = TimeBudgetOption,
    refresh: bool = typer.Option(
        False,
        "--refresh",
        help="Ask S2 again for the records, references and citations of the listed papers whose "
        "cached answers are older than --older-than: adds new citing papers, removes nothing.",
    ),
    older_than: str = typer.Option(
        "7d",
        "--older-than",
        help="With --refresh: age of the cached answers to ask again (7d, 12h, 2w, 0s).",
    ),
) -> None:
    """Fill in listed papers Semantic Scholar has not enriched yet (never tried or marked for
    retry), and the citation lists an earlier run capped below --max-citations; with --refresh,
    bring the enriched ones up to date (new citations since)."""
    options = _enrich_options(
        offline, no_citations, max_citations, cache, s2_api_url, pace, time_budget
    )
    try:
        age = parse_age(older_than)
    except ValueError as exc:
        raise UserError(f"--older-than: {exc}") from None
    with open_graph(db, neo4j) as kb, Bars() as bars:
        report = kb.enrich(
            options,
            refresh=refresh,
            older_than=age,
            progress=bars,
            before_enrich=_print_plan,
        )
        target, totals = repr(kb.store), kb.stats()
    if not report.todo:
        console.print(
            f"every listed paper is already {'refreshed' if refresh else 'enriched'}: nothing to do"
        )
        return
    _print_report(report, target, totals)
    if refresh:
        console.print(
            f"Refresh: {report.new_citations} new citations (first seen now; `kg query new_citations --since DATE` lists them)."
        )
    raise typer.Exit(report.exit_code)


@app.command()
def extract(db: str = DbOption, neo4j: str = Neo4jOption) -> None:
    """Re-run method, benchmark and result extraction over the stored papers (no S2 request)."""
    with open_graph(db, neo4j) as kb:
        found = kb.extract()
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
        result = kb.stats()
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
            f"{listing.path}: {listing.read} entries ({listing.label})"
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
    """The plan, before any request: requests, time at the pace in force, ways to shorten it."""
    if options.offline:
        err_console.print(f"Semantic Scholar: offline, {len(papers)} papers from the cache only")
        return
    for line in plan_lines(papers, options):
        err_console.print(line, highlight=False, soft_wrap=True)


def plan_lines(papers, options: EnrichOptions) -> list[str]:
    requests = plan_requests(papers, options)
    seconds = estimated_seconds(papers, options, requests)
    pace = planning_pace(options)
    has_key = bool(options.api_key)
    if options.pace is not None:
        why = "set by --pace"
    elif pace < effective_pace(None, has_key):
        why = "what the last run here achieved"
    else:
        why = (
            "near S2's allowance with a key"
            if has_key
            else "near S2's keyless allowance; it halves on a 429"
        )
    pace_text = f"{pace:.2f} requests/s, {why}" if pace else "no pace limit"
    lines = [
        f"Semantic Scholar: {len(papers)} papers, {requests} requests planned (the cache answers the rest), "
        f"about {duration(seconds)} at {pace_text}"
    ]
    budgeted = budgeted_requests(requests, options)
    if budgeted < requests:
        lines.append(
            f"  --time-budget {duration(options.time_budget)} stops it after about {budgeted} requests; "
            "`kg enrich` does the rest later"
        )
    if seconds > LONG_PLAN:
        lines.append("  To shorten it:")
        if options.citations and options.max_citations > SHORT_CITATIONS:
            fewer = replace(options, max_citations=SHORT_CITATIONS)
            n = plan_requests(papers, fewer)
            if n < requests:
                lines.append(
                    f"    --max-citations {SHORT_CITATIONS}: {n} requests, about {duration(estimated_seconds(papers, fewer, n))}"
                )
        if options.citations:
            none = replace(options, citations=False)
            n = plan_requests(papers, none)
            lines.append(
                f"    --no-citations: {n} requests, about {duration(estimated_seconds(papers, none, n))}"
            )
        if not has_key:
            key_pace = effective_pace(None, True)
            lines.append(
                f"    an S2 API key (S2_API_KEY): {key_pace:.0f} request/s, about {duration(requests / key_pace)}"
            )
    return lines


def duration(seconds: float | None) -> str:
    """``322`` -> ``5 min 22 s``.

    >>> duration(42), duration(322), duration(3725)
    ('42 s', '5 min 22 s', '1 h 2 min')
    """
    s = round(seconds or 0)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s" if s % 60 else f"{s // 60} min"
    return f"{s // 3600} h {s % 3600 // 60} min"


def _print_report(report: pipeline.BuildReport, target: str, totals: dict) -> None:
    console.print("Files", style="bold")
    for file in report.files:
        listing = file.listing
        console.print(
            f"  {listing.path}: {listing.label}: {listing.read} entries read, "
            f"{file.stored} papers stored, {file.merged} merged with an earlier entry, "
            f"{len(listing.problems)} skipped",
            highlight=False,
            soft_wrap=True,
        )
        for group in group_problems(listing.problems):
            console.print(f"    skipped {group.describe()}", highlight=False, soft_wrap=True)
    table = Table("stage", "result", title="Build summary", show_lines=False)
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
