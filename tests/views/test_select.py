"""kg.views.select on both stores: each view's Cypher gives the expected networkx graph."""

from __future__ import annotations

import networkx as nx
import pytest
from view_graphs import XSS_TITLE, listed_only_graph, small_graph

from kg.errors import NotFoundError
from kg.views.select import ViewError, citations, coauthors, communities, ego, keep_top, methods


def keys(graph: nx.Graph) -> set[str]:
    return set(graph.nodes)


def test_citations_shows_listed_papers_and_their_citations(store):
    g = citations(small_graph(store))
    assert keys(g) == {"Paper:p1", "Paper:p2", "Paper:p3"}
    assert set(g.edges) == {("Paper:p1", "Paper:p2")}
    assert g.edges["Paper:p1", "Paper:p2"]["influential"] is True
    assert g.nodes["Paper:p1"]["authors"] == "Ada Lovelace, Alan Turing"
    assert g.nodes["Paper:p2"]["title"] == XSS_TITLE
    assert g.graph["notes"] == []


def test_citations_with_references_adds_the_most_cited_outside_papers(store):
    g = citations(small_graph(store), with_references=1)
    assert keys(g) == {
        "Paper:p1",
        "Paper:p2",
        "Paper:p3",
        "Paper:r1",
    }  # r1 is cited 3 times, r2 once
    assert {e for e in g.edges if e[1] == "Paper:r1"} == {
        ("Paper:p1", "Paper:r1"),
        ("Paper:p2", "Paper:r1"),
        ("Paper:p3", "Paper:r1"),
    }


def test_coauthors_joins_authors_of_a_shared_paper(store):
    g = coauthors(small_graph(store))
    assert keys(g) == {"Author:x", "Author:y"}
    assert g.edges["Author:x", "Author:y"]["weight"] == 1
    assert g.nodes["Author:y"]["papers"] == 2


def test_methods_links_papers_to_methods_and_benchmarks(store):
    g = methods(small_graph(store))
    assert keys(g) == {
        "Paper:p1",
        "Paper:p2",
        "Method:sparse attention",
        "Method:transformer",
        "Benchmark:glue",
    }
    assert g.edges["Paper:p1", "Method:sparse attention"]["type"] == "PROPOSES"
    assert g.edges["Paper:p1", "Benchmark:glue"]["type"] == "EVALUATED_ON"
    assert g.nodes["Method:transformer"]["name"] == "Transformer"


def test_ego_depth_one_and_two(store):
    kb = small_graph(store)
    one = ego(kb, paper="Attention Is All You Need")  # by title
    assert keys(one) == {"Paper:r1", "Paper:p1", "Paper:p2", "Paper:p3"}
    assert one.graph["pinned"] == ["Paper:r1"]
    two = ego(kb, author="Ada Lovelace", depth=2)
    assert keys(two) == {
        "Author:x",
        "Paper:p1",
        "Author:y",
        "Paper:p2",
        "Paper:r1",
        "Method:sparse attention",
        "Method:transformer",
        "Benchmark:glue",
    }
    assert keys(ego(kb, method="Transformer")) == {"Method:transformer", "Paper:p1", "Paper:p2"}


def test_ego_names_what_it_cannot_find(store):
    kb = small_graph(store)
    with pytest.raises(NotFoundError, match="no paper matches 'Nope'"):
        ego(kb, paper="Nope")
    with pytest.raises(ViewError, match="exactly one"):
        ego(kb)


def test_communities_keep_the_community_property(store):
    g = communities(small_graph(store))
    assert {n: a["community"] for n, a in g.nodes(data=True)} == {
        "Paper:p1": 1,
        "Paper:p2": 1,
        "Paper:p3": 2,
    }
    assert g.graph["title"] == "2 citation communities"


def test_views_of_a_listing_without_relationships_say_why_they_are_empty(store):
    kb = listed_only_graph(store)
    cites = citations(kb)
    assert cites.number_of_nodes() == 107 and cites.number_of_edges() == 0
    assert "run `kg enrich`" in cites.graph["notes"][0]
    assert coauthors(kb).graph["notes"] and "kg enrich" in coauthors(kb).graph["notes"][0]
    assert "kg extract" in methods(kb).graph["notes"][0]
    comm = communities(kb)
    assert comm.number_of_nodes() == 107 and "kg analyze" in comm.graph["notes"][0]


def test_keep_top_keeps_the_highest_pagerank_and_says_what_it_left_out(store):
    g = keep_top(citations(small_graph(store), with_references=2), 2)
    assert keys(g) == {"Paper:p1", "Paper:p2"}
    assert g.graph["notes"][-1].startswith(
        "Showing the 2 most important of 5 nodes (by PageRank); 3 nodes and 4 edges left out"
    )


def test_keep_top_keeps_the_ego_centre():
    g = nx.star_graph(5)
    g.graph.update(notes=[], pinned=[3])
    assert set(keep_top(g, 2).nodes) == {3, 0}
