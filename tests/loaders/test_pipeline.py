"""The build pipeline and `kg build` / `kg stats` end to end, on the embedded store."""

import json

import pytest
from testkit import EXAMPLE_LISTING

from kg import KnowledgeGraph
from kg.cli import main
from kg.graph import Graph
from kg.stats import graph_stats
from loaders import pipeline

NO_S2 = pipeline.BuildOptions(enrich=False)


def _kg(*args):
    """Run the `kg` CLI in-process; returns its exit code."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code or 0


def test_example_listing_builds_107_listed_papers(embedded_store):
    listings = pipeline.load_listings([EXAMPLE_LISTING])
    report = pipeline.build(Graph(embedded_store), listings, NO_S2)
    kb = KnowledgeGraph(embedded_store)
    assert report.entries == 107 and [p.line for p in report.problems] == [213]
    assert graph_stats(kb)["nodes"]["Paper"] == 107
    row = kb.cypher(
        "MATCH (p:Paper) WHERE p.title = $t RETURN p.author_count AS n, p.upvotes AS up, "
        "p.publication_date AS date, p.listed AS listed",
        t="High-Resolution Image Synthesis with Latent Diffusion Models",
    )
    assert row == [{"n": 5, "up": 3, "date": "2021-12-20", "listed": True}]


def test_building_twice_changes_no_count(embedded_store):
    listings = pipeline.load_listings([EXAMPLE_LISTING])
    kb = KnowledgeGraph(embedded_store)
    pipeline.build(Graph(embedded_store), listings, NO_S2)
    before = graph_stats(kb)
    pipeline.build(Graph(embedded_store), listings, NO_S2)
    assert graph_stats(kb) == before


def test_same_paper_by_title_and_by_arxiv_id_ends_as_one_node(embedded_store, tmp_path):
    (tmp_path / "a.txt").write_text("Attention Is All You Need\n")
    (tmp_path / "b.txt").write_text("https://arxiv.org/abs/1706.03762v7\n")
    listings = pipeline.load_listings([tmp_path / "a.txt", tmp_path / "b.txt"])
    pipeline.build(Graph(embedded_store), listings, NO_S2)
    assert graph_stats(KnowledgeGraph(embedded_store))["nodes"]["Paper"] == 2  # ids not known yet
    # Enrichment tells the arXiv entry its title: the two records are one paper.
    arxiv = pipeline.stored_papers(Graph(embedded_store), "p.arxiv_id = '1706.03762'")[0]
    learnt = arxiv.model_copy(update={"title": "Attention is all you need", "s2_id": "204e3073"})
    pipeline.write_graph(Graph(embedded_store), [learnt])
    papers = pipeline.stored_papers(Graph(embedded_store))
    assert len(papers) == 1
    assert papers[0].arxiv_id == "1706.03762" and papers[0].s2_id == "204e3073"


def test_kg_build_with_broken_entries_exits_1_and_names_lines(tmp_path, capsys):
    listing = tmp_path / "papers.txt"
    listing.write_text(
        "2401.00001\n"
        "arxiv.org/abs/notanid\n"
        "10.1145/3292500.3330701\n"
        "CorpusId:abc\n"
        "A Bare Title Of A Paper\n"
    )
    db = tmp_path / "kg.db"
    assert _kg("build", str(listing), "--db", str(db), "--no-s2") == 1
    err = capsys.readouterr().err
    assert f"{listing}:2" in err and f"{listing}:4" in err
    assert _kg("stats", "--db", str(db), "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["nodes"]["Paper"] == 3


@pytest.mark.parametrize("content", ["", "   \n", "\x00\x01binary"])
def test_kg_build_unusable_file_is_one_line_error_exit_2(tmp_path, capsys, content):
    listing = tmp_path / "bad.txt"
    listing.write_bytes(content.encode())
    assert _kg("build", str(listing), "--db", str(tmp_path / "kg.db"), "--no-s2") == 2
    err = capsys.readouterr().err.strip()
    assert "bad.txt" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_kg_build_missing_file_is_exit_2(tmp_path, capsys):
    assert _kg("build", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "kg.db")) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_every_command_has_help(capsys):
    for command in ("build", "enrich", "extract", "stats"):
        assert _kg(command, "--help") == 0
        assert "Usage" in capsys.readouterr().out
