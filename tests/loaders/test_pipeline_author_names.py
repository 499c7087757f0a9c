"""An author in any script is an author; one with no usable name is left off with a note and
never aborts a build."""

from kg import KnowledgeGraph
from kg.graph import Graph
from loaders import pipeline
from loaders.listing import parse_listing

OPTIONS = pipeline.BuildOptions(enrich=False, extract=False)


def authors(store):
    return KnowledgeGraph(store).cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) RETURN a.key AS key, p.title AS title, "
        "r.position AS position ORDER BY title, position"
    )


def test_a_cyrillic_author_in_a_csv_is_stored(store):
    listing = parse_listing(
        "title,authors\nAttention Is All You Need,Иван Петров; Ashish Vaswani\n", "csv"
    )
    report = pipeline.build(Graph(store), [listing], OPTIONS)
    assert report.exit_code == 0
    assert [a["key"] for a in authors(store)] == ["name:иван петров", "name:ashish vaswani"]


def test_an_author_without_a_usable_name_is_left_off_with_a_note(store):
    listing = parse_listing(
        "@article{a, title = {Deep Nets}, author = {{---} and Ann Lee}}\n"
        "@article{b, title = {Wide Nets}, author = {Bo Chen}}\n",
        "bibtex",
        source="refs.bib",
    )
    pipeline.build(Graph(store), [listing], OPTIONS)
    assert authors(store) == [
        {"key": "name:ann lee", "title": "Deep Nets", "position": 0},
        {"key": "name:bo chen", "title": "Wide Nets", "position": 0},
    ]
    assert (
        "1 author name(s) without a letter or digit left off their papers (entries at lines 1)"
        in listing.notes
    )
