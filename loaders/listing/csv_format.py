"""CSV and TSV listings: a header row naming the columns, read by the names in
:mod:`loaders.listing.columns` (Scopus, IEEE Xplore, SpringerLink, Web of Science, Dimensions,
Lens.org, OpenAlex, Publish or Perish, or plain ``title,authors,year,doi,arxiv,url,date``).

Rows are read by header name: a row with fewer cells than the header has its missing trailing
fields empty, and one with more (Scopus adds an unnamed empty field) keeps the extra cells in
``extra`` when they hold anything.
"""

from __future__ import annotations

import csv
import io

from .authors import split_authors
from .base import Listing, problem
from .columns import IDENTIFYING, column_field, exporter
from .record import Fields, add_entry

_DELIMITERS = (",", "\t", ";")
NAME = "csv"


def header_delimiter(first_line: str) -> str | None:
    """The delimiter under which ``first_line`` names the most known columns, None if none."""
    best, best_count = None, 0
    for delimiter in _DELIMITERS:
        try:
            cells = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        count = sum(column_field(c) is not None for c in cells)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def sniff(sample: str) -> float:
    """0.9 for a header naming a title or id column followed by rows of several cells.

    The second condition keeps a list of titles whose first title happens to contain ", Title,"
    from being read as CSV.
    """
    lines = [line for line in sample.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines:
        return 0.0
    delimiter = header_delimiter(lines[0])
    if delimiter is None:
        return 0.0
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    if not any((column_field(c) or ("",))[0] in IDENTIFYING for c in header):
        return 0.3
    try:
        rows = list(csv.reader(lines[:6], delimiter=delimiter))
    except csv.Error:
        return 0.3
    if len(rows[0]) == 1 or len(rows) == 1 or any(len(row) > 1 for row in rows[1:]):
        return 0.9
    return 0.0


def _columns(header: list[str]) -> dict[str, list[int]]:
    """field -> column indexes holding it, best synonym first."""
    ranked: dict[str, list[tuple[int, int]]] = {}
    for index, cell in enumerate(header):
        found = column_field(cell)
        if found:
            ranked.setdefault(found[0], []).append((found[1], index))
    return {fld: [i for _, i in sorted(pairs)] for fld, pairs in ranked.items()}


def _first(cells: list[str], indexes: list[int]) -> str:
    for i in indexes:
        if i < len(cells) and cells[i].strip():
            return cells[i].strip()
    return ""


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse a CSV listing whose header names title / arxiv / doi / url columns (any case).

    >>> parse("Title,arXiv,Venue\\nAttention,1706.03762,NeurIPS").entries[0].paper.venue
    'NeurIPS'
    """
    listing = Listing(path=source, format=NAME)
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first_line = text.split("\n", 1)[0]
    delimiter = header_delimiter(first_line) or ("\t" if "\t" in first_line else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None) or []
    except csv.Error as exc:
        listing.problems.append(problem(source, 1, f"unreadable CSV header: {exc}", first_line))
        return listing
    columns = _columns(header)
    if not any(f in columns for f in IDENTIFYING):
        listing.problems.append(
            problem(
                source, 1, "CSV header names no title, DOI, arXiv, URL or S2 id column", first_line
            )
        )
        return listing
    listing.exporter = exporter(header)
    used = {i for indexes in columns.values() for i in indexes}
    extra_columns = [(i, name.strip()) for i, name in enumerate(header) if i not in used]
    run_together = listing.exporter == "SpringerLink"
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
        fields = _row_fields(cells, columns, extra_columns, len(header), run_together)
        add_entry(listing, fields, start, _line(lines, start))
    return listing


def _row_fields(
    cells: list[str],
    columns: dict[str, list[int]],
    extra_columns: list[tuple[int, str]],
    width: int,
    run_together: bool,
) -> Fields:
    """One row's fields by header name; cells of no known column (or past the header) in extra."""

    def get(name: str) -> str:
        return _first(cells, columns.get(name, []))

    n = len(cells)
    extra = {name: cells[i].strip() for i, name in extra_columns if i < n and cells[i].strip()}
    for i in range(width, n):  # cells past the header's last column
        if cells[i].strip():
            extra[f"column {i + 1}"] = cells[i].strip()
    return Fields(
        title=get("title"),
        authors=split_authors(get("authors"), run_together=run_together),
        year=get("year") or None,
        date=get("date") or None,
        doi=get("doi"),
        arxiv=get("arxiv"),
        s2=get("s2"),
        corpus=get("corpus"),
        urls=[cells[i] for i in columns.get("url", []) if i < n],
        abstract=get("abstract"),
        venue=get("venue"),
        extra=extra,
    )


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
