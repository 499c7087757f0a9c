"""queries.analytics on both stores: equal to networkx on the fixture file, written back."""

from __future__ import annotations

import networkx as nx
import pytest

from queries import analytics, papers
from tests.queries.query_fixture import PAPERS, citation_digraph


def test_citation_graph_is_the_fixture(kb):
    graph = analytics.citation_graph(kb)
    expected = citation_digraph()
    assert set(graph.nodes) == set(expected.nodes)
    assert set(graph.edges) == set(expected.edges)


def test_pagerank_equals_networkx(kb):
    expected = nx.pagerank(citation_digraph())
    found = analytics.pagerank(kb, limit=100)
    assert {r.key: r.score for r in found} == pytest.approx(expected, rel=1e-9)
    assert [r.score for r in found] == sorted(expected.values(), reverse=True)
    assert found[0].key == "s2:U1"


def test_communities_partition_equals_networkx(kb):
    expected = nx.community.louvain_communities(
        citation_digraph().to_undirected(), seed=analytics.DEFAULT_SEED
    )
    found = analytics.communities(kb)
    groups: dict[int, set[str]] = {}
    for row in found:
        groups.setdefault(row.community, set()).add(row.key)
    assert sorted(map(sorted, groups.values())) == sorted(map(sorted, expected))
    assert len(groups[0]) == max(map(len, expected))


def test_betweenness_equals_networkx(kb):
    expected = nx.betweenness_centrality(citation_digraph())
    found = analytics.betweenness(kb, limit=100)
    assert {r.key: r.score for r in found} == pytest.approx(expected)


def test_analyze_writes_pagerank_and_community_and_keeps_other_fields(kb):
    summary = analytics.analyze(kb, top=3)
    assert (summary.papers, summary.citations, summary.written) == (10, 15, 10)
    assert [s.key for s in summary.top_pagerank] == ["s2:U1", "s2:U3", "s2:U2"]
    stored = {p.key: p for key in [p.key for p in PAPERS] for p in papers.paper(kb, key)}
    expected = nx.pagerank(citation_digraph())
    assert {k: p.pagerank for k, p in stored.items()} == pytest.approx(expected)
    assert len({p.community for p in stored.values()}) == summary.communities
    # other properties survive the write-back
    assert stored["s2:L1"].title == "Sparse Mixture Routers for Efficient Transformers"
    assert stored["s2:L1"].citation_count == 120 and stored["s2:L1"].listed is True
    assert papers.most_influential(kb, limit=1)[0].key == "s2:U1"
