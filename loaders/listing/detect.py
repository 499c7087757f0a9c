"""Which listing format a text is in, from its content (the file name only breaks ties)."""

from __future__ import annotations

import csv
import re

from .csv_format import header_delimiter

#: how much of a listing detection looks at; every format shows itself in its first entries
SAMPLE_CHARS = 64 * 1024
_HF = re.compile(
    r"^[ \t]*•[ \t]*\d+[ \t]+authors?[ \t]*$|^[ \t]*·[ \t]*\n(?:[ \t]*\n)*[ \t]*[A-Z][a-z]{2,3}\.?[ \t]+\d{1,2}\b",
    re.MULTILINE,
)
_BIBTEX = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_EXTENSIONS = {".bib": "bibtex", ".bibtex": "bibtex", ".csv": "csv", ".tsv": "csv"}


def detect_format(text: str, filename: str | None = None) -> str:
    """ "hf", "bibtex", "csv" or "ids" for a listing's text.

    >>> detect_format("@article{vaswani2017, title={Attention Is All You Need}}")
    'bibtex'
    """
    sample = text[:SAMPLE_CHARS]
    if _HF.search(sample):
        return "hf"
    if _BIBTEX.search(sample):
        return "bibtex"
    if _looks_like_csv(sample):
        return "csv"
    if filename:
        for ext, fmt in _EXTENSIONS.items():
            if filename.lower().endswith(ext):
                return fmt
    return "ids"


def _looks_like_csv(sample: str) -> bool:
    """A header naming a known column, followed (if anything follows) by rows of several cells.

    The second condition keeps a list of titles whose first title happens to contain ", Title,"
    from being read as CSV.
    """
    lines = [line for line in sample.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines:
        return False
    delimiter = header_delimiter(lines[0])
    if delimiter is None:
        return False
    rows = list(csv.reader(lines[:6], delimiter=delimiter))
    if len(rows[0]) == 1 or len(rows) == 1:
        return True
    return any(len(row) > 1 for row in rows[1:])
