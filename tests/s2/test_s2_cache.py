"""The response cache: hits, per-kind expiry, resume after an interruption."""

from __future__ import annotations

import math
import signal

import pytest
from fake_s2 import listed_title
from s2_helpers import fast_options, id_paper, title_paper

from loaders.s2 import enrich
from loaders.s2.cache import CACHE_FILE, DAY, MISSING, ResponseCache, kind_of, request_key


def test_cache_round_trip_and_expiry(tmp_path):
    now = [1000.0]
    cache = ResponseCache(tmp_path / "c.sqlite", ttl={"citations": 10}, clock=lambda: now[0])
    key = request_key("GET", "/paper/X/citations", "&fields=title&offset=0&limit=1000", None)
    cache.put(key, "citations", {"data": [1]})
    cache.put("other", "references", {"data": [2]})
    assert cache.get(key) == {"data": [1]}
    now[0] += 11
    assert cache.get(key) is MISSING  # citations expire after 10 s here
    assert cache.get(key, allow_stale=True) == {"data": [1]}  # offline still uses it
    assert cache.get("other") == {"data": [2]}  # references live 180 days
    now[0] += 181 * DAY
    assert cache.get("other") is MISSING
    cache.close()


def test_bodies_come_back_as_stored_non_ascii_and_nan_too(tmp_path):
    cache = ResponseCache(tmp_path / "c.sqlite")
    body = {"title": "Über “Graphs” 图", "year": 2024, "score": 0.5, "tldr": None, "ok": True}
    cache.put("paper", "paper", body)
    cache.put("odd", "paper", {"score": float("nan")})  # json writes NaN; orjson refuses it
    assert cache.get("paper") == body
    assert math.isnan(cache.get("odd")["score"])
    cache.close()


def test_request_key_ignores_host_and_headers():
    assert request_key("POST", "/paper/batch", "&fields=a", {"ids": ["B", "A"]}) == (
        'POST /paper/batch?fields=a#{"ids":["B","A"]}'
    )
    assert [kind_of(p) for p in ("/paper/batch", "/paper/search/match", "/paper/x/references")] == [
        "paper", "match", "references",
    ]  # fmt: skip


def test_rerun_hits_the_cache_and_expired_kinds_are_fetched_again(s2, tmp_path):
    papers = [id_paper(0), id_paper(1), title_paper(listed_title(2))]
    first = enrich(papers, fast_options(s2.url, tmp_path))
    n = len(s2.log)
    assert first.report.requests_made == n == 1 + 1 + 1 + 3 + 3
    s2.reset()
    second = enrich(papers, fast_options(s2.url, tmp_path))
    assert len(s2.log) == 0 and second.report.requests_made == 0
    # citations expire first: only they are asked again
    third = enrich(papers, fast_options(s2.url, tmp_path, cache_ttl={"citations": 0}))
    assert [r.path.rsplit("/", 1)[-1] for r in s2.log] == ["citations"] * 3
    assert third.report.requests_made == 3
    assert (tmp_path / CACHE_FILE).exists()


def test_a_listing_that_grew_asks_only_for_the_new_paper(s2, tmp_path):
    enrich([id_paper(0), id_paper(1)], fast_options(s2.url, tmp_path))
    s2.reset()
    result = enrich([id_paper(0), id_paper(1), id_paper(2)], fast_options(s2.url, tmp_path))
    assert s2.requests("/paper/batch")[0].body == {"ids": ["ARXIV:2401.00002"]}
    assert {r.path.split("/")[4] for r in s2.requests("/paper/0")} == {f"{3:040x}"}
    assert [p.s2_status for p in result.papers] == ["ok"] * 3


class Interrupt:
    """Progress (kg.progress) that presses Ctrl-C (a real SIGINT) after ``after`` lists."""

    def __init__(self, after: int):
        self.after, self.done = after, 0

    def start(self, task, description, total=None):
        pass

    def advance(self, task, n=1):
        if task in ("references", "citations"):
            self.done += n
            if self.done == self.after:
                signal.raise_signal(signal.SIGINT)

    def end(self, task):
        pass


def test_an_interrupted_run_resumes_where_it_stopped(s2, tmp_path):
    papers = [id_paper(i) for i in range(6)]
    options = fast_options(s2.url, tmp_path)
    with pytest.raises(KeyboardInterrupt):
        enrich(papers, options, progress=Interrupt(after=5))
    done_before = len(s2.log)
    assert done_before == 1 + 1 + 5  # batch, authors, five lists
    s2.reset()
    result = enrich(papers, options)
    assert len(s2.log) == result.report.requests_made == 12 - 5  # the seven lists not fetched
    assert [p.s2_status for p in result.papers] == ["ok"] * 6
    assert result.report.minimum_requests == 1 + 1 + 12
