"""Raw S2 responses on disk: SQLite keyed by request, with an expiry per kind of data.

The key is the request without its host (method, path, query, JSON body), so a cache filled
through one S2-compatible endpoint serves another. Every response is committed as it arrives, so
an interrupted run resumes where it stopped. "Not found" answers are kept too (a re-run does not
ask again), under their own, shorter expiry.

    cache = ResponseCache(Path("~/.cache/citegraph-kg/s2.sqlite"))
    cache.put("GET /paper/X?fields=title", "paper", {"paperId": "X"})
    cache.get("GET /paper/X?fields=title", "paper")   # {"paperId": "X"}
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import orjson

DAY = 86_400.0
#: seconds each kind stays fresh: what rarely changes long, counts and citations shorter
DEFAULT_TTL: dict[str, float] = {
    "paper": 30 * DAY,  # metadata (with its counts) from /paper/batch and /paper/{id}
    "match": 30 * DAY,  # /paper/search/match
    "references": 180 * DAY,  # a paper's references do not change once published
    "citations": 7 * DAY,  # grow every week
    "author": 7 * DAY,  # hIndex, paperCount, citationCount
    "not_found": 7 * DAY,  # S2 adds papers daily
}
NOT_FOUND = {"__not_found__": True}
MISSING = object()
CACHE_FILE = "s2-responses.sqlite"


def decode(body: str) -> object:
    """A stored body: orjson, ~2x faster than ``json`` (the decoding of cached pages was the
    largest cost of a warm-cache build) and the same values for what S2 sends (only integers
    beyond 64 bits, which no S2 id or count reaches, would come back as floats); ``json`` for
    what orjson refuses (NaN and Infinity, which ``json`` writes)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


def default_cache_dir() -> Path:
    """``KG_CACHE_DIR``, else the platform's user cache directory for citegraph-kg."""
    env = os.environ.get("KG_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("citegraph-kg"))


def kind_of(path: str) -> str:
    """The cache kind of an API path (``/graph/v1`` already stripped or not).

    >>> kind_of("/graph/v1/paper/abc/citations"), kind_of("/graph/v1/author/batch")
    ('citations', 'author')
    """
    if path.endswith("/citations"):
        return "citations"
    if path.endswith("/references"):
        return "references"
    if "/author/" in path:
        return "author"
    if path.endswith("/search/match"):
        return "match"
    return "paper"


def request_key(method: str, path: str, parameters: str, payload: object | None) -> str:
    """The cache key of one request (no host, no headers: the API key is never stored)."""
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")) if payload is not None else ""
    return f"{method} {path}?{parameters.lstrip('&')}#{body}"


class ResponseCache:
    """One SQLite file of raw responses; ``ttl`` overrides :data:`DEFAULT_TTL` per kind."""

    def __init__(self, path: Path, ttl: dict[str, float] | None = None, clock=time.time):
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.ttl = {**DEFAULT_TTL, **(ttl or {})}
        self._clock = clock
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS responses ("
            " key TEXT PRIMARY KEY, kind TEXT NOT NULL, fetched_at REAL NOT NULL, body TEXT NOT NULL)"
        )
        self._db.commit()

    def get(self, key: str, allow_stale: bool = False) -> object:
        """The stored body, or :data:`MISSING` when absent or expired (unless ``allow_stale``)."""
        row = self._db.execute(
            "SELECT kind, fetched_at, body FROM responses WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return MISSING
        kind, fetched_at, body = row
        if not allow_stale and self._clock() - fetched_at > self.ttl.get(
            kind, DEFAULT_TTL["paper"]
        ):
            return MISSING
        return decode(body)

    def put(self, key: str, kind: str, body: object) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO responses (key, kind, fetched_at, body) VALUES (?, ?, ?, ?)",
            (key, kind, self._clock(), json.dumps(body, separators=(",", ":"))),
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()


class CacheReader:
    """A read-only view of a :class:`ResponseCache` file, for planning: it never creates, locks for
    writing or changes the file. A missing or unreadable file reads as an empty cache (a plan is an
    estimate; it must not stop a run).

        CacheReader(default_cache_dir() / CACHE_FILE).get_many(["GET /paper/X?fields=title#"])
    """

    def __init__(self, path: Path, ttl: dict[str, float] | None = None, clock=time.time):
        self.ttl = {**DEFAULT_TTL, **(ttl or {})}
        self._clock = clock
        self._db: sqlite3.Connection | None = None
        path = Path(path)
        if path.is_file():
            try:
                self._db = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30
                )
            except sqlite3.Error:
                self._db = None

    def get_many(self, keys: list[str]) -> dict[str, object]:
        """Fresh bodies of ``keys`` (absent and expired ones left out), 500 keys a query."""
        if self._db is None or not keys:
            return {}
        try:
            return _fresh_rows(self._db, keys, self.ttl, self._clock())
        except sqlite3.Error:
            return {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> CacheReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _fresh_rows(
    db: sqlite3.Connection, keys: list[str], ttl: dict[str, float], now: float
) -> dict[str, object]:
    out: dict[str, object] = {}
    keys = list(dict.fromkeys(keys))
    for i in range(0, len(keys), 500):  # SQLite's default limit on bound parameters is 999+
        chunk = keys[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT key, kind, fetched_at, body FROM responses WHERE key IN ({marks})", chunk
        )
        for key, kind, fetched_at, body in rows:
            if now - fetched_at <= ttl.get(kind, DEFAULT_TTL["paper"]):
                out[key] = decode(body)
    return out
