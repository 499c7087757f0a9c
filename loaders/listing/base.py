"""The records every listing parser returns: entries, problems and the listing that holds them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.model import Paper
from kg.packed import PackedPaper, pack, unpack

#: how much of an offending line a problem quotes
PROBLEM_TEXT_CHARS = 80


class ListingFileError(InputError):
    """The listing file cannot be read at all (missing, unreadable, empty, binary)."""


class NotAListing(ListingFileError):
    """The file holds something other than a listing we read (JSON, YAML, XML, HTML, ...), or
    a listing of one format whose entries are mostly malformed."""


class MalformedEntry(InputError):
    """One entry that cannot become a paper; the parser reports it and goes on."""


class ListingEntry:
    """One paper of a listing; ``authors`` in order when the listing names them.

    A loaded listing holds its papers packed (:meth:`Listing.pack`, see :mod:`kg.packed`: a
    listing of a million papers is held through a whole build): ``paper`` is then a new model
    at each read, and a change to it is made by assigning it.
    """

    __slots__ = ("_paper", "authors")

    def __init__(self, paper: Paper, authors: list[str] | None = None):
        self._paper: Paper | PackedPaper = paper
        self.authors = authors if authors is not None else []

    @property
    def paper(self) -> Paper:
        paper = self._paper
        return paper if isinstance(paper, Paper) else unpack(paper)

    @paper.setter
    def paper(self, paper: Paper) -> None:
        self._paper = paper if isinstance(self._paper, Paper) else pack(paper)

    def pack(self) -> None:
        if isinstance(self._paper, Paper):
            self._paper = pack(self._paper)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ListingEntry):
            return NotImplemented
        return self.paper == other.paper and self.authors == other.authors

    def __repr__(self) -> str:
        return f"ListingEntry(paper={self.paper!r}, authors={self.authors!r})"


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
    #: the text encoding the file was read in (None for text handed over as a string)
    encoding: str | None = None
    #: the exporter a CSV-like file came from, when its columns tell ("Scopus", "IEEE Xplore")
    exporter: str | None = None
    #: entries dropped by :meth:`release`, still counted by :attr:`read`
    released: int = 0

    @property
    def read(self) -> int:
        """How many entries the file gave, released ones included."""
        return self.released + len(self.entries)

    def release(self) -> None:
        """Drop the entries, once written: a build does, so that a large listing's parsed
        entries (0.46 GiB at a million) are not held through it; :attr:`read` still counts
        them."""
        self.released += len(self.entries)
        self.entries = []

    @property
    def label(self) -> str:
        """The format as the build summary names it: ``csv (Scopus)``, ``ris, cp1252``."""
        text = f"{self.format} ({self.exporter})" if self.exporter else self.format
        if self.encoding and self.encoding not in ("utf-8", "utf-8-sig", "ascii"):
            text += f", {self.encoding}"
        return text

    def pack(self) -> None:
        """Hold every entry's paper packed (see :class:`ListingEntry`)."""
        for entry in self.entries:
            entry.pack()


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


@dataclass
class ProblemGroup:
    """Skipped entries that share a reason: how many, and where the first few are."""

    reason: str
    lines: list[int]
    first_text: str

    @property
    def count(self) -> int:
        return len(self.lines)

    def describe(self, file: str | None = None, shown: int = 5) -> str:
        """``12 x reason (lines 3, 4, 9, 10, 11, ...)``, or ``(f.txt:3, f.txt:4, ...)`` given the file."""
        where = ", ".join(f"{file}:{n}" if file else str(n) for n in self.lines[:shown])
        where += ", ..." if self.count > shown else ""
        if file is None:
            where = f"line{'s' if self.count > 1 else ''} {where}"
        return f"{self.count} x {self.reason} ({where})"


_VALUE = re.compile(r"'[^']*'|\"[^\"]*\"|\b\d+\b")
_NOTE_LINE = re.compile(r"line (\d+): (.*)", re.DOTALL)


def _reason_key(reason: str) -> str:
    return _VALUE.sub("…", reason)


def group_problems(problems: list[ListingProblem]) -> list[ProblemGroup]:
    """Problems grouped by reason (quoted values and numbers aside), largest group first.

    >>> [g.describe() for g in group_problems([problem("f", 3, "malformed DOI '1'", ""), problem("f", 9, "malformed DOI '2'", "")])]
    ["2 x malformed DOI '1' (lines 3, 9)"]
    """
    groups: dict[str, ProblemGroup] = {}
    for p in problems:
        key = _reason_key(p.reason)
        if key in groups:
            groups[key].lines.append(p.line)
        else:
            groups[key] = ProblemGroup(p.reason, [p.line], p.text)
    return sorted(groups.values(), key=lambda g: -g.count)


def group_notes(notes: list[str]) -> list[str]:
    """Per-entry notes ("line 8: year '20x' is not a year") grouped like problems; others as they are.

    >>> group_notes(["line 8: malformed DOI 'x' left out", "line 9: malformed DOI 'y' left out", "read as cp1252"])
    ['read as cp1252', "2 x malformed DOI 'x' left out (lines 8, 9)"]
    """
    plain = [n for n in notes if not _NOTE_LINE.fullmatch(n)]
    per_line = [
        problem("", int(m.group(1)), m.group(2), "")
        for n in notes
        if (m := _NOTE_LINE.fullmatch(n))
    ]
    return plain + [g.describe() for g in group_problems(per_line)]
