"""One real paper is one node, however and in whatever order it was reached (both stores)."""

from kg.identity import IdentityIndex, identifiers, merge_paper_nodes, resolve_papers
from kg.keys import paper_key
from kg.model import Cites, Paper
from kg.store import upsert_nodes, upsert_relationships


def _papers(store):
    return store.run(
        "MATCH (p:Paper) RETURN p.key AS key, p.s2_id AS s2_id, p.arxiv_id AS arxiv_id, "
        "p.abstract AS abstract, p.listed AS listed ORDER BY key"
    )


def _write(store, papers, rels=()):
    resolution = resolve_papers(IdentityIndex.from_store(store), papers, rels)
    for keep, drop in resolution.merged_nodes:
        merge_paper_nodes(store, keep, drop)
    upsert_nodes(store, resolution.papers)
    upsert_relationships(store, resolution.relationships)
    return resolution


def test_identifiers_strongest_first():
    paper = Paper(key="k", s2_id="ABC", doi="10.1/X", title="A  Title!")
    assert identifiers(paper) == ["s2_id:abc", "doi:10.1/x", "title:a title"]


def test_same_title_in_two_listings_is_one_node(store):
    first = Paper(key=paper_key(title="Deep Nets"), title="Deep Nets", listed=True, abstract="a")
    again = Paper(key=paper_key(title="deep  nets!"), title="deep  nets!", listed=True)
    _write(store, [first])
    _write(store, [again])
    assert [p["key"] for p in _papers(store)] == ["title:deep nets"]
    assert _papers(store)[0]["abstract"] == "a"


def test_learning_ids_merges_title_and_arxiv_nodes(store):
    by_title = Paper(
        key=paper_key(title="Deep Nets"), title="Deep Nets", listed=True, abstract="abs"
    )
    by_arxiv = Paper(key=paper_key(arxiv_id="2401.00001"), arxiv_id="2401.00001", listed=True)
    outside = Paper(key="s2:zzz", s2_id="zzz", listed=False)
    _write(store, [by_title, by_arxiv, outside], [Cites(src=by_title.key, dst="s2:zzz")])
    assert len(_papers(store)) == 3

    # Enrichment learns the arXiv paper's S2 id and title: it is the paper listed by title.
    enriched = Paper(key=by_arxiv.key, arxiv_id="2401.00001", s2_id="abc", title="Deep Nets")
    cited_again = Paper(key="s2:abc", s2_id="abc", title="Deep nets")
    _write(store, [enriched, cited_again], [Cites(src="s2:abc", dst="s2:zzz")])

    papers = _papers(store)
    assert len(papers) == 2
    merged = next(p for p in papers if p["s2_id"] == "abc")
    assert merged["arxiv_id"] == "2401.00001" and merged["abstract"] == "abs" and merged["listed"]
    cites = store.run("MATCH (a:Paper)-[r:CITES]->(b:Paper) RETURN a.key AS a, b.key AS b")
    assert cites == [{"a": merged["key"], "b": "s2:zzz"}]


def test_same_title_different_s2_ids_stay_apart(store):
    _write(store, [Paper(key="s2:one", s2_id="one", title="Survey")])
    _write(store, [Paper(key="s2:two", s2_id="two", title="Survey")])
    assert [p["key"] for p in _papers(store)] == ["s2:one", "s2:two"]


def test_resolving_twice_is_a_no_op(store):
    papers = [Paper(key=paper_key(arxiv_id="2401.1"), arxiv_id="2401.1", title="X", listed=True)]
    _write(store, papers)
    before = _papers(store)
    _write(store, papers)
    assert _papers(store) == before
