"""The items of a JSON array listing, each with the line it starts on (for problem reports)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .base import Listing, problem
from .record import Fields, add_entry

_SPACE = re.compile(r"[\s,]*")
_DECODER = json.JSONDecoder()


class JSONListingError(ValueError):
    """The text is not a JSON array (or object) we can read items from."""


def json_items(text: str) -> list[tuple[int, object]]:
    """(line, item) for each item of the top-level array; a single object is one item.

    >>> json_items('[\\n {"a": 1},\\n {"b": 2}\\n]')
    [(2, {'a': 1}), (3, {'b': 2})]
    """
    text = text.lstrip("\ufeff")
    start = len(text) - len(text.lstrip())
    if text[start : start + 1] == "{":
        try:
            item, _ = _DECODER.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            raise JSONListingError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        return [(text.count("\n", 0, start) + 1, item)]
    if text[start : start + 1] != "[":
        raise JSONListingError("expected a JSON array of items")
    items: list[tuple[int, object]] = []
    pos, line = start + 1, text.count("\n", 0, start) + 1
    counted = start
    while True:
        pos = _SPACE.match(text, pos).end()
        if pos >= len(text):
            raise JSONListingError("the JSON array is not closed")
        if text[pos] == "]":
            return items
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            item, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise JSONListingError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
        items.append((line, item))


def parse_json_listing(
    text: str, source: str, name: str, read: Callable[[dict], tuple[Fields, str]]
) -> Listing:
    """A listing of the items of a JSON array, each object turned into fields by ``read``
    (which also returns the text a problem quotes); an item that is no object is a problem."""
    listing = Listing(path=source, format=name)
    try:
        items = json_items(text)
    except JSONListingError as exc:
        listing.problems.append(problem(source, 1, str(exc), text[:80]))
        return listing
    for line, item in items:
        if not isinstance(item, dict):
            listing.problems.append(
                problem(source, line, "item is not an object", json.dumps(item)[:80])
            )
            continue
        fields, quoted = read(item)
        add_entry(listing, fields, line, quoted)
    return listing
