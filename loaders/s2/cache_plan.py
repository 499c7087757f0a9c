"""The request plan with the cache consulted: only the requests a run would not answer from it.

Follows the run phase by phase (:mod:`loaders.s2.fetch`) over the fresh cached answers, read-only
and without a request:

- ids: a fresh per-id answer (or a fresh answer to the very batch the run would send) resolves or
  rules out its paper; the ids left cost ``ceil(n / 500)`` batches;
- titles: a fresh /search/match answer is verified as the run verifies it; the rest cost one each;
- references and citations of papers known from the cache: the pages are walked as the package
  pages them (same keys) and as :meth:`S2Client.pages` stops; a page not cached costs one request
  and is taken to hold what the record's ``referenceCount`` / ``citationCount`` says, which on an
  empty cache gives :func:`loaders.s2.plan.pages` of the count;
- authors named by known records and not cached, together with the listing's assumption
  (``author_count``, else :data:`~loaders.s2.plan.ASSUMED_AUTHORS`) for papers still unresolved,
  cost ``ceil(n / 1000)``.

Papers the cache does not resolve count as in :func:`loaders.s2.plan.planned_requests`, so an
empty cache plans exactly what that formula says. The keys are those of
:class:`loaders.s2.client.GuardedRequester` for semanticscholar 0.12.0's request strings; the
tests assert that a fully cached re-run plans 0 and a partly cached one plans what it then makes.

    with CacheReader(cache_dir / CACHE_FILE) as reader:
        cached_plan(papers, reader, max_citations=200)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from kg.model import Paper
from kg.packed import packed_of
from loaders.s2.cache import NOT_FOUND, CacheReader, request_key
from loaders.s2.client import item_key
from loaders.s2.convert import AUTHOR_FIELDS, EDGE_FIELDS, MATCH_FIELDS, PAPER_FIELDS
from loaders.s2.plan import (
    ASSUMED_AUTHORS,
    BATCH_AUTHORS,
    BATCH_PAPERS,
    OFFSET_CAP,
    PAGE_LIMIT,
    pages,
)
from loaders.s2.resolve import map_batch, request_id, verify_match

_ABSENT = object()
_WALKS_AT_ONCE = 2_000


def batch_key(path: str, ids: list[str], fields: list[str]) -> str:
    """Key of a POST /paper/batch or /author/batch for ``ids`` (the package's parameters)."""
    return request_key("POST", path, f"&fields={','.join(fields)}", {"ids": ids})


def match_key(title: str) -> str:
    """Key of the /paper/search/match request :meth:`S2Client.match_title` makes for ``title``."""
    parameters = f"query={quote(title, safe='')}&fields={','.join(MATCH_FIELDS)}&offset=0&limit=100"
    return request_key("GET", "/paper/search/match", parameters, None)


def page_key(paper_id: str, which: str, offset: int, limit: int) -> str:
    """Key of one page of a paper's ``which`` ("references" / "citations")."""
    parameters = f"&fields={','.join(EDGE_FIELDS)}&offset={offset}&limit={limit}"
    return request_key("GET", f"/paper/{paper_id}/{which}", parameters, None)


def cached_plan(
    papers: Sequence[Paper],
    reader: CacheReader,
    *,
    references: bool = True,
    citations: bool = True,
    max_citations: int = 1000,
) -> int:
    """Requests a run over ``papers`` would make that ``reader``'s cache cannot answer (module doc)."""
    papers = packed_of(papers)  # read field by field, three times: not a model built each time
    id_requests, known, unresolved = _resolve_ids(papers, reader)
    title_requests, known_by_title, unresolved_titles = _resolve_titles(papers, reader)
    known += known_by_title
    unresolved += unresolved_titles
    author_requests = _authors(known, unresolved, reader)
    cite_cap = max_citations if citations and max_citations > 0 else None
    list_requests = _lists(known, reader, references, cite_cap)
    list_requests += sum(pages(p.reference_count) for p in unresolved) if references else 0
    list_requests += sum(pages(p.citation_count, cite_cap) for p in unresolved) if cite_cap else 0
    return id_requests + title_requests + author_requests + list_requests


def _resolve_ids(
    papers: Sequence[Paper], reader: CacheReader
) -> tuple[int, list[dict], list[Paper]]:
    """(batch requests, records known, papers left unresolved) for the papers with an id."""
    ids: dict[str, str] = {}
    for p in papers:
        if rid := request_id(p):
            ids.setdefault(rid.lower(), rid)
    hits = reader.get_many([item_key("paper", rid, PAPER_FIELDS) for rid in ids.values()])
    answer: dict[str, dict | None] = {}
    for low, rid in ids.items():
        body = hits.get(item_key("paper", rid, PAPER_FIELDS), _ABSENT)
        if body is not _ABSENT:
            answer[low] = None if body == NOT_FOUND else body
    missing = sorted((rid for low, rid in ids.items() if low not in answer), key=str.lower)
    chunks = [missing[i : i + BATCH_PAPERS] for i in range(0, len(missing), BATCH_PAPERS)]
    batch_hits = reader.get_many([batch_key("/paper/batch", c, PAPER_FIELDS) for c in chunks])
    requests = 0
    for chunk in chunks:
        body = batch_hits.get(batch_key("/paper/batch", chunk, PAPER_FIELDS), _ABSENT)
        if body is _ABSENT or not isinstance(body, list) and body != NOT_FOUND:
            requests += 1
            continue
        found = map_batch(chunk, [r for r in body if r]) if isinstance(body, list) else {}
        answer.update({rid.lower(): found.get(rid) for rid in chunk})
    known, unresolved = [], []
    for p in papers:
        if rid := request_id(p):
            record = answer.get(rid.lower(), _ABSENT)
            if record is _ABSENT:
                unresolved.append(p)
            elif record is not None:
                known.append(record)
    return requests, known, unresolved


def _resolve_titles(
    papers: Sequence[Paper], reader: CacheReader
) -> tuple[int, list[dict], list[Paper]]:
    """(match requests, records accepted, papers left unresolved) for the title-only papers."""
    todo = [p for p in papers if request_id(p) is None and p.title]
    hits = reader.get_many([match_key(p.title) for p in todo])
    requests, known, unresolved = 0, [], []
    for p in todo:
        body = hits.get(match_key(p.title), _ABSENT)
        if body is _ABSENT:
            requests += 1
            unresolved.append(p)
        elif isinstance(body, dict) and body.get("data"):
            record = body["data"][0]
            if verify_match(p, record).accepted:
                known.append(record)
    return requests, known, unresolved


def _authors(known: list[dict], unresolved: list[Paper], reader: CacheReader) -> int:
    ids = list(
        dict.fromkeys(
            a["authorId"] for r in known for a in r.get("authors") or [] if a.get("authorId")
        )
    )
    hits = reader.get_many([item_key("author", a, AUTHOR_FIELDS) for a in ids])
    missing = sorted(a for a in ids if item_key("author", a, AUTHOR_FIELDS) not in hits)
    if not unresolved and missing:
        # the run's batches are exactly these: one kept whole is answered from the cache
        chunks = [missing[i : i + BATCH_AUTHORS] for i in range(0, len(missing), BATCH_AUTHORS)]
        batch_hits = reader.get_many([batch_key("/author/batch", c, AUTHOR_FIELDS) for c in chunks])
        return sum(
            1 for c in chunks if batch_key("/author/batch", c, AUTHOR_FIELDS) not in batch_hits
        )
    assumed = sum(p.author_count or ASSUMED_AUTHORS for p in unresolved)
    return math.ceil((len(missing) + assumed) / BATCH_AUTHORS)


@dataclass
class _Walk:
    """One list paged as the package pages it (PaginatedResults of semanticscholar 0.12.0) and
    as :meth:`S2Client.pages` stops it."""

    paper_id: str
    which: str
    max_items: int
    count: int | None
    limit: int = PAGE_LIMIT
    offset: int = 0  # the package's offset of the last page read
    next: int = 0
    items: int = 0
    pages: int = 0
    key: str = ""
    asked: int = 0  # the offset of the page to ask next

    def __post_init__(self) -> None:
        self.limit = max(1, min(PAGE_LIMIT, self.max_items))
        self.offset = -self.limit
        self._build()

    def _build(self) -> None:
        self.asked = self.offset + self.limit
        if self.asked + self.limit == OFFSET_CAP:
            self.limit -= 1
        self.key = page_key(self.paper_id, self.which, self.asked, self.limit)

    def missed(self) -> dict:
        """The page the run will ask for, as the record's count says it will come back (one page
        when the count is unknown), so the pages after it are still looked up in the cache."""
        count = self.count or 0
        following = self.asked + self.limit
        page = {"offset": self.asked, "data": [None] * max(0, min(self.limit, count - self.asked))}
        return {**page, "next": following} if following < count else page

    def read(self, body: object) -> bool:
        """Take a cached page; True when the run would ask for another one."""
        if not isinstance(body, dict) or "data" not in body:
            return False  # "not found" (the list is empty for the run) or a body it cannot page
        before = self.offset
        self.offset, self.next = body.get("offset", 0), body.get("next", 0)
        self.items += len(body["data"] or [])
        self.pages += 1
        if self.pages > 1 and self.offset <= before:
            return False  # stalled: the run gives up on the list
        if self.next <= self.offset or self.items >= self.max_items or self.next >= OFFSET_CAP - 1:
            return False
        following = self.offset + self.limit
        if following != self.next or following >= OFFSET_CAP - 1:
            return False  # the package's NoMorePagesException
        self._build()
        return True


def _lists(known: list[dict], reader: CacheReader, references: bool, cite_cap: int | None) -> int:
    walks: list[_Walk] = []
    seen: set[str] = set()
    for record in known:
        pid = record.get("paperId")
        if not pid or pid in seen:
            continue
        seen.add(pid)
        if references and record.get("referenceCount") != 0:
            walks.append(_Walk(pid, "references", 10**9, record.get("referenceCount")))
        if cite_cap and record.get("citationCount") != 0:
            walks.append(_Walk(pid, "citations", cite_cap, record.get("citationCount")))
    requests = 0
    # a few thousand lists at a time: the pages of a whole field's lists do not fit in memory
    for i in range(0, len(walks), _WALKS_AT_ONCE):
        going = walks[i : i + _WALKS_AT_ONCE]
        while going:  # one read per round for every list still being walked
            hits = reader.get_many([w.key for w in going])
            left = []
            for w in going:
                body = hits.get(w.key, _ABSENT)
                if body is _ABSENT:
                    requests += 1
                    body = w.missed()
                if w.read(body):
                    left.append(w)
            going = left
    return requests
