"""`kg import s2-datasets` on both stores: synthetic shards in the published samples' format
(answers worked out by reading the shards with plain json), the real samples themselves, bad
lines, idempotence and one node per paper next to API-enriched ones."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from testkit import real_world

from benchmarks.dataset_shards import arxiv, sha, write_shards
from kg import KnowledgeGraph
from kg.cli import main
from kg.graph import Graph
from kg.keys import normalise_title
from kg.model import Paper
from kg.store import upsert_nodes
from loaders.datasets import ImportOptions, import_datasets
from loaders.datasets.shards import shard_files
from queries.citations import why_cited

LISTED = 10


def rows(directory: Path, dataset: str) -> list[dict]:
    return [
        json.loads(line) for f in shard_files(directory, dataset) for line in gzip.open(f, "rt")
    ]


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("shards")
    write_shards(
        directory, papers=400, citations=3000, listed=LISTED, touching=120, core=80, null_every=25
    )
    return directory


def listed_papers(directory: Path) -> list[Paper]:
    """Listed 1..7 by arXiv id, 8 and 9 by DOI, 10 by title only; one more S2 has not."""
    titles = {
        r["corpusid"]: r["title"] for r in rows(directory, "papers") if r["corpusid"] <= LISTED
    }
    out = [Paper(key=f"arxiv:{arxiv(i)}", arxiv_id=arxiv(i), listed=True) for i in range(1, 8)]
    out += [Paper(key=f"doi:10.1000/l{i}", doi=f"10.1000/l{i}", listed=True) for i in (9,)]
    out += [Paper(key=f"arxiv:{arxiv(8)}", arxiv_id=arxiv(8), listed=True)]  # paper 8
    out += [
        Paper(
            key=f"title:{normalise_title(titles[10])}",
            title=titles[10],
            year=2010,
            author_count=2,
            listed=True,
        )
    ]
    out += [Paper(key="arxiv:2499.99999", arxiv_id="2499.99999", listed=True)]
    return out


def oracle(directory: Path, scope: str) -> tuple[set[tuple[int, int]], set[int], int]:
    """(citation pairs kept, papers kept, null citations) read straight from the shards."""
    listed = set(range(1, LISTED + 1))
    pairs, nulls = set(), 0
    for r in rows(directory, "citations"):
        if r["citedcorpusid"] is None:
            nulls += 1
            continue
        a, b = int(r["citingcorpusid"]), int(r["citedcorpusid"])
        if a != b and (
            a in listed and b in listed if scope == "listed" else a in listed or b in listed
        ):
            pairs.add((a, b))
    return pairs, listed | {x for p in pairs for x in p}, nulls


def snapshot(store) -> tuple:
    nodes = store.run(
        "MATCH (p:Paper) RETURN p.key AS k, p.corpus_id AS c, p.abstract AS a, p.s2_status AS s ORDER BY k"
    )
    rels = store.run(
        "MATCH (a)-[r]->(b) RETURN a.key AS x, b.key AS y, r.first_seen AS f, r.contexts AS c, r.source AS s ORDER BY x, y"
    )
    return nodes, rels


@pytest.mark.parametrize("scope", ["neighbourhood", "listed"])
def test_import_keeps_what_the_scope_asks_and_twice_changes_nothing(store, shards, scope):
    upsert_nodes(store, listed_papers(shards))
    report = import_datasets(
        Graph(store),
        shards,
        ImportOptions(scope=scope, batch_size=50, clock=lambda: 1_780_000_000.0),
    )
    pairs, kept, nulls = oracle(shards, scope)
    assert report.matched == {"ArXiv": 8, "DOI": 1, "title": 1} and report.unmatched == 1
    assert report.null_cited == nulls > 0 and report.problems == []
    assert report.rows_scanned["citations"] == 3000
    got = store.run("MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.corpus_id AS a, b.corpus_id AS b")
    assert {(r["a"], r["b"]) for r in got} == pairs and report.cites == len(pairs)
    papers = store.run("MATCH (p:Paper) RETURN p.corpus_id AS c, p.listed AS listed")
    assert {r["c"] for r in papers if r["c"] is not None} == kept
    assert len(papers) == len(kept) + 1  # the listed paper the shards do not hold stays, alone
    listed = store.run("MATCH (p:Paper) WHERE p.listed = true AND p.corpus_id IS NOT NULL "
                       "RETURN p.key AS k, p.s2_id AS s2, p.s2_status AS st, p.abstract AS a, p.tldr AS t")  # fmt: skip
    assert len(listed) == LISTED and all(r["st"] == "ok" and r["a"] and r["t"] for r in listed)
    one = next(r for r in listed if r["k"] == "arxiv:2401.00001")
    assert one["s2"] == sha(1)
    authored = store.run("MATCH (:Author)-[r:AUTHORED]->(:Paper) RETURN count(r) AS n")[0]["n"]
    assert authored == 2 * len(kept)
    first = snapshot(store)
    again = import_datasets(
        Graph(store), shards, ImportOptions(scope=scope, clock=lambda: 1_790_000_000.0)
    )
    assert snapshot(store) == first and again.cites == report.cites
    assert {r["f"] for r in first[1] if r["f"]} == {"2026-05-28T20:26:40Z"}  # first_seen kept


def test_contexts_from_the_citations_shard_answer_why_cited(store, shards):
    upsert_nodes(store, listed_papers(shards))
    import_datasets(Graph(store), shards, ImportOptions(scope="neighbourhood"))
    listed = set(range(1, LISTED + 1))
    row = next(
        r for r in rows(shards, "citations")
        if r["contexts"] and r["citedcorpusid"] and (int(r["citingcorpusid"]) in listed or int(r["citedcorpusid"]) in listed)
        and r["citingcorpusid"] != r["citedcorpusid"]
    )  # fmt: skip
    key = {r["c"]: r["k"] for r in store.run("MATCH (p:Paper) RETURN p.corpus_id AS c, p.key AS k")}
    [answer] = why_cited(
        KnowledgeGraph(store), key[int(row["citingcorpusid"])], key[int(row["citedcorpusid"])]
    )
    assert answer.contexts == row["contexts"] and answer.intents == row["intents"]


def test_api_enriched_and_dataset_papers_are_one_node(store, shards):
    # as `kg build` + `kg enrich` leave them: the listed paper knows its S2 id, a cited paper is
    # an outside node keyed by S2 id
    pairs, kept, _ = oracle(shards, "neighbourhood")
    neighbour = min(kept - set(range(1, LISTED + 1)))
    upsert_nodes(store, [
        *listed_papers(shards)[1:],
        Paper(key="arxiv:2401.00001", arxiv_id="2401.00001", s2_id=sha(1), listed=True, s2_status="ok", title="From the API"),
        Paper(key=f"s2:{sha(neighbour)}", s2_id=sha(neighbour), title="Cited, from the API", listed=False),
    ])  # fmt: skip
    import_datasets(Graph(store), shards, ImportOptions(scope="neighbourhood"))
    for s2_id in (sha(1), sha(neighbour)):
        assert (
            len(store.run("MATCH (p:Paper) WHERE p.s2_id = $s RETURN p.key AS k", {"s": s2_id}))
            == 1
        )
    ids = store.run(
        "MATCH (p:Paper) WHERE p.corpus_id IS NOT NULL RETURN count(p) AS n, count(DISTINCT p.corpus_id) AS d"
    )
    assert ids[0]["n"] == ids[0]["d"] == len(kept)
    [listed] = store.run(
        "MATCH (p:Paper {key: 'arxiv:2401.00001'}) RETURN p.title AS t, p.corpus_id AS c"
    )
    assert listed == {"t": "From the API", "c": 1}  # the listing's title stays, the ids fill in


def test_the_published_samples_import_whole(embedded_store):
    samples = real_world("s2-datasets-samples")
    report = import_datasets(Graph(embedded_store), samples, ImportOptions(scope="all"))
    papers = rows(samples, "papers")
    nulls = sum(r["citedcorpusid"] is None for r in rows(samples, "citations"))
    assert report.null_cited == nulls and report.problems == []
    assert report.papers == len({r["corpusid"] for r in papers}) == 100
    stored = embedded_store.run("MATCH (p:Paper) RETURN p.key AS k, p.corpus_id AS c, p.s2_id AS s")
    assert len(stored) == 100 and all(r["k"] == f"s2:{r['s']}" for r in stored)
    authors = {a["authorId"] for r in papers for a in r["authors"] if a.get("authorId")}
    assert embedded_store.run("MATCH (a:Author) RETURN count(a) AS n")[0]["n"] == len(authors)


def test_a_bad_line_is_named_skipped_and_the_rest_imported(embedded_store, tmp_path):
    write_shards(tmp_path, papers=50, citations=200, listed=3, touching=20, core=20, shards=1)
    shard = shard_files(tmp_path, "citations")[0]
    body = gzip.open(shard, "rb").read().split(b"\n")
    body.insert(4, b'{"citingcorpusid": "1", "citedcorpusid": "2", broken')
    body.insert(6, b'{"citingcorpusid": "1"}')
    with gzip.open(shard, "wb") as out:
        out.write(b"\n".join(body))
    upsert_nodes(
        embedded_store,
        [Paper(key=f"arxiv:{arxiv(i)}", arxiv_id=arxiv(i), listed=True) for i in (1, 2, 3)],
    )
    report = import_datasets(Graph(embedded_store), tmp_path, ImportOptions(scope="neighbourhood"))
    assert [(p.file, p.line, p.reason[:7]) for p in report.problems] == [
        (str(shard), 5, "not JSO"), (str(shard), 7, "no cite"),
    ] and report.exit_code == 1  # fmt: skip
    assert report.cites > 0


def kg(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return exit_info.value.code or 0, out.out + out.err


def test_cli_import(shards, tmp_path, capsys):
    listing = tmp_path / "ids.txt"
    listing.write_text("".join(f"arXiv:{arxiv(i)}\n" for i in range(1, 4)))
    db = str(tmp_path / "kg.db")
    assert kg(capsys, "build", str(listing), "--db", db, "--no-s2", "--no-extract")[0] == 0
    code, out = kg(capsys, "import", "s2-datasets", str(shards), "--scope", "listed", "--db", db)
    assert code == 0, out
    assert "matched by ArXiv" in out and "null citedcorpusid" in out
    assert kg(capsys, "import", "s2-datasets", str(shards), "--scope", "some", "--db", db)[0] == 2
    code, out = kg(capsys, "import", "s2-datasets", str(tmp_path), "--db", db)
    assert code == 2 and "no papers shards" in out
