"""Content that is not a listing: JSON, YAML, XML and HTML are recognised so that they are
refused with one line naming what they look like, instead of becoming papers titled ``{``."""

from __future__ import annotations

import re

_XML = re.compile(r"\s*<\?xml\b", re.IGNORECASE)
_HTML = re.compile(
    r"\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"\s*<([A-Za-z][\w:.-]*)[^>]*>")
_JSON = re.compile(r'\s*(?:\{\s*(?:"|\})|\[\s*(?:[\[{"\]\d-]|true|false|null))')
_BLOCK_KEY = re.compile(r"[A-Za-z_][\w-]*:\s*")
_YAML_KEY = re.compile(r"(?:- )?[A-Za-z_][\w-]*:(?: |$)")


def identify(sample: str) -> str | None:
    """ "JSON", "YAML", "XML" or "HTML" when ``sample`` is one, else None.

    >>> identify('{"data": []}'), identify("interactions:\\n- request:\\n    body: ''\\n"), identify("2401.12345")
    ('JSON', 'YAML', None)
    """
    sample = sample.lstrip("\ufeff")
    if _HTML.match(sample):
        return "HTML"
    if _XML.match(sample):
        return "XML"
    tag = _TAG.match(sample)
    if tag and f"</{tag.group(1)}>" in sample:
        return "XML"
    if _JSON.match(sample):
        return "JSON"
    if _is_yaml(sample):
        return "YAML"
    return None


def _is_yaml(sample: str) -> bool:
    """A ``---`` document start, or mostly ``key: value`` lines with several distinct keys and
    nesting (an id list of ``doi: 10.x/y`` lines has one key and none)."""
    lines = [
        line
        for line in sample.splitlines()[:200]
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return False
    if lines[0].strip() in ("---", "%YAML") or lines[0].startswith("%YAML"):
        return True
    if _BLOCK_KEY.fullmatch(lines[0]) and len(lines) > 1 and lines[1][:1] in (" ", "-"):
        return True  # "interactions:" opening a nested block
    keyed = [line for line in lines if _YAML_KEY.match(line.strip())]
    keys = {line.strip().removeprefix("- ").split(":", 1)[0] for line in keyed}
    nested = any(line[:1] in (" ", "-") for line in keyed)
    return len(keyed) >= 0.6 * len(lines) and len(keys) >= 3 and nested
