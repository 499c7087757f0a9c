"""CSV (or TSV) listings with a header row naming the columns, case-insensitively."""

from __future__ import annotations

import csv
import io
import re

from kg.model import Paper, normalise_title

from .base import Listing, ListingEntry, extra_json, problem
from .ids import (
    Identifier,
    MalformedIdentifier,
    identifier_paper,
    normalise_arxiv_id,
    normalise_doi,
    parse_identifier,
)

#: header name (lower-case, spaces and dashes as "_") -> field
COLUMNS = {
    "title": "title",
    "arxiv": "arxiv",
    "arxiv_id": "arxiv",
    "arxivid": "arxiv",
    "doi": "doi",
    "s2": "s2",
    "s2_id": "s2",
    "paperid": "s2",
    "paper_id": "s2",
    "corpusid": "corpus",
    "corpus_id": "corpus",
    "url": "url",
    "year": "year",
    "abstract": "abstract",
    "authors": "authors",
}
_YEAR = re.compile(r"\d{4}")
_HEX40 = re.compile(r"[0-9a-f]{40}", re.IGNORECASE)
_DELIMITERS = (",", "\t", ";")


def column_name(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def header_delimiter(first_line: str) -> str | None:
    """The delimiter under which ``first_line`` names the most known columns, None if none."""
    best, best_count = None, 0
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        count = sum(column_name(c) in COLUMNS for c in cells)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _identifier(row: dict[str, str]) -> Identifier | None:
    """The best id of a row (s2, arxiv, doi, corpus, url); raises on a malformed one."""
    if row.get("s2"):
        value = row["s2"]
        if _HEX40.fullmatch(value):
            return Identifier(s2_id=value.lower())
        ident = parse_identifier(value)
        if ident is None or ident.s2_id is None and ident.corpus_id is None:
            raise MalformedIdentifier(
                f"malformed Semantic Scholar id {value[:45]!r}: expected 40 hex digits"
            )
        return ident
    if row.get("arxiv"):
        value = row["arxiv"]
        arxiv = normalise_arxiv_id(value)
        if arxiv is None:
            ident = parse_identifier(value)
            if ident is None or ident.arxiv_id is None:
                raise MalformedIdentifier(f"malformed arXiv id {value[:40]!r}")
            return ident
        return Identifier(arxiv_id=arxiv)
    if row.get("doi"):
        doi = normalise_doi(row["doi"])
        if doi is None:
            raise MalformedIdentifier(
                f"malformed DOI {row['doi'][:40]!r}: expected 10.<registrant>/<suffix>"
            )
        return Identifier(doi=doi)
    if row.get("corpus"):
        value = row["corpus"].removeprefix("CorpusId:").removeprefix("corpusid:").strip()
        if not value.isdigit() or not value.isascii():
            raise MalformedIdentifier(f"malformed CorpusId {row['corpus'][:40]!r}")
        return Identifier(corpus_id=int(value))
    if row.get("url"):
        try:
            return parse_identifier(row["url"])
        except MalformedIdentifier:
            return None  # another web page: kept as the paper's url
    return None


def _entry(row: dict[str, str], extra: dict[str, str], where: str) -> ListingEntry:
    ident = _identifier(row)
    title = row.get("title") or None
    if ident is None and normalise_title(title) is None:
        raise MalformedIdentifier("row without a usable title or identifier")
    year = None
    if row.get("year"):
        if not _YEAR.fullmatch(row["year"]):
            raise MalformedIdentifier(f"malformed year {row['year'][:20]!r}")
        year = int(row["year"])
    authors = [a.strip() for a in row.get("authors", "").split(";") if a.strip()]
    fields = dict(
        title=title,
        abstract=row.get("abstract") or None,
        year=year,
        author_count=len(authors) or None,
        url=row.get("url") or None,
        extra=extra_json(extra),
    )
    if ident is not None:
        paper = identifier_paper(ident, where, **fields)
    else:
        paper = Paper(
            key=f"title:{normalise_title(title)}",
            listed=True,
            title_norm=normalise_title(title),
            listing_source=where,
            **fields,
        )
    return ListingEntry(paper=paper, authors=authors)


def parse_csv(text: str, source: str = "<text>") -> Listing:
    """Parse a CSV listing whose header names title / arxiv / doi / s2 columns (any case).

    >>> parse_csv("Title,arXiv,Venue\\nAttention,1706.03762,NeurIPS").entries[0].paper.extra
    '{"Venue": "NeurIPS"}'
    """
    listing = Listing(path=source, format="csv")
    lines = text.lstrip("\ufeff").splitlines()
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = header_delimiter(first_line) or ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        listing.problems.append(problem(source, 1, f"unreadable CSV header: {exc}", first_line))
        return listing
    names = [column_name(h) for h in header or []]
    known = [COLUMNS.get(n) for n in names]
    if not any(k in ("title", "arxiv", "doi", "s2", "corpus", "url") for k in known):
        listing.problems.append(
            problem(source, 1, "CSV header names no title, arxiv, doi or s2 column", first_line)
        )
        return listing
    seen: set[str] = set()
    for i, k in enumerate(known):
        if k in seen:
            listing.notes.append(f"column {header[i]!r} repeats a {k} column: kept in extra")
            known[i] = None
        elif k:
            seen.add(k)
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            listing.problems.append(
                problem(source, start, f"malformed CSV row: {exc}", _line(lines, start))
            )
            line = reader.line_num
            continue
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            listing.problems.append(
                problem(
                    source,
                    start,
                    f"row has {len(cells)} fields, the header {len(header)}",
                    _line(lines, start),
                )
            )
            continue
        row: dict[str, str] = {}
        extra: dict[str, str] = {}
        for name, kind, cell in zip(header, known, cells):
            if kind:
                row[kind] = cell.strip()
            else:
                extra[name.strip()] = cell.strip()
        try:
            listing.entries.append(_entry(row, extra, f"{source}:{start}"))
        except (MalformedIdentifier, ValueError) as exc:
            listing.problems.append(problem(source, start, str(exc), _line(lines, start)))
    return listing


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
