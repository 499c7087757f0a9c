"""RIS, the tagged format of Zotero, Mendeley, EndNote, IEEE Xplore, Scopus and most publishers::

    TY  - JOUR
    TI  - The European Approach to the Exascale Challenge
    AU  - G. Kalbe
    PY  - 2019
    DO  - 10.1109/MCSE.2018.2884139
    ER  -

A record runs from ``TY`` to ``ER``; a line without a tag continues the field before it.
"""

from __future__ import annotations

import re

from .authors import first_last
from .base import Listing, problem
from .record import Fields, add_entry, add_unended_record

NAME = "ris"
_TAG = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*))?$")
_SNIFF = re.compile(r"^TY  ?- \S", re.MULTILINE)
_END = re.compile(r"^ER  ?-", re.MULTILINE)
#: field -> tags holding it, best first
_TAGS = {
    "title": ("TI", "T1", "CT", "BT"),
    "authors": ("AU", "A1"),
    "editors": ("A2", "ED"),
    "year": ("PY", "Y1", "DA"),
    "date": ("DA", "PY", "Y1"),
    "doi": ("DO",),
    "abstract": ("AB", "N2"),
    "venue": ("T2", "JF", "JO", "SO", "JA", "J2"),
}


def sniff(sample: str) -> float:
    """1 for text with a ``TY  - `` line and an ``ER  -`` line."""
    return 1.0 if _SNIFF.search(sample) and _END.search(sample) else 0.0


def _first(record: dict[str, list[str]], tags: tuple[str, ...]) -> str | None:
    return next((record[t][0] for t in tags if record.get(t) and record[t][0].strip()), None)


def _fields(record: dict[str, list[str]]) -> Fields:
    authors = [a for t in _TAGS["authors"] for a in record.get(t, [])]
    if not authors:  # a record with editors only (a proceedings volume)
        authors = [a for t in _TAGS["editors"] for a in record.get(t, [])]
    extra = {"ris_type": _first(record, ("TY",)), "ris_id": _first(record, ("ID",))}
    return Fields(
        title=_first(record, _TAGS["title"]),
        authors=[first_last(a) for a in authors],
        year=_first(record, _TAGS["year"]),
        date=_first(record, _TAGS["date"]),
        doi=_first(record, _TAGS["doi"]),
        urls=[*record.get("UR", []), *record.get("L1", []), *record.get("L2", [])],
        abstract=_first(record, _TAGS["abstract"]),
        venue=_first(record, _TAGS["venue"]),
        extra=extra,
    )


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse RIS records; text outside a ``TY`` .. ``ER`` record is reported, not read.

    >>> parse("TY  - JOUR\\nTI  - Attention\\nDO  - 10.1000/x\\nER  - \\n").entries[0].paper.key
    'doi:10.1000/x'
    """
    listing = Listing(path=source, format=NAME)
    record: dict[str, list[str]] | None = None
    start = 0
    last: str | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        m = _TAG.match(line)
        if m is None:
            if record is not None and last is not None and record[last]:
                record[last][-1] += " " + line.strip()  # a wrapped value
            else:
                listing.problems.append(
                    problem(source, number, "a line outside any RIS record", raw)
                )
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if record is not None:
                listing.problems.append(
                    problem(
                        source,
                        start,
                        "RIS record without its ER line",
                        f"TY  - {_first(record, ('TY',))}",
                    )
                )
            record, start, last = {"TY": [value]}, number, "TY"
        elif record is None:
            listing.problems.append(problem(source, number, f"{tag} line before any TY line", raw))
        elif tag == "ER":
            add_entry(listing, _fields(record), start, f"TY  - {_first(record, ('TY',))}")
            record, last = None, None
        else:
            record.setdefault(tag, []).append(value)
            last = tag
    if record is not None:
        add_unended_record(listing, _fields(record), start, f"TY  - {_first(record, ('TY',))}")
    return listing
