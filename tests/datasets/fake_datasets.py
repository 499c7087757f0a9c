"""A local Datasets API look-alike: a release listing, per-dataset file listings (key needed)
and the shard files themselves, with HTTP Range support and a fault that cuts a file short.

    with FakeDatasets({"papers": {"papers-0.jsonl.gz": b"..."}}, key="k") as api:
        download(["papers"], DownloadOptions(dest=tmp, api_url=api.url, api_key="k"))
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

RELEASE = "2026-11-24"


class FakeDatasets:
    def __init__(self, files: dict[str, dict[str, bytes]], key: str | None = None):
        self.files, self.key = files, key
        self.log: list[tuple[str, str | None, str | None]] = []  # path, x-api-key, range
        #: file name -> bytes after which the next download of it drops the connection
        self.cut: dict[str, int] = {}
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> FakeDatasets:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    fake: FakeDatasets
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        fake = self.fake
        path = urlsplit(self.path).path
        fake.log.append((path, self.headers.get("x-api-key"), self.headers.get("Range")))
        if path in ("/datasets/v1/release/latest", f"/datasets/v1/release/{RELEASE}"):
            names = [
                {"name": n, "description": f"{n} dataset", "README": "..."} for n in fake.files
            ]
            return self._json(200, {"release_id": RELEASE, "README": "...", "datasets": names})
        prefix = f"/datasets/v1/release/{RELEASE}/dataset/"
        if path.startswith(prefix):
            if fake.key and self.headers.get("x-api-key") != fake.key:
                return self._json(403, {"message": "Forbidden"})
            name = path[len(prefix) :]
            if name not in fake.files:
                return self._json(404, {"error": "no such dataset"})
            urls = [f"{fake.url}/files/{name}/{f}?X-Amz-Signature=abc" for f in fake.files[name]]
            return self._json(200, {"name": name, "description": "", "README": "", "files": urls})
        if path.startswith("/files/"):
            _, _, name, file = path.split("/", 3)
            data = fake.files.get(name, {}).get(file)
            if data is None:
                return self._json(404, {"error": "no such file"})
            start = 0
            if rng := self.headers.get("Range"):
                start = int(rng.split("=")[1].split("-")[0])
                if start >= len(data):
                    return self._send(416, b"", {})
            body = data[start:]
            headers = {"Content-Length": str(len(body)), "Content-Type": "application/gzip"}
            status = 206 if start else 200
            if start:
                headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
            cut = fake.cut.pop(file, None)
            if cut is not None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.close_connection = True
                return
            return self._send(status, body, headers)
        self._json(404, {"error": f"no route {path}"})

    def _json(self, status: int, payload: object) -> None:
        self._send(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})

    def _send(self, status: int, body: bytes, headers: dict) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
