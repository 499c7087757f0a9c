"""Pacing against the local S2 server set to S2's documented limits (429 above them), with the
clock scaled: the demo's bounded build of the example listing, and a crowded keyless pool.

S2 allows 100 requests per 5 minutes without a key. At ``SCALE`` times the real rate, the
server's window is ``300 / SCALE`` seconds and the client's pace ``SCALE`` times the default:
every figure below is the real-rate one divided by ``SCALE``. On the scaled clock the client's
own CPU time per request starts to count, which the real rate never notices.
"""

from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path

import pytest
from fake_s2 import Corpus, FakeS2, _edge, _norm, _paper
from rate_limit import RateLimit
from testkit import EXAMPLE_LISTING

from kg import KnowledgeGraph
from kg.cli import main
from kg.stats import graph_stats
from loaders.pipeline import load_listings
from loaders.s2.pace import DEFAULT_PACE_WITHOUT_KEY, S2_LIMIT_WITHOUT_KEY

#: KG_PACING_SCALE=1 runs the demo's build at the real rate (about 10 minutes)
SCALE = int(os.environ.get("KG_PACING_SCALE", "30"))
DEMO = Path(__file__).resolve().parents[2] / "tools" / "demo.sh"
#: `make demo` must finish within this many seconds without an API key
DEMO_BOUND = 600
REFS, CITATIONS = 5, 130
#: unscaled time a run may take past its budget (requests in flight, assembling the result)
LOCAL_SECONDS = 10.0
#: corpus -> its /match answers (the fake's fuzzy match compares every title: too slow here)
MATCHES: dict[int, dict[str, str]] = {}


def demo_flags(scale: int) -> list[str]:
    """The S2 flags tools/demo.sh passes to `kg build`, its time budget scaled."""
    flags = re.search(r"^DEMO_S2_FLAGS=\((.*)\)$", DEMO.read_text(), re.M).group(1).split()
    i = flags.index("--time-budget")
    flags[i + 1] = str(float(flags[i + 1]) / scale)
    return flags


def listing_corpus() -> Corpus:
    """S2 records for the example listing's papers: same titles, years and author counts (so
    the title matches are accepted), REFS references and CITATIONS citing papers each."""
    rng = random.Random(5)
    corpus = Corpus()
    corpus_titles = MATCHES.setdefault(id(corpus), {})
    (listing,) = load_listings([EXAMPLE_LISTING])
    for i, entry in enumerate(listing.entries):
        paper, pid = entry.paper, f"{i + 1:040x}"
        corpus_titles[_norm(paper.title)] = pid
        authors = [str(200_000 + 3 * i + k) for k in range(paper.author_count or 3)]
        corpus.add_paper(_paper(
            pid, 20_000 + i, paper.title, paper.year or 2024, rng, referenceCount=REFS,
            citationCount=CITATIONS, authors=[{"authorId": a, "name": f"Author {a}"} for a in authors],
        ))  # fmt: skip
        for a in authors:
            corpus.authors[a] = {"authorId": a, "name": f"Author {a}", "hIndex": 3, "paperCount": 9}
        corpus.references[pid] = [
            _edge(corpus, f"r{i:07d}{k:032x}", k, rng, f"Reference {k} of {i}") for k in range(REFS)
        ]
        corpus.citations[pid] = [
            _edge(corpus, f"c{i:07d}{k:032x}", k, rng, f"Citing {k} of {i}")
            for k in range(CITATIONS)
        ]
    return corpus


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return listing_corpus()


def kg(capsys, *args) -> tuple[int, str, float]:
    start = time.perf_counter()
    with pytest.raises(SystemExit) as done:
        main([str(a) for a in args])
    seconds = time.perf_counter() - start
    out = capsys.readouterr()
    return done.value.code or 0, out.out + out.err, seconds


def keyless_s2(corpus: Corpus, share: float = 1.0) -> FakeS2:
    """The fake S2 at ``share`` of S2's keyless allowance, on the scaled clock."""
    requests, per = S2_LIMIT_WITHOUT_KEY
    server = FakeS2(corpus)
    server.match_overrides = MATCHES[id(corpus)]
    server.rate_limit = RateLimit(max(1, int(requests * share)), per / SCALE)
    return server


def test_bounded_demo_build_keeps_its_plan_and_its_time(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("S2_API_KEY", raising=False)
    db, cache = tmp_path / "kg.db", tmp_path / "cache"
    pace = DEFAULT_PACE_WITHOUT_KEY * SCALE  # the default keyless pace on the scaled clock
    with keyless_s2(corpus) as s2:
        flags = [
            "--db",
            db,
            "--cache",
            cache,
            "--s2-api-url",
            s2.url,
            "--pace",
            pace,
            *demo_flags(SCALE),
        ]
        code, out, seconds = kg(capsys, "build", EXAMPLE_LISTING, *flags)
        made, refused = len(s2.log), s2.rate_limit.refused
    planned = int(re.search(r"(\d+) requests planned", out).group(1))
    budgeted = int(re.search(r"stops it after about (\d+) requests", out).group(1))
    s2_seconds = float(re.search(r"S2 seconds\s*│\s*([\d.]+)", out).group(1))
    with capsys.disabled():  # the figures, with -s
        print(f"bounded demo build at {SCALE}x: {seconds:.1f} s in all, {s2_seconds:.1f} s of S2 "
              f"({s2_seconds * SCALE / 60:.1f} min at the real rate), {made} requests, plan {planned}, "
              f"budget {budgeted}, {refused} x 429")  # fmt: skip
    assert code == 1, out  # the budget left papers for `kg enrich`, and it says so
    assert "left unenriched for `kg enrich`" in out
    assert refused == 0, "the default pace stays under S2's keyless allowance"
    assert made <= budgeted <= planned
    assert (
        made >= 0.6 * budgeted
    )  # the budget went to requests (a busy machine slows the scaled run)
    # the S2 phase ends at the budget, plus the requests in flight and local work, which take
    # real seconds whatever the scale
    budget = float(demo_flags(1)[demo_flags(1).index("--time-budget") + 1])
    assert s2_seconds <= budget / SCALE + LOCAL_SECONDS
    assert budget + LOCAL_SECONDS < DEMO_BOUND
    with KnowledgeGraph.open(db, read_only=True) as kb:
        state = graph_stats(kb)["listed_papers_by_s2_status"]
    assert state.get("ok", 0) + state.get("retry:time_budget", 0) == 107 and state.get(
        "retry:time_budget"
    )

    # the full enrichment is one `kg enrich` away (here with no pace limit: the server allows it)
    with FakeS2(corpus) as s2:
        s2.match_overrides = MATCHES[id(corpus)]
        code, out, _ = kg(
            capsys, "enrich", "--db", db, "--cache", cache, "--s2-api-url", s2.url, "--pace", 0
        )
        planned = int(re.search(r"(\d+) requests planned", out).group(1))
        assert code == 0, out
        assert len(s2.log) <= planned
    with KnowledgeGraph.open(db, read_only=True) as kb:
        stats = graph_stats(kb)
    assert stats["listed_papers_by_s2_status"] == {"ok": 107}
    assert stats["relationships"]["CITES"] == 107 * (REFS + CITATIONS)  # no longer capped at 100


def test_crowded_pool_backs_off_and_the_next_plan_uses_the_pace_achieved(
    corpus, tmp_path, capsys, monkeypatch
):
    """The shared keyless pool gives this client a quarter of the allowance: 429s halve the pace,
    it recovers slowly, every paper is enriched, and the next plan estimates at the pace
    achieved, not the one configured."""
    monkeypatch.delenv("S2_API_KEY", raising=False)
    from loaders.s2 import EnrichOptions, enrich
    from loaders.s2.pace import remembered_pace

    (listing,) = load_listings([EXAMPLE_LISTING])
    papers = [e.paper for e in listing.entries][:20]
    cache = tmp_path / "cache"
    options = EnrichOptions(
        api_url=None, cache_dir=str(cache), pace=DEFAULT_PACE_WITHOUT_KEY * SCALE, citations=False,
        backoff_base=0.2 / SCALE * 10, backoff_cap=2.0, seed=3, retry_budget=200,
    )  # fmt: skip
    with keyless_s2(corpus, share=0.25) as s2:
        options.api_url = s2.url
        result = enrich(papers, options)
        refused = s2.rate_limit.refused
    report = result.report
    allowed = S2_LIMIT_WITHOUT_KEY[0] * 0.25 / (S2_LIMIT_WITHOUT_KEY[1] / SCALE)
    with capsys.disabled():
        print(f"crowded pool: {report.requests_made} requests, {refused} x 429, pace {report.pace:.2f}/s "
              f"(allowed {allowed:.2f}/s, started at {options.pace:.2f}/s)")  # fmt: skip
    assert report.resolved == len(papers) and not report.retry
    assert report.throttles >= 1 and refused == report.throttles
    assert refused <= 0.25 * report.requests_made  # backing off, not hammering
    assert report.pace < options.pace
    # the next plan (default pace) estimates at what was achieved (scaled back to the real clock)
    achieved = remembered_pace(cache, has_key=False)
    assert achieved == pytest.approx(report.pace, rel=1e-3)


def test_a_long_plan_says_how_to_shorten_it(tmp_path, monkeypatch):
    """The demo's plan at the real keyless pace: 322 requests, about 18 minutes, and three ways
    to shorten it, each with its own estimate."""
    monkeypatch.delenv("S2_API_KEY", raising=False)
    from kg.cli.build import plan_lines
    from loaders.s2 import EnrichOptions

    (listing,) = load_listings([EXAMPLE_LISTING])
    papers = [e.paper for e in listing.entries]
    lines = plan_lines(papers, EnrichOptions(cache_dir=str(tmp_path), time_budget=540))
    assert lines[0].startswith("Semantic Scholar: 107 papers, 322 requests planned")
    assert "about 17 min 53 s at 0.30 requests/s, near S2's keyless allowance" in lines[0]
    assert "--time-budget 9 min stops it after about 162 requests" in lines[1]
    assert lines[2] == "  To shorten it:"
    assert (
        any("--max-citations 100" in line for line in lines) is False
    )  # demo papers have one page either way
    assert any(
        line.strip().startswith("--no-citations: 215 requests, about 11 min 57 s") for line in lines
    )
    assert any("S2_API_KEY" in line and "5 min 22 s" in line for line in lines)
    short = plan_lines(papers[:10], EnrichOptions(cache_dir=str(tmp_path)))
    assert len(short) == 1 and "To shorten" not in short[0]
