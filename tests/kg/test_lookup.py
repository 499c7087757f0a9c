"""Papers found by identifier through an index give the answers a scan of every paper gives, on
both stores: after writes, identity merges, re-runs, raw Cypher writes and a reopen."""

from __future__ import annotations

import pytest

from kg.graph import Graph
from kg.lookup import SUFFIX, IdentifierIndex
from kg.model import Cites, Paper
from kg.resolve import candidates
from kg.store_embedded import EmbeddedStore
from loaders.pipeline import write_graph

S2A, S2B = "a" * 40, "b" * 40

PAPERS = [
    Paper(key=f"s2:{S2A}", s2_id=S2A, arxiv_id="2106.09685", doi="10.1000/Sparse.L1",
          corpus_id=101, title="LoRA: Low-Rank Adaptation", listed=True),
    Paper(key="arxiv:1706.03762", arxiv_id="1706.03762", title="Attention Is All You Need",
          listed=True),
    Paper(key="title:twin study", title="Twin Study", year=2020, listed=True),
    Paper(key="title:twin study~smith 2010", title="Twin study!", year=2010, listed=False),
    Paper(key=f"s2:{S2B}", s2_id=S2B, corpus_id=202, title="An outside paper", listed=False),
]  # fmt: skip

REFERENCES = [
    S2A, S2A.upper(), f"https://www.semanticscholar.org/paper/{S2A}", f"s2:{S2A}",
    "2106.09685", "arXiv:2106.09685v2", "https://arxiv.org/abs/2106.09685", "https://arxiv.org/pdf/2106.09685v1",
    "10.1000/sparse.l1", "https://doi.org/10.1000/SPARSE.L1", "doi:10.1000/Sparse.L1",
    "CorpusId:101", "CorpusId:202", "lora  low-rank ADAPTATION", "1706.03762",
    "Attention is all you need", "twin study", "an outside paper", S2B, "nothing like it",
    "10.9999/none", "CorpusId:999", "10.5555/raw", "raw paper",
]  # fmt: skip


def answers(kb: Graph) -> dict[str, tuple[list, list]]:
    out = {}
    for ref in REFERENCES:
        indexed = [(rank, node.key) for rank, node in candidates(kb, "Paper", ref)]
        scanned = [(r, n.key) for r, n in candidates(kb, "Paper", ref, use_index=False)]
        out[ref] = (indexed, scanned)
    return out


def assert_same(kb: Graph) -> dict[str, list]:
    found = answers(kb)
    assert {ref: pair[0] for ref, pair in found.items()} == {
        ref: pair[1] for ref, pair in found.items()
    }
    return {ref: pair[0] for ref, pair in found.items()}


def test_every_identifier_form_finds_what_a_scan_finds(store):
    kb = Graph(store)
    write_graph(kb, PAPERS, [Cites(src=f"s2:{S2A}", dst=f"s2:{S2B}")])
    found = assert_same(kb)
    assert found["https://doi.org/10.1000/SPARSE.L1"] == [(1, f"s2:{S2A}")]
    assert found["CorpusId:202"] == [(1, f"s2:{S2B}")]
    assert [key for _, key in found["twin study"]] == ["title:twin study", "title:twin study~smith 2010"]  # fmt: skip
    assert found["nothing like it"] == found["CorpusId:999"] == []

    # a re-run writes the same records again
    write_graph(kb, PAPERS, [Cites(src=f"s2:{S2A}", dst=f"s2:{S2B}")])
    assert assert_same(kb) == found


def test_an_identity_merge_moves_every_identifier_to_the_kept_node(store):
    kb = Graph(store)
    write_graph(kb, PAPERS)
    # the paper listed by arXiv id turns out to be the outside paper S2 knows as S2B
    write_graph(kb, [Paper(key="arxiv:1706.03762", arxiv_id="1706.03762", s2_id=S2B)])
    found = assert_same(kb)
    [(_, kept)] = found[S2B]
    assert [key for _, key in found["1706.03762"] + found["CorpusId:202"]] == [kept, kept]


def test_raw_cypher_writes_are_found_too(store):
    kb = Graph(store)
    write_graph(kb, PAPERS)
    kb.cypher("CREATE (:Paper {key: 'x:raw', doi: '10.5555/RAW', title_norm: 'raw paper'})")
    kb.cypher("MATCH (p:Paper {key: 'arxiv:1706.03762'}) SET p.corpus_id = 999")
    found = assert_same(kb)
    assert [key for _, key in found["10.5555/raw"] + found["raw paper"]] == ["x:raw", "x:raw"]
    assert found["CorpusId:999"] == [(1, "arxiv:1706.03762")]


def test_the_embedded_index_outlives_the_store_and_is_rebuilt_when_not_its_own(tmp_path):
    path = tmp_path / "kg.db"
    store = EmbeddedStore(path)
    write_graph(Graph(store), PAPERS)
    store.close()

    store = EmbeddedStore(path, read_only=True)
    assert store.paper_index() is not None  # the one written alongside, trusted as it is
    expected = assert_same(Graph(store))
    store.close()

    (tmp_path / f"kg.db{SUFFIX}").unlink()  # a database copied without its index
    store = EmbeddedStore(path, read_only=True)
    assert store.paper_index() is None  # read-only: scans rather than trusting nothing
    store.close()
    store = EmbeddedStore(path)
    assert store.paper_index() is not None
    assert assert_same(Graph(store)) == expected
    store.close()

    # an index left by another database of that name
    other = tmp_path / "other.db"
    EmbeddedStore(other).close()
    IdentifierIndex.beside(path).adopt(other, [])
    store = EmbeddedStore(path)
    assert store.paper_index().papers(["arxiv:2106.09685"]) == [f"s2:{S2A}"]
    store.close()


@pytest.mark.parametrize(
    "statement, stale",
    [
        ("MATCH (p:Paper) SET p.pagerank = 0.5, p.community = 2", False),
        ("MATCH (p:Paper) RETURN p.doi AS doi", False),
        ("MATCH (p:Paper {key: 'k'}) SET p.doi = '10.1/x'", True),
        ("MATCH (p:Paper {key: 'k'}) SET p.title_norm = 'x'", True),
        ("MERGE (p:Paper {key: 'k'})", True),
    ],
)
def test_statements_outside_the_write_paths_that_may_change_identifiers(
    embedded_store, statement, stale
):
    write_graph(Graph(embedded_store), PAPERS)
    assert not embedded_store.identifiers.stale
    embedded_store.run(statement, {"props": {}})
    assert embedded_store.identifiers.stale is stale
