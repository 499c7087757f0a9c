"""queries.analytics on both stores: equal to networkx on the fixture file, written back."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from kg.errors import StoreError
from queries import analytics, papers
from tests.queries.query_fixture import PAPERS, citation_digraph


def test_citation_graph_is_the_fixture(kb):
    graph = analytics.citation_graph(kb)
    expected = citation_digraph()
    assert set(graph.nodes) == set(expected.nodes)
    assert set(graph.edges) == set(expected.edges)


def exact_pagerank(graph: nx.DiGraph) -> dict[str, float]:
    # networkx's default stops at an L1 change of N x 1e-6: run it to a tight tolerance
    return nx.pagerank(graph, tol=1e-13, max_iter=10_000)


def test_pagerank_equals_networkx(kb):
    expected = exact_pagerank(citation_digraph())
    found = analytics.pagerank(kb, limit=100)
    assert {r.key for r in found} == set(expected)
    assert sum(abs(r.score - expected[r.key]) for r in found) < 1e-9
    assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
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
    expected = exact_pagerank(citation_digraph())
    assert {k: p.pagerank for k, p in stored.items()} == pytest.approx(expected, abs=1e-9)
    assert len({p.community for p in stored.values()}) == summary.communities
    # other properties survive the write-back
    assert stored["s2:L1"].title == "Sparse Mixture Routers for Efficient Transformers"
    assert stored["s2:L1"].citation_count == 120 and stored["s2:L1"].listed is True
    assert papers.most_influential(kb, limit=1)[0].key == "s2:U1"


# --- the array/igraph engine against networkx on a larger graph --------------------------------


@pytest.fixture
def synthetic_kb(store):
    from benchmarks.synthetic import generate
    from kg import KnowledgeGraph
    from kg.store import upsert_nodes, upsert_relationships

    nodes, rels = generate(papers=1500, refs=6, seed=11)
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    return KnowledgeGraph(store)


def test_arrays_pagerank_and_communities_match_networkx_on_a_synthetic_graph(synthetic_kb):
    arrays = analytics.citation_arrays(synthetic_kb)
    graph = arrays.networkx()
    assert (arrays.papers, arrays.citations) == (1500, 1500 * 6)
    ranks = analytics.pagerank_array(arrays)
    expected = exact_pagerank(graph)
    assert sum(abs(ranks[i] - expected[k]) for i, k in enumerate(arrays.keys)) < 1e-4

    ids, modularity = analytics.community_array(arrays, seed=analytics.DEFAULT_SEED)
    undirected = graph.to_undirected()
    groups = [set(arrays.keys[ids == c]) for c in np.unique(ids)]
    assert modularity == pytest.approx(nx.community.modularity(undirected, groups), rel=1e-9)
    oracle = nx.community.louvain_communities(undirected, seed=analytics.DEFAULT_SEED)
    assert modularity >= 0.98 * nx.community.modularity(undirected, oracle)
    assert np.bincount(ids)[0] == np.bincount(ids).max()  # 0 is the largest


def test_sampled_betweenness_is_networkx_from_the_same_sources(synthetic_kb):
    arrays = analytics.citation_arrays(synthetic_kb)
    scores, samples = analytics.betweenness_array(arrays, samples=50, seed=3)
    assert samples == 50
    sources = [arrays.keys[i] for i in sorted(random.Random(3).sample(range(1500), 50))]
    graph = arrays.networkx()
    raw = nx.betweenness_centrality_subset(graph, sources, list(graph), normalized=False)
    n = arrays.papers
    expected = np.array([raw[k] for k in arrays.keys]) * n / 50 / ((n - 1) * (n - 2))
    assert np.allclose(scores, expected, rtol=1e-9, atol=1e-15)


def test_analyze_writes_every_paper_back_and_reports_stages(synthetic_kb):
    summary = analytics.analyze(synthetic_kb)
    assert summary.engine == "local" and summary.written == 1500
    assert set(summary.seconds) == {"read", "pagerank", "communities", "write"}
    stored = synthetic_kb.store.frame(
        "MATCH (p:Paper) RETURN p.key AS key, p.pagerank AS pr, p.community AS c ORDER BY key"
    )
    arrays = analytics.citation_arrays(synthetic_kb)
    assert stored["key"].tolist() == arrays.keys.tolist()
    assert np.allclose(
        stored["pr"].to_numpy(dtype=float), analytics.pagerank_array(arrays), atol=1e-15
    )
    assert stored["c"].tolist() == analytics.community_array(arrays)[0].tolist()
    assert stored["c"].nunique() == summary.communities


def test_auto_engine_falls_back_to_local_and_gds_is_a_clear_error_without_the_plugin(kb):
    # neither the embedded store nor the test server has Graph Data Science
    assert analytics.has_gds(kb) is False
    assert analytics.pick_engine(kb, "auto") == "local"
    assert analytics.analyze(kb, engine="auto").engine == "local"
    with pytest.raises(
        StoreError, match="--engine gds needs Neo4j with the Graph Data Science plugin"
    ):
        analytics.analyze(kb, engine="gds")
    with pytest.raises(ValueError, match="unknown analytics engine 'spark'"):
        analytics.pick_engine(kb, "spark")


def test_cli_analyze_engine_gds_without_the_plugin_exits_with_one_line(tmp_path, capsys):
    from kg.cli import main
    from kg.store_embedded import EmbeddedStore
    from tests.queries.query_fixture import load

    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=256 * 1024 * 1024)
    load(store)
    store.close()
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--db", str(tmp_path / "kg.db"), "--engine", "gds"])
    err = " ".join(capsys.readouterr().err.split())
    assert exit_info.value.code != 0
    assert "--engine gds needs Neo4j with the Graph Data Science plugin" in err
    assert "Traceback" not in err
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--db", str(tmp_path / "kg.db"), "--engine", "local"])
    assert exit_info.value.code == 0
    assert "(local engine" in " ".join(capsys.readouterr().out.split())
