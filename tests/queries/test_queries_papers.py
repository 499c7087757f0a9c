"""queries.papers on both stores, against answers worked out from the fixture graph."""

from __future__ import annotations

import pytest

from queries import papers

INJECTION = "') DETACH DELETE n //"


def keys(rows):
    return [r.key for r in rows]


def test_search_ranks_title_matches_first_then_citations(kb):
    hits = papers.search(kb, "Sparse")
    assert [(h.key, h.in_title) for h in hits] == [
        ("s2:L1", True),
        ("s2:L3", True),
        ("s2:L5", False),
    ]


def test_search_is_case_insensitive_and_limited(kb):
    assert keys(papers.search(kb, "LOW-RANK")) == ["s2:U4", "s2:L3"]
    assert keys(papers.search(kb, "low-rank", limit=1)) == ["s2:U4"]
    assert papers.search(kb, "no such phrase anywhere") == []
    assert papers.search(kb, "   ") == []


def test_search_treats_lucene_and_cypher_syntax_as_text(kb):
    assert keys(papers.search(kb, 'Quotes "and" (parens)')) == ["s2:U5"]
    assert keys(papers.search(kb, INJECTION)) == ["s2:U5"]
    assert kb.cypher("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"] == 10


@pytest.mark.parametrize(
    "ref",
    [
        "s2:L1",
        "L1",
        "arXiv:2301.00001v2",
        "https://arxiv.org/abs/2301.00001",
        "10.1000/sparse.l1",
        "https://doi.org/10.1000/Sparse.L1",
        "CorpusId:1001",
        "sparse mixture routers for efficient transformers!",
    ],
)
def test_paper_resolves_every_id_and_title(kb, ref):
    found = papers.paper(kb, ref)
    assert keys(found) == ["s2:L1"]
    assert found[0].title == "Sparse Mixture Routers for Efficient Transformers"
    assert found[0].doi == "10.1000/Sparse.L1"


def test_paper_unknown_or_hostile_gives_empty(kb):
    assert papers.paper(kb, "nothing like it") == []
    assert papers.paper(kb, INJECTION) == []
    assert papers.resolve_key(kb, "nothing like it") is None
    assert papers.exists(kb, "s2:L1") and not papers.exists(kb, "s2:nope")


def test_top_cited(kb):
    top = papers.top_cited(kb, limit=4)
    assert [(p.key, p.cited_in_graph) for p in top] == [
        ("s2:U3", 3),
        ("s2:U2", 3),
        ("s2:U1", 6),
        ("s2:U4", 1),
    ]
    assert keys(papers.top_cited(kb, limit=10, listed_only=True)) == [
        "s2:L5",
        "s2:L1",
        "s2:L2",
        "s2:L3",
        "s2:L4",
    ]


def test_top_cited_falls_back_to_graph_citations_without_s2_counts(kb):
    kb.cypher("MATCH (p:Paper) SET p.citation_count = NULL")
    assert keys(papers.top_cited(kb, limit=3)) == ["s2:U1", "s2:U2", "s2:U3"]


def test_most_influential_uses_influential_count_until_pagerank_is_stored(kb):
    assert keys(papers.most_influential(kb, limit=3)) == ["s2:U3", "s2:U1", "s2:U2"]
    kb.cypher("MATCH (p:Paper {key: 's2:L4'}) SET p.pagerank = 0.5")
    assert keys(papers.most_influential(kb, limit=2)) == ["s2:L4", "s2:U3"]


def test_most_influential_equals_one_sort_of_every_paper_with_nulls_last(kb):
    kb.cypher("MATCH (p:Paper) WHERE p.key IN ['s2:L1', 's2:U2'] SET p.pagerank = 0.25")
    kb.cypher(
        "MATCH (p:Paper) WHERE p.key IN ['s2:U2', 's2:L3'] SET p.influential_citation_count = NULL"
    )
    every = kb.cypher(
        "MATCH (p:Paper) RETURN p.key AS key, p.pagerank AS pr, p.influential_citation_count AS icc"
    )
    oracle = sorted(
        every,
        key=lambda p: (
            p["pr"] is None,
            -(p["pr"] or 0),
            -(p["icc"] if p["icc"] is not None else -1),
            p["key"],
        ),
    )
    assert len(every) > 5
    for limit in (1, 2, 3, len(every), len(every) + 5):
        assert keys(papers.most_influential(kb, limit=limit)) == [p["key"] for p in oracle][:limit]


def test_timeline(kb):
    assert [(r.year, r.papers) for r in papers.timeline(kb)] == [(2022, 1), (2023, 2), (2024, 2)]
    assert [(r.year, r.papers) for r in papers.timeline(kb, method="lora")] == [
        (2021, 1),
        (2024, 1),
    ]
    assert [(r.year, r.papers) for r in papers.timeline(kb, benchmark="ILSVRC")] == [
        (2023, 2),
        (2024, 1),
    ]
    assert [
        (r.year, r.papers) for r in papers.timeline(kb, method="ViT", benchmark="ImageNet")
    ] == [(2023, 1), (2024, 1)]
    assert papers.timeline(kb, method=INJECTION) == []


def test_rows_make_a_dataframe(kb):
    frame = papers.top_cited(kb, limit=2).to_dataframe()
    assert frame["key"].tolist() == ["s2:U3", "s2:U2"]
    empty = papers.search(kb, "no such phrase anywhere").to_dataframe()
    assert list(empty.columns) == [
        "key",
        "title",
        "year",
        "arxiv_id",
        "citation_count",
        "listed",
        "in_title",
    ]


def test_search_finds_word_prefixes_and_text_without_words(kb):
    assert [h.key for h in papers.search(kb, "transformer")] == ["s2:U1", "s2:L1", "s2:L4"]
    assert [h.key for h in papers.search(kb, "a+b?")] == ["s2:U5"]
    assert papers.search(kb, "+++") == []


def test_lucene_prefix_query():
    assert (
        papers.lucene_prefix_query("low-rank (LoRA) a+b")
        == "low* AND rank* AND lora* AND a* AND b*"
    )
