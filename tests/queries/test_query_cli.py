"""`kg query`, `kg cypher` and `kg analyze` through the real CLI entry point, on both stores."""

from __future__ import annotations

import json
import os

import pytest

from kg.cli import main
from kg.store_embedded import EmbeddedStore
from tests.queries.query_fixture import load

INJECTION = "') DETACH DELETE n //"


@pytest.fixture(params=["embedded", "neo4j"])
def target(request, tmp_path):
    """CLI flags pointing at the fixture graph in one store."""
    if request.param == "neo4j":
        load(request.getfixturevalue("neo4j_store"))
        return ["--neo4j", os.environ["NEO4J_URI"]]
    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=128 * 1024**2)
    load(store)
    store.close()
    return ["--db", str(tmp_path / "kg.db")]


def kg(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def count_nodes(capsys, target) -> int:
    code, out, _ = kg(
        capsys, "cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", *target
    )
    assert code == 0
    return json.loads(out)[0]["n"]


def test_query_list(capsys):
    code, out, _ = kg(capsys, "query", "--list")
    assert code == 0
    for name in ("search", "co_cited", "citation_path", "leaderboard", "pagerank"):
        assert name in out


def test_query_list_and_helper_help_are_plain_text_in_80_columns(capsys):
    import queries

    code, out, _ = kg(capsys, "query", "--list")
    lines = out.splitlines()
    assert code == 0 and max(len(line) for line in lines) <= 80
    assert "``" not in out and ":func:" not in out and ":class:" not in out
    for name in queries.helpers():  # one entry per helper, its name starting a line
        assert any(line.startswith(name + " ") or line == name for line in lines), name
    assert "kg analyze" in out  # ``kg analyze`` in the source, plain here
    assert "    Papers whose title or abstract contains text (a phrase, case-insensitive)." in lines
    code, out, _ = kg(capsys, "query", "most_influential", "--help")
    assert code == 0 and out.startswith("Usage: kg query most_influential [--limit INT=20]")
    assert "run it again after a build." in " ".join(out.split())  # the whole description
    assert ">>>" not in out and max(len(line) for line in out.splitlines()) <= 80


def test_query_json_csv_and_table(capsys, target):
    code, out, _ = kg(
        capsys, "query", "co_cited", "--paper", "s2:U1", "--limit", "2", "--format", "json", *target
    )
    assert code == 0
    assert [(r["key"], r["count"]) for r in json.loads(out)] == [("s2:U2", 3), ("s2:U3", 3)]
    code, out, _ = kg(
        capsys, "query", "top_cited", "--listed-only", "--limit=2", "--format", "csv", *target
    )
    assert code == 0
    lines = out.strip().splitlines()
    assert (
        lines[0].startswith("key,title,year") and lines[1].startswith("s2:L5,") and len(lines) == 3
    )
    code, out, err = kg(capsys, "query", "references", "arXiv:2301.00001", *target)
    assert code == 0 and "s2:U2" in out and "s2:L5" in out and "3 rows" in err


def test_query_unknown_paper_or_author_exits_1_with_message(capsys, target):
    code, out, err = kg(capsys, "query", "references", "--paper", "no such paper", *target)
    assert code == 1 and "no paper matches 'no such paper'" in err and "Traceback" not in err
    code, _, err = kg(capsys, "query", "coauthors", "--author", "Nobody Here", *target)
    assert code == 1 and "no author matches" in err
    code, _, err = kg(capsys, "query", "papers_proposing", "--method", INJECTION, *target)
    assert code == 1 and "no method matches" in err
    code, _, err = kg(capsys, "query", "paper", "no such paper", *target)
    assert code == 1 and "no paper matches 'no such paper'" in err
    code, _, err = kg(capsys, "query", "author", "--name-or-id", "Nobody Here", *target)
    assert code == 1 and "no author matches 'Nobody Here'" in err
    assert count_nodes(capsys, target) == 21


def test_query_injection_in_parameters_is_text(capsys, target):
    code, out, _ = kg(capsys, "query", "search", "--text", INJECTION, "--format", "json", *target)
    assert code == 0 and [r["key"] for r in json.loads(out)] == ["s2:U5"]
    code, _, _ = kg(capsys, "query", "cited_by", "--paper", INJECTION, *target)
    assert code == 1
    assert count_nodes(capsys, target) == 21


def test_query_usage_errors_exit_2(capsys, target):
    assert kg(capsys, "query", "no_such_helper", *target)[0] == 2
    code, _, err = kg(capsys, "query", "co_cited", "--paper", "s2:U1", "--bogus", "1", *target)
    assert code == 2 and "no parameter --bogus" in err
    code, _, err = kg(capsys, "query", "co_cited", "--paper", "s2:U1", "--limit", "many", *target)
    assert code == 2 and "expects int" in err
    code, _, err = kg(capsys, "query", "co_cited", *target)
    assert code == 2 and "needs --paper" in err
    assert kg(capsys, "query", "co_cited", "s2:U1", "--format", "xml", *target)[0] == 2


def test_cypher_parameters_are_values(capsys, target):
    code, out, _ = kg(
        capsys,
        "cypher",
        "MATCH (p:Paper) WHERE p.abstract CONTAINS $t RETURN p.key AS key",
        "-p",
        f"t={INJECTION}",
        "--format",
        "json",
        *target,
    )
    assert code == 0 and json.loads(out) == [{"key": "s2:U5"}]
    code, out, _ = kg(
        capsys,
        "cypher",
        "MATCH (p:Paper) WHERE p.year >= $y RETURN count(p) AS n",
        "-p",
        "y=2023",
        "--format",
        "json",
        *target,
    )
    assert json.loads(out) == [{"n": 4}]
    assert count_nodes(capsys, target) == 21


def test_cypher_is_read_only_unless_write(capsys, target):
    code, _, err = kg(capsys, "cypher", "MATCH (p:Paper {key: 's2:U5'}) DETACH DELETE p", *target)
    assert code == 2 and "Cypher error" in err
    assert count_nodes(capsys, target) == 21
    code, _, _ = kg(
        capsys, "cypher", "MATCH (p:Paper {key: 's2:U5'}) DETACH DELETE p", "--write", *target
    )
    assert code == 0
    assert count_nodes(capsys, target) == 20


def test_cypher_error_shows_the_database_message_and_exits_2(capsys, target):
    code, out, err = kg(capsys, "cypher", "MATCH (p:Paper RETURN p", *target)
    assert code == 2 and "Cypher error" in err and "Traceback" not in err
    assert ("Invalid input" in err) or ("Parser exception" in err)
    assert kg(capsys, "cypher", "RETURN 1", "-p", "novalue", *target)[0] == 2


def test_analyze_writes_back(capsys, target):
    code, out, _ = kg(capsys, "analyze", "--json", *target)
    assert code == 0
    summary = json.loads(out)
    assert (summary["papers"], summary["citations"], summary["written"]) == (10, 15, 10)
    code, out, _ = kg(
        capsys, "query", "most_influential", "--limit", "1", "--format", "json", *target
    )
    assert json.loads(out)[0]["key"] == "s2:U1" and json.loads(out)[0]["pagerank"] > 0.2
