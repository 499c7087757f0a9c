"""CSL-JSON, what Zotero and Mendeley export and citation APIs (Crossref, doi.org) return: an
array of items with ``title``, ``author[{family, given, literal}]``, ``issued.date-parts``,
``DOI``, ``URL``, ``container-title`` and ``abstract``."""

from __future__ import annotations

import json
import re

from .base import Listing
from .json_items import parse_json_listing
from .record import Fields

NAME = "csl-json"
_SNIFF = re.compile(r'"(?:issued|date-parts|container-title|citation-key|author)"\s*:')
_START = re.compile(r'\s*[\[{]\s*[{"]')


def sniff(sample: str) -> float:
    """1 for a JSON array or object whose keys are CSL's (``issued``, ``container-title``, ...)."""
    sample = sample.lstrip("\ufeff")
    if not _START.match(sample) or '"title"' not in sample:
        return 0.0
    return 1.0 if len(set(_SNIFF.findall(sample))) >= 2 and '"paper"' not in sample else 0.0


def _text(value: object) -> str | None:
    if isinstance(value, list):  # Crossref gives titles and venues as one-item lists
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value if isinstance(value, str) else None


def _name(person: object) -> str | None:
    if not isinstance(person, dict):
        return None
    if person.get("literal"):
        return str(person["literal"])
    parts = [person.get("given"), person.get("non-dropping-particle"), person.get("family")]
    name = " ".join(str(p) for p in parts if p)
    if name and person.get("suffix"):
        name += f", {person['suffix']}"
    return name or None


def _date(item: dict) -> tuple[object, str | None]:
    """(year, ISO date) from ``issued`` (``date-parts``, ``raw`` or ``literal``)."""
    issued = item.get("issued") or item.get("published-print") or item.get("published-online") or {}
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            first = parts[0]
            try:
                numbers = [int(p) for p in first[:3]]
            except (TypeError, ValueError):
                return str(first[0]), None
            date = (
                "-".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(numbers))
                if len(numbers) > 1
                else None
            )
            return numbers[0], date
        raw = issued.get("raw") or issued.get("literal")
        return raw, raw
    if isinstance(issued, str):
        return issued, issued
    return None, None


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse a CSL-JSON array (a single item object is read too).

    >>> parse('[{"type": "article", "title": "Attention", "DOI": "10.1000/x", "issued": {"date-parts": [[2017, 6]]}}]').entries[0].paper.publication_date
    '2017-06'
    """
    return parse_json_listing(text, source, NAME, _read)


def _read(item: dict) -> tuple[Fields, str]:
    year, date = _date(item)
    authors = [n for n in (_name(p) for p in item.get("author") or []) if n]
    fields = Fields(
        title=_text(item.get("title")),
        authors=authors,
        year=year,
        date=date,
        doi=_text(item.get("DOI")),
        urls=[u for u in (_text(item.get("URL")),) if u],
        abstract=_text(item.get("abstract")),
        venue=_text(item.get("container-title")),
        extra={
            "csl_type": item.get("type"),
            "csl_id": str(item["id"]) if item.get("id") is not None else None,
        },
    )
    arxiv = _text(item.get("arxiv") or item.get("arXiv"))
    note = _text(item.get("number")) if item.get("type") in ("article", "report") else None
    fields.arxiv = arxiv or (note if note and note.lower().startswith("arxiv:") else None)
    return fields, _text(item.get("title")) or json.dumps(item)[:80]
