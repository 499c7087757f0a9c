"""Refresh: ask S2 again for what changes (paper records with their counts, authors, reference
and citation pages) once the cached answers are older than a given age. New citing papers are added
(their CITES edges get ``first_seen`` = now); nothing is removed, and edges already held keep
the date they were first seen.

    options = refresh_options(EnrichOptions(), parse_age("7d"))
    plan_requests(papers, options)       # what the refresh will ask, printed first
"""

from __future__ import annotations

import dataclasses
import re

from loaders.s2.run import EnrichOptions

#: the cache kinds a refresh asks again: records (citation counts), the two lists, and the
#: authors (a few batches; keeping them cached would leave the plan unable to tell which ones the
#: refreshed records name, and the plan is exact)
REFRESHED_KINDS = ("paper", "author", "references", "citations")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 7 * 86_400}
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.IGNORECASE)


def parse_age(text: str) -> float:
    """Seconds in an age such as ``7d``, ``12h``, ``2w``, ``30m``, ``0s``.

    >>> parse_age("7d"), parse_age("12h"), parse_age("1.5w")
    (604800.0, 43200.0, 907200.0)
    """
    found = _AGE.match(str(text))
    if not found:
        raise ValueError(f"expected an age like 7d, 12h, 2w, 30m or 0s, got {text!r}")
    return float(found.group(1)) * _UNITS[found.group(2).lower()]


def refresh_options(options: EnrichOptions, older_than: float) -> EnrichOptions:
    """``options`` with the cached records and lists older than ``older_than`` seconds expired
    (other kinds keep their expiry)."""
    ttl = {**(options.cache_ttl or {}), **dict.fromkeys(REFRESHED_KINDS, float(older_than))}
    return dataclasses.replace(options, cache_ttl=ttl)
