"""The plan consults the cache: it counts only what the next run will really ask the local server."""

from __future__ import annotations

import random
import sqlite3

import pytest
from fake_s2 import _edge, build_corpus
from s2_helpers import fast_options, id_paper, listed_title, title_paper

from kg.model import Paper
from loaders.s2 import enrich, estimated_seconds, plan_requests
from loaders.s2.cache import CACHE_FILE
from loaders.s2.plan import planned_requests


def pid(i: int) -> str:
    return f"{i + 1:040x}"


@pytest.fixture
def corpus():
    c = build_corpus(22)
    # paper 0 has 2,500 references (three pages), paper 3 has 2,300 citations (one page of them
    # at the default --max-citations 1000)
    c.references[pid(0)] = [
        _edge(c, f"a{k:039x}", k, random.Random(k), f"Old work {k}") for k in range(2500)
    ]
    c.papers[pid(0)]["referenceCount"] = 2500
    c.citations[pid(3)] = [
        _edge(c, f"b{k:039x}", k, random.Random(k), f"New work {k}") for k in range(2300)
    ]
    c.papers[pid(3)]["citationCount"] = 2300
    # paper 5 is cited by nobody: no /citations request
    c.citations[pid(5)] = []
    c.papers[pid(5)]["citationCount"] = 0
    return c


def listing() -> list[Paper]:
    kinds = ["arxiv", "doi", "s2", "corpus", "arxiv", "arxiv", "doi", "s2"]
    papers = [id_paper(i, k) for i, k in enumerate(kinds)]
    papers.append(Paper(key="arxiv:9999.99999", arxiv_id="9999.99999", listed=True))  # unknown id
    papers += [title_paper(listed_title(i)) for i in range(11, 16)]
    papers.append(title_paper(listed_title(16), year=2019))  # S2 says 2024: rejected
    papers.append(title_paper("Zzzz qqqq wholly unknown xxyyzz"))  # no match at all
    return papers


def next_run(s2, papers, options) -> int:
    """Requests a run makes, from the server's log."""
    s2.reset()
    enrich(papers, options)
    return len(s2.log)


def test_fresh_cache_plans_the_listing_formula_and_creates_nothing(tmp_path):
    papers = listing()
    options = fast_options("http://127.0.0.1:9", tmp_path / "cache", max_citations=500)
    assert plan_requests(papers, options) == planned_requests(papers, max_citations=500)
    assert not (tmp_path / "cache").exists()  # read-only: no file, no directory made


def test_offline_plans_nothing(tmp_path):
    options = fast_options("http://127.0.0.1:9", tmp_path, offline=True)
    assert plan_requests(listing(), options) == 0
    assert estimated_seconds(listing(), options) == 0


def test_after_a_full_run_the_plan_is_zero(s2, tmp_path):
    papers = listing()
    options = fast_options(s2.url, tmp_path)
    paced = fast_options(s2.url, tmp_path, pace=0.5)
    before = plan_requests(papers, options)
    assert estimated_seconds(papers, paced) == before / 0.5
    made = next_run(s2, papers, options)
    assert made > 20 and before >= made * 0.9
    assert plan_requests(papers, options) == 0
    assert estimated_seconds(papers, paced) == 0
    assert next_run(s2, papers, options) == 0


def test_after_part_of_the_listing_the_plan_is_what_the_next_run_makes(s2, tmp_path):
    papers = listing()
    options = fast_options(s2.url, tmp_path)
    # left for the second run: two id papers and two title papers S2 knows, with one page of
    # references and of citations each, as the listing's assumption goes for papers not cached
    next_run(s2, papers[:6] + papers[8:12] + papers[14:], options)
    planned = plan_requests(papers, options)
    made = next_run(s2, papers, options)
    assert 0 < made <= planned <= made * 1.1
    assert planned < planned_requests(papers)


def test_a_run_without_citations_leaves_exactly_the_citation_pages(s2, tmp_path):
    papers = listing()
    next_run(s2, papers, fast_options(s2.url, tmp_path, citations=False))
    options = fast_options(s2.url, tmp_path)
    planned = plan_requests(papers, options)
    made = next_run(s2, papers, options)
    assert made == len(s2.requests("/citations"))
    assert planned == made  # counts known from the cached records: none for paper 5


def test_expired_kinds_are_planned_again(s2, tmp_path):
    papers = listing()
    next_run(s2, papers, fast_options(s2.url, tmp_path))
    options = fast_options(s2.url, tmp_path, cache_ttl={"citations": -1.0, "author": -1.0})
    planned = plan_requests(papers, options)
    made = next_run(s2, papers, options)
    assert made == len(s2.requests("/citations")) + len(s2.requests("/author/batch")) > 0
    assert planned == made


def test_a_missing_later_page_is_planned_alone(s2, tmp_path):
    papers = listing()
    options = fast_options(s2.url, tmp_path)
    next_run(s2, papers, options)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:  # as if the run had stopped after page 1
        gone = db.execute(
            "DELETE FROM responses WHERE key LIKE ? AND key LIKE '%offset=1000&%'",
            (f"GET /paper/{pid(0)}/references?%",),
        ).rowcount
    assert gone == 1
    planned = plan_requests(papers, options)
    made = next_run(s2, papers, options)
    assert [r.query["offset"] for r in s2.log] == ["1000"]  # the page after it is still cached
    assert planned == made == 1
