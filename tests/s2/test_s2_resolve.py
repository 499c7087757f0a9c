"""Title-match verification and batch id mapping, unit and through the server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_s2 import listed_title
from s2_helpers import fast_options, title_paper

from kg.model import Paper
from loaders.s2 import enrich
from loaders.s2.resolve import map_batch, request_id, title_similarity, verify_match

DATA = Path(__file__).resolve().parent / "data"


def pid(i: int) -> str:
    return f"{i + 1:040x}"


REC = {"paperId": "p", "title": "Attention Is All You Need", "year": 2017, "authors": [{}] * 8}


@pytest.mark.parametrize(
    ("listing", "accepted", "reason"),
    [
        (dict(title="Attention is all you need.", year=2017, author_count=8), True, None),
        (
            dict(title="Attention Is All You Need", year=2018, author_count=None),
            True,
            None,
        ),  # within one
        (
            dict(title="Attention Is All You Need", year=2020, author_count=8),
            False,
            "year_mismatch",
        ),
        (
            dict(title="Attention Is All You Need", year=2017, author_count=5),
            False,
            "author_count_mismatch",
        ),
        (
            dict(title="Attention Is Not All You Need", year=2017, author_count=8),
            False,
            "title_mismatch",
        ),
        (
            dict(title="Attention Is All You Need in Speech", year=2017, author_count=8),
            False,
            "title_mismatch",
        ),
    ],
)
def test_verify_match(listing, accepted, reason):
    verdict = verify_match(Paper(key="t", **listing), REC)
    assert (verdict.accepted, verdict.reason) == (accepted, reason)
    assert "title similarity" in verdict.evidence
    assert (verdict.confidence > 0.8) == accepted


def test_confidence_is_lower_when_less_could_be_compared():
    full = verify_match(Paper(key="t", title=REC["title"], year=2017, author_count=8), REC)
    bare = verify_match(Paper(key="t", title=REC["title"]), REC)
    assert full.confidence == 1.0 and 0.8 < bare.confidence < 1.0
    assert "year not compared" in bare.evidence and "author count not compared" in bare.evidence


def test_title_similarity():
    assert (
        title_similarity(
            "BERT: Pre-training of Deep Transformers", "bert pretraining of deep transformers"
        )
        == 1.0
    )
    assert title_similarity("A", None) == 0.0
    assert title_similarity("graph neural networks", "graph neural network") > 0.95


def test_request_id_prefers_s2_then_corpus_arxiv_doi():
    assert request_id(Paper(key="k", s2_id="abc", arxiv_id="1")) == "abc"
    assert request_id(Paper(key="k", corpus_id=5, arxiv_id="1")) == "CorpusId:5"
    assert request_id(Paper(key="k", doi="10.1/x")) == "DOI:10.1/x"
    assert request_id(Paper(key="k", title="t")) is None


def test_map_batch_by_id_not_position():
    sample = json.loads((DATA / "paper.json").read_text())
    record = {k: sample[k] for k in ("paperId", "externalIds", "corpusId")}
    asked = [
        "DOI:10.5555/lgr.2021.42",
        "ARXIV:0000.00000",
        f"CorpusId:{sample['corpusId']}",
        sample["paperId"],
    ]
    got = map_batch(asked, [record])
    assert set(got) == {asked[0], asked[2], asked[3]}


def test_title_matches_through_the_server(s2, corpus, tmp_path):
    # a paper whose title is near-identical to listed paper 3's, same year and author count
    near = listed_title(3).replace("study 3", "study 3 revisited")
    s2.match_overrides[" ".join(near.lower().replace(",", " ").split())] = pid(3)
    papers = [
        title_paper(listed_title(1)),  # accepted
        title_paper(listed_title(2), year=2021),  # wrong year
        title_paper(listed_title(4), author_count=7),  # wrong author count
        title_paper(near),  # S2 answers with listed paper 3: another paper
        title_paper(listed_title(5), year=None, author_count=None),  # accepted, lower confidence
    ]
    result = enrich(papers, fast_options(s2.url, tmp_path))
    assert [p.s2_status for p in result.papers] == [
        "ok", "rejected:year_mismatch", "rejected:author_count_mismatch", "rejected:title_mismatch", "ok",
    ]  # fmt: skip
    assert result.papers[0].s2_id == pid(1) and result.papers[0].s2_match_confidence == 1.0
    assert (
        result.papers[1].s2_id is None
        and "year 2024 (listing 2021)" in result.papers[1].s2_match_evidence
    )
    assert result.papers[4].s2_match_confidence < 1.0
    assert result.report.rejected == {
        "year_mismatch": 1,
        "author_count_mismatch": 1,
        "title_mismatch": 1,
    }
    # a rejected paper gets no edges
    assert all(r.dst != papers[1].key and r.src != papers[1].key for r in result.relationships)
