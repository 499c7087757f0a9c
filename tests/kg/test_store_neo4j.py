"""Neo4j-specific behaviour of the store, and builds interrupted by kill -9 (both stores)."""

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import counts, generate, snapshot
from kg.errors import StoreError
from kg.model import Cites, Paper
from kg.store import upsert_nodes, upsert_relationships
from kg.store_neo4j import Neo4jStore

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "tools" / "neo4j-test-server" / "server.sh"
SECRET = "not-a-real-password-4f1c"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- errors without a server ------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_server_down_is_a_one_line_store_error(scheme):
    uri = f"{scheme}://127.0.0.1:{_free_port()}"
    started = time.monotonic()
    with pytest.raises(StoreError) as err:
        Neo4jStore(uri, password=SECRET)
    message = str(err.value)
    assert message.startswith(f"cannot reach Neo4j at {uri}")
    assert "\n" not in message and SECRET not in message
    assert time.monotonic() - started < 10


def test_unsupported_uri_scheme_is_a_store_error():
    with pytest.raises(StoreError, match="bad Neo4j URI 'http2://x'"):
        Neo4jStore("http2://x", password=SECRET)


# --- a second test server, with auth on (server.sh's NEO4J_TEST_PASSWORD) -------------------


@pytest.fixture(scope="module")
def auth_server():
    from testkit import require

    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        require("Neo4j test server", f"{' and '.join(missing)} not found")
    port = _free_port()
    env = {**os.environ, "NEO4J_TEST_PORT": str(port), "NEO4J_TEST_PASSWORD": SECRET}
    started = subprocess.run(
        ["bash", str(SERVER), "start"], env=env, capture_output=True, text=True, timeout=600
    )
    if started.returncode != 0:
        require("Neo4j test server", started.stderr.strip().splitlines()[-1])
    try:
        yield started.stdout.splitlines()[-1], env
    finally:
        subprocess.run(["bash", str(SERVER), "stop"], env=env, capture_output=True, timeout=120)
        shutil.rmtree(SERVER.parent / "run" / str(port), ignore_errors=True)


def test_server_sh_prints_the_uri_last_and_reuses_a_live_server(auth_server):
    uri, env = auth_server
    assert uri == f"bolt://127.0.0.1:{env['NEO4J_TEST_PORT']}"
    again = subprocess.run(
        ["bash", str(SERVER), "start"], env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0 and again.stdout == f"{uri}\n"
    assert "reusing" in again.stderr
    status = subprocess.run(
        ["bash", str(SERVER), "status"], env=env, capture_output=True, text=True, timeout=60
    )
    assert status.returncode == 0 and status.stdout == f"{uri}\n"


@pytest.mark.parametrize("password", ["wrong-password-123", None])
def test_wrong_or_missing_password_is_a_one_line_store_error(auth_server, password):
    uri, _ = auth_server
    with pytest.raises(StoreError) as err:
        Neo4jStore(uri, password=password)
    message = str(err.value)
    assert message == (
        f"Neo4j at {uri} refused the credentials of user 'neo4j': "
        "check NEO4J_USER and NEO4J_PASSWORD"
    )
    assert SECRET not in message and "wrong-password-123" not in message


def test_right_password_opens_the_store(auth_server):
    uri, _ = auth_server
    with Neo4jStore(uri, password=SECRET) as store:
        assert store.run("RETURN 1 AS one") == [{"one": 1}]
        assert SECRET not in repr(store)


# --- against the server ----------------------------------------------------------------------


def test_schema_is_created_on_connect_and_again_without_error(neo4j_store):
    again = Neo4jStore(
        neo4j_store.uri,
        password=os.environ.get("NEO4J_PASSWORD"),
        user=os.environ.get("NEO4J_USER", "neo4j"),
        database=neo4j_store.database,
    )
    again.close()
    constraints = {r["name"] for r in neo4j_store.run("SHOW CONSTRAINTS YIELD name")}
    assert {"paper_key", "author_key", "method_key", "benchmark_key"} <= constraints
    indexes = {
        r["name"]: r["type"] for r in neo4j_store.run("SHOW INDEXES YIELD name, type, state")
    }
    for name in ("paper_s2_id", "paper_arxiv_id", "paper_doi", "paper_title_norm", "paper_year"):
        assert indexes[name] == "RANGE"
    assert indexes["paper_text"] == "FULLTEXT"


def test_uniqueness_constraint_holds(neo4j_store):
    upsert_nodes(neo4j_store, [Paper(key="p")])
    with pytest.raises(StoreError, match="already exists"):
        neo4j_store.run("CREATE (:Paper {key: 'p'})")


def test_full_text_index_finds_titles_and_abstracts(neo4j_store):
    upsert_nodes(
        neo4j_store,
        [
            Paper(key="a", title="Sparse attention", abstract="We study transformers."),
            Paper(key="b", title="Graph kernels", abstract="Nothing about that."),
        ],
    )
    # The full-text index is eventually consistent: poll briefly for the fresh writes.
    for _ in range(50):
        rows = neo4j_store.run(
            "CALL db.index.fulltext.queryNodes('paper_text', $q) YIELD node RETURN node.key AS key",
            {"q": "transformers"},
        )
        if rows:
            break
        time.sleep(0.1)
    assert rows == [{"key": "a"}]


def test_routing_uri_reaches_the_server(neo4j_store):
    uri = neo4j_store.uri.replace("bolt://", "neo4j://", 1)
    if not uri.startswith("neo4j://"):
        pytest.skip(f"NEO4J_URI {neo4j_store.uri} is not a bolt:// URI")
    with Neo4jStore(
        uri,
        password=os.environ.get("NEO4J_PASSWORD"),
        user=os.environ.get("NEO4J_USER", "neo4j"),
        database=neo4j_store.database,
    ) as routed:
        assert routed.run("RETURN 1 AS one") == [{"one": 1}]


def test_unknown_database_is_a_one_line_store_error(neo4j_store):
    with pytest.raises(StoreError) as err:
        Neo4jStore(
            neo4j_store.uri,
            password=os.environ.get("NEO4J_PASSWORD"),
            user=os.environ.get("NEO4J_USER", "neo4j"),
            database="nosuchdb",
        )
    assert "nosuchdb" in str(err.value) and "\n" not in str(err.value)


def test_closed_store_raises_store_error(neo4j_store):
    neo4j_store.close()
    with pytest.raises(StoreError, match="closed"):
        neo4j_store.run("RETURN 1")


def test_driver_values_come_back_as_plain_python(neo4j_store):
    upsert_nodes(neo4j_store, [Paper(key="a", title="A"), Paper(key="b", title="B")])
    upsert_relationships(neo4j_store, [Cites(src="a", dst="b", is_influential=True)])
    row = neo4j_store.run(
        "MATCH path = (a:Paper {key: 'a'})-[r:CITES]->(b:Paper) "
        "RETURN a, r, path, date('2024-02-29') AS d, "
        "datetime('2024-01-02T03:04:05Z') AS dt, duration({days: 2, hours: 1}) AS span"
    )[0]
    assert row["a"]["_LABEL"] == "Paper" and row["a"]["key"] == "a" and row["a"]["title"] == "A"
    assert row["a"]["abstract"] is None  # every model property present, like the embedded store
    assert row["r"]["_LABEL"] == "CITES" and row["r"]["is_influential"] is True
    assert row["r"]["_SRC"] == row["a"]["_ID"] and row["r"]["_DST"] is not None
    assert [n["key"] for n in row["path"]["_NODES"]] == ["a", "b"]
    assert [r["_LABEL"] for r in row["path"]["_RELS"]] == ["CITES"]
    assert row["d"] == datetime.date(2024, 2, 29)
    assert row["dt"] == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    assert row["span"] == datetime.timedelta(days=2, hours=1)


def test_a_failing_batch_is_a_store_error_and_earlier_batches_stay(neo4j_store):
    neo4j_store.batch_size = 2
    rows = [{"key": "a"}, {"key": "b"}, {"key": "c"}, {"key": None}]
    with pytest.raises(StoreError):
        neo4j_store.run_batches("UNWIND $rows AS row MERGE (n:Paper {key: row.key})", rows)
    assert counts(neo4j_store)["Paper"] == 2


# --- interrupted builds (both stores) ----------------------------------------------------------

WRITER = """
import sys
from benchmarks.synthetic import generate
from kg.store import batched, upsert_nodes, upsert_relationships
kind, target = sys.argv[1], sys.argv[2]
if kind == "embedded":
    from kg.store_embedded import EmbeddedStore
    store = EmbeddedStore(target, batch_size=20, buffer_pool_size=128 * 1024 * 1024)
else:
    import os
    from kg.store_neo4j import Neo4jStore
    store = Neo4jStore(target, user=os.environ.get("NEO4J_USER", "neo4j"),
                       password=os.environ.get("NEO4J_PASSWORD"),
                       database=os.environ.get("NEO4J_DATABASE", "neo4j"), batch_size=20)
nodes, rels = generate(papers=300, refs=5, seed=11)
# Three store batches per call: the kill lands between batches or inside one.
for chunk in batched(nodes, 60):
    upsert_nodes(store, chunk)
    print("batch", flush=True)
for chunk in batched(rels, 60):
    upsert_relationships(store, chunk)
    print("batch", flush=True)
store.close()
print("done", flush=True)
"""


def _write(kind: str, target: str, kill_after: int | None = None) -> bool:
    """Run the writer in a subprocess; with ``kill_after`` kill -9 it after that many batches.
    Returns whether it ran to the end."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, kind, target],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = 0
    for line in proc.stdout:
        seen += line == "batch\n"
        if kill_after is not None and seen >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=300)
    stderr = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if kill_after is None:
        assert proc.returncode == 0, stderr
    return proc.returncode == 0


@pytest.fixture(params=["embedded", "neo4j"])
def build_target(request, tmp_path):
    """(kind, target, wipe) for the writer subprocess; the store is closed in this process."""
    if request.param == "embedded":
        paths = iter(tmp_path / f"kg{i}.db" for i in range(10))
        state = {"path": next(paths)}

        def wipe():
            state["path"] = next(paths)

        return "embedded", state, wipe
    store = request.getfixturevalue("neo4j_store")
    state = {"path": store.uri}

    def wipe():
        store.run("MATCH (n) DETACH DELETE n")

    return "neo4j", state, wipe


def _read(kind: str, target: str):
    if kind == "embedded":
        from kg.store_embedded import EmbeddedStore

        store = EmbeddedStore(target, buffer_pool_size=128 * 1024 * 1024)
    else:
        store = Neo4jStore(
            target,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD"),
            database=os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    try:
        return counts(store), snapshot(store)
    finally:
        store.close()


@pytest.mark.parametrize("kill_after", [2, 9, 20])
def test_build_killed_between_batches_then_rerun_equals_an_uninterrupted_build(
    build_target, kill_after
):
    kind, state, wipe = build_target
    nodes, rels = generate(papers=300, refs=5, seed=11)

    assert not _write(kind, str(state["path"]), kill_after=kill_after)
    interrupted_counts, _ = _read(kind, str(state["path"]))
    total = len(nodes) + len(rels)
    assert sum(interrupted_counts.values()) < total  # it really was cut short
    _write(kind, str(state["path"]))
    resumed = _read(kind, str(state["path"]))

    wipe()
    _write(kind, str(state["path"]))
    uninterrupted = _read(kind, str(state["path"]))
    assert resumed[0] == uninterrupted[0]
    assert sum(uninterrupted[0].values()) == total
    assert resumed[1] == uninterrupted[1]
