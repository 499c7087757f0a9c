"""A graph built before titles and names of every script had keys still opens and rebuilds
without duplicates (both stores)."""

from kg import KnowledgeGraph
from kg.graph import Graph
from kg.model import Author, Authored, Paper
from kg.renormalise import renormalise
from kg.stats import graph_stats
from kg.store import upsert_nodes, upsert_relationships
from loaders import pipeline
from loaders.listing import parse_listing

TITLE = "Sora 2：OpenAI 的视频生成模型"
LISTING = (
    f"@article{{sora, title = {{{TITLE}}}, author = {{Иван Petrov and Ann Lee}}, year = 2024}}"
)


def old_graph(store):
    """What the previous version stored for LISTING: ASCII-only title norm and author key."""
    paper = Paper(key="title:sora 2 openai", title=TITLE, title_norm="sora 2 openai", listed=True)
    upsert_nodes(
        store,
        [
            paper,
            Author(key="name:petrov", name="Иван Petrov"),
            Author(key="name:ann lee", name="Ann Lee"),
        ],
    )
    upsert_relationships(
        store,
        [
            Authored(src="name:petrov", dst=paper.key, position=0),
            Authored(src="name:ann lee", dst=paper.key, position=1),
        ],
    )


def test_old_graph_rebuilds_without_duplicates(store):
    old_graph(store)
    options = pipeline.BuildOptions(enrich=False, extract=False)
    pipeline.build(Graph(store), [parse_listing(LISTING, "bibtex")], options)
    kg = KnowledgeGraph(store)
    assert kg.cypher("MATCH (p:Paper) RETURN p.key AS key, p.title_norm AS norm") == [
        {"key": "title:sora 2 openai", "norm": "sora 2 openai 的视频生成模型"}
    ]
    rows = kg.cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(:Paper) RETURN a.key AS key, r.position AS position "
        "ORDER BY position"
    )
    assert rows == [
        {"key": "name:иван petrov", "position": 0},
        {"key": "name:ann lee", "position": 1},
    ]
    before = graph_stats(kg)
    pipeline.build(Graph(store), [parse_listing(LISTING, "bibtex")], options)
    assert graph_stats(kg) == before
    assert renormalise(store).titles == 0 and renormalise(store).authors == 0
