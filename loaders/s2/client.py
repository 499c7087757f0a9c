"""The `semanticscholar` package's async client, with our cache, pace, retries and guards.

Every request the package makes goes through :class:`GuardedRequester` (installed in place of the
package's own requester), which answers from the cache, waits for the limiter, retries with
backoff, and turns the package's quirks (semanticscholar 0.12.0) into explicit failures:

- 401, 502 and 503 come back as ``{}`` (as does a 200 ``{"error": ...}``): a failure to retry,
  never "not found";
- 429 surfaces as ``ConnectionRefusedError`` (wrapped in ``tenacity.RetryError`` when the package's
  own retry is off; its own retry waits 5-60 s ten times, so it stays off);
- ``PaginatedResults`` re-requests a failing page for ever when iterated: :meth:`S2Client.pages`
  walks pages one at a time and stops when a page does not advance;
- ``get_papers`` / ``get_authors`` drop the nulls of unknown ids: callers map by id
  (:func:`loaders.s2.resolve.map_batch`);
- ``search_paper`` puts the query into the URL unencoded ("Attention & Memory" is cut at "&"):
  :meth:`S2Client.match_title` encodes it first;
- ``get_paper_references`` / ``get_paper_citations`` send no headers, so no API key: the
  requester adds ``x-api-key`` to every request itself;
- the package logs request headers (the API key) at DEBUG: :class:`_HideApiKey` drops those records;
- it opens a new ``httpx.AsyncClient`` per request, which loads the CA bundle each time (20 ms on
  an idle machine, 200 ms on a busy one, with the event loop blocked): :func:`_share_tls` hands
  those clients one TLS context.

A refused connection or failed DNS look-up means S2 is unreachable: the first one stops all
requests of the run (:class:`S2Unreachable`) instead of starting a retry storm.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import random
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import quote

import certifi
import httpx
import semanticscholar.ApiRequester as _package_requester
import tenacity
from semanticscholar.ApiRequester import ApiRequester
from semanticscholar.AsyncSemanticScholar import AsyncSemanticScholar
from semanticscholar.PaginatedResults import PaginatedResults
from semanticscholar.SemanticScholarException import (
    BadQueryParametersException,
    GatewayTimeoutException,
    InternalServerErrorException,
    NoMorePagesException,
    ObjectNotFoundException,
)

from kg.errors import S2Error
from loaders.s2.cache import MISSING, NOT_FOUND, ResponseCache, kind_of, request_key
from loaders.s2.pace import Limiter, RetryBudget, backoff_delay
from loaders.s2.plan import OFFSET_CAP, PAGE_LIMIT

log = logging.getLogger(__name__)


class S2Failure(S2Error):
    """A request that failed for good (retries spent or not worth retrying); ``reason`` names why."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class S2Unreachable(S2Failure):
    """S2 cannot be reached at all (connection refused, DNS failure, connect timeout)."""


class S2NotFound(S2Error):
    """The API answered 404 (no such paper / no title match)."""


@dataclass
class ClientSettings:
    api_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 10.0
    connect_timeout: float = 5.0
    offline: bool = False
    max_attempts: int = 6
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    #: consecutive requests failing for good after which the run stops asking
    stop_after_failures: int = 5
    #: time.monotonic() after which no request starts (the run's time budget)
    deadline: float | None = None


@dataclass
class RequestStats:
    requests: int = 0
    #: requests S2 answered (a record, a page or a 404), retries and failures excluded
    answered: int = 0
    cache_hits: int = 0
    retries: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    consecutive_failures: int = 0
    #: set when the run stopped asking S2 (unreachable, or too many failures in a row)
    stopped: str | None = None
    stop_message: str = ""
    #: reference and citation pages asked again over an expired cached answer, and how many of
    #: those came back different (what a refresh reports)
    pages_refetched: int = 0
    pages_changed: int = 0


class _HideApiKey(logging.Filter):
    """Drop the package's records that print request headers or a cURL command (DEBUG), and its
    "IDs not found" warnings (the report counts those per paper; a listing would flood stderr)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is not ours to judge
            return True
        return "x-api-key" not in message.lower() and not message.startswith("IDs not found")


def _install_key_filter() -> None:
    pkg_logger = logging.getLogger("semanticscholar")
    if not any(isinstance(f, _HideApiKey) for f in pkg_logger.filters):
        pkg_logger.addFilter(_HideApiKey())


@functools.cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context(cafile=certifi.where())  # what httpx builds by default


class _SharedTLS:
    """``httpx`` as the package's requester sees it: the same, except that its per-request
    ``AsyncClient`` reuses one TLS context instead of loading the CA bundle again."""

    def __getattr__(self, name: str):
        return getattr(httpx, name)

    @staticmethod
    def AsyncClient(*args, **kwargs) -> httpx.AsyncClient:  # noqa: N802 - httpx's name
        kwargs.setdefault("verify", _tls_context())
        return httpx.AsyncClient(*args, **kwargs)


def _share_tls() -> None:
    if not isinstance(_package_requester.httpx, _SharedTLS):
        _package_requester.httpx = _SharedTLS()


def _classify(exc: BaseException) -> tuple[str, bool]:
    """(reason, worth retrying) for an exception out of the package's requester."""
    if isinstance(exc, tenacity.RetryError) and exc.last_attempt.failed:
        exc = exc.last_attempt.exception()
    if isinstance(exc, ConnectionRefusedError):  # the package's spelling of HTTP 429
        return "429", True
    if isinstance(exc, InternalServerErrorException):
        return "500", True
    if isinstance(exc, GatewayTimeoutException):
        return "504", True
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", True
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
        return "connection_lost", True
    if isinstance(exc, json.JSONDecodeError):
        return "malformed_json", True
    if isinstance(exc, (KeyError, TypeError)):  # a 4xx/5xx body without the keys the package reads
        return "malformed_response", True
    if isinstance(exc, BadQueryParametersException):
        return "bad_request", False
    if isinstance(exc, PermissionError):
        return "403", False
    return type(exc).__name__, False


class GuardedRequester(ApiRequester):
    """The package's requester behind cache, limiter, retries and guards (see module doc)."""

    def __init__(
        self,
        settings: ClientSettings,
        base_url: str,
        cache: ResponseCache | None,
        limiter: Limiter,
        budget: RetryBudget,
        stats: RequestStats,
        rng: random.Random,
    ):
        timeout = httpx.Timeout(
            settings.timeout, connect=min(settings.timeout, settings.connect_timeout)
        )
        super().__init__(timeout, retry=False)
        self.settings = settings
        self.base_url = base_url
        self.cache = cache
        self.limiter = limiter
        self.budget = budget
        self.stats = stats
        self.rng = rng

    async def get_data_async(
        self, url: str, parameters: str, headers: dict, payload: dict | None = None
    ):
        method = "POST" if payload else "GET"
        path = url[len(self.base_url) :] if url.startswith(self.base_url) else url
        key = request_key(method, path, parameters, payload)
        if self.cache is not None:
            hit = self.cache.get(key, allow_stale=self.settings.offline)
            if hit is not MISSING:
                self.stats.cache_hits += 1
                if hit == NOT_FOUND:
                    raise S2NotFound(path)
                return hit
        if self.settings.offline:
            raise S2Failure("offline", "not in the cache")
        if self.settings.api_key:
            # the package forgets the key on paginated endpoints
            headers = {**(headers or {}), "x-api-key": self.settings.api_key}
        try:
            data = await self._fetch(url, path, parameters, headers, payload)
        except S2NotFound:
            if self.cache is not None:
                self.cache.put(key, "not_found", NOT_FOUND)
            raise
        if self.cache is not None:
            kind = kind_of(path)
            if kind in ("references", "citations"):
                self._compare_page(key, data)
            self.cache.put(key, kind, data)
        return data

    def _compare_page(self, key: str, data: object) -> None:
        before = self.cache.get(key, allow_stale=True)
        if before is not MISSING:
            self.stats.pages_refetched += 1
            self.stats.pages_changed += before != data

    async def _fetch(
        self, url: str, path: str, parameters: str, headers: dict, payload: dict | None
    ):
        stats = self.stats
        for attempt in range(max(1, self.settings.max_attempts)):
            self._check_deadline()
            if stats.stopped:
                raise (S2Unreachable if stats.stopped == "unreachable" else S2Failure)(
                    stats.stopped, "run stopped"
                )
            await self.limiter.wait()
            self._check_deadline()
            if stats.stopped:
                raise (S2Unreachable if stats.stopped == "unreachable" else S2Failure)(
                    stats.stopped, "run stopped"
                )
            stats.requests += 1
            log.debug(
                "S2 request %s %s (attempt %d)", "POST" if payload else "GET", path, attempt + 1
            )
            try:
                data = await super().get_data_async(url, parameters, headers, payload)
                if data == {}:
                    # 401 / 502 / 503, or 200 {"error": ...}: the package hides which
                    raise _EmptyResponse()
                stats.consecutive_failures = 0
                stats.answered += 1
                self.limiter.succeeded()
                return data
            except ObjectNotFoundException as exc:
                stats.consecutive_failures = 0
                stats.answered += 1
                raise S2NotFound(path) from exc
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol) as exc:
                stats.stopped = "unreachable"
                stats.stop_message = f"Semantic Scholar is unreachable at {self.base_url}: {exc}"
                self.limiter.stop()
                raise S2Unreachable("unreachable", str(exc)) from exc
            except Exception as exc:  # noqa: BLE001 - classified below, re-raised as S2Failure
                reason, retryable = (
                    ("empty_response", True) if isinstance(exc, _EmptyResponse) else _classify(exc)
                )
            last = attempt + 1 >= self.settings.max_attempts
            if not retryable or last or not self.budget.take():
                self._give_up(reason)
                raise S2Failure(reason, path)
            stats.retries += 1
            delay = backoff_delay(
                attempt, self.settings.backoff_base, self.settings.backoff_cap, self.rng
            )
            log.debug("S2 %s on %s; retrying in %.2fs", reason, path, delay)
            if reason == "429":
                self.limiter.throttled()
                self.limiter.hold(delay)
            await asyncio.sleep(delay)
        raise S2Failure(
            "no_attempts", path
        )  # max_attempts < 1 is clamped above; kept for the type checker

    def _check_deadline(self) -> None:
        """Past the time budget: stop the run (its papers are left for `kg enrich`)."""
        deadline, stats = self.settings.deadline, self.stats
        if deadline is not None and not stats.stopped and time.monotonic() >= deadline:
            stats.stopped = "time_budget"
            stats.stop_message = (
                "The time budget is spent: stopped asking Semantic Scholar for this run"
            )
            self.limiter.stop()

    def _give_up(self, reason: str) -> None:
        stats = self.stats
        stats.failures[reason] = stats.failures.get(reason, 0) + 1
        stats.consecutive_failures += 1
        if stats.consecutive_failures >= self.settings.stop_after_failures and not stats.stopped:
            stats.stopped = reason
            stats.stop_message = (
                f"Semantic Scholar failed {stats.consecutive_failures} requests in a row ({reason}); "
                "stopped asking for this run"
            )
            self.limiter.stop()


class _EmptyResponse(Exception):
    pass


def item_key(what: str, ident: str, fields: list[str]) -> str:
    """The cache key of one id's answer out of a batch (ids are case-insensitive)."""
    return f"ITEM {what} {ident.lower()}?fields={','.join(fields)}"


def _raw(item: dict) -> dict:
    """A page item as S2 sent it (the pager's ``data_type``)."""
    return item


@dataclass
class PageResult:
    items: list[dict]
    truncated: bool
    pages: int


class S2Client:
    """What the enrichment asks S2, through the package's :class:`AsyncSemanticScholar`.

    Use one instance per run inside one event loop.
    """

    def __init__(
        self,
        settings: ClientSettings,
        cache: ResponseCache | None,
        limiter: Limiter,
        budget: RetryBudget,
        stats: RequestStats | None = None,
        rng: random.Random | None = None,
    ):
        _install_key_filter()
        _share_tls()
        self.stats = stats or RequestStats()
        self.api = AsyncSemanticScholar(
            timeout=settings.timeout,
            api_key=settings.api_key,
            api_url=settings.api_url,
            retry=False,
        )
        base = self.api.api_url + self.api.BASE_PATH_GRAPH
        # the package exposes no hook for its HTTP layer; its requester is the one seam (0.12.0)
        self.api._requester = GuardedRequester(
            settings, base, cache, limiter, budget, self.stats, rng or random.Random()
        )

    @property
    def cache(self) -> ResponseCache | None:
        return self.api._requester.cache

    def cached_items(self, what: str, ids: list[str], fields: list[str]) -> dict[str, dict | None]:
        """Per-id answers kept from earlier batches: id -> record, or None for "not found".

        Batches are cached per id as well as per request, so a listing that grew by one paper
        asks only for that paper."""
        if self.cache is None:
            return {}
        out: dict[str, dict | None] = {}
        for ident in ids:
            hit = self.cache.get(
                item_key(what, ident, fields), allow_stale=self.api._requester.settings.offline
            )
            if hit is not MISSING:
                out[ident] = None if hit == NOT_FOUND else hit
        self.stats.cache_hits += len(out)
        return out

    def remember_items(
        self, what: str, kind: str, found: dict[str, dict], missing: list[str], fields: list[str]
    ) -> None:
        if self.cache is None:
            return
        for ident, record in found.items():
            self.cache.put(item_key(what, ident, fields), kind, record)
        for ident in missing:
            self.cache.put(item_key(what, ident, fields), "not_found", NOT_FOUND)

    async def paper_batch(self, ids: list[str], fields: list[str]) -> list[dict]:
        """Records for ``ids`` (<= 500); unknown ids are simply absent (map them by id)."""
        papers = await self.api.get_papers(ids, fields=fields)
        return [p.raw_data for p in papers]

    async def author_batch(self, ids: list[str], fields: list[str]) -> list[dict]:
        """Author records for ``ids`` (<= 1000); unknown ids are absent."""
        authors = await self.api.get_authors(ids, fields=fields)
        return [a.raw_data for a in authors]

    async def match_title(self, title: str, fields: list[str]) -> dict | None:
        """S2's best title match, or None when it has none."""
        try:
            # the package interpolates the query into the URL as is: encode it ourselves
            paper = await self.api.search_paper(
                quote(title, safe=""), match_title=True, fields=fields
            )
        except S2NotFound:
            return None
        except IndexError:  # a 200 without data: the package indexes results[0]
            return None
        return paper.raw_data

    async def pages(
        self,
        paper_id: str,
        which: str,
        fields: list[str],
        max_items: int,
        page_size: int = PAGE_LIMIT,
    ) -> PageResult:
        """All ``which`` ("references" / "citations") of a paper up to ``max_items`` and the
        API's offset cap, one page (<= ``page_size`` <= 1000) per request; ``truncated`` when
        items were left."""
        limit = max(1, min(PAGE_LIMIT, page_size, max_items))
        # the package's own pager, as get_paper_references / get_paper_citations build it, but
        # keeping each item's JSON as it is: the package's Reference / Citation objects (a Paper
        # object per item, wrapped again) were a quarter of a warm-cache build, for nothing read
        results = await PaginatedResults.create(
            requester=self.api._requester,
            data_type=_raw,
            url=f"{self.api.api_url}{self.api.BASE_PATH_GRAPH}/paper/{paper_id}/{which}",
            fields=fields,
            limit=limit,
        )
        items, pages = list(results.raw_data), 1
        while True:
            # the package keeps ``next`` at 0 when a page had none
            more = results.next > results.offset
            if not more:
                return PageResult(items[:max_items], len(items) > max_items, pages)
            if len(items) >= max_items or results.next >= OFFSET_CAP - 1:
                return PageResult(items[:max_items], True, pages)
            before = results.offset
            try:
                await results.async_next_page()
            except NoMorePagesException:  # the package's own cap arithmetic
                return PageResult(items[:max_items], True, pages)
            if results.offset <= before:
                # a page that does not advance would make the package ask for it for ever
                raise S2Failure("pagination_stalled", f"{which} of {paper_id} at offset {before}")
            pages += 1
            items.extend(results.raw_data)
