"""The Hugging Face Daily Papers text format (what a browser copy of the page gives).

After a few header lines ("Daily Papers", "byAK and the research community", the listing date
such as "Oct 30") every paper reads::

    Title

    Abstract paragraph

      • 5 authors                 <- or an organisation line such as "ReactiveAI Reactive AI"
    ·
    Dec 20, 2021 3                <- date, year optional ("Mar 21"), optional upvote count

The parser is a single pass over the lines: it collects paragraphs until a "·" line, then the
line before the "·" is the authors/organisation line and the line after it the date. Paragraphs
that pile up before a title (a card the scrape cut short: title and abstract, no date) become
entries of their own, flagged in the notes, so that no paper is dropped silently.
"""

from __future__ import annotations

import calendar
import json
import re
from typing import NamedTuple

from kg.keys import normalise_title
from kg.model import Paper

from .base import Listing, ListingEntry, extra_json, problem

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
DATE = re.compile(
    r"\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})"
    r"(?:,\s*(\d{4}))?(?:\s+(\d{1,7}))?\s*",
    re.IGNORECASE | re.ASCII,
)
AUTHORS = re.compile(r"\s*•\s*(\d{1,5})\s+authors?\s*", re.IGNORECASE)
_HEADER_LINES = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "daily papers",
        "trending papers",
        "byak and the research community",
        "previous",
        "next",
        "load more",
    }
)
#: a paragraph longer than this is an abstract, never a title or an authors/organisation line
TITLE_MAX_CHARS = 300
_DAYS_IN_MONTH_ANY_YEAR = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


_SNIFF = re.compile(
    r"^[ \t]*•[ \t]*\d+[ \t]+authors?[ \t]*$|^[ \t]*·[ \t]*\n(?:[ \t]*\n)*[ \t]*[A-Z][a-z]{2,3}\.?[ \t]+\d{1,2}\b",
    re.MULTILINE,
)


def sniff(sample: str) -> float:
    """1 for text with a card's "• N authors" line or its "·" line before a date."""
    return 1.0 if _SNIFF.search(sample) else 0.0


class ListingDate(NamedTuple):
    """A listing date; ``year`` None when the line gives none."""

    month: int
    day: int
    year: int | None
    upvotes: int | None


def parse_date(text: str) -> ListingDate | None:
    """The date (and upvote count) of a date line, None if it is not one.

    >>> parse_date("Dec 20, 2021 3")
    ListingDate(month=12, day=20, year=2021, upvotes=3)
    """
    m = DATE.fullmatch(text)
    if m is None:
        return None
    month_name, day_text, year_text, upvotes = m.groups()
    month = _MONTHS[month_name[:3].lower()]
    day = int(day_text)
    year = int(year_text) if year_text else None
    if not 1 <= day <= days_in_month(year, month) or (year is not None and year < 1000):
        return None
    return ListingDate(month, day, year, int(upvotes) if upvotes else None)


def days_in_month(year: int | None, month: int) -> int:
    """Days in ``month`` of ``year``; 29 for February of an unknown year."""
    if (
        month == 2
        and year is not None
        and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    ):
        return 28
    return _DAYS_IN_MONTH_ANY_YEAR[month]


def _looks_like_bad_date(line: str) -> bool:
    """A short line with a digit after "·" is a garbled date: consumed, not read as a title."""
    return 0 < len(line) <= 40 and any(c.isdigit() for c in line)


def _is_header(text: str) -> bool:
    return text.lower() in _HEADER_LINES


def _organisation(line: str) -> tuple[str, str | None]:
    """Display name and handle of an organisation line ("ReactiveAI Reactive AI")."""
    handle, _, name = line.partition(" ")
    if name and handle.lower() == name.replace(" ", "").lower():
        return name.strip(), handle
    return line, None


class _Parser:
    """State of one pass; :meth:`run` returns the listing."""

    def __init__(self, text: str, source: str, listing_year: int | None):
        self.source = source
        self.listing = Listing(path=source, format="hf")
        self.listing_year = listing_year
        if listing_year is not None and not 1000 <= listing_year <= 9999:
            self.listing.notes.append(
                f"--listing-year {listing_year} is not a four-digit year: ignored"
            )
            self.listing_year = None
        self.header_done = False
        self.header_date: ListingDate | None = None
        self.yearless: list[tuple[ListingEntry, ListingDate, str]] = []
        self.no_abstract = 0
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = text.split("\n")

    # --- the pass ---------------------------------------------------------------------------

    def run(self) -> Listing:
        lines = self.lines
        n = len(lines)
        paragraphs: list[tuple[int, str]] = []  # (first line number, text)
        # when the last paragraph was wrapped over several lines: it without its last line, and
        # that last line, which is the authors/organisation line if a "·" follows
        wrap_head: tuple[int, str] | None = None
        wrap_tail: tuple[int, str] | None = None
        previous_blank = True
        i = 0
        while i < n:
            line = lines[i].strip()
            i += 1
            if not line:
                previous_blank = True
                continue
            if line == "·":
                dot_number = i
                j = i
                while j < n and not lines[j].strip():
                    j += 1
                date_line = lines[j].strip() if j < n else ""
                date = parse_date(date_line) if date_line else None
                if date is not None or _looks_like_bad_date(date_line):
                    i = j + 1
                if wrap_head is not None:
                    paragraphs[-1] = wrap_head
                    paragraphs.append(wrap_tail)
                self._entry(paragraphs, dot_number, j + 1, date_line, date)
                paragraphs = []
                wrap_head = None
                previous_blank = True
                continue
            if not paragraphs and self.header_done and i + 5 < n and lines[i + 4] == "·":
                # the common shape, title / blank / abstract / blank / authors / "·" / date,
                # is taken in one step; anything else goes line by line below
                consumed = self._card(line, i, lines)
                if consumed:
                    i += consumed
                    previous_blank = True
                    continue
            if previous_blank or not paragraphs:
                paragraphs.append((i, line))
                wrap_head = None
            else:
                wrap_head = paragraphs[-1]
                wrap_tail = (i, line)
                paragraphs[-1] = (wrap_head[0], wrap_head[1] + " " + line)
            previous_blank = False
        if paragraphs:
            self._strip_header(paragraphs)
            for group in self._groups(paragraphs):
                self._orphan(group)
        return self._finish()

    def _card(self, title: str, number: int, lines: list[str]) -> int:
        """Parse a standard card whose title is line ``number`` (already stripped); returns how
        many lines after the title it took, 0 when the card is not in the standard shape."""
        blank1, abstract, blank2, meta, date_line = lines[number : number + 4] + [lines[number + 5]]
        if (blank1 and not blank1.isspace()) or (blank2 and not blank2.isspace()):
            return 0
        abstract, meta, date_line = abstract.strip(), meta.strip(), date_line.strip()
        if (
            not abstract
            or abstract == "·"
            or not meta
            or len(meta) > TITLE_MAX_CHARS
            or meta == "·"
        ):
            return 0
        if title.lower() in _HEADER_LINES:
            return 0
        date = parse_date(date_line)
        if date is None:
            return 0
        authors = AUTHORS.fullmatch(meta)
        if authors is not None:
            entry = self._make(
                [(number, title), (number + 2, abstract)], date, int(authors.group(1)), None, None
            )
        else:
            organisation, handle = _organisation(meta)
            entry = self._make(
                [(number, title), (number + 2, abstract)],
                date,
                None,
                organisation,
                {"organisation_handle": handle},
            )
        if entry is not None and date.year is None:
            self.yearless.append((entry, date, date_line))
        return 6

    # --- one entry --------------------------------------------------------------------------

    def _strip_header(self, paragraphs: list[tuple[int, str]]) -> None:
        """Drop leading header lines (and the listing date among them) in place."""
        k = 0
        seen_header = not self.header_done
        while k < len(paragraphs):
            text = paragraphs[k][1]
            if _is_header(text):
                seen_header = True
            elif (
                seen_header
                and len(text) < 20
                and (date := parse_date(text)) is not None
                and date.upvotes is None
            ):
                if self.header_date is None:
                    self.header_date = date
            else:
                break
            k += 1
        self.header_done = True
        del paragraphs[:k]

    @staticmethod
    def _groups(paragraphs: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
        """Paragraphs split into title-led groups: a short paragraph starts a new group."""
        if len(paragraphs) <= 2:
            return [paragraphs] if paragraphs else []
        groups: list[list[tuple[int, str]]] = []
        for para in paragraphs:
            if len(para[1]) <= TITLE_MAX_CHARS or not groups:
                groups.append([para])
            else:
                groups[-1].append(para)
        return groups

    def _entry(
        self,
        paragraphs: list[tuple[int, str]],
        dot_number: int,
        date_number: int,
        date_line: str,
        date: ListingDate | None,
    ) -> None:
        meta: str | None = None
        authors = None
        if paragraphs and len(paragraphs[-1][1]) <= TITLE_MAX_CHARS:
            authors = AUTHORS.fullmatch(paragraphs[-1][1])
            if authors is not None or len(paragraphs) >= 3:
                meta = paragraphs.pop()[1]
        if not self.header_done or (paragraphs and paragraphs[0][1].lower() in _HEADER_LINES):
            self._strip_header(paragraphs)
        groups = [paragraphs] if 1 <= len(paragraphs) <= 2 else self._groups(paragraphs)
        if not groups:
            self.listing.problems.append(
                problem(
                    self.source,
                    dot_number,
                    "entry without a title before its '·' line",
                    meta or "·",
                )
            )
            return
        for group in groups[:-1]:
            self._orphan(group)
        if date is None:
            self.listing.problems.append(
                problem(
                    self.source,
                    date_number,
                    "expected a date such as 'Nov 27, 2022' or 'Mar 21' after the '·' line",
                    date_line or "(end of file)",
                )
            )
            return
        author_count = organisation = extra = None
        if authors is not None:
            author_count = int(authors.group(1))
        elif meta is not None:
            organisation, handle = _organisation(meta)
            extra = {"organisation_handle": handle}
        entry = self._make(groups[-1], date, author_count, organisation, extra)
        if entry is not None and date.year is None:
            self.yearless.append((entry, date, date_line))

    def _orphan(self, group: list[tuple[int, str]]) -> None:
        if len(group) < 2:
            number, text = group[0]
            self.listing.problems.append(
                problem(
                    self.source,
                    number,
                    "a line outside any entry (no abstract, authors or date)",
                    text,
                )
            )
            return
        # A card the scrape cut short: reported and skipped like any malformed entry, so the
        # user sees the line and can list the paper again (by title or id) in another file.
        number, text = group[0]
        self.listing.problems.append(
            problem(
                self.source,
                number,
                "incomplete card: title and abstract but no authors line, '·' or date",
                text,
            )
        )

    def _make(
        self,
        group: list[tuple[int, str]],
        date: ListingDate | None,
        author_count: int | None,
        organisation: str | None,
        extra: dict | None,
    ) -> ListingEntry | None:
        number, title = group[0]
        norm = normalise_title(title)
        if norm is None:
            self.listing.problems.append(
                problem(
                    self.source,
                    number,
                    "title has no letters or digits to identify the paper by",
                    title,
                )
            )
            return None
        if len(group) == 2:
            abstract = group[1][1]
        elif len(group) > 2:
            abstract = "\n\n".join(text for _, text in group[1:])
        else:
            abstract = None
            self.no_abstract += 1
        upvotes = year = publication_date = None
        if date is not None:
            upvotes = date.upvotes
            if date.year is not None:
                year = date.year
                publication_date = f"{year:04d}-{date.month:02d}-{date.day:02d}"
        # Validated construction costs ~3 us per Paper, less than model_construct (which resolves
        # every default field by field), so correctness costs nothing here; see benchmarks/parse.py.
        paper = Paper(
            key="title:" + norm,
            listed=True,
            title=title,
            title_norm=norm,
            abstract=abstract,
            year=year,
            publication_date=publication_date,
            upvotes=upvotes,
            author_count=author_count,
            organisation=organisation,
            listing_source=f"{self.source}:{number}",
            extra=extra_json(extra) if extra else None,
        )
        entry = ListingEntry(paper=paper)
        self.listing.entries.append(entry)
        return entry

    # --- after the pass ---------------------------------------------------------------------

    def _finish(self) -> Listing:
        listing = self.listing
        header_year = self.header_date.year if self.header_date else None
        year = header_year or self.listing_year
        if header_year and self.listing_year and header_year != self.listing_year:
            listing.notes.append(
                f"the header date gives the year {header_year}; --listing-year {self.listing_year} is not used"
            )
        unresolved = 0
        for entry, date, _raw in self.yearless:
            paper = entry.paper
            # the raw date stays in `extra` either way: the year was not in the entry itself
            extra = json.loads(paper.extra) if paper.extra else {}
            extra["date"] = f"{calendar.month_abbr[date.month]} {date.day}"
            if year is None:
                unresolved += 1
            elif date.day <= days_in_month(year, date.month):
                paper.year = year
                paper.publication_date = f"{year:04d}-{date.month:02d}-{date.day:02d}"
            else:
                listing.notes.append(
                    f"{paper.listing_source}: {extra['date']} does not exist in {year}: year left unknown"
                )
            paper.extra = extra_json(extra)
        if unresolved:
            listing.notes.append(
                f"{unresolved} entries have a date without a year and the listing header gives none: "
                "pass --listing-year (their year is left unknown)"
            )
        if self.no_abstract:
            listing.notes.append(f"{self.no_abstract} entries have no abstract")
        return listing


def parse_hf(text: str, source: str = "<text>", listing_year: int | None = None) -> Listing:
    """Parse a Hugging Face Daily Papers listing.

    >>> parse_hf("T\\n\\nAbstract.\\n\\n  • 2 authors\\n·\\nMar 21, 2022 3").entries[0].paper.upvotes
    3
    """
    return _Parser(text, source, listing_year).run()
