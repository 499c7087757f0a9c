"""The request formula and the pace/backoff helpers."""

from __future__ import annotations

import asyncio
import random
import time

from kg.model import Paper
from loaders.s2 import EnrichOptions, estimated_seconds, plan_requests
from loaders.s2.pace import Limiter, RetryBudget, backoff_delay, effective_pace
from loaders.s2.plan import minimum_requests, pages


def test_pages_respect_page_size_cap_and_offset_limit():
    assert [pages(n) for n in (0, 1, 999, 1000, 1001, 9999, 10_000, 10**6)] == [
        0,
        1,
        1,
        1,
        2,
        10,
        10,
        10,
    ]
    assert pages(5000, cap=1000) == 1 and pages(None) == 1


def test_minimum_requests_batches_ids_and_authors():
    assert minimum_requests(1001, 0, 2001) == 3 + 3
    assert minimum_requests(0, 7, 0) == 7


def test_plan_counts_listing_knowledge_and_options(tmp_path):
    ids = [Paper(key=f"arxiv:{i}", arxiv_id=str(i), author_count=2) for i in range(600)]
    titles = [Paper(key=f"title:{i}", title=f"T {i}", citation_count=0) for i in range(10)]
    opts = EnrichOptions(pace=0.5, cache_dir=str(tmp_path))  # an empty cache
    # 2 batches + 10 matches + ceil((600*2 + 10*6)/1000)=2 + 610 reference pages + 600 citation pages
    assert plan_requests(ids + titles, opts) == 2 + 10 + 2 + 610 + 600
    assert (
        plan_requests(
            ids + titles, EnrichOptions(citations=False, references=False, cache_dir=str(tmp_path))
        )
        == 14
    )
    assert estimated_seconds(ids + titles, opts) == (2 + 10 + 2 + 610 + 600) / 0.5


def test_default_pace_depends_on_the_key():
    assert effective_pace(None, True) == 1.0 and effective_pace(None, False) < 1.0
    assert effective_pace(0, False) == 0


def test_limiter_spaces_requests():
    async def five():
        limiter = Limiter(rate=20)
        start = time.monotonic()
        for _ in range(5):
            await limiter.wait()
        return time.monotonic() - start

    assert 0.18 <= asyncio.run(five()) < 1.0


def test_backoff_grows_with_jitter_and_budget_runs_out():
    rng = random.Random(3)
    delays = [backoff_delay(a, 1.0, 8.0, rng) for a in range(6)]
    assert all(2**a / 2 <= d <= 2**a for a, d in enumerate(delays[:4]))
    assert all(4.0 <= d <= 8.0 for d in delays[4:])
    budget = RetryBudget(2)
    assert [budget.take(), budget.take(), budget.take()] == [True, True, False] and budget.left == 0
