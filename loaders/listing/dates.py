"""Years and dates as listings write them: ``2014``, ``2014-07-25``, ``May 1979``, ``[1990] 2002``.

A year is a four-digit number between :data:`FIRST_YEAR` and :data:`LAST_YEAR`; text with no
such number has no year (the caller keeps the text and says so, it does not guess).
"""

from __future__ import annotations

import re

FIRST_YEAR = 1400
LAST_YEAR = 2100

_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_BRACKETED = re.compile(r"\[[^\]]*\]")
# ISO 8601 / EDTF as BibLaTeX writes `date`: 2014, 2014-07, 2014-07-25, ranges "a/b", "2005~"
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[/~?%T\s])")


def _plausible(text: str) -> int | None:
    for match in _FOUR_DIGITS.finditer(text):
        year = int(match.group(1))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return year
    return None


def year_in(text: str | None) -> int | None:
    """The year ``text`` names; a bracketed year (the original of a reprint) only when no other.

    >>> year_in("May 1979"), year_in("[1990] 2002"), year_in("6"), year_in("2001--2002")
    (1979, 2002, None, 2001)
    """
    if not text:
        return None
    return _plausible(_BRACKETED.sub(" ", text)) or _plausible(text)


def date_in(text: str | None) -> tuple[int | None, str | None]:
    """Year and ISO date ("YYYY-MM-DD" or "YYYY-MM") of a date such as BibLaTeX's ``date``.

    A range gives its start; a date that is not ISO gives its year only.

    >>> date_in("2014-07-25"), date_in("2016-02/2016-03"), date_in("2005"), date_in("Spring 2005")
    ((2014, '2014-07-25'), (2016, '2016-02'), (2005, None), (2005, None))
    """
    if not text:
        return None, None
    text = text.strip()
    match = _ISO_DATE.match(text)
    if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        year, month, day = match.groups()
        if month and 1 <= int(month) <= 12 and (day is None or 1 <= int(day) <= 31):
            return int(year), "-".join(p for p in (year, month, day) if p)
        return int(year), None
    return year_in(text), None
