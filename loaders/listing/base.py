"""The records every listing parser returns: entries, problems and the listing that holds them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.model import Paper

#: how much of an offending line a problem quotes
PROBLEM_TEXT_CHARS = 80


class ListingFileError(InputError):
    """The listing file cannot be read at all (missing, unreadable, empty, binary)."""


@dataclass
class ListingEntry:
    """One paper of a listing; ``authors`` in order when the listing names them."""

    paper: Paper
    authors: list[str] = field(default_factory=list)


@dataclass
class ListingProblem:
    """A malformed entry that was skipped: where it is, why, and what it said."""

    file: str
    line: int
    reason: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}: {self.text!r}"


@dataclass
class Listing:
    """A parsed listing: its entries, the entries it skipped, and remarks worth showing."""

    path: str
    format: str
    entries: list[ListingEntry] = field(default_factory=list)
    problems: list[ListingProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def problem(source: str, line: int, reason: str, text: str) -> ListingProblem:
    """A problem quoting at most :data:`PROBLEM_TEXT_CHARS` characters of ``text``."""
    text = text.strip()
    if len(text) > PROBLEM_TEXT_CHARS:
        text = text[: PROBLEM_TEXT_CHARS - 1] + "…"
    return ListingProblem(file=source, line=line, reason=reason, text=text)


def extra_json(values: dict[str, object]) -> str | None:
    """``values`` without empty items as a JSON object, or None when nothing is left."""
    kept = {k: v for k, v in values.items() if v not in (None, "", [], {})}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None
