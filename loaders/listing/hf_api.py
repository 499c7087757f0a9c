"""The Hugging Face papers API JSON (``/api/daily_papers``, ``/api/papers/search``): a list of
items ``{paper: {id, title, summary, authors[{name}], publishedAt, upvotes}, ...}``; the
``/api/papers/<id>`` object (the paper itself, no wrapper) is read too."""

from __future__ import annotations

import re

from .base import Listing
from .json_items import parse_json_listing
from .record import Fields

NAME = "hf-json"
_START = re.compile(r'\s*[\[{]\s*[{"]')
_PAPER = re.compile(r'"paper"\s*:\s*\{')


def sniff(sample: str) -> float:
    """1 for a JSON list of ``{"paper": {...}}`` items, or of papers with ``summary`` and ``upvotes``."""
    sample = sample.lstrip("\ufeff")
    if not _START.match(sample):
        return 0.0
    if _PAPER.search(sample) and '"title"' in sample:
        return 1.0
    return 1.0 if '"summary"' in sample and '"upvotes"' in sample and '"id"' in sample else 0.0


def _paper(item: dict) -> dict:
    inner = item.get("paper")
    return inner if isinstance(inner, dict) else item


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse the API's JSON; each paper's ``id`` is its arXiv id.

    >>> parse('[{"paper": {"id": "2403.13248", "title": "Mora", "upvotes": 38}}]').entries[0].paper.key
    'arxiv:2403.13248'
    """
    return parse_json_listing(text, source, NAME, _read)


def _read(item: dict) -> tuple[Fields, str]:
    paper = _paper(item)
    authors = [
        a.get("name") for a in paper.get("authors") or [] if isinstance(a, dict) and a.get("name")
    ]
    upvotes = paper.get("upvotes")
    published = paper.get("publishedAt") or item.get("publishedAt")
    ident = paper.get("id")
    fields = Fields(
        title=paper.get("title") or item.get("title"),
        authors=[str(a) for a in authors],
        date=published if isinstance(published, str) else None,
        arxiv=str(ident) if ident else None,
        abstract=paper.get("summary") or item.get("summary"),
        upvotes=upvotes if isinstance(upvotes, int) and upvotes >= 0 else None,
        extra={
            "hf_submitted_on": item.get("publishedAt") if item is not paper else None,
            "github": paper.get("githubRepo"),
            "organisation": (paper.get("organization") or {}).get("fullname")
            if isinstance(paper.get("organization"), dict)
            else None,
        },
    )
    return fields, str(paper.get("title") or ident or "")[:80]
