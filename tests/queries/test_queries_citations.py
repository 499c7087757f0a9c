"""queries.citations on both stores: known answers, plus networkx oracles for the
graph-theoretic helpers (co-citation, coupling, shortest paths) on the same fixture."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from queries import citations
from tests.queries.query_fixture import citation_digraph

INJECTION = "') DETACH DELETE n //"
PAPER_KEYS = sorted(citation_digraph().nodes)


def oracle_co_cited(graph: nx.DiGraph, key: str) -> list[tuple[str, int]]:
    counts = Counter(q for c in graph.predecessors(key) for q in graph.successors(c) if q != key)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def oracle_coupling(graph: nx.DiGraph, key: str) -> list[tuple[str, int]]:
    counts = Counter(q for r in graph.successors(key) for q in graph.predecessors(r) if q != key)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def test_references_and_cited_by(kb):
    refs = citations.references(kb, "s2:L1")
    assert [(r.key, r.is_influential, r.intents) for r in refs] == [
        ("s2:U2", False, ["background"]),
        ("s2:U1", True, ["methodology"]),
        ("s2:L5", None, ["background"]),
    ]
    assert [r.key for r in citations.cited_by(kb, "s2:U1")] == [
        "s2:U4",
        "s2:L5",
        "s2:L1",
        "s2:L2",
        "s2:L3",
        "s2:L4",
    ]
    # any id or title is resolved to the key first
    assert [r.key for r in citations.cited_by(kb, "arXiv:2301.00001")] == ["s2:L3"]


@pytest.mark.parametrize(
    "helper",
    [
        citations.references,
        citations.cited_by,
        citations.co_cited,
        citations.bibliographic_coupling,
        citations.influential_citations,
    ],
)
def test_unknown_or_hostile_paper_gives_empty(kb, helper):
    assert helper(kb, "s2:nope") == []
    assert helper(kb, INJECTION) == []
    assert kb.cypher("MATCH (n) RETURN count(n) AS n")[0]["n"] == 21


def test_co_cited_known_answer_and_oracle(kb):
    assert [(r.key, r.count) for r in citations.co_cited(kb, "s2:U1", limit=2)] == [
        ("s2:U2", 3),
        ("s2:U3", 3),
    ]
    graph = citation_digraph()
    for key in PAPER_KEYS:
        assert [(r.key, r.count) for r in citations.co_cited(kb, key, limit=50)] == oracle_co_cited(
            graph, key
        )


def test_bibliographic_coupling_known_answer_and_oracle(kb):
    assert [(r.key, r.count) for r in citations.bibliographic_coupling(kb, "s2:L1")] == [
        ("s2:L2", 2),
        ("s2:L4", 2),
        ("s2:L3", 1),
        ("s2:L5", 1),
        ("s2:U4", 1),
    ]
    graph = citation_digraph()
    for key in PAPER_KEYS:
        assert [
            (r.key, r.count) for r in citations.bibliographic_coupling(kb, key, limit=50)
        ] == oracle_coupling(graph, key)


def test_citation_path_equals_networkx_all_shortest_paths(kb):
    undirected = citation_digraph().to_undirected()
    checked = 0
    for a in PAPER_KEYS:
        for b in PAPER_KEYS:
            found = citations.citation_path(kb, a, b, max_hops=4, limit=10)
            if a == b or not nx.has_path(undirected, a, b):
                assert found == []
                continue
            expected = sorted(nx.all_shortest_paths(undirected, a, b), key=" ".join)
            expected = [p for p in expected if len(p) - 1 <= 4][:10]
            assert [r.keys for r in found] == expected, (a, b)
            assert all(r.hops == len(r.keys) - 1 == len(r.names) - 1 for r in found)
            checked += 1
    assert checked > 50


def test_citation_path_known_answer_bounds_and_missing_ends(kb):
    paths = citations.citation_path(kb, "s2:L3", "s2:U3")
    assert [p.keys for p in paths][:2] == [
        ["s2:L3", "s2:L1", "s2:L5", "s2:U3"],
        ["s2:L3", "s2:U1", "s2:L2", "s2:U3"],
    ]
    assert paths[0].names[0] == "LoRA Revisited: Low-Rank Adapters for Sparse Routers"
    assert citations.citation_path(kb, "s2:L3", "s2:U3", max_hops=2) == []
    assert citations.citation_path(kb, "s2:L3", "s2:nope") == []
    assert citations.citation_path(kb, "s2:nope", "s2:L3") == []
    assert citations.citation_path(kb, "s2:L3", "s2:U5") == []  # no path at all
    with pytest.raises(ValueError):
        citations.citation_path(kb, "s2:L3", "s2:U3", max_hops=0)


def test_missing_papers(kb):
    assert [(r.key, r.citing) for r in citations.missing_papers(kb)] == [
        ("s2:U1", 5),
        ("s2:U3", 3),
        ("s2:U2", 3),
    ]
    assert [r.key for r in citations.missing_papers(kb, min_citing=4)] == ["s2:U1"]
    assert [r.key for r in citations.missing_papers(kb, min_citing=1, limit=10)][-1] == "s2:U4"


def test_influential_citations(kb):
    found = citations.influential_citations(kb, "s2:U1")
    assert [(r.key, r.intents) for r in found] == [
        ("s2:L1", ["methodology"]),
        ("s2:L4", ["result"]),
    ]
    assert citations.influential_citations(kb, "s2:L5") == []


def test_why_cited_returns_intents_and_contexts_in_order(kb):
    from tests.queries.query_fixture import CONTEXTS_L1_U1, WEEK0

    [row] = citations.why_cited(kb, "s2:L1", "s2:U1")
    assert (row.citing, row.cited, row.cited_title) == ("s2:L1", "s2:U1", "Transformer Base Model")
    assert (row.is_influential, row.intents, row.contexts, row.first_seen) == (
        True,
        ["methodology"],
        CONTEXTS_L1_U1,
        WEEK0,
    )
    # any reference resolves; an edge without sentences still answers with its intents
    [row] = citations.why_cited(
        kb, "LoRA Revisited: Low-Rank Adapters for Sparse Routers", "arXiv:2301.00001"
    )
    assert (row.citing, row.contexts) == ("s2:L3", ["Sparse routers [3] are our starting point."])
    assert citations.why_cited(kb, "s2:L2", "s2:U1")[0].contexts is None
    # direction matters; unknown papers give nothing
    assert list(citations.why_cited(kb, "s2:U1", "s2:L1")) == []
    assert list(citations.why_cited(kb, INJECTION, "s2:U1")) == []


def test_new_citations_newest_first_since_a_date(kb):
    from tests.queries.query_fixture import WEEK0, WEEK1

    rows = citations.new_citations(kb, since="2026-11-20")
    assert [(r.key, r.cited, r.first_seen) for r in rows] == [("s2:L3", "s2:L1", WEEK1)]
    rows = citations.new_citations(kb, since="2026-11-18")  # a date means its midnight: WEEK0 is in
    assert [(r.key, r.cited, r.first_seen) for r in rows] == [
        ("s2:L3", "s2:L1", WEEK1),
        ("s2:L1", "s2:L5", WEEK0),
    ]
    # only citers of listed papers (L4 -> U1 is new too, but U1 is not listed)
    assert all(r.cited.startswith("s2:L") for r in rows)
    assert [r.key for r in citations.new_citations(kb, since="2026-11-25T09:00:01Z")] == []
    assert len(citations.new_citations(kb, since="2026-01-01", limit=1)) == 1
    with pytest.raises(ValueError, match="since must be a date"):
        citations.new_citations(kb, since="last week")
