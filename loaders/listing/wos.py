"""Web of Science exports: the plain-text "tagged" file and the tab-delimited one.

Plain text: ``FN``/``VR`` header, then records of two-letter tags, continuation lines indented
by three spaces, ``ER`` after each record and ``EF`` at the end::

    PT J
    AU Vaswani, A
       Shazeer, N
    TI Attention is all
       you need
    PY 2017
    DI 10.5555/3295222
    UT WOS:000452649406008
    ER

The tab-delimited export has the same tags as column names and is read by the CSV parser.
"""

from __future__ import annotations

import re

from . import csv_format
from .authors import first_last
from .base import Listing, problem
from .record import Fields, add_entry, add_unended_record

NAME = "wos"
_TAG = re.compile(r"^([A-Z][A-Z0-9]) (.*)$|^(ER|EF)\s*$")
_SNIFF = re.compile(r"^(?:FN (?:Clarivate|Thomson Reuters)|PT [A-Z]\s*$)", re.MULTILINE)
_TSV = re.compile(r"^\ufeff?PT\tAU\t")
#: tags whose continuation lines are separate values (one author a line)
_LIST_TAGS = {"AU", "AF", "CR", "C1", "BE", "ED"}


def sniff(sample: str) -> float:
    """1 for the plain-text export (``FN Clarivate``, or ``PT J`` records ending in ``ER``), and
    for the tab-delimited one (header ``PT``, ``AU``, ...)."""
    if _TSV.match(sample):
        return 1.0
    return 1.0 if _SNIFF.search(sample) and re.search(r"^ER\s*$", sample, re.MULTILINE) else 0.0


def _fields(record: dict[str, list[str]]) -> Fields:
    def first(*tags: str) -> str | None:
        return next((" ".join(record[t]) for t in tags if record.get(t)), None)

    names = record.get("AF") or record.get("AU") or []
    return Fields(
        title=first("TI"),
        authors=[first_last(n) for n in names],
        year=first("PY", "EA"),
        date=first("PD"),
        doi=first("DI"),
        urls=[],
        abstract=first("AB"),
        venue=first("SO", "SE", "BS"),
        extra={
            "wos_id": first("UT"),
            "wos_type": first("PT"),
            "pubmed_id": first("PM"),
            "arxiv_doi": first("D2"),
        },
    )


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse a Web of Science export (plain text, or tab-delimited through the CSV parser).

    >>> parse("PT J\\nAU Vaswani, Ashish\\nTI Attention\\nPY 2017\\nER\\n").entries[0].authors
    ['Ashish Vaswani']
    """
    if _TSV.match(text):
        listing = csv_format.parse(text, source)
        listing.format, listing.exporter = NAME, "tab-delimited"
        return listing
    listing = Listing(path=source, format=NAME)
    record: dict[str, list[str]] | None = None
    start, last = 0, None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not raw.strip():
            continue
        if raw.startswith("   ") and record is not None and last is not None:
            value = raw.strip()
            if last in _LIST_TAGS:
                record[last].append(value)
            else:
                record[last][-1] += " " + value
            continue
        m = _TAG.match(raw.rstrip())
        if m is None:
            listing.problems.append(
                problem(source, number, "not a Web of Science tagged line", raw)
            )
            continue
        tag, value = (m.group(1), m.group(2).strip()) if m.group(1) else (m.group(3), "")
        if tag in ("FN", "VR", "EF"):
            continue
        if tag == "ER":
            if record is not None:
                add_entry(listing, _fields(record), start, f"PT {' '.join(record.get('PT', []))}")
            record, last = None, None
            continue
        if record is None:
            record, start = {}, number
        record.setdefault(tag, []).append(value)
        last = tag
    if record is not None:
        add_unended_record(listing, _fields(record), start, f"PT {' '.join(record.get('PT', []))}")
    return listing
