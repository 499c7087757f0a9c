"""Sentence splitting tuned for abstracts: abbreviations, decimals and citations stay whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants, _parser  # type: ignore[attr-defined]

# A sentence ends at . ! or ? followed by space and something that can start a sentence.
# (the punctuation is consumed, not looked behind for: far faster to scan for)
# (or a lower-case enumerator: "... for person retrieval. (ii) A refined part pooling method.")
_BOUNDARY = re.compile(r"[.!?](\s+)(?=[\"'(\[]?[A-Z0-9]|\((?:i{1,3}|iv|vi{0,3}|[a-f])\)\s)")
#: the arrows written between two figures or two data sets ("74.4% → 83.2%", "GTA5→Cityscapes")
ARROWS = ("→", "->", "⇒")
#: any one of :data:`ARROWS`, as a pattern
ARROW = "(?:" + "|".join(ARROWS) + ")"
#: a "?" between two figures is a "×" or "→" a conversion lost: "256 ? 256", "74.4% ? 83.2%"
_LOST_SYMBOL = re.compile(r"[\d%] \?\s+\d")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|et al|etc|vs|v\.s|cf|Fig|Figs|Eq|Eqs|Sec|No|approx|resp|w\.r\.t|incl|Dr|Mr|Ms|St)\.|\b[A-Z]\.)$"
)
#: how a piece _ABBREVIATIONS matches can end (or a capital and a dot): the cheap first test
_ABBREVIATION_ENDS = (
    *("e.g.", "i.e.", "et al.", "etc.", "vs.", "v.s.", "cf.", "Fig.", "Figs.", "Eq.", "Eqs."),
    *("Sec.", "No.", "approx.", "resp.", "w.r.t.", "incl.", "Dr.", "Mr.", "Ms.", "St."),
)


#: the ASCII whitespace characters other than the space
_ASCII_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _single_spaced(text: str) -> bool:
    """``" ".join(text.split()) == text``, tested without the split: no space at either end,
    none doubled and no other whitespace (every other whitespace character is unprintable)."""
    if text.isascii():
        no_other = not any(map(text.__contains__, _ASCII_SPACES))
    else:
        no_other = text.isprintable()
    return no_other and "  " not in text and not text.startswith(" ") and not text.endswith(" ")


def _ends_in_abbreviation(text: str) -> bool:
    """``_ABBREVIATIONS`` holds at the end of ``text`` (tested first by its endings)."""
    if not (
        text.endswith(_ABBREVIATION_ENDS)
        or (text.endswith(".") and "A" <= text[-2:-1] <= "Z")
        or text.endswith("\n")  # ($ holds before a final line break too)
    ):
        return False
    return _ABBREVIATIONS.search(text, max(0, len(text) - 12)) is not None


def split_sentences(text: str | None) -> list[str]:
    """Split an abstract into sentences (whitespace collapsed).

    >>> split_sentences("We use e.g. ImageNet. It reaches 80.1% top-1.")
    ['We use e.g. ImageNet.', 'It reaches 80.1% top-1.']
    """
    if not text:
        return []
    # LaTeX escapes scraped from arXiv abstracts: "70\\%" is "70%"
    if "\\" in text:
        text = text.replace("\\%", "%").replace("\\&", "&")
    if not _single_spaced(text):
        text = " ".join(text.split())
    pieces = []
    last = 0
    for boundary in _BOUNDARY.finditer(text):
        if text[boundary.start()] == "?" and _LOST_SYMBOL.match(text, boundary.start() - 2):
            continue
        pieces.append(text[last : boundary.start(1)])
        last = boundary.end(1)
    pieces.append(text[last:])
    sentences: list[str] = []
    for piece in pieces:
        # only the end of the previous piece can hold the abbreviation
        if sentences and _ends_in_abbreviation(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def scan_start(text: str, stems: tuple[str, ...], depth: int) -> int | None:
    """Where to start the scan for a pattern every match of which holds one of ``stems`` at
    most ``depth`` characters after its start (None: the text holds none, so no match).

    >>> scan_start("we use the our model", ("our ", "Our "), 0), scan_start("none", ("our ",), 0)
    (11, None)
    """
    places = [at for at in map(text.find, stems) if at >= 0]
    return max(0, min(places) - depth) if places else None


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    r"""``re.search(r"\d", text)``, faster on ASCII text (one search per digit, each far cheaper
    than the pattern's test of every character).

    >>> has_digit("top-1 accuracy"), has_digit("no figure"), has_digit("\uff18\uff10%")
    (True, False, True)
    """
    if text.isascii():
        return any(map(text.__contains__, "0123456789"))
    return _DIGIT.search(text) is not None


#: the characters ``\s`` reads as spaces in Unicode patterns, ASCII ones included: with re.ASCII
#: it reads only " \t\n\r\f\v", so the ASCII pattern spells the set out
_UNICODE_SPACES = " \\t\\n\\r\\f\\v\\x1c-\\x1f"


class AsciiFast:
    r"""A pattern compiled twice, the second time with re.ASCII, which it is searched with on
    ASCII text: there ``\w``, ``\d`` and ``\b`` read every character as in the Unicode pattern,
    ``\s`` and ``\S`` too once spelled out (the Unicode ``\s`` takes the separators \x1c-\x1f),
    and so does re.I unless one of the pattern's non-ASCII characters folds to an ASCII letter
    (the Kelvin sign, the long s: refused); the ASCII pattern tests characters several times
    faster (no Unicode tables).

    >>> AsciiFast(r"\bnet\w*").search("a network").group(0), AsciiFast(r"\w+").search("é b").group(0)
    ('network', 'é')
    >>> AsciiFast(r"a\sb").ascii.pattern, AsciiFast(r"[\s,]").search("\x1d").span()
    ('a[ \\t\\n\\r\\f\\v\\x1c-\\x1f]b', (0, 1))
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        if (flags & re.IGNORECASE or "(?i" in pattern) and _folds_to_ascii(pattern, flags):
            raise ValueError("a case-blind pattern with a character that folds to ASCII")
        self.ascii = re.compile(_spaces_spelled_out(pattern), flags | re.ASCII)
        self.pattern = pattern
        self.flags = self.regex.flags

    def search(self, text: str, *span: int) -> re.Match | None:
        return (self.ascii if text.isascii() else self.regex).search(text, *span)

    def match(self, text: str, *span: int) -> re.Match | None:
        return (self.ascii if text.isascii() else self.regex).match(text, *span)

    def fullmatch(self, text: str, *span: int) -> re.Match | None:
        return (self.ascii if text.isascii() else self.regex).fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[re.Match]:
        return (self.ascii if text.isascii() else self.regex).finditer(text, *span)

    def findall(self, text: str, *span: int) -> list:
        return (self.ascii if text.isascii() else self.regex).findall(text, *span)

    def sub(self, repl: str, text: str, count: int = 0) -> str:
        return (self.ascii if text.isascii() else self.regex).sub(repl, text, count)


def _spaces_spelled_out(pattern: str) -> str:
    r"""``pattern`` with each ``\s`` written as the class of the Unicode ``\s``'s ASCII characters
    (``\S`` as its complement; inside a class, the members)."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escape = pattern[i : i + 2]
            if escape == "\\s":
                out.append(_UNICODE_SPACES if in_class else f"[{_UNICODE_SPACES}]")
            elif escape == "\\S":
                if in_class:
                    raise ValueError("a \\S inside a class")
                out.append(f"[^{_UNICODE_SPACES}]")
            else:
                out.append(escape)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            # ("[]...]", "[^]...]": a first "]" is a member)
            for lead in ("^", "]"):
                if pattern.startswith(lead, i + 1):
                    out.append(lead)
                    i += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _characters(items) -> set[int]:
    """The characters a parsed pattern names: its literals, its classes' members and ranges."""
    out: set[int] = set()
    for op, av in items:
        if op in (_constants.LITERAL, _constants.NOT_LITERAL):
            out.add(av)
        elif op is _constants.RANGE:
            out.update(range(av[0], av[1] + 1))
        elif op is _constants.IN:
            out |= _characters(av)
        else:
            # groups, repeats, look-arounds and branches: the subpatterns inside
            for part in av if isinstance(av, (tuple, list)) else (av,):
                for sub in part if isinstance(part, list) else [part]:
                    if isinstance(sub, _parser.SubPattern):
                        out |= _characters(sub.data)
    return out


def _folds_to_ascii(pattern: str, flags: int) -> bool:
    """A non-ASCII character of ``pattern`` matches an ASCII one case-blind ("K", "ſ")."""
    return any(
        re.fullmatch(re.escape(chr(c)), chr(a), re.IGNORECASE)
        for c in _characters(_parser.parse(pattern, flags))
        if c > 127
        for a in range(128)
    )
