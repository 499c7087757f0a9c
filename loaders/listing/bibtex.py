"""BibTeX listings, parsed by bibtexparser 2 (with its LaTeX decoding), never by regexes."""

from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser import middlewares as mw
from bibtexparser.model import Entry, ParsingFailedBlock

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

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"\d{4}")
#: fields that become Paper properties; the rest of an entry is kept in `extra`
_USED = {
    "title",
    "author",
    "year",
    "doi",
    "eprint",
    "archiveprefix",
    "arxiv",
    "abstract",
    "url",
    "arxivid",
}


_ENTRY_START = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)


def sniff(sample: str) -> float:
    """0.95 for text with a line starting an ``@type{`` entry."""
    return 0.95 if _ENTRY_START.search(sample) else 0.0


def _parse_stack() -> list:
    return [
        mw.ResolveStringReferencesMiddleware(True),
        mw.RemoveEnclosingMiddleware(True),
        mw.LatexDecodingMiddleware(True),
        mw.SeparateCoAuthors(True),
        mw.SplitNameParts(True),
    ]


def _clean(text: str) -> str:
    """LaTeX-decoded text without leftover braces and with single spaces."""
    return _SPACE.sub(" ", text.replace("{", "").replace("}", "")).strip()


def _name(parts) -> str:
    """ "First von Last, Jr" from bibtexparser's NameParts ("Last, First" -> "First Last")."""
    words = [*parts.first, *parts.von, *parts.last]
    name = " ".join(_clean(w) for w in words if w)
    if parts.jr:
        name += ", " + " ".join(_clean(w) for w in parts.jr)
    return name.strip()


def _fields(entry: Entry) -> dict[str, str]:
    return {f.key.lower(): f.value for f in entry.fields}


def _identifier(fields: dict) -> Identifier | None:
    """The best identifier an entry carries: doi, then arXiv eprint, then a recognised url."""
    doi = fields.get("doi")
    if isinstance(doi, str) and doi.strip():
        value = normalise_doi(doi)
        if value is None:
            raise MalformedIdentifier(f"malformed doi field {doi.strip()[:40]!r}")
        return Identifier(doi=value)
    prefix = str(fields.get("archiveprefix", "")).strip().lower()
    for key in ("arxivid", "arxiv", "eprint"):
        value = fields.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if key == "eprint" and prefix and prefix != "arxiv":
            continue
        arxiv = normalise_arxiv_id(value.strip().removeprefix("arXiv:").removeprefix("arxiv:"))
        if arxiv is None:
            if key == "eprint" and not prefix:
                continue  # an eprint of another archive
            raise MalformedIdentifier(
                f"malformed arXiv id in the {key} field: {value.strip()[:40]!r}"
            )
        return Identifier(arxiv_id=arxiv)
    url = fields.get("url")
    if isinstance(url, str) and url.strip():
        try:
            return parse_identifier(url.strip())
        except MalformedIdentifier:
            return None  # any other web page: kept as the paper's url
    return None


def _entry(entry: Entry, source: str) -> ListingEntry:
    fields = _fields(entry)
    line = entry.start_line + 1
    title = _clean(fields["title"]) if isinstance(fields.get("title"), str) else None
    ident = _identifier(fields)
    if not title and ident is None:
        raise MalformedIdentifier("entry without a title or an identifier (doi, eprint, url)")
    authors_value = fields.get("author")
    authors: list[str] = []
    if isinstance(authors_value, list):
        authors = [
            n
            for n in (_name(p) if not isinstance(p, str) else _clean(p) for p in authors_value)
            if n
        ]
    elif isinstance(authors_value, str) and authors_value.strip():
        authors = [_clean(authors_value)]
    year = None
    year_value = fields.get("year")
    if isinstance(year_value, str) and year_value.strip():
        if not _YEAR.fullmatch(year_value.strip()):
            raise MalformedIdentifier(f"malformed year {year_value.strip()[:20]!r}")
        year = int(year_value.strip())
    abstract = fields.get("abstract")
    abstract = _clean(abstract) if isinstance(abstract, str) and abstract.strip() else None
    url = fields.get("url")
    extra = {k: (v if isinstance(v, str) else str(v)) for k, v in fields.items() if k not in _USED}
    extra.update({"bibtex_key": entry.key, "bibtex_type": entry.entry_type})
    common = dict(
        title=title or None,
        abstract=abstract,
        year=year,
        author_count=len(authors) or None,
        url=url.strip() if isinstance(url, str) and url.strip() else None,
        extra=extra_json(extra),
    )
    where = f"{source}:{line}"
    if ident is not None:
        paper = identifier_paper(ident, where, **common)
    else:
        paper = Paper(
            key=f"title:{normalise_title(title)}",
            listed=True,
            title_norm=normalise_title(title),
            listing_source=where,
            **common,
        )
    return ListingEntry(paper=paper, authors=authors)


def _failure_reason(block: ParsingFailedBlock) -> str:
    """One line saying why bibtexparser gave up on a block."""
    error = block.error
    text = " ".join(str(error).split()).split(" Note:")[0] if error is not None else ""
    kind = type(error).__name__ if error is not None else "error"
    if not text:
        text = {"DuplicateBlockKeyBlock": "duplicate entry key"}.get(type(block).__name__, kind)
    return f"malformed BibTeX block: {text}"


def parse_bibtex(text: str, source: str = "<text>") -> Listing:
    """Parse BibTeX entries; failed blocks and unusable entries become problems.

    >>> parse_bibtex("@article{k, title={A {GAN}}, eprint={1406.2661}, archivePrefix={arXiv}}").entries[0].paper.key
    'arxiv:1406.2661'
    """
    listing = Listing(path=source, format="bibtex")
    lines = text.splitlines()
    # bibtexparser logs each failed block as a warning; they are reported as problems instead
    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        library = bibtexparser.parse_string(text, parse_stack=_parse_stack())
    except Exception as exc:  # noqa: BLE001 - a crash of the third-party parser is bad input too
        listing.problems.append(
            problem(source, 1, f"BibTeX parser failed: {exc}", lines[0] if lines else "")
        )
        return listing
    finally:
        logger.setLevel(level)
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        quoted = lines[line - 1] if 0 < line <= len(lines) else ""
        if isinstance(block, ParsingFailedBlock):
            reason = _failure_reason(block)
            listing.problems.append(problem(source, line, reason, quoted))
        elif isinstance(block, Entry):
            try:
                listing.entries.append(_entry(block, source))
            except (MalformedIdentifier, ValueError) as exc:
                listing.problems.append(problem(source, line, str(exc), quoted))
    if not library.entries and not listing.problems:
        listing.notes.append("no BibTeX entries found")
    return listing
