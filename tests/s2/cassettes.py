"""The recorded real Semantic Scholar traffic of the ``semanticscholar`` package's own tests
(vcrpy YAML cassettes in ../shared/real-world/semanticscholar-py/), read at run time.

An interaction is matched by method, path and query (parsed, so parameter order and percent
encoding do not matter) and, for a POST, the JSON body: the two /author/batch cassettes share
one URL and differ only in their ids. The recorded body is served byte for byte.

    tape = load_cassettes()
    tape.find("GET", "/graph/v1/paper/0", {"fields": "t,i,t,l,e"}, None).status   # 404
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import yaml
from testkit import real_world

CASSETTE_DIR = "semanticscholar-py"


@dataclass(frozen=True)
class Recorded:
    cassette: str
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    body: object
    status: int
    content_type: str
    data: bytes


def _query(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v[0]) for k, v in parse_qs(raw, keep_blank_values=True).items()))


def _json_or_none(text: str | bytes | None) -> object:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


@dataclass
class Tape:
    interactions: list[Recorded]

    def find(
        self, method: str, path: str, query: dict[str, str] | str, body: object
    ) -> Recorded | None:
        wanted = _query(query) if isinstance(query, str) else tuple(sorted(query.items()))
        for rec in self.interactions:
            if (rec.method, rec.path, rec.query) == (method, unquote(path), wanted) and (
                method != "POST" or rec.body == body
            ):
                return rec
        return None

    def named(self, cassette: str) -> list[Recorded]:
        return [r for r in self.interactions if r.cassette == cassette]


def load_cassettes(directory: Path | None = None) -> Tape:
    """Every interaction of every cassette (``test_*.yaml``) in ``directory``."""
    directory = directory or real_world(CASSETTE_DIR)
    found = []
    for path in sorted(directory.glob("test_*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
            request, response = item["request"], item["response"]
            parts = urlsplit(request["uri"])
            # two recording formats: vcrpy's (body.string, status.code) and httpx's older one
            text = response["body"]["string"] if "body" in response else response["content"]
            status = response["status"]["code"] if "status" in response else response["status_code"]
            headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
            found.append(
                Recorded(
                    cassette=path.stem,
                    method=request["method"],
                    path=unquote(parts.path),
                    query=_query(parts.query),
                    body=_json_or_none(request.get("body")),
                    status=int(status),
                    content_type=(headers.get("content-type") or ["application/json"])[0],
                    data=text.encode("utf-8") if isinstance(text, str) else bytes(text),
                )
            )
    return Tape(found)
