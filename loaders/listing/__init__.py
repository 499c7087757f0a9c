"""Paper listings: Hugging Face Daily Papers text, one id per line, BibTeX and CSV.

Every parser turns text into a :class:`Listing` of entries (listed Paper records) and problems
(malformed entries, skipped, with file and line); no parser raises on bad text. Only
:func:`load_listing` raises, :class:`ListingFileError`, when the file itself cannot be used.

>>> listing = parse_listing("arXiv:1706.03762\\nhttps://doi.org/10.1145/3292500.3330701")
>>> listing.format, [e.paper.key for e in listing.entries]
('ids', ['arxiv:1706.03762', 'doi:10.1145/3292500.3330701'])
"""

from __future__ import annotations

from pathlib import Path

from .base import Listing, ListingEntry, ListingFileError, ListingProblem
from .bibtex import parse_bibtex
from .csv_format import parse_csv
from .detect import detect_format
from .hf import parse_hf
from .ids import (
    Identifier,
    MalformedIdentifier,
    normalise_arxiv_id,
    normalise_doi,
    parse_identifier,
    parse_ids,
)

FORMATS = ("hf", "ids", "bibtex", "csv")


def parse_listing(
    text: str, format: str | None = None, source: str = "<text>", listing_year: int | None = None
) -> Listing:
    """Parse listing ``text`` in ``format`` (detected from the content when None).

    ``listing_year`` dates the yearless dates of a Hugging Face listing whose header has no year.
    """
    fmt = format or detect_format(text)
    if fmt == "hf":
        return parse_hf(text, source, listing_year)
    if fmt == "ids":
        return parse_ids(text, source)
    if fmt == "bibtex":
        return parse_bibtex(text, source)
    if fmt == "csv":
        return parse_csv(text, source)
    raise ValueError(f"unknown listing format {format!r}: expected one of {', '.join(FORMATS)}")


def read_listing_text(path: str | Path) -> str:
    """The text of a listing file; :class:`ListingFileError` says why it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ListingFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ListingFileError(f"{path}: is a directory, expected a listing file") from None
    except OSError as exc:
        raise ListingFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise ListingFileError(f"{path}: binary file (contains NUL bytes), expected a text listing")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListingFileError(
            f"{path}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if not text.strip():
        raise ListingFileError(f"{path}: empty listing")
    return text


def load_listing(
    path: str | Path, format: str | None = None, listing_year: int | None = None
) -> Listing:
    """Read and parse the listing file at ``path``.

    >>> load_listing("examples/hf-daily-papers-listing.txt").format  # doctest: +SKIP
    'hf'
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown listing format {format!r}: expected one of {', '.join(FORMATS)}")
    text = read_listing_text(path)
    fmt = format or detect_format(text, filename=str(path))
    return parse_listing(text, fmt, source=str(path), listing_year=listing_year)


__all__ = [
    "FORMATS",
    "Identifier",
    "Listing",
    "ListingEntry",
    "ListingFileError",
    "ListingProblem",
    "MalformedIdentifier",
    "detect_format",
    "load_listing",
    "normalise_arxiv_id",
    "normalise_doi",
    "parse_identifier",
    "parse_listing",
    "read_listing_text",
]
