"""Pagination of /references and /citations: pages, the API's offset cap, --max-citations."""

from __future__ import annotations

from fake_s2 import FakeS2, build_corpus
from s2_helpers import fast_options, id_paper

from kg.model import Cites
from loaders.s2 import enrich


def pid(i: int) -> str:
    return f"{i + 1:040x}"


def test_pages_until_the_list_ends(tmp_path):
    corpus = build_corpus(1, refs_per_paper=2345, cits_per_paper=1000)
    with FakeS2(corpus) as s2:
        result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, max_citations=5000))
        refs = s2.requests("/references")
        assert [(r.query["offset"], r.query["limit"]) for r in refs] == [
            ("0", "1000"),
            ("1000", "1000"),
            ("2000", "1000"),
        ]
        assert len(s2.requests("/citations")) == 1  # exactly 1,000: one page, no "next"
        cites = [r for r in result.relationships if isinstance(r, Cites)]
        assert sum(c.src == "arxiv:2401.00000" for c in cites) == 2345
        assert sum(c.dst == "arxiv:2401.00000" for c in cites) == 1000
        assert result.papers[0].citations_truncated is False
        assert result.report.requests_made == result.report.minimum_requests == 1 + 1 + 3 + 1


def test_offset_cap_truncates_and_is_recorded(tmp_path):
    corpus = build_corpus(1, refs_per_paper=0, cits_per_paper=12_000)
    with FakeS2(corpus) as s2:
        result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, max_citations=50_000))
        pages = [(int(r.query["offset"]), int(r.query["limit"])) for r in s2.requests("/citations")]
        # 9 pages of 1,000, then 999: offset + limit stays under 10,000 like the API demands
        assert pages == [(o, 1000) for o in range(0, 9000, 1000)] + [(9000, 999)]
        assert all(r.status == 200 for r in s2.log)
        assert sum(isinstance(r, Cites) for r in result.relationships) == 9999
        assert result.papers[0].citations_truncated is True
        assert result.report.truncated == 1
        assert not s2.requests("/references")  # referenceCount 0: not asked


def test_max_citations_bounds_the_pages(tmp_path):
    corpus = build_corpus(1, refs_per_paper=5, cits_per_paper=2500)
    with FakeS2(corpus) as s2:
        result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, max_citations=1500))
        assert [r.query["offset"] for r in s2.requests("/citations")] == ["0", "1000"]
        assert (
            sum(c.dst == "arxiv:2401.00000" for c in result.relationships if isinstance(c, Cites))
            == 1500
        )
        assert result.papers[0].citations_truncated is True
        assert result.report.requests_made == result.report.minimum_requests


def test_a_failing_second_page_marks_the_paper_for_retry(tmp_path):
    corpus = build_corpus(1, refs_per_paper=1500, cits_per_paper=3)
    with FakeS2(corpus) as s2:
        original = s2.answer
        seen = {"n": 0}

        def answer(method, path, query, body):
            if path.endswith("/references") and query.get("offset") == "1000":
                seen["n"] += 1
                return 503, {"message": "down"}
            return original(method, path, query, body)

        s2.answer = answer
        result = enrich([id_paper(0)], fast_options(s2.url, tmp_path, max_attempts=3))
        assert seen["n"] == 3  # bounded by max_attempts, no tight loop
        assert result.papers[0].s2_status == "retry:empty_response"
        assert (
            sum(c.dst == "arxiv:2401.00000" for c in result.relationships if isinstance(c, Cites))
            == 3
        )
