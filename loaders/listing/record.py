"""One listed paper from the fields an export gives: the builder every structured format shares.

RIS, CSL-JSON, Web of Science, CSV, Hugging Face JSON and markdown parsers collect an entry's
fields into :class:`Fields` and hand them to :func:`add_entry`, which validates the identifiers,
keys the paper by its best one and records the entry, or the reason it was skipped, on the
listing. A malformed optional field (a DOI, a year) never drops an entry that has a title or
another identifier: the field is left out and a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.identifiers import MalformedIdentifier, normalise_arxiv_id, normalise_doi, parse_identifier
from kg.keys import normalise_title, paper_key
from kg.model import Paper

from .base import Listing, ListingEntry, MalformedEntry, extra_json, problem

_YEAR = re.compile(r"(?<![\d.])(1[5-9]\d\d|20\d\d)(?![\d])")
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?")
#: DataCite gives every arXiv paper a DOI 10.48550/arXiv.<id>: it is that arXiv id
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")


@dataclass
class Fields:
    """What one export entry says about a paper, as found (ids not yet validated)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | str | None = None
    date: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    s2: str | None = None
    corpus: str | None = None
    urls: list[str] = field(default_factory=list)
    abstract: str | None = None
    venue: str | None = None
    upvotes: int | None = None
    #: how many authors the entry says it has, when it does not name them all
    author_count: int | None = None
    extra: dict = field(default_factory=dict)


def year_of(text: object) -> int | None:
    """The first plausible year (1500-2099) in ``text``: ``2019``, ``1 Jan.-Feb. 2019``, ``2019/05/01/``.

    >>> year_of("1 Jan.-Feb. 2019"), year_of("2024-03-21"), year_of("6"), year_of(2017)
    (2019, 2024, None, 2017)
    """
    if isinstance(text, int):
        return text if 1500 <= text <= 2099 else None
    if not text:
        return None
    m = _YEAR.search(str(text))
    return int(m.group(1)) if m else None


def iso_date(text: str | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) from a date written ``2019/05/01/`` or ``2024-03-21T..``.

    >>> iso_date("2019/05/01/"), iso_date("2024-03"), iso_date("May 2019")
    ('2019-05-01', '2024-03', None)
    """
    m = _ISO_DATE.match(text.strip()) if text else None
    if not m:
        return None
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else f"{year}-{month:02d}"


def clean(text: object) -> str | None:
    """``text`` with runs of white space as one space, None when nothing is left."""
    if text is None:
        return None
    value = " ".join(str(text).split())
    return value or None


def _doi(raw: str | None, notes: list[str]) -> tuple[str | None, str | None]:
    """(DOI, arXiv id the DOI stands for) from a DOI field; a malformed one is noted."""
    if not raw or not raw.strip():
        return None, None
    doi = normalise_doi(raw)
    if doi is None:
        notes.append(f"malformed DOI {raw.strip()[:40]!r} left out")
        return None, None
    m = _ARXIV_DOI.fullmatch(doi)
    return doi, normalise_arxiv_id(m.group(1)) if m else None


def _arxiv(raw: str | None, notes: list[str]) -> str | None:
    if not raw or not raw.strip():
        return None
    value = raw.strip()
    arxiv = normalise_arxiv_id(re.sub(r"^arxiv:\s*", "", value, flags=re.IGNORECASE))
    if arxiv is None:
        try:
            ident = parse_identifier(value)
        except MalformedIdentifier:
            ident = None
        arxiv = ident.arxiv_id if ident else None
    if arxiv is None:
        notes.append(f"malformed arXiv id {value[:40]!r} left out")
    return arxiv


def _corpus(raw: str | None, notes: list[str]) -> int | None:
    if not raw or not raw.strip():
        return None
    value = re.sub(r"^corpus_?id\s*:\s*", "", raw.strip(), flags=re.IGNORECASE)
    if value.isascii() and value.isdigit():
        return int(value)
    notes.append(f"malformed CorpusId {raw.strip()[:40]!r} left out")
    return None


def _from_urls(urls: list[str]) -> tuple[str | None, str | None, str | None]:
    """(arXiv id, DOI, S2 id) that the entry's URLs hold, the first of each kind."""
    arxiv = doi = s2 = None
    for url in urls:
        try:
            ident = parse_identifier(url)
        except MalformedIdentifier:
            continue  # any other web page: kept as the paper's url
        if ident is None:
            continue
        arxiv = arxiv or ident.arxiv_id
        doi = doi or ident.doi
        s2 = s2 or ident.s2_id
    return arxiv, doi, s2


def build_entry(fields: Fields, where: str, notes: list[str]) -> ListingEntry:
    """The entry ``fields`` describe; raises :class:`MalformedEntry` when nothing identifies it.

    >>> entry = build_entry(Fields(title="Attention", doi="https://doi.org/10.1000/X", year="2017"), "f:1", [])
    >>> entry.paper.key, entry.paper.doi, entry.paper.year
    ('doi:10.1000/x', '10.1000/x', 2017)
    """
    title = clean(fields.title)
    title_norm = normalise_title(title)
    if title is not None and not _ALNUM.search(title):
        notes.append(f"title {title[:40]!r} has no letters or digits: left out")
        title = None
    urls = [u.strip() for u in fields.urls if u and u.strip()]
    doi, doi_arxiv = _doi(fields.doi, notes)
    arxiv = _arxiv(fields.arxiv, notes) or doi_arxiv
    url_arxiv, url_doi, url_s2 = _from_urls(urls)
    arxiv, doi = arxiv or url_arxiv, doi or url_doi
    s2 = (fields.s2 or "").strip().lower() or url_s2
    if s2 and not re.fullmatch(r"[0-9a-f]{40}", s2):
        notes.append(f"malformed Semantic Scholar id {s2[:45]!r} left out")
        s2 = None
    corpus = _corpus(fields.corpus, notes)
    if not ((title and title_norm) or arxiv or doi or s2 or corpus is not None):
        raise MalformedEntry("entry without a title or an identifier (DOI, arXiv id, URL)")
    date = iso_date(fields.date)
    year = year_of(fields.year) or year_of(date) or year_of(fields.date)
    if fields.year not in (None, "") and year_of(fields.year) is None:
        notes.append(f"year {str(fields.year)[:20]!r} is not a year: left unknown")
    # an exporter repeating a name (RIS "AU - G. Kalbe" twice) does not make a second author
    authors = list(dict.fromkeys(a for a in (clean(n) for n in fields.authors) if a))
    paper = Paper(
        key=paper_key(
            s2_id=s2, arxiv_id=arxiv, doi=doi, title=title_norm and title, corpus_id=corpus
        ),
        listed=True,
        s2_id=s2 or None,
        corpus_id=corpus,
        arxiv_id=arxiv,
        doi=doi,
        title=title,
        title_norm=title_norm if title else None,
        abstract=clean(fields.abstract),
        year=year,
        publication_date=date if date and year_of(date) == year else None,
        venue=clean(fields.venue),
        url=urls[0] if urls else None,
        upvotes=fields.upvotes,
        author_count=len(authors) or fields.author_count,
        listing_source=where,
        extra=extra_json(fields.extra),
    )
    return ListingEntry(paper=paper, authors=authors)


def add_entry(listing: Listing, fields: Fields, line: int, quoted: str) -> None:
    """Build the entry and add it to ``listing``, or add the reason it was skipped."""
    notes: list[str] = []
    try:
        listing.entries.append(build_entry(fields, f"{listing.path}:{line}", notes))
    except (MalformedEntry, ValueError) as exc:
        listing.problems.append(problem(listing.path, line, str(exc), quoted))
        return
    listing.notes.extend(f"line {line}: {note}" for note in notes)


def add_unended_record(listing: Listing, fields: Fields, line: int, quoted: str) -> None:
    """Add the last record of a tagged file (RIS, Web of Science) that has no ``ER`` line."""
    add_entry(listing, fields, line, quoted)
    listing.notes.append(
        f"line {line}: the last record has no ER line: read to the end of the file"
    )
