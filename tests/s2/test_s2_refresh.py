"""`kg enrich --refresh`: a citation list served, then a longer one a "week" later (injected
clock): exactly the new citers appear, with the date they were first seen, on both stores."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from s2_helpers import fast_options, id_paper

from kg import KnowledgeGraph
from kg.cli import main
from kg.graph import Graph
from loaders import pipeline
from loaders.s2 import plan_requests
from loaders.s2.refresh import parse_age, refresh_options
from queries.citations import new_citations

T0 = 1_780_000_000.0
DAY = 86_400.0
GROWN = 1  # the listed paper whose citations grow
NEW_CITERS = [f"n{GROWN:07d}{k:032x}" for k in range(2)]


def stamp(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def grow(corpus) -> None:
    """Two more papers cite listed paper GROWN (S2's count grows with them)."""
    pid = f"{GROWN + 1:040x}"
    for k, citer in enumerate(NEW_CITERS):
        model = corpus.papers[f"c{GROWN:07d}{k:032x}"]
        corpus.add_paper(
            {
                **model,
                "paperId": citer,
                "title": f"New citer {k}",
                "corpusId": 9_000_000 + k,
                "externalIds": {},
            }
        )
        corpus.citations[pid].insert(
            0, {"paperId": citer, "isInfluential": False, "intents": ["result"]}
        )
    corpus.papers[pid]["citationCount"] += len(NEW_CITERS)


def enrich_at(store, s2, tmp_path, papers, t: float, older_than: str | None = None):
    options = fast_options(s2.url, tmp_path / "cache", clock=lambda: t)
    if older_than is not None:
        options = refresh_options(options, parse_age(older_than))
    planned = plan_requests(papers, options)
    s2.reset()
    report = pipeline.BuildReport()
    pipeline.enrich_papers(Graph(store), papers, options, report)
    assert report.enrichment.requests_made == planned == len(s2.log)  # the plan is exact
    return report.enrichment


def test_refresh_adds_exactly_the_new_citers_with_their_dates(store, s2, corpus, tmp_path):
    papers = [id_paper(i) for i in range(3)]
    pipeline.write_graph(Graph(store), papers)
    enrich_at(store, s2, tmp_path, papers, T0)
    kb = KnowledgeGraph(store)
    cites_before = kb.cypher("MATCH ()-[r:CITES]->() RETURN count(r) AS n")[0]["n"]
    assert cites_before == 3 * (3 + 4)

    # three days later nothing is old enough: the refresh asks nothing
    listed = pipeline.refreshable_papers(Graph(store))
    quiet = enrich_at(store, s2, tmp_path, listed, T0 + 3 * DAY, older_than="7d")
    assert quiet.requests_made == 0

    grow(corpus)
    week = T0 + 8 * DAY
    report = enrich_at(
        store, s2, tmp_path, pipeline.refreshable_papers(Graph(store)), week, older_than="7d"
    )
    # every reference and citation page asked again, only the grown list changed
    assert (report.pages_refetched, report.pages_changed) == (6, 1)

    rows = new_citations(kb, since=stamp(T0 + DAY))
    assert sorted((r.key, r.cited, r.first_seen) for r in rows) == [
        (f"s2:{c}", "arxiv:2401.00001", stamp(week)) for c in NEW_CITERS
    ]
    assert kb.cypher("MATCH ()-[r:CITES]->() RETURN count(r) AS n")[0]["n"] == cites_before + 2
    seen = kb.cypher("MATCH ()-[r:CITES]->() RETURN r.first_seen AS s, count(*) AS n ORDER BY s")
    assert seen == [{"s": stamp(T0), "n": cites_before}, {"s": stamp(week), "n": 2}]
    counts = kb.cypher("MATCH (p:Paper {key: 'arxiv:2401.00001'}) RETURN p.citation_count AS n")
    assert counts == [{"n": 6}]
    assert [r.key for r in new_citations(kb, since=stamp(T0))][2:] != []  # since the start: all


def kg(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return exit_info.value.code or 0, out.out + out.err


def test_cli_refresh_prints_its_plan_first_and_counts_changed_pages(s2, corpus, tmp_path, capsys):
    listing = tmp_path / "ids.txt"
    listing.write_text("".join(f"arXiv:2401.{i:05d}\n" for i in range(1, 4)))
    flags = [
        "--db",
        str(tmp_path / "kg.db"),
        "--s2-api-url",
        s2.url,
        "--cache",
        str(tmp_path / "c"),
        "--pace",
        "0",
    ]
    assert kg(capsys, "build", str(listing), *flags)[0] == 0
    grow(corpus)
    s2.reset()
    code, out = kg(capsys, "enrich", "--refresh", "--older-than", "0s", *flags)
    assert code == 0, out
    # the plan (stderr, printed before any request) says exactly what the refresh then asked
    assert f"{len(s2.log)} requests planned" in out and len(s2.log) == 1 + 1 + 3 + 3
    assert "1 (of 6)" in out and "Refresh: 2 new citations" in out
    code, out = kg(
        capsys,
        "query",
        "new_citations",
        "--since",
        "2000-01-01",
        "--format",
        "json",
        "--db",
        str(tmp_path / "kg.db"),
    )
    assert code == 0 and len(json.loads(out[: out.rindex("]") + 1])) == 3 * 4 + 2
    code, out = kg(capsys, "enrich", "--refresh", "--older-than", "soon", *flags)
    assert code == 2 and "--older-than" in out
