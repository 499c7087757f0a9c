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
