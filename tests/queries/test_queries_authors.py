"""queries.authors on both stores; collaboration paths checked against networkx."""

from __future__ import annotations

import networkx as nx
import pytest

from queries import authors
from tests.queries.query_fixture import AUTHORS, coauthor_graph

INJECTION = "') DETACH DELETE n //"


@pytest.mark.parametrize("ref", ["s2:A1", "A1", "ada lovelace", "Ada Lovelace", "A. LOVELACE"])
def test_author_lookup(kb, ref):
    assert [(a.key, a.name, a.papers) for a in authors.author(kb, ref)] == [
        ("s2:A1", "Ada Lovelace", 3)
    ]


def test_author_without_s2_id_by_name(kb):
    assert [a.key for a in authors.author(kb, "Edsger Dijkstra")] == ["name:edsger dijkstra"]
    assert authors.author(kb, "Nobody Here") == []
    assert authors.author(kb, INJECTION) == []


def test_papers_by(kb):
    found = authors.papers_by(kb, "Ada Lovelace")
    assert [(p.key, p.position) for p in found] == [("s2:L3", 0), ("s2:L1", 0), ("s2:L2", 1)]
    assert authors.papers_by(kb, "Nobody Here") == []
    assert authors.papers_by(kb, INJECTION) == []


def test_coauthors(kb):
    assert [(c.key, c.papers) for c in authors.coauthors(kb, "s2:A1")] == [
        ("s2:A2", 1),
        ("s2:A3", 1),
    ]
    assert [(c.name, c.papers) for c in authors.coauthors(kb, "Alan Turing")] == [
        ("Ada Lovelace", 1),
        ("Claude Shannon", 1),
    ]
    assert authors.coauthors(kb, "s2:nope") == []


def test_top_authors_counts_listed_papers_only(kb):
    top = authors.top_authors(kb)
    assert [(a.key, a.papers, a.citations) for a in top] == [
        ("s2:A1", 3, 230),
        ("s2:A2", 2, 125),
        ("s2:A3", 1, 80),
        ("s2:A4", 1, 5),
    ]


def test_collaboration_path_equals_networkx(kb):
    graph = coauthor_graph()
    keys = sorted(a.key for a in AUTHORS)
    for a in keys:
        for b in keys:
            found = authors.collaboration_path(kb, a, b)
            if a == b or not nx.has_path(graph, a, b):
                assert found == []
                continue
            expected = sorted(nx.all_shortest_paths(graph, a, b), key=" ".join)[:10]
            assert [p.keys for p in found] == expected, (a, b)


def test_collaboration_path_known_answer(kb):
    (path,) = authors.collaboration_path(kb, "Grace Hopper", "Claude Shannon")
    assert path.hops == 6
    assert path.names[::2] == ["Grace Hopper", "Ada Lovelace", "Alan Turing", "Claude Shannon"]
    assert authors.collaboration_path(kb, "Grace Hopper", "Claude Shannon", max_hops=2) == []
    assert authors.collaboration_path(kb, "Grace Hopper", "Nobody Here") == []
