"""`kg doctor` against a real embedded store and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.cli import main
from kg.cli.doctor import check_s2, mask_uri
from kg.model import Paper
from kg.store import upsert_nodes
from kg.store_embedded import EmbeddedStore

SECRETS = {"S2_API_KEY": "s2-key-do-not-print", "NEO4J_PASSWORD": "neo4j-pw-do-not-print"}


class _Root(BaseHTTPRequestHandler):
    seen: list[dict] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Root.seen.append(dict(self.headers))
        self.send_response(404)
        self.end_headers()
        self.wfile.write(b'{"error": "not found"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def s2_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "kg.db"
    store = EmbeddedStore(path, buffer_pool_size=256 * 1024 * 1024)
    upsert_nodes(
        store, [Paper(key="title:a", title="A", listed=True), Paper(key="title:b", title="B")]
    )
    store.close()
    return path


@pytest.fixture
def env(monkeypatch, tmp_path):
    for name in ("KG_DB", "NEO4J_URI", "S2_API_URL", "KG_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "200")


def doctor(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        main(["doctor", *args])
    out = capsys.readouterr()
    return exit_info.value.code, out.out + out.err


def test_all_checks_pass_and_secrets_stay_hidden(env, db_path, s2_server, monkeypatch, capsys):
    monkeypatch.setenv("S2_API_URL", s2_server)
    _Root.seen.clear()
    code, out = doctor(capsys, "--db", str(db_path))
    assert code == 0, out
    assert "3 of 3 checks passed" in out
    assert "2 Paper" in out
    assert "answered HTTP 404" in out
    assert "not created yet" in out
    for secret in SECRETS.values():
        assert secret not in out
    assert "s2_api_key" in out and "set" in out
    assert _Root.seen and not any(
        secret in str(h) for h in _Root.seen for secret in SECRETS.values()
    )


def test_unreachable_s2_and_missing_store_fail(env, tmp_path, monkeypatch, capsys):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("S2_API_URL", f"http://127.0.0.1:{port}")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "s2-responses.sqlite").write_bytes(b"x" * 1000)
    code, out = doctor(capsys, "--db", str(tmp_path / "none.db"))
    assert code == 1
    assert "1 of 3 checks passed; failed: store, semantic scholar" in " ".join(out.split())
    assert "no database at" in out and "unreachable" in out
    assert "1 files" in out


def test_check_s2_times_out_quickly():
    # 192.0.2.0/24 is TEST-NET-1: never routed, so the connection can only time out or fail
    check = check_s2("http://192.0.2.1", timeout=0.5)
    assert not check.ok and "unreachable" in check.detail


def test_password_in_neo4j_uri_is_masked(env, capsys):
    uri = "bolt://neo4j:uri-pw-do-not-print@127.0.0.1:1"
    code, out = doctor(capsys, "--neo4j", uri)
    assert code == 1
    assert "uri-pw-do-not-print" not in out
    assert "bolt://neo4j:***@127.0.0.1:1" in out
    assert mask_uri("bolt://127.0.0.1:7687") == "bolt://127.0.0.1:7687"
