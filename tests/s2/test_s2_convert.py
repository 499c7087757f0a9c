"""S2 JSON in the shapes of the recorded API responses -> graph records.

The fixtures in data/ are our own records, written in the exact shapes of the real responses
(nulls, nested authors, tldr, a reference without a paperId)."""

from __future__ import annotations

import json
from pathlib import Path

from kg.model import Paper
from loaders.s2.convert import author_node, cites, enriched_paper, outside_paper, paper_properties

DATA = Path(__file__).resolve().parent / "data"


def sample(name: str) -> dict:
    return json.loads((DATA / name).read_text())


def test_paper_properties_from_a_full_record():
    props = paper_properties(sample("paper.json"))
    assert props["s2_id"] == "7c3f1a9e2b4d6f80a1c3e5b7d9f1a3c5e7b9d1f3"
    assert (props["corpus_id"], props["doi"], props["year"]) == (
        231000042,
        "10.5555/lgr.2021.42",
        2021,
    )
    assert props["arxiv_id"] == "2101.00042"
    assert props["fields_of_study"] == ["Computer Science", "Mathematics"]
    assert props["tldr"].startswith("Latent graph reasoning reads") and props["pdf_url"] is None
    assert props["publication_date"] == "2021-01-04"


def test_enriched_paper_keeps_key_title_and_listing_abstract():
    listed = Paper(
        key="title:latent graph reasoning",
        title="Latent graph reasoning",
        abstract="ours",
        year=2021,
        listed=True,
    )
    record = {**sample("paper.json"), "abstract": None}
    out = enriched_paper(
        listed, record, enriched_at="2026-01-01T00:00:00+00:00", confidence=0.97, evidence="e"
    )
    assert (out.key, out.title, out.abstract, out.listed) == (
        listed.key,
        "Latent graph reasoning",
        "ours",
        True,
    )
    assert (out.s2_status, out.s2_match_confidence, out.citation_count) == ("ok", 0.97, 1234)


def test_outside_papers_need_a_paper_id():
    ref = sample("reference.json")
    node = outside_paper(ref["citedPaper"])
    assert node.key == "s2:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" and node.listed is False
    assert node.arxiv_id == "1402.0031" and node.title_norm.startswith("neural variational")
    assert outside_paper({"paperId": None, "title": "Untraceable"}) is None


def test_cites_carries_influence_and_intents():
    ref = sample("reference.json")
    edge = cites("a", "b", ref)
    assert (edge.is_influential, edge.intents, edge.source) == (False, ["background"], "s2")
    cit = sample("citation.json")
    assert cites("c", "a", cit).intents == ["result", "background", "methodology"]
    # four citing sentences, as in the recorded real edge: the first three are kept, in order
    assert cites("c", "a", cit).contexts == cit["contexts"][:3] and len(cit["contexts"]) == 4


def test_author_node_from_author_record():
    author = author_node(sample("author.json"))
    assert (author.key, author.name, author.h_index, author.paper_count) == (
        "s2:1700004",
        "A. Example",
        12,
        31,
    )
    assert author.affiliations is None  # [] in S2: nothing to store
    assert author_node({"authorId": None, "name": "Jane Q. Doe"}).key == "name:jane q doe"


def test_record_with_null_lists_converts():
    props = paper_properties(sample("paper_with_nulls.json"))
    assert props["s2_id"] == "7c3f1a9e2b4d6f80a1c3e5b7d9f1a3c5e7b9d1f3"
    assert props["fields_of_study"] is None and props["title"] is None
