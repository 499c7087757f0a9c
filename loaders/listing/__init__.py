"""Paper listings in every format :mod:`loaders.listing.registry` knows.

Every parser turns text into a :class:`Listing` of entries (listed Paper records) and problems
(malformed entries, skipped, with file and line); no parser raises on bad text. Only
:func:`load_listing` raises, :class:`ListingFileError`, when the file itself cannot be used
(missing, binary, empty, not a listing, mostly malformed).

>>> listing = parse_listing("arXiv:1706.03762\\nhttps://doi.org/10.1145/3292500.3330701")
>>> listing.format, [e.paper.key for e in listing.entries]
('ids', ['arxiv:1706.03762', 'doi:10.1145/3292500.3330701'])
"""

from __future__ import annotations

from pathlib import Path

from .base import Listing, ListingEntry, ListingFileError, ListingProblem, NotAListing
from .encoding import decode
from .registry import (
    FORMATS,
    check_selected,
    detect_format,
    parse_with,
    refuse_mostly_malformed,
    supported,
)


def _check_format(format: str | None) -> None:
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown listing format {format!r}: expected one of {supported()}")


def parse_listing(
    text: str, format: str | None = None, source: str = "<text>", listing_year: int | None = None
) -> Listing:
    """Parse listing ``text`` in ``format`` (detected from the content when None).

    ``listing_year`` dates the yearless dates of a Hugging Face listing whose header has no year.
    """
    _check_format(format)
    return parse_with(format or detect_format(text), text, source, listing_year)


def read_listing(path: str | Path) -> tuple[str, str]:
    """(text, encoding) of a listing file; :class:`ListingFileError` says why it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ListingFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ListingFileError(f"{path}: is a directory, expected a listing file") from None
    except OSError as exc:
        raise ListingFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise ListingFileError(f"{path}: empty listing")
    return text, encoding


def read_listing_text(path: str | Path) -> str:
    """The text of a listing file (see :func:`read_listing`)."""
    return read_listing(path)[0]


def load_listing(
    path: str | Path, format: str | None = None, listing_year: int | None = None
) -> Listing:
    """Read and parse the listing file at ``path``.

    >>> from pathlib import Path
    >>> example = Path(__file__).parents[2] / "examples" / "hf-daily-papers-listing.txt"
    >>> listing = load_listing(example)
    >>> listing.format, len(listing.entries)
    ('hf', 107)
    """
    _check_format(format)
    text, encoding = read_listing(path)
    if format is None:
        fmt = detect_format(text, filename=str(path))
    else:
        check_selected(text, format, str(path))
        fmt = format
    listing = parse_with(fmt, text, str(path), listing_year)
    listing.encoding = encoding
    if encoding not in ("utf-8", "utf-8-sig"):
        listing.notes.insert(0, f"read as {encoding} (not UTF-8)")
    refuse_mostly_malformed(listing)
    listing.pack()
    return listing


__all__ = [
    "FORMATS",
    "Listing",
    "ListingEntry",
    "ListingFileError",
    "ListingProblem",
    "NotAListing",
    "detect_format",
    "load_listing",
    "parse_listing",
    "read_listing",
    "read_listing_text",
]
