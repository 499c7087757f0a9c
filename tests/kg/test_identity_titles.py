"""Same title is not the same paper by itself: both ways, on both stores, through `kg build`'s
pipeline (parse -> records -> identity -> store)."""

from __future__ import annotations

import pytest
from testkit import real_world

from kg import KnowledgeGraph
from kg.graph import Graph
from kg.stats import graph_stats
from loaders import pipeline
from loaders.listing import load_listing, parse_listing

OPTIONS = pipeline.BuildOptions(enrich=False, extract=False)


def build(store, *texts: str) -> None:
    listings = [parse_listing(t, "bibtex", source=f"l{i}.bib") for i, t in enumerate(texts)]
    pipeline.build(Graph(store), listings, OPTIONS)


def papers(store) -> list[dict]:
    """Stored papers by key, each with its authors' names in author order."""
    kg = KnowledgeGraph(store)
    found = kg.cypher(
        "MATCH (p:Paper) RETURN p.key AS key, p.year AS year, p.doi AS doi, p.arxiv_id AS arxiv "
        "ORDER BY key"
    )
    rows = kg.cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN p.key AS key, a.name AS name, "
        "r.position AS position ORDER BY key, position"
    )
    for paper in found:
        paper["authors"] = [r["name"] for r in rows if r["key"] == paper["key"]]
    return found


def entry(key: str = "", author: str | None = None, year: int | None = None, **more) -> str:
    fields = {"title": "An Amazing Title", "author": author, "year": year, **more}
    body = ", ".join(f"{k} = {{{v}}}" for k, v in fields.items() if v is not None)
    return f"@article{{{key}, {body}}}\n"


def test_four_entries_by_four_people_are_four_papers(store):
    path = real_world("bibtexparser/v1_article_missing_coma.bib")
    listing = load_listing(path)
    pipeline.build(Graph(store), [listing], OPTIONS)
    found = papers(store)
    assert sorted(p["authors"][0] for p in found) == [
        "Jean Aimar",
        "Jean Baltazar",
        "Jean Cesar",
        "Jean Doute",
    ]
    assert all(len(p["authors"]) == 1 for p in found)  # never the union of the four lists
    assert [p["key"] for p in found] == [
        "title:an amazing title",
        "title:an amazing title~aimar 2013",
        "title:an amazing title~baltazar 2013",
        "title:an amazing title~doute 2013",
    ]
    # a rebuild finds each paper again by the rules, not by key: nothing new
    before = graph_stats(KnowledgeGraph(store))
    pipeline.build(Graph(store), [load_listing(path)], OPTIONS)
    assert graph_stats(KnowledgeGraph(store)) == before


@pytest.mark.parametrize(
    ("first", "second", "count"),
    [
        # merge: titles agree and nothing contradicts
        (
            entry(author="Jean Cesar", year=2013),
            entry(author="J. Cesar and Ann Other", year=2014),
            1,
        ),
        (entry(author="Jean Cesar", year=2013), entry(), 1),
        (entry(doi="10.1000/a"), entry(author="Someone Else", doi="10.1000/A"), 1),
        # apart: disjoint authors, years more than one apart, different DOIs or arXiv ids
        (entry(author="Jean Cesar"), entry(author="Jean Baltazar"), 2),
        (entry(author="Jean Cesar", year=2013), entry(author="Jean Cesar", year=2015), 2),
        (entry(doi="10.1000/a"), entry(doi="10.1000/b"), 2),
        (entry(eprint="2401.00001"), entry(eprint="2401.00002"), 2),
    ],
)
def test_same_title_merges_unless_something_contradicts(store, first, second, count):
    build(store, first + second)
    assert len(papers(store)) == count
    # the same in two builds, in either order
    for texts in ((first, second), (second, first)):
        store.run("MATCH (n) DETACH DELETE n")
        build(store, texts[0])
        build(store, texts[1])
        assert len(papers(store)) == count


def test_merged_entries_keep_the_first_author_list(store):
    build(store, entry(author="Jean Cesar and Ann Other", year=2013) + entry(author="J. Cesar"))
    [paper] = papers(store)
    assert paper["authors"] == ["Jean Cesar", "Ann Other"]


def test_ids_agree_titles_differ_one_paper(store):
    build(
        store,
        "@misc{a, title={Deep Nets}, doi={10.1000/x}}\n@misc{b, title={Other}, doi={10.1000/X}}",
    )
    assert [p["key"] for p in papers(store)] == ["doi:10.1000/x"]


def test_an_authorless_entry_joins_one_paper_and_never_merges_two(store):
    build(store, entry(author="Jean Cesar", year=2013) + entry(author="Jean Baltazar", year=2013))
    build(store, entry(year=2013, doi="10.5555/learnt"))
    found = papers(store)
    assert len(found) == 2
    assert [p["doi"] for p in found] == ["10.5555/learnt", None]  # it joined the first


def test_preprint_and_proceedings_versions_are_one_paper(store):
    path = real_world(
        "zotero-better-bibtex/Citation_key_add_preprint_if_URL_contains_arxiv.org_2163.biblatex"
    )
    pipeline.build(Graph(store), [load_listing(path)], OPTIONS)
    found = papers(store)
    assert len(found) == 6  # 12 entries: each paper as an arXiv preprint and as published
    assert sorted(p["arxiv"] for p in found if p["arxiv"]) == [
        "1502.01852",
        "1603.05201",
        "1802.05957",
        "1910.07512",
        "2008.02217",
    ]
