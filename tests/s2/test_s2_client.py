"""Faults and the semanticscholar package's known behaviours, each against the local server.

Each guard test first shows the package behaviour itself (so the test fails if a package upgrade
changes it), then that the enrichment handles it.
"""

from __future__ import annotations

import json
import logging
import time

import pytest
from fake_s2 import FakeS2, Fault, build_corpus
from s2_helpers import fast_options, id_paper, title_paper
from semanticscholar import SemanticScholar

from loaders.s2 import enrich
from loaders.s2.pace import PACE_SAMPLE, remember_pace, remembered_pace


def pid(i: int) -> str:
    return f"{i + 1:040x}"


# -- 429 / 5xx / timeouts / malformed JSON -------------------------------------------------------


def test_429_storm_is_ridden_out_with_backoff(s2, tmp_path):
    s2.faults.append(Fault(status=429, path="/paper/batch", times=4))
    result = enrich([id_paper(0), id_paper(1)], fast_options(s2.url, tmp_path))
    assert [p.s2_status for p in result.papers] == ["ok", "ok"]
    assert [r.status for r in s2.requests("/paper/batch")] == [429] * 4 + [200]
    assert result.report.retries == 4


def test_endless_429_marks_papers_for_retry_and_the_run_goes_on(s2, tmp_path):
    s2.faults.append(Fault(status=429, path="/paper/batch", times=1000))
    papers = [id_paper(0), title_paper(__import__("fake_s2").listed_title(3))]
    result = enrich(papers, fast_options(s2.url, tmp_path, max_attempts=4))
    assert [p.s2_status for p in result.papers] == ["retry:429", "ok"]
    assert len(s2.requests("/paper/batch")) == 4  # max_attempts, no more
    assert result.report.retry == {"429": 1}


def test_429_everywhere_stops_within_the_retry_budget(s2, tmp_path):
    s2.faults.append(Fault(status=429, times=10_000))
    papers = [title_paper(f"Some title number {i}") for i in range(30)]
    start = time.monotonic()
    result = enrich(papers, fast_options(s2.url, tmp_path, retry_budget=10, stop_after_failures=5))
    assert time.monotonic() - start < 10
    # 10 retries in all, then 5 requests failing for good in a row stop the run
    assert len(s2.log) <= 10 + 5 + 1
    assert {p.s2_status for p in result.papers} == {"retry:429"}
    assert "failed 5 requests in a row (429)" in result.report.message


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (500, b'{"message": "Internal Server Error"}', "500"),
        (502, b"<html>Bad Gateway</html>", "empty_response"),
        (503, b'{"message": "Service Unavailable"}', "empty_response"),
        (504, b'{"message": "Endpoint request timed out"}', "504"),
    ],
)
def test_5xx_is_retried_then_reported(s2, tmp_path, status, body, reason):
    s2.faults.append(Fault(status=status, body=body, path="/paper/batch", times=2))
    result = enrich([id_paper(0)], fast_options(s2.url, tmp_path))
    assert result.papers[0].s2_status == "ok"
    assert [r.status for r in s2.requests("/paper/batch")] == [status, status, 200]

    s2.reset()
    s2.faults.append(Fault(status=status, body=body, path="/author/batch", times=100))
    result = enrich([id_paper(1)], fast_options(s2.url, tmp_path / "b", max_attempts=3))
    # resolved, lists fetched, but the authors failed: marked for retry with its reason
    assert result.papers[0].s2_status == f"retry:{reason}"
    assert result.papers[0].s2_id == pid(1)
    assert len(s2.requests("/author/batch")) == 3


def test_a_hanging_server_times_out_and_is_retried(s2, tmp_path):
    # The timeout is also the connect timeout, and a connect that times out means S2 is
    # unreachable: 1 s, not less, so a busy test machine still connects in time.
    s2.faults.append(Fault(kind="hang", seconds=6, path="/references", times=1))
    start = time.monotonic()
    result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, timeout=1.0))
    assert time.monotonic() - start < 5  # did not wait for the hang to end
    assert result.papers[0].s2_status == "ok"
    assert len(s2.requests("/references")) == 2

    s2.reset()
    s2.faults.append(Fault(kind="hang", seconds=6, path="/citations", times=10))
    result = enrich(
        [id_paper(1)], fast_options(s2.url, tmp_path / "b", timeout=1.0, max_attempts=2)
    )
    assert result.papers[0].s2_status == "retry:timeout"
    assert result.report.retry == {"timeout": 1}


def test_malformed_json_is_retried_then_reported(s2, tmp_path):
    s2.faults.append(Fault(kind="malformed", path="/search/match", times=1))
    from fake_s2 import listed_title

    result = enrich([title_paper(listed_title(2))], fast_options(s2.url, tmp_path))
    assert result.papers[0].s2_status == "ok"
    assert len(s2.requests("/search/match")) == 2

    s2.reset()
    s2.faults.append(Fault(kind="malformed", path="/paper/batch", times=10))
    result = enrich([id_paper(3)], fast_options(s2.url, tmp_path / "b", max_attempts=2))
    assert result.papers[0].s2_status == "retry:malformed_json"


def test_a_dropped_connection_is_retried(s2, tmp_path):
    s2.faults.append(Fault(kind="drop", path="/paper/batch", times=1))
    result = enrich([id_paper(0)], fast_options(s2.url, tmp_path))
    assert result.papers[0].s2_status == "ok"


# -- unreachable -----------------------------------------------------------------------------


def test_dead_port_fails_fast_and_keeps_every_paper(dead_url, tmp_path):
    papers = [id_paper(i) for i in range(10)] + [title_paper(f"Title {i}") for i in range(10)]
    start = time.monotonic()
    result = enrich(papers, fast_options(dead_url, tmp_path, timeout=10.0, max_attempts=6))
    elapsed = time.monotonic() - start
    assert elapsed < 10
    report = result.report
    assert report.unreachable and report.requests_made == 1
    assert "unreachable" in report.message and "20 papers left unenriched" in report.message
    assert [p.s2_status for p in result.papers] == ["retry:unreachable"] * 20
    assert [p.key for p in result.papers] == [p.key for p in papers]
    assert result.nodes == [] and result.relationships == []


def test_dead_port_fails_fast_at_the_default_pace(dead_url, tmp_path):
    # Concurrent tasks queued behind the pacing delay (0.3 request/s without a key) must not
    # sit it out once the first request shows S2 is unreachable.
    papers = [title_paper(f"Title {i}") for i in range(12)]
    start = time.monotonic()
    result = enrich(papers, fast_options(dead_url, tmp_path, pace=None, concurrency=4))
    assert time.monotonic() - start < 3
    assert result.report.unreachable and result.report.requests_made == 1


def test_an_unreachable_run_reports_no_pace_and_keeps_the_last_one(dead_url, tmp_path, monkeypatch):
    # Once the first request is refused the limiter lets its queue go at once: those starts are
    # no pace S2 allowed, so neither the summary nor the next plan may show one.
    monkeypatch.delenv("S2_API_KEY", raising=False)
    remember_pace(tmp_path, has_key=False, rate=0.21)
    papers = [title_paper(f"Title {i}") for i in range(40)]
    result = enrich(papers, fast_options(dead_url, tmp_path, pace=None, concurrency=4))
    assert result.report.unreachable and result.report.pace is None
    assert "pace achieved" not in dict(result.report.rows())
    assert remembered_pace(tmp_path, has_key=False) == 0.21


def test_a_run_s2_never_answered_reports_no_pace(s2, tmp_path, monkeypatch):
    # S2 is there but fails every request until the run stops asking: nothing was answered, so
    # there is no pace to report or to plan the next run with.
    monkeypatch.delenv("S2_API_KEY", raising=False)
    s2.faults.append(Fault(status=500, times=10_000))
    papers = [title_paper(f"Title {i}") for i in range(20)]
    result = enrich(papers, fast_options(s2.url, tmp_path, pace=100.0, max_attempts=3))
    report = result.report
    assert report.requests_made >= PACE_SAMPLE and not report.resolved
    assert report.pace is None and "pace achieved" not in dict(report.rows())
    assert remembered_pace(tmp_path, has_key=False) is None


def test_unknown_host_is_unreachable_too(tmp_path):
    result = enrich([id_paper(0)], fast_options("http://s2.invalid", tmp_path))
    assert result.report.unreachable and result.papers[0].s2_status == "retry:unreachable"


def test_papers_left_by_an_unreachable_run_are_filled_in_later(s2, dead_url, tmp_path):
    papers = [id_paper(i) for i in range(3)]
    first = enrich(papers, fast_options(dead_url, tmp_path))
    assert first.report.unreachable
    later = enrich(first.papers, fast_options(s2.url, tmp_path))
    assert [p.s2_status for p in later.papers] == ["ok"] * 3
    assert later.report.requests_made == later.report.minimum_requests


# -- the package's known behaviours ----------------------------------------------------------


def test_guard_401_502_503_come_back_empty_not_as_not_found(s2, tmp_path):
    sch = SemanticScholar(api_url=s2.url, retry=False)
    for status in (401, 502, 503):
        s2.faults.append(
            Fault(status=status, body=b'{"message": "nope"}', path="/paper/batch", times=1)
        )
        assert (
            sch.get_papers(["ARXIV:2401.00000"], fields=["title"]) == []
        )  # looks like "not found"
        s2.faults.append(
            Fault(status=status, body=b'{"message": "nope"}', path="/paper/ARXIV", times=1)
        )
        assert sch.get_paper("ARXIV:2401.00000", fields=["title"]).raw_data == {}

    s2.reset()
    s2.faults.append(
        Fault(status=401, body=b'{"message": "Unauthorized"}', path="/paper/batch", times=100)
    )
    result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, max_attempts=2))
    assert result.papers[0].s2_status == "retry:empty_response"
    assert result.report.not_found == 0


def test_guard_get_papers_drops_nulls_so_ids_are_mapped(s2, tmp_path):
    sch = SemanticScholar(api_url=s2.url, retry=False)
    ids = ["ARXIV:9999.00001", "ARXIV:2401.00004", "DOI:10.9/none", "ARXIV:2401.00001"]
    got = sch.get_papers(ids, fields=["title"])
    assert len(got) == 2 and [p.paperId for p in got] == [pid(4), pid(1)]  # positions lost
    s2.reset()

    papers = [
        id_paper(0, "arxiv"),
        id_paper(0, "arxiv").model_copy(
            update={"key": "arxiv:9999.00001", "arxiv_id": "9999.00001"}
        ),
        id_paper(4, "doi"),
        id_paper(6, "s2"),
        id_paper(8, "corpus"),
    ]
    papers[2] = papers[2].model_copy(update={"doi": "10.1000/l4"})
    result = enrich(papers, fast_options(s2.url, tmp_path))
    assert [(p.s2_status, p.s2_id) for p in result.papers] == [
        ("ok", pid(0)), ("not_found", None), ("ok", pid(4)), ("ok", pid(6)), ("ok", pid(8)),
    ]  # fmt: skip
    assert len(s2.requests("/paper/batch")) == 1


def test_guard_paginated_results_retry_a_failing_page_in_a_tight_loop(tmp_path):
    corpus = build_corpus(2, cits_per_paper=2500)
    with FakeS2(corpus) as s2:
        results = SemanticScholar(api_url=s2.url, retry=False).get_paper_citations(
            pid(0), fields=["title"], limit=1000
        )
        s2.faults.append(Fault(status=503, path="/citations", times=20))
        items = list(results)  # the package asks for page 2 again and again, without pause
        assert len(items) == 2500
        offsets = [r.query["offset"] for r in s2.requests("/citations")]
        # 20 failures then the answer: 21 requests for one page (an outage would never end)
        assert offsets == ["0"] + ["1000"] * 21 + ["2000"]

        s2.reset()
        s2.faults.append(Fault(status=503, path="/citations", times=1000))
        opts = fast_options(s2.url, tmp_path, max_attempts=3, max_citations=5000, references=False)
        result = enrich([id_paper(0)], opts)
        # our client: first page failed 3 times with backoff, then the paper is marked, no storm
        assert len(s2.requests("/citations")) == 3
        assert result.papers[0].s2_status == "retry:empty_response"


def test_guard_a_page_without_data_stops_instead_of_looping(tmp_path):
    corpus = build_corpus(1, cits_per_paper=1500)
    with FakeS2(corpus) as s2:
        opts = fast_options(s2.url, tmp_path, max_citations=5000, references=False)

        original = s2.answer
        calls = {"n": 0}

        def answer(method, path, query, body):
            if path.endswith("/citations"):
                calls["n"] += 1
                if calls["n"] == 2:
                    return 200, {"total": 1500}
            return original(method, path, query, body)

        s2.answer = answer
        result = enrich([id_paper(0)], opts)
        assert result.papers[0].s2_status == "retry:pagination_stalled"
        assert len(s2.requests("/citations")) == 2


def test_guard_search_paper_does_not_encode_the_query(s2, corpus, tmp_path):
    title = "Attention & Memory: 100% #Recall? In Long-Context Models"
    corpus.add_paper(
        {**corpus.papers[pid(20)], "paperId": "a" * 40, "title": title, "externalIds": {}}
    )
    with pytest.raises(Exception):  # noqa: B017 the package sends "query=Attention " and S2 finds nothing
        SemanticScholar(api_url=s2.url, retry=False).search_paper(
            title, match_title=True, fields=["title"]
        )
    assert s2.requests("/search/match")[-1].query["query"].strip() == "Attention"

    s2.reset()
    result = enrich([title_paper(title)], fast_options(s2.url, tmp_path))
    assert s2.requests("/search/match")[0].query["query"] == title
    assert result.papers[0].s2_status == "ok" and result.papers[0].s2_id == "a" * 40


def test_api_key_is_sent_but_never_logged_or_printed(s2, tmp_path, caplog, capsys):
    key = "sk-TEST-s3cr3t-0123456789"
    # the package itself forgets the key on paginated endpoints
    SemanticScholar(api_url=s2.url, api_key=key, retry=False).get_paper_references(
        pid(0), fields=["title"]
    )
    assert s2.log[-1].api_key is None
    s2.reset()
    caplog.set_level(logging.DEBUG)
    options = fast_options(s2.url, tmp_path, api_key=key)
    result = enrich([id_paper(0), title_paper("No such paper anywhere at all")], options)
    assert {r.api_key for r in s2.log} == {key}
    out = capsys.readouterr()
    assert "HTTP Request" in caplog.text  # the package did log at DEBUG
    for text in (
        caplog.text,
        out.out,
        out.err,
        repr(options),
        repr(result.report),
        str(result.report.rows()),
    ):
        assert key not in text
    for f in tmp_path.iterdir():
        assert key.encode() not in f.read_bytes()


def test_offline_uses_only_the_cache(s2, tmp_path):
    papers = [id_paper(0), id_paper(1)]
    cold = enrich(papers, fast_options(s2.url, tmp_path, offline=True))
    assert len(s2.log) == 0 and [p.s2_status for p in cold.papers] == ["retry:offline"] * 2
    online = enrich(papers[:1], fast_options(s2.url, tmp_path))
    s2.reset()
    warm = enrich(papers, fast_options(s2.url, tmp_path, offline=True))
    assert len(s2.log) == 0
    assert [p.s2_status for p in warm.papers] == ["ok", "retry:offline"]
    assert len(warm.relationships) == len(online.relationships) > 0


def test_json_body_of_batch_is_the_ids(s2, tmp_path):
    enrich([id_paper(3), id_paper(1)], fast_options(s2.url, tmp_path))
    assert s2.requests("/paper/batch")[0].body == {"ids": ["ARXIV:2401.00001", "ARXIV:2401.00003"]}
    assert json.loads(json.dumps(s2.requests("/author/batch")[0].body))["ids"] == sorted(
        {str(100_000 + i + k) for i in (1, 3) for k in range(3)}
    )
