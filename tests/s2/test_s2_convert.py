"""S2 JSON in the shapes of the recorded API responses -> graph records."""

from __future__ import annotations

import json
from pathlib import Path

from kg.model import Paper
from loaders.s2.convert import author_node, cites, enriched_paper, outside_paper, paper_properties

S2_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "s2-samples"


def sample(name: str) -> dict:
    return json.loads((S2_SAMPLES / name).read_text())


def test_paper_properties_from_a_full_record():
    props = paper_properties(sample("Paper.json"))
    assert props["s2_id"] == "2d5673caa9e6af3a7b82a43f19ee920992db07ad"
    assert (props["corpus_id"], props["doi"], props["year"]) == (14636783, "10.1093/mind/lix.236.433", 1950)
    assert props["fields_of_study"] == ["Computer Science", "Sociology"]
    assert props["tldr"].startswith("If the meaning") and props["pdf_url"] is None
    assert props["publication_date"] == "1950-10-01"


def test_enriched_paper_keeps_key_title_and_listing_abstract():
    listed = Paper(key="title:computing machinery", title="Computing machinery", abstract="ours", year=1950, listed=True)
    record = {**sample("Paper.json"), "abstract": None}
    out = enriched_paper(listed, record, enriched_at="2026-01-01T00:00:00+00:00", confidence=0.97, evidence="e")
    assert (out.key, out.title, out.abstract, out.listed) == (listed.key, "Computing machinery", "ours", True)
    assert (out.s2_status, out.s2_match_confidence, out.citation_count) == ("ok", 0.97, 10059)


def test_outside_papers_need_a_paper_id():
    ref = sample("Reference.json")
    node = outside_paper(ref["citedPaper"])
    assert node.key == "s2:331f0fb3b6176c6e463e0401025b04f6ace9ccd3" and node.listed is False
    assert node.arxiv_id == "1402.0030" and node.title_norm.startswith("neural variational")
    assert outside_paper({"paperId": None, "title": "Untraceable"}) is None


def test_cites_carries_influence_and_intents():
    ref = sample("Reference.json")
    edge = cites("a", "b", ref)
    assert (edge.is_influential, edge.intents, edge.source) == (False, ["background"], "s2")
    cit = sample("Citation.json")
    assert cites("c", "a", cit).intents == ["result", "background", "methodology"]


def test_author_node_from_author_record():
    author = author_node(sample("Author.json"))
    assert (author.key, author.name, author.h_index, author.paper_count) == ("s2:2262347", "A. Turing", 23, 60)
    assert author.affiliations is None  # [] in S2: nothing to store
    assert author_node({"authorId": None, "name": "Jane Q. Doe"}).key == "name:jane q doe"
