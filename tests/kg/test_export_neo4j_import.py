"""`kg export --format neo4j-import` loaded by `neo4j-admin database import full` into a fresh
database of the test server (server.sh import): the same graph comes out of it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from testkit import require

from benchmarks.synthetic import counts, generate, snapshot
from kg.export import NEO4J_IMPORT_ARGS
from kg.model import Cites, EvaluatedOn, Paper
from kg.store import upsert_nodes, upsert_relationships
from kg.store_embedded import EmbeddedStore
from kg.store_neo4j import Neo4jStore
from tests.kg.test_export import NODES, RELS, run_cli

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "tools" / "neo4j-test-server" / "server.sh"

# Values the CSV must carry through: quotes, commas, new lines, an empty string, lists with commas.
AWKWARD = [
    Paper(
        key='title:a "quoted", title',
        title='A "Quoted", Title',
        year=2001,
        listed=False,
        abstract='Line one, with "quotes";\nline two\r\nand a ""doubled"" one.',
        upvotes=0,
        fields_of_study=["Computer Science, AI", "Physics"],
        pagerank=1.2345678901234567e-05,
        s2_match_confidence=0.5,
        organisation="",
    ),
]
AWKWARD_RELS = [
    Cites(
        src='title:a "quoted", title',
        dst="title:a cited paper",
        intents=["a, b", "c"],
        is_influential=False,
    ),
    EvaluatedOn(src='title:a "quoted", title', dst="wmt 2014", metric="", value=-0.0),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def exported(tmp_path, capsys):
    """An embedded graph (synthetic plus awkward values) and its neo4j-import export."""
    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=256 * 1024 * 1024)
    nodes, rels = generate(papers=300, refs=5, seed=3)
    upsert_nodes(store, [*nodes, *NODES, *AWKWARD])
    upsert_relationships(store, [*rels, *RELS, *AWKWARD_RELS])
    expected = snapshot(store), counts(store)
    store.close()
    out = tmp_path / "import"
    code, printed, _ = run_cli(
        capsys,
        "export",
        "--db",
        str(tmp_path / "kg.db"),
        "--format",
        "neo4j-import",
        "--out",
        str(out),
    )
    assert code == 0 and f"to {out} (neo4j-import)" in printed
    return out, expected


def test_export_writes_import_headers_and_args(exported):
    out, _ = exported
    assert (
        (out / "Paper.csv")
        .read_text(encoding="utf-8")
        .startswith("key:ID(Paper),s2_id,corpus_id:long,")
    )
    header = (out / "CITES.csv").read_text(encoding="utf-8").splitlines()[0]
    assert (
        header
        == ":START_ID(Paper),:END_ID(Paper),source,is_influential:boolean,intents:string[],contexts:string[],first_seen"
    )
    args = (out / NEO4J_IMPORT_ARGS).read_text(encoding="utf-8").splitlines()
    assert "--nodes=Paper=Paper.csv" in args and "--relationships=CITES=CITES.csv" in args


def test_neo4j_admin_import_of_the_export_holds_the_same_graph(exported):
    out, (expected_snapshot, expected_counts) = exported
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        require("Neo4j test server", f"{' and '.join(missing)} not found")
    port = _free_port()
    env = {**os.environ, "NEO4J_TEST_PORT": str(port)}
    env.pop("NEO4J_TEST_PASSWORD", None)
    started = subprocess.run(
        ["bash", str(SERVER), "import", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    try:
        assert started.returncode == 0, started.stderr
        uri = started.stdout.splitlines()[-1]
        assert uri == f"bolt://127.0.0.1:{port}"
        with Neo4jStore(uri) as store:  # creates the constraints and indexes on the import
            assert counts(store) == expected_counts
            # The import format has no empty list (an empty array field is null): [] is absent.
            assert snapshot(store) == {
                kind: [tuple("None" if v == "()" else v for v in row) for row in rows]
                for kind, rows in expected_snapshot.items()
            }
            paper = store.run(
                "MATCH (p:Paper {key: $k}) RETURN p.abstract AS a, "
                "p.fields_of_study AS f, p.organisation AS o, p.upvotes AS u",
                {"k": AWKWARD[0].key},
            )
            assert paper == [
                {
                    "a": AWKWARD[0].abstract,
                    "f": ["Computer Science, AI", "Physics"],
                    "o": "",
                    "u": 0,
                }
            ]
            constraints = {r["name"] for r in store.run("SHOW CONSTRAINTS YIELD name")}
            assert "paper_key" in constraints
    finally:
        subprocess.run(["bash", str(SERVER), "stop"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(SERVER.parent / "run" / str(port), ignore_errors=True)
