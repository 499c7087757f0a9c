"""Reading dataset shards: gzipped (or plain) JSONL files, streamed in 1 MiB pieces.

A dataset directory holds one sub-directory per dataset (``papers/``, ``citations/``, ...), as
`kg datasets download` writes it and as the published samples are laid out; files whose name
starts with the dataset's name directly in the directory count too. Lines are handed out as
bytes so a scan can skip the rows it does not want without decoding JSON (see
:func:`field_bytes`); a row it wants is decoded with :func:`decode`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATASETS = ("papers", "citations", "authors", "abstracts", "tldrs")
CHUNK = 1 << 20


@dataclass(frozen=True)
class BadRow:
    """A line that is not a JSON object: where it is and why."""

    file: str
    line: int
    reason: str


def shard_files(directory: Path, dataset: str) -> list[Path]:
    """The shards of ``dataset`` under ``directory``, sorted by name.

    >>> shard_files(Path("/nonexistent"), "papers")
    []
    """
    directory = Path(directory)
    found = []
    sub = directory / dataset
    if sub.is_dir():
        found += [p for p in sub.iterdir() if p.is_file() and _is_shard(p)]
    if directory.is_dir():
        found += [
            p
            for p in directory.iterdir()
            if p.is_file() and p.name.startswith(f"{dataset}") and _is_shard(p)
        ]
    return sorted(set(found))


def _is_shard(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith(".")
        and not name.endswith((".part", ".txt", ".md"))
        and (name.endswith((".gz", ".jsonl", ".json")) or "." not in name)
    )


def lines(path: Path, progress: Callable[[int], None] | None = None) -> Iterator[tuple[int, bytes]]:
    """(line number, line) of one shard, gzip or plain, read 1 MiB at a time; ``progress`` gets
    the compressed bytes read since its last call."""
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        stream = gzip.GzipFile(fileobj=raw) if gzipped else raw
        number, rest, seen = 0, b"", 0
        while True:
            piece = stream.read(CHUNK)
            if progress is not None:
                pos = raw.tell()
                progress(pos - seen)
                seen = pos
            if not piece:
                break
            parts = (rest + piece).split(b"\n")
            rest = parts.pop()
            for line in parts:
                number += 1
                if line.strip():
                    yield number, line
        if rest.strip():
            yield number + 1, rest


def field_bytes(name: str) -> re.Pattern[bytes]:
    """A pattern whose group 1 is the value of the top-level-looking field ``name`` when it is a
    number or a string of digits (S2 writes corpus ids both ways), or ``null``.

    >>> field_bytes("citedcorpusid").search(b'{"citedcorpusid":"42"}').group(1)
    b'42'
    """
    return re.compile(rb'"' + name.encode() + rb'"\s*:\s*"?(\d+|null)"?')


def decode(path: Path, number: int, line: bytes, problems: list[BadRow]) -> dict | None:
    """The row as a dict, or None (and a :class:`BadRow`) when the line is not a JSON object."""
    try:
        row = json.loads(line)
    except ValueError as exc:
        problems.append(BadRow(str(path), number, f"not JSON ({exc.msg})"))
        return None
    if not isinstance(row, dict):
        problems.append(BadRow(str(path), number, "not a JSON object"))
        return None
    return row
