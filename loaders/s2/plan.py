"""How many requests an enrichment needs: the formula the run is held to.

For an input of ``I`` papers with an id (distinct ids) and ``T`` title-only papers, of which the
resolved ones have ``A`` distinct authors, reference counts ``r_p`` and citation counts ``c_p``::

    requests = ceil(I / 500)                                   # POST /paper/batch
             + T                                               # GET /paper/search/match, one each
             + ceil(A / 1000)                                  # POST /author/batch
             + sum_p pages(r_p, R)        (unless --no-references)
             + sum_p pages(c_p, M)        (unless --no-citations)
    pages(n, m) = ceil(min(n, m, 9999) / 1000), 0 when n == 0  # PAGE_LIMIT, OFFSET_CAP - 1

with ``R`` unlimited and ``M`` = ``--max-citations``. Retries are extra. :func:`minimum_requests`
evaluates it on what S2 returned (the run's yardstick: requests made stay within 10% of it);
:func:`planned_requests` evaluates it before the run, counting what the listing knows and
assuming one page of references and of citations per paper and ``author_count`` (else
:data:`ASSUMED_AUTHORS`) authors per paper, as if nothing were cached.

Cached responses cost nothing. The cache term: the plan printed before a run
(:func:`loaders.s2.plan_requests`, through :mod:`loaders.s2.cache_plan`) takes ``I``, ``T`` and
``A`` as the ids, titles and authors without a fresh cached answer (per kind expiry), and the pages
as those not cached: for papers whose record the cache holds, from the record's ``r_p`` / ``c_p``
and the cached pages; for the others, as :func:`planned_requests` assumes; their authors add to
the uncached ones in ``ceil(A / 1000)``. A fully cached re-run plans 0; ``--offline`` plans 0.

    >>> from kg.model import Paper
    >>> papers = [Paper(key=f"arxiv:{i}", arxiv_id=str(i)) for i in range(3)]
    >>> papers.append(Paper(key="title:x", title="X", author_count=4))
    >>> planned_requests(papers, max_citations=1000)   # 1 batch + 1 match + 1 author batch + 4 + 4
    11
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from kg.model import Paper
from loaders.s2.resolve import request_id

BATCH_PAPERS = 500
BATCH_AUTHORS = 1000
#: S2's largest ``limit`` for a page of references or citations
PAGE_LIMIT = 1000
#: S2 refuses a page with ``offset + limit >= OFFSET_CAP`` ("offset + limit must be < 10000"), so
#: a list yields at most ``OFFSET_CAP - 1`` = 9,999 items
OFFSET_CAP = 10_000
ASSUMED_AUTHORS = 6


def pages(n: int | None, cap: int | None = None) -> int:
    """Requests to list ``n`` items 1,000 a page, at most ``cap`` of them and 9,999 in all.

    >>> pages(0), pages(1), pages(1000), pages(1001), pages(50_000), pages(5000, cap=1000)
    (0, 1, 1, 2, 10, 1)
    """
    if n is None:
        return 1
    n = min(n, OFFSET_CAP - 1, cap if cap is not None else n)
    return math.ceil(n / PAGE_LIMIT) if n > 0 else 0


def minimum_requests(
    n_ids: int,
    n_titles: int,
    n_authors: int,
    reference_counts: Iterable[int | None] = (),
    citation_counts: Iterable[int | None] = (),
    max_citations: int | None = None,
) -> int:
    """The formula above for known counts (``None`` counts as one page)."""
    return (
        math.ceil(n_ids / BATCH_PAPERS)
        + n_titles
        + math.ceil(n_authors / BATCH_AUTHORS)
        + sum(pages(r) for r in reference_counts)
        + sum(pages(c, max_citations) for c in citation_counts)
    )


def planned_requests(
    papers: list[Paper],
    *,
    references: bool = True,
    citations: bool = True,
    max_citations: int = 1000,
) -> int:
    """The formula before the run, from what the listing knows (see the module doc)."""
    ids = {rid.lower() for p in papers if (rid := request_id(p))}
    titles = [p for p in papers if request_id(p) is None and p.title]
    authors = sum(p.author_count or ASSUMED_AUTHORS for p in papers if request_id(p) or p.title)
    fetched = [p for p in papers if request_id(p) or p.title]
    return minimum_requests(
        len(ids),
        len(titles),
        authors,
        [p.reference_count for p in fetched] if references else [],
        [p.citation_count for p in fetched] if citations and max_citations > 0 else [],
        max_citations,
    )


def estimated_seconds(requests: int, pace: float) -> float:
    """Wall time at ``pace`` requests/s (0 = unpaced, counted as 0 s).

    >>> estimated_seconds(120, 0.3)
    400.0
    """
    return requests / pace if pace and pace > 0 else 0.0
