"""`kg doctor`: is everything the tool needs in place? Configuration, store, S2, cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import typer
from rich.table import Table

from kg.cli import app
from kg.cli.common import DbOption, Neo4jOption, console, open_graph
from kg.config import Settings
from kg.errors import StoreError
from kg.stats import graph_stats

DEFAULT_S2_API_URL = "https://api.semanticscholar.org"
S2_TIMEOUT_SECONDS = 5.0


def mask_uri(value: str) -> str:
    """``value`` with a password in a URI's user part replaced by ``***``.

    >>> mask_uri("bolt://neo4j:hunter2@db:7687")
    'bolt://neo4j:***@db:7687'
    """
    parts = urlsplit(value)
    if parts.password is None:
        return value
    netloc = f"{parts.username}:***@{parts.netloc.rsplit('@', 1)[1]}"
    return urlunsplit(parts._replace(netloc=netloc))


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def check_store(db: str | None, neo4j: str | None) -> Check:
    """Open the store read-only and count what it holds."""
    try:
        with open_graph(db, neo4j, read_only=True) as kb:
            counts = graph_stats(kb)
            where = repr(kb.store)
    except StoreError as exc:
        return Check("store", False, str(exc))
    nodes = ", ".join(f"{n} {label}" for label, n in counts["nodes"].items())
    rels = sum(counts["relationships"].values())
    return Check("store", True, f"{where}: {nodes}; {rels} relationships")


def check_s2(api_url: str | None, timeout: float = S2_TIMEOUT_SECONDS) -> Check:
    """Any HTTP answer from the S2 API root counts as reachable (no key is sent)."""
    url = (api_url or DEFAULT_S2_API_URL).rstrip("/") + "/"
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        return Check("semantic scholar", False, f"{url} unreachable: {type(exc).__name__}: {exc}")
    if response.status_code >= 500:
        return Check("semantic scholar", False, f"{url} answered HTTP {response.status_code}")
    return Check("semantic scholar", True, f"{url} answered HTTP {response.status_code}")


def check_cache(cache_dir: str | None) -> Check:
    """The S2 response cache directory: where it is, whether it can be written, its size."""
    from loaders.s2.cache import default_cache_dir

    path = Path(cache_dir) if cache_dir else default_cache_dir()
    if not path.exists():
        parent = next((p for p in path.parents if p.exists()), None)
        if parent is not None and os.access(parent, os.W_OK):
            return Check(
                "cache", True, f"{path} (not created yet; will be on the first S2 request)"
            )
        return Check("cache", False, f"{path} does not exist and cannot be created")
    if not path.is_dir():
        return Check("cache", False, f"{path} is not a directory")
    if not os.access(path, os.W_OK):
        return Check("cache", False, f"{path} is not writable")
    files = [p for p in path.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    return Check("cache", True, f"{path}: {len(files)} files, {size / 1e6:.1f} MB")


@app.command()
def doctor(
    db: str = DbOption,
    neo4j: str = Neo4jOption,
    s2_api_url: str = typer.Option(None, "--s2-api-url", help="S2 API root [env: S2_API_URL]."),
) -> None:
    """Check the configuration (secrets masked), the store, Semantic Scholar and the cache.

    Exit code 1 when a check fails.
    """
    settings = Settings.from_env(db=db, neo4j_uri=neo4j, s2_api_url=s2_api_url)
    config = Table(title="configuration", show_header=False)
    for name, value in settings.describe().items():
        config.add_row(name, "-" if value is None else mask_uri(str(value)))
    console.print(config)
    checks = [
        check_store(db, neo4j),
        check_s2(settings.s2_api_url),
        check_cache(settings.cache_dir),
    ]
    table = Table(title="checks")
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail", overflow="fold")
    secrets = [v for v in (settings.neo4j_password, settings.s2_api_key) if v]
    for check in checks:
        detail = check.detail
        for uri in (settings.neo4j_uri, settings.s2_api_url):
            if uri:
                detail = detail.replace(uri, mask_uri(uri))
        for secret in secrets:  # a driver error may quote what it was given
            detail = detail.replace(secret, "***")
        status = "[green]ok[/green]" if check.ok else "[red]failed[/red]"
        table.add_row(check.name, status, detail, style=None)
    console.print(table)
    failed = [c.name for c in checks if not c.ok]
    summary = f"{len(checks) - len(failed)} of {len(checks)} checks passed"
    console.print(summary + (f"; failed: {', '.join(failed)}" if failed else ""))
    raise typer.Exit(1 if failed else 0)
