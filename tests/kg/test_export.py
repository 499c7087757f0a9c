"""`kg export` and kg.export over a small graph: every format read back and checked."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kg import KnowledgeGraph
from kg.cli import main
from kg.export import export
from kg.model import Author, Authored, Benchmark, Cites, EvaluatedOn, Method, Paper, Proposes
from kg.store import upsert_nodes, upsert_relationships
from kg.store_embedded import EmbeddedStore
from loaders.listing import parse_listing

S2_A = "a" * 40
#: citing sentences of the first CITES edge: a comma, quotes and markup survive every format
CONTEXTS = ['As in [4], "attention" <b>is</b> all, we', "Second [4]."]

NODES = [
    Paper(
        key=f"s2:{S2_A}",
        s2_id=S2_A,
        arxiv_id="1706.03762",
        title="Attention Is All You Need",
        year=2017,
        venue="NeurIPS",
        listed=True,
        abstract="We propose the {Transformer}.",
        fields_of_study=["Computer Science"],
    ),
    Paper(
        key="doi:10.18653/v1/n19-1423",
        doi="10.18653/v1/n19-1423",
        title="BERT: Pre-training of Deep Bidirectional Transformers",
        year=2019,
        listed=True,
    ),
    Paper(key="title:a cited paper", title="A Cited Paper", year=2014, listed=False),
    Author(key="s2:1", s2_id="1", name="Ashish Vaswani"),
    Author(key="s2:2", s2_id="2", name="Noam Shazeer", aliases=["N. Shazeer"]),
    Author(key="s2:3", s2_id="3", name="Jacob Devlin"),
    Method(key="transformer", name="Transformer", aliases=["transformer model"]),
    Benchmark(key="wmt 2014", name="WMT 2014", kind="dataset"),
]
RELS = [
    Cites(
        src=f"s2:{S2_A}",
        dst="title:a cited paper",
        is_influential=True,
        intents=["background"],
        contexts=CONTEXTS,
        first_seen="2026-11-18T09:00:00Z",
    ),
    Cites(src="doi:10.18653/v1/n19-1423", dst=f"s2:{S2_A}"),
    Authored(src="s2:2", dst=f"s2:{S2_A}", position=1, source="s2"),
    Authored(src="s2:1", dst=f"s2:{S2_A}", position=0, source="s2"),
    Authored(src="s2:3", dst="doi:10.18653/v1/n19-1423", position=0, source="s2"),
    Proposes(
        src=f"s2:{S2_A}",
        dst="transformer",
        source="extract:title",
        evidence="We propose",
        confidence=0.9,
    ),
    EvaluatedOn(
        src=f"s2:{S2_A}", dst="wmt 2014", metric="BLEU", value=28.4, source="extract:result"
    ),
    EvaluatedOn(src=f"s2:{S2_A}", dst="wmt 2014", metric="", source="extract:mention"),
]


def fill(store) -> KnowledgeGraph:
    upsert_nodes(store, NODES)
    upsert_relationships(store, RELS)
    return KnowledgeGraph(store)


@pytest.fixture
def db_path(tmp_path):
    """An embedded database holding the graph, closed so that the CLI can open it."""
    path = tmp_path / "kg.db"
    store = EmbeddedStore(path, buffer_pool_size=256 * 1024 * 1024)
    fill(store)
    store.close()
    return path


def test_json(store, tmp_path):
    summary = export(fill(store), "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert (summary.nodes, summary.relationships) == (len(NODES), len(RELS))
    assert len(data["nodes"]) == len(NODES) and len(data["relationships"]) == len(RELS)
    [paper] = [n for n in data["nodes"] if n["key"] == f"s2:{S2_A}"]
    assert paper["label"] == "Paper"
    assert paper["properties"]["fields_of_study"] == ["Computer Science"]
    assert paper["properties"]["year"] == 2017 and "doi" not in paper["properties"]
    results = [r for r in data["relationships"] if r["type"] == "EVALUATED_ON"]
    assert sorted(r["properties"]["metric"] for r in results) == ["", "BLEU"]
    [cites] = [
        r
        for r in data["relationships"]
        if r["type"] == "CITES" and r["dst"] == "title:a cited paper"
    ]
    assert cites["properties"] == {
        "source": "s2", "is_influential": True, "intents": ["background"], "contexts": CONTEXTS,
        "first_seen": "2026-11-18T09:00:00Z",
    }  # fmt: skip
    assert (cites["src_label"], cites["dst_label"]) == ("Paper", "Paper")


def test_graphml(store, tmp_path):
    export(fill(store), "graphml", tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert graph.number_of_nodes() == len(NODES) and graph.number_of_edges() == len(RELS)
    node = graph.nodes[f"Paper:s2:{S2_A}"]
    assert (
        node["label"] == "Paper"
        and node["title"] == "Attention Is All You Need"
        and node["year"] == 2017
    )
    assert json.loads(graph.nodes["Author:s2:2"]["aliases"]) == ["N. Shazeer"]
    types = sorted(d["type"] for _, _, d in graph.edges(data=True))
    assert types == sorted(r.type for r in RELS)
    bleu = [d for _, _, d in graph.edges(data=True) if d.get("metric") == "BLEU"]
    assert bleu[0]["value"] == pytest.approx(28.4)


def test_csv_directory(store, tmp_path):
    summary = export(fill(store), "csv", tmp_path / "csv")
    assert (summary.nodes, summary.relationships) == (len(NODES), len(RELS))
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert files == sorted(
        [
            "Paper.csv",
            "Author.csv",
            "Method.csv",
            "Benchmark.csv",
            "CITES.csv",
            "AUTHORED.csv",
            "PROPOSES.csv",
            "USES.csv",
            "COMPARES_WITH.csv",
            "EVALUATED_ON.csv",
        ]
    )
    with open(tmp_path / "csv" / "Paper.csv", encoding="utf-8", newline="") as f:
        papers = list(csv.DictReader(f))
    assert [p["key"] for p in papers] == sorted(n.key for n in NODES if isinstance(n, Paper))
    [attention] = [p for p in papers if p["key"] == f"s2:{S2_A}"]
    assert json.loads(attention["fields_of_study"]) == ["Computer Science"]
    assert attention["doi"] == "" and attention["year"] == "2017"
    with open(tmp_path / "csv" / "AUTHORED.csv", encoding="utf-8", newline="") as f:
        authored = list(csv.DictReader(f))
    assert {(a["src"], a["dst"], a["position"]) for a in authored} == {
        (r.src, r.dst, str(r.position)) for r in RELS if isinstance(r, Authored)
    }
    assert (tmp_path / "csv" / "USES.csv").read_text(
        encoding="utf-8"
    ).strip() == "src,dst,source,evidence,confidence"


def test_bibtex_holds_the_listed_papers_and_parses_back(store, tmp_path):
    summary = export(fill(store), "bibtex", tmp_path / "listed.bib")
    assert summary.nodes == 2
    listing = parse_listing((tmp_path / "listed.bib").read_text(encoding="utf-8"), "bibtex")
    assert listing.problems == []
    by_title = {e.paper.title: e for e in listing.entries}
    assert set(by_title) == {
        "Attention Is All You Need",
        "BERT: Pre-training of Deep Bidirectional Transformers",
    }
    attention = by_title["Attention Is All You Need"]
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer"]  # in AUTHORED position order
    assert attention.paper.arxiv_id == "1706.03762" and attention.paper.year == 2017
    assert attention.paper.abstract == "We propose the Transformer."
    extra = json.loads(attention.paper.extra)
    assert extra["bibtex_key"] == "vaswani2017attention" and attention.paper.venue == "NeurIPS"
    assert (
        by_title["BERT: Pre-training of Deep Bidirectional Transformers"].paper.doi
        == "10.18653/v1/n19-1423"
    )


def run_cli(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return exit_info.value.code, " ".join(out.out.split()), " ".join(out.err.split())


def test_cli_export_each_format(db_path, tmp_path, capsys):
    code, out, _ = run_cli(
        capsys,
        "export",
        "--format",
        "json",
        "--out",
        str(tmp_path / "g.json"),
        "--db",
        str(db_path),
    )
    assert code == 0
    assert f"exported {len(NODES)} nodes and {len(RELS)} relationships" in out
    assert len(json.loads((tmp_path / "g.json").read_text())["nodes"]) == len(NODES)
    code, out, _ = run_cli(
        capsys, "export", "--out", str(tmp_path / "g.graphml"), "--db", str(db_path)
    )
    assert code == 0 and "(graphml)" in out
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == len(NODES)
    code, out, _ = run_cli(
        capsys, "export", "-f", "csv", "-o", str(tmp_path / "out"), "--db", str(db_path)
    )
    assert code == 0 and (tmp_path / "out" / "CITES.csv").exists()
    code, out, _ = run_cli(capsys, "export", "-o", str(tmp_path / "l.bib"), "--db", str(db_path))
    assert code == 0 and "exported 2 listed papers" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--out", "graph.txt"], "cannot tell the format"),
        (["--format", "xml", "--out", "g.xml"], "unknown --format 'xml'"),
        (["--format", "json", "--out", "no/such/dir/g.json"], "no directory"),
    ],
)
def test_cli_usage_errors(db_path, tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "export", *args, "--db", str(db_path))
    assert code == 2
    assert message in err and "Traceback" not in err


def test_cli_missing_database(tmp_path, capsys):
    code, _, err = run_cli(
        capsys, "export", "-o", str(tmp_path / "g.json"), "--db", str(tmp_path / "none.db")
    )
    assert code == 2 and "no database at" in err
    assert not (tmp_path / "g.json").exists()


@pytest.mark.parametrize("fmt", ["json", "graphml", "csv"])
def test_citation_contexts_and_first_seen_are_exported(store, tmp_path, fmt):
    out = tmp_path / ("out" if fmt == "csv" else f"graph.{fmt}")
    export(fill(store), fmt, out)
    if fmt == "json":
        edges = [r for r in json.loads(out.read_text())["relationships"] if r["type"] == "CITES"]
        props = next(r["properties"] for r in edges if r["dst"] == "title:a cited paper")
    elif fmt == "graphml":
        graph = nx.read_graphml(out)
        props = next(d for _, v, d in graph.edges(data=True) if v == "Paper:title:a cited paper")
        props = {**props, "contexts": json.loads(props["contexts"])}
    else:
        with open(out / "CITES.csv", encoding="utf-8", newline="") as f:
            props = next(r for r in csv.DictReader(f) if r["dst"] == "title:a cited paper")
        props = {**props, "contexts": json.loads(props["contexts"])}
    assert props["contexts"] == CONTEXTS and props["first_seen"] == "2026-11-18T09:00:00Z"
