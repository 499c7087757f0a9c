"""BibTeX and BibLaTeX listings as people's libraries really are, split by bibtexparser 2.

Each entry is read on its own: its citation key is a label (Mendeley writes ``@article{,`` for
every entry it has no key for, libraries repeat keys), so entries with an empty or repeated key
are kept and the identity rules of :mod:`kg.identity` decide what merges. A malformed optional
field (a year of ``6``, a DOI field that holds no DOI, an eprint that is not an arXiv id) is left
out with a note naming the entry's line; only an entry with neither a title nor an identifier is
skipped. Values go through :mod:`.bibtex_values` (``@string`` and ``#``, LaTeX, name lists).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

import bibtexparser
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
    String,
)

from kg.identifiers import normalise_arxiv_id, normalise_doi

from . import bibtex_values as values
from .base import Listing, ListingEntry, problem
from .record import Fields, build_entry, iso_date, year_of

#: where an entry's venue is, best first
VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "series")
#: fields that become Paper properties; the rest of an entry is kept in `extra`
_USED = {
    "title",
    "author",
    "year",
    "date",
    "doi",
    "eprint",
    "eprinttype",
    "archiveprefix",
    "arxiv",
    "arxivid",
    "abstract",
    "url",
    *VENUE_FIELDS,
}
_DOI_IN_TEXT = re.compile(r"10\.\d{4,9}/\S+", re.ASCII)
_DOI_HOST = re.compile(
    r"^(?:https?://)?(?:[a-z0-9-]+\.)*doi\.(?:org|acm\.org|wiley\.com)/", re.IGNORECASE
)
_ARXIV_IN_TEXT = re.compile(
    r"\barxiv\b[\s:.]*(?:abs/)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?/\d{7})",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\]]*\]")
_CORR_VOLUME = re.compile(r"abs/(\d{4}\.\d{4,5})", re.IGNORECASE)


_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def sniff(sample: str) -> float:
    """0.95 for text with a line starting an ``@type{`` entry."""
    return 0.95 if _ENTRY_START.search(sample) else 0.0


@dataclass
class _Labels:
    """Entries whose citation key is empty or repeated: reason -> line numbers."""

    lines: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, reason: str, line: int) -> None:
        self.lines[reason].append(line)

    def render(self) -> list[str]:
        out = []
        for reason, lines in self.lines.items():
            shown = ", ".join(str(n) for n in lines[:5]) + (", …" if len(lines) > 5 else "")
            count = f"{len(lines)} entr{'y' if len(lines) == 1 else 'ies'}"
            out.append(f"{reason}: {count} (line{'s' if len(lines) > 1 else ''} {shown})")
        return out


@dataclass
class _Raw:
    """One entry's fields as written (lower-case names), its label, type and line."""

    key: str
    type: str
    line: int
    fields: dict[str, str]


def _raw(entry: Entry) -> _Raw:
    fields: dict[str, str] = {}
    for f in entry.fields:
        name = f.key.lower()
        if isinstance(f.value, str) and f.value.strip() and name not in fields:
            fields[name] = f.value  # a repeated field: the first one counts
    return _Raw(
        key=entry.key or "",
        type=entry.entry_type.lower(),
        line=(entry.start_line or 0) + 1,
        fields=fields,
    )


def _inherit(entry: _Raw, parents: dict[str, _Raw]) -> None:
    """BibLaTeX ``crossref``: a year, date and venue the child lacks come from its parent
    (whose title is the child's venue: the proceedings or book it is in)."""
    parent = parents.get(entry.fields.get("crossref", "").strip('{}" ').lower())
    if parent is None or parent is entry:
        return
    for name in ("year", "date", *VENUE_FIELDS):
        if name in parent.fields and name not in entry.fields:
            entry.fields[name] = parent.fields[name]
    if not any(name in entry.fields for name in VENUE_FIELDS) and "title" in parent.fields:
        entry.fields["booktitle"] = parent.fields["title"]


def _doi(fields: dict[str, str], notes: list[str]) -> str | None:
    """The bare DOI of the ``doi`` field (written bare, as ``doi:``, or as a resolver URL), else
    of a doi.org / dx.doi.org / doi.acm.org ``url``."""
    raw = fields.get("doi")
    if raw:
        match = _DOI_IN_TEXT.search(raw)
        doi = normalise_doi(_balanced(match.group(0))) if match else None
        if doi is None:
            notes.append(f"doi field {raw[:40]!r} holds no DOI: left out")
        return doi
    url = fields.get("url", "")
    if _DOI_HOST.match(url):
        match = _DOI_IN_TEXT.search(url)
        return normalise_doi(_balanced(match.group(0))) if match else None
    return None


def _balanced(doi: str) -> str:
    """A DOI without the punctuation of the text around it (``10.1000/x).`` -> ``10.1000/x``)."""
    doi = doi.rstrip(".,;")
    while doi.endswith(")") and doi.count(")") > doi.count("("):
        doi = doi[:-1].rstrip(".,;")
    return doi


def _arxiv(fields: dict[str, str], notes: list[str]) -> str | None:
    """The arXiv id of ``eprint`` (with ``archivePrefix``/``eprinttype`` arXiv, or one that is an
    arXiv id), ``arxivid``/``arxiv``, ``journal = {arXiv preprint arXiv:...}``, DBLP's CoRR
    volume, or an arXiv URL."""
    archive = (fields.get("archiveprefix") or fields.get("eprinttype") or "").strip().lower()
    for name in ("eprint", "arxivid", "arxiv"):
        value = fields.get(name)
        if not value or (name == "eprint" and archive not in ("", "arxiv")):
            continue
        arxiv = normalise_arxiv_id(re.sub(r"^arxiv:\s*", "", value, flags=re.IGNORECASE))
        if arxiv is not None:
            return arxiv
        if name != "eprint" or archive == "arxiv":
            notes.append(f"{name} field {value[:40]!r} is not an arXiv id: left out")
    for name in (*VENUE_FIELDS, "note", "howpublished", "publisher"):
        match = _ARXIV_IN_TEXT.search(fields.get(name, ""))
        if match and (arxiv := normalise_arxiv_id(match.group(1))):
            return arxiv
    if fields.get("journal", "").strip().lower() == "corr":
        match = _CORR_VOLUME.search(fields.get("volume", ""))
        if match and (arxiv := normalise_arxiv_id(match.group(1))):
            return arxiv
    return None


def _year(fields: dict[str, str]) -> tuple[int | str | None, str | None]:
    """Year and ISO date from ``date`` (BibLaTeX, a range gives its start) or ``year``
    (``2014``, ``May 1979``, ``[1990] 2002``: a bracketed original year only when no other)."""
    date = iso_date(fields.get("date", "").split("/")[0])
    year = fields.get("year")
    if year and year_of(_BRACKETED.sub(" ", year)):
        year = _BRACKETED.sub(" ", year)
    return year or fields.get("date"), date


def _venue(fields: dict[str, str]) -> str | None:
    for name in VENUE_FIELDS:
        if fields.get(name):
            return "arXiv" if _ARXIV_IN_TEXT.search(fields[name]) else fields[name]
    return None


def _decoded(raw: _Raw, strings: dict[str, str]) -> tuple[dict[str, str], dict[str, values.People]]:
    """Text of every field, and the people of the name fields."""
    fields: dict[str, str] = {}
    people: dict[str, values.People] = {}
    for name, value in raw.fields.items():
        expanded = values.expand(value, strings)
        if name in values.NAME_FIELDS:
            people[name] = values.people(expanded)
            fields[name] = " and ".join(
                people[name].names + (["others"] if people[name].more else [])
            )
        elif name in values.VERBATIM_FIELDS:
            fields[name] = values.verbatim(expanded)
        else:
            fields[name] = values.text(expanded)
    return {k: v for k, v in fields.items() if v}, people


def _entry(raw: _Raw, strings: dict[str, str], source: str, notes: list[str]) -> ListingEntry:
    fields, people = _decoded(raw, strings)
    authors = people.get("author", values.People([]))
    year, date = _year(fields)
    extra = {k: v for k, v in fields.items() if k not in _USED}
    if authors.more:
        extra["more_authors"] = True
    if fields.get("year") and year_of(year) is None:
        extra["year"] = fields["year"]  # unreadable: kept as written
    extra.update({"bibtex_key": raw.key, "bibtex_type": raw.type})
    entry = build_entry(
        Fields(
            title=fields.get("title"),
            authors=authors.names,
            year=year,
            date=date,
            doi=_doi(fields, notes),
            arxiv=_arxiv(fields, notes),
            urls=[fields["url"]] if fields.get("url") else [],
            abstract=fields.get("abstract"),
            venue=_venue(fields),
            extra=extra,
        ),
        f"{source}:{raw.line}",
        notes,
    )
    if authors.more:  # "and others": how many is unknown, not the number named
        entry.paper.author_count = None
    return entry


def _failure_reason(block: ParsingFailedBlock) -> str:
    """One line saying why bibtexparser gave up on a block."""
    error = block.error
    text = " ".join(str(error).split()).split(" Note:")[0] if error is not None else ""
    return f"malformed BibTeX block: {text or type(error).__name__}"


def _split(text: str):
    # bibtexparser logs each failed block as a warning; they are reported as problems instead
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return bibtexparser.parse_string(text, parse_stack=[])
    finally:
        logger.setLevel(level)


def parse_bibtex(text: str, source: str = "<text>") -> Listing:
    """Parse BibTeX / BibLaTeX entries; failed blocks and unusable entries become problems.

    >>> parse_bibtex("@article{k, title={A {GAN}}, eprint={1406.2661}, archivePrefix={arXiv}}").entries[0].paper.key
    'arxiv:1406.2661'
    """
    listing = Listing(path=source, format="bibtex")
    lines = text.splitlines()
    try:
        library = _split(text)
    except Exception as exc:  # noqa: BLE001 - a crash of the third-party parser is bad input too
        listing.problems.append(
            problem(source, 1, f"BibTeX parser failed: {exc}", lines[0] if lines else "")
        )
        return listing
    definitions: list[tuple[str, str]] = []
    entries: list[_Raw] = []
    labels = _Labels()
    for block in library.blocks:
        inner = (
            block.ignore_error_block
            if isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock))
            else block
        )
        if isinstance(inner, String) and isinstance(inner.value, str):
            definitions.append((inner.key, inner.value))
        elif isinstance(inner, Entry):
            entries.append(_raw(inner))
        elif isinstance(block, ParsingFailedBlock):
            line = (block.start_line or 0) + 1
            quoted = lines[line - 1] if 0 < line <= len(lines) else ""
            listing.problems.append(problem(source, line, _failure_reason(block), quoted))
    strings = values.expand_strings(definitions)
    parents: dict[str, _Raw] = {}
    for raw in entries:
        parents.setdefault(raw.key.lower(), raw)
    seen: set[str] = set()
    for raw in entries:
        label = raw.key.lower()
        if not label:
            labels.add("entry without a citation key, read on its own", raw.line)
        elif label in seen:
            labels.add("citation key used by an earlier entry, read on its own", raw.line)
        seen.add(label)
        _inherit(raw, parents)
        entry_notes: list[str] = []
        try:
            listing.entries.append(_entry(raw, strings, source, entry_notes))
        except ValueError as exc:
            quoted = lines[raw.line - 1] if 0 < raw.line <= len(lines) else ""
            listing.problems.append(problem(source, raw.line, str(exc), quoted))
        listing.notes.extend(f"line {raw.line}: {note}" for note in entry_notes)
    listing.problems.sort(key=lambda p: p.line)
    listing.notes[:0] = labels.render()
    if not entries and not listing.problems:
        listing.notes.append("no BibTeX entries found")
    return listing
