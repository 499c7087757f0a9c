"""Field values of BibTeX entries as text: ``@string`` concatenation, LaTeX, name lists.

bibtexparser 2 splits a file into blocks and leaves each field's value as written (``{...}``,
``"..."``, a bare ``@string`` name, or parts joined by ``#``). Its own string middleware resolves
only a value that is one bare name, so concatenation is expanded here, in every field and in
``@string`` definitions; name lists are split with its BibTeX name rules, and LaTeX is decoded
with pylatexenc configured the way its decoding middleware is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pylatexenc.latex2text
import pylatexenc.latexwalker
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec

#: BibTeX's predefined month macros
MONTHS = {
    m[:3].lower(): m
    for m in "January February March April May June July August September October November December".split()
}
#: fields holding lists of people
NAME_FIELDS = frozenset(
    {"author", "editor", "translator", "bookauthor", "editora", "editorb", "editorc"}
)
#: fields BibLaTeX treats as verbatim: escapes undone, LaTeX not interpreted (a ~ in a URL is a ~)
VERBATIM_FIELDS = frozenset(
    {"doi", "url", "eprint", "arxivid", "arxiv", "file", "pdf", "urlraw", "pmid"}
)

_SPACE = re.compile(r"\s+")
_ESCAPED = re.compile(r"\\([_%&#$~{}])")
_OTHERS = re.compile(r"^(?:others|et\.?\s*al\.?)$", re.IGNORECASE)
_TRAILING_ET_AL = re.compile(r"\s*,?\s+et\.?\s*al\.?$", re.IGNORECASE)
_JR = re.compile(r"^(?:jr|sr|ii|iii|iv|v)\.?$", re.IGNORECASE)


def _decoder() -> LatexNodes2Text:
    context = pylatexenc.latex2text.get_default_latex_context_db()
    context.add_context_category(
        "kg-bibtex", prepend=True, macros=[MacroTextSpec("url", simplify_repl="%s")]
    )
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="verbatim")


_LATEX = _decoder()
#: one parsing context for every call (pylatexenc otherwise builds its default one each time)
_WALKER_CONTEXT = pylatexenc.latexwalker.get_default_latex_context_db()


def expand(value: str, strings: dict[str, str]) -> str:
    """A raw field value with its delimiters removed, ``@string`` names replaced and ``#`` parts
    joined (``strings`` keys are lower-case: BibTeX names are case-insensitive).

    >>> expand('jean # " " # cesar', {"jean": "Jean", "cesar": "César"})
    'Jean César'
    >>> expand("{Deep {GAN}s}", {}), expand("jan", {}), expand("2004", {})
    ('Deep {GAN}s', 'January', '2004')
    """
    parts: list[str] = []
    i, n = 0, len(value)
    while i < n:
        char = value[i]
        if char.isspace() or char == "#":
            i += 1
        elif char == "{":
            end = _closing_brace(value, i)
            parts.append(value[i + 1 : end])
            i = end + 1
        elif char == '"':
            end = _closing_quote(value, i)
            parts.append(value[i + 1 : end])
            i = end + 1
        else:
            end = i
            while end < n and not value[end].isspace() and value[end] != "#":
                end += 1
            word = value[i:end]
            parts.append(strings.get(word.lower(), MONTHS.get(word.lower(), word)))
            i = end
    return "".join(parts)


_DELIMITER = re.compile(r'(?<!\\)[{}"]')


def _closing_brace(text: str, start: int) -> int:
    """Index of the brace closing the one at ``start`` (the end of ``text`` if unbalanced)."""
    depth = 0
    for match in _DELIMITER.finditer(text, start):
        char = match.group(0)
        if char != '"':
            depth += 1 if char == "{" else -1
            if depth == 0:
                return match.start()
    return len(text)


def _closing_quote(text: str, start: int) -> int:
    """Index of the quote closing the one at ``start``, outside braces."""
    depth = 0
    for match in _DELIMITER.finditer(text, start + 1):
        char = match.group(0)
        if char == '"' and depth <= 0:
            return match.start()
        if char != '"':
            depth += 1 if char == "{" else -1
    return len(text)


def expand_strings(definitions: list[tuple[str, str]]) -> dict[str, str]:
    """``@string`` definitions in file order, each expanded with those before it.

    >>> expand_strings([("a", '"x"'), ("B", 'a # "y"')])
    {'a': 'x', 'b': 'xy'}
    """
    strings: dict[str, str] = {}
    for name, raw in definitions:
        strings[name.lower()] = expand(raw, strings)
    return strings


def text(value: str) -> str:
    r"""LaTeX-decoded text on one line, without leftover braces.

    >>> print(text(r"Universal {\"u}ber {GAN}s -- a  survey of $O(n \log n)$ \emph{sorts}"))
    Universal über GANs – a survey of $O(n \log n)$ sorts
    """
    if "\\" in value:
        value = _LATEX_ATOM.sub(lambda m: m.group(1) or _decoded_span(m.group(0)), value)
    for latex, plain in _LIGATURES:
        value = value.replace(latex, plain)
    return _SPACE.sub(" ", value.replace("{", "").replace("}", "")).strip()


_LIGATURES = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"), ("~", " "))
# What pylatexenc decodes, one piece at a time (a whole abstract at once costs it tens of
# milliseconds): math kept as written (group 1), a braced group holding a command, a command
# with its braced arguments, a control symbol with its argument (\'e, \"{u}, \%).
_LATEX_ATOM = re.compile(
    r"(?<!\\)(\$[^$]*\$)"
    r"|\{[^{}]*\\[^{}]*\}"
    r"|\\[a-zA-Z]+\*?(?:\{[^{}]*\})*"
    r"|\\[^a-zA-Z\s](?:\{[^{}]*\}|[a-zA-Z])?"
)


@functools.lru_cache(maxsize=65536)
def _decoded_span(span: str) -> str:
    try:
        return _LATEX.latex_to_text(span, latex_context=_WALKER_CONTEXT, tolerant_parsing=True)
    except Exception:  # noqa: BLE001 - undecodable LaTeX is kept as written
        return span


def verbatim(value: str) -> str:
    r"""A verbatim field (URL, DOI, eprint): escapes undone, braces and spaces removed.

    >>> verbatim(r"https://x.org/a\_b?c=\%20&d={}")
    'https://x.org/a_b?c=%20&d='
    """
    value = _ESCAPED.sub(r"\1", value)
    return _SPACE.sub("", value.replace("{", "").replace("}", ""))


@dataclass
class People:
    """A decoded name list; ``more`` when it ends in ``and others`` / ``et al.``."""

    names: list[str]
    more: bool = False


def people(value: str) -> People:
    """Names of a BibTeX name list as "First von Last, Jr", best effort where BibTeX would refuse.

    >>> people("Vaswani, Ashish and Noam Shazeer and {Google Brain} and others")
    People(names=['Ashish Vaswani', 'Noam Shazeer', 'Google Brain'], more=True)
    >>> people("Alice Smith, Bob Jones, and Carol White").names
    ['Alice Smith', 'Bob Jones', 'Carol White']
    """
    more = False
    names: list[str] = []
    for piece in _pieces(value):
        if _TRAILING_ET_AL.search(piece):
            piece, more = _TRAILING_ET_AL.sub("", piece), True
        if _OTHERS.match(text(piece)):
            more = True
            continue
        name = _name(piece)
        if name:
            names.append(name)
    return People(names, more)


def _pieces(value: str) -> list[str]:
    """The names of a list: split on ``and``, and on commas where the list is comma-separated."""
    try:
        pieces = split_multiple_persons_names(value)
    except Exception:  # noqa: BLE001 - the parser's splitter gave up: split on "and" ourselves
        pieces = re.split(r"\s+and\s+", value, flags=re.IGNORECASE)
    out: list[str] = []
    for piece in pieces:
        out.extend(_comma_list(piece) if _is_comma_list(piece) else [piece])
    return out


def _is_comma_list(piece: str) -> bool:
    """ "A, B, C" or "A, B," (the list "A, B, and C"): not one name in "Last, Jr, First" form."""
    parts = [p.strip() for p in _top_level_commas(piece)]
    if len(parts) < 2:
        return False
    if parts[-1] == "":
        return True
    return len(parts) > 3 or (len(parts) == 3 and not _JR.match(parts[1]))


def _comma_list(piece: str) -> list[str]:
    parts = [p.strip() for p in _top_level_commas(piece) if p.strip()]
    if parts and all(" " not in p for p in parts) and len(parts) % 2 == 0:
        # "Last, First, Last, First": pairs
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return parts


def _top_level_commas(piece: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(piece):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(piece[start:i])
            start = i + 1
    parts.append(piece[start:])
    return parts


def _name(piece: str) -> str:
    try:
        parts = parse_single_name_into_parts(piece, strict=False)
    except Exception:  # noqa: BLE001 - a name BibTeX cannot split is kept as written
        return text(piece)
    name = " ".join(w for w in (*parts.first, *parts.von, *parts.last) if w)
    if parts.jr:
        name += ", " + " ".join(parts.jr)
    return text(name)
