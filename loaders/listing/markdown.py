"""Markdown and plain lists that link papers, and pages copied from huggingface.co/papers.

A paper is what a link points at: an arXiv page, a ``huggingface.co/papers/<id>`` (or relative
``/papers/<id>``) page, or a doi.org URL. The link text names it (``### [title](arxiv link)``);
links elsewhere (navigation, sign-in, sponsors) and text outside links are never papers. A
paper linked several times (thumbnail, title, "3 authors") is one entry whose title is the text
of its heading link, else its longest link text that reads as a title. Lines after a paper's
link such as ``Vote: 38``, ``38 upvotes`` or ``Authors: A, B`` fill in its upvotes and authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.identifiers import MalformedIdentifier, parse_identifier

from .base import Listing
from .record import Fields, add_entry

NAME = "markdown"
_INLINE = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^()\s>]+(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REFERENCE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]]+)\]")
_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_BARE_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]]+|(?<![\w/])(?:arxiv\.org|huggingface\.co|doi\.org)/[^\s<>()\[\]]+",
    re.IGNORECASE,
)
_RELATIVE_HF = re.compile(r"^/papers/([^/?#\s]+)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>|\[\]]+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SEPARATORS = " \t-–—:|·•,;()[]<>\"'"
_VOTES = re.compile(
    r"^\s*[-*]?\s*(?:votes?|upvotes?)\s*[:：]\s*(\d+)\s*$|^\s*(\d+)\s+upvotes?\s*$", re.IGNORECASE
)
#: the upvote button of a huggingface.co/papers card: "[ 38 ](/login?next=%2Fpapers%2F2403.13248)"
#: the upvote button of a huggingface.co/papers card: "[ 38 ](/login?next=%2Fpapers%2F2403.13248)"
_UPVOTE_BUTTON = re.compile(
    r"^\s*\[\s*(\d+)\s*\]\((?:https://huggingface\.co)?/login\?next=%2Fpapers%2F"
)
_AUTHOR_COUNT = re.compile(r"[\s*]*(\d+)\s+authors?\s*", re.IGNORECASE)
_AUTHORS = re.compile(r"^\s*[-*]?\s*authors?\s*[:：]\s*(.+)$", re.IGNORECASE)
_DAY = re.compile(r"^\s{0,3}#{1,6}\s.*?\b(\d{4}-\d{2}-\d{2})\b")
#: link texts that are page furniture, never a title
_NOT_TITLE = re.compile(
    r"^(?:\d+\s+authors?|\d+|arxiv|pdf|abs|html|paper|papers|page|code|project page|view|read more|"
    r"hugging ?face|huggingface\.co|daily papers|submitted by.*|.*upvotes?|comments?|\d+\s+comments?)$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
#: "+", "et al." and "others" stand for more authors, not for an author
_MORE_AUTHORS = re.compile(r"\+|…|\.\.\.|et al\.?|and others|others", re.IGNORECASE)


def sniff(sample: str) -> float:
    """0.8 for markdown links to papers, 0.6 for plain lines that hold a paper URL beside text."""
    links = sum(_paper_id(url) is not None for _, url in _INLINE.findall(sample[:20000]))
    if links:
        return 0.8
    definitions = sum(_paper_id(url) is not None for _, url in _DEFINITION.findall(sample[:20000]))
    if definitions and _REFERENCE.search(sample):
        return 0.8
    lines = [line for line in sample.splitlines()[:200] if _BARE_URL.search(line)]
    beside = sum(_title_beside(line) is not None for line in lines)
    return 0.6 if beside >= 2 and beside * 2 >= len(lines) else 0.0


def _paper_id(url: str) -> tuple[str, str] | None:
    """("arxiv" or "doi", id) that a link target names, None for any other page."""
    m = _RELATIVE_HF.match(url)
    if m:
        url = "https://huggingface.co/papers/" + m.group(1)
    try:
        ident = parse_identifier(url.rstrip(".,;"))
    except MalformedIdentifier:
        return None
    if ident is None:
        return None
    if ident.arxiv_id:
        return "arxiv", ident.arxiv_id
    if ident.doi:
        return "doi", ident.doi
    return None


def _title_text(text: str) -> str | None:
    """Link text as a title, None when it is an image, a count or page furniture."""
    text = _IMAGE.sub(" ", text)
    text = " ".join(_MARKUP.sub(" ", text).split()).strip(_SEPARATORS)
    if (
        len(text) < 4
        or not _LETTER.search(text)
        or _NOT_TITLE.match(text)
        or _BARE_URL.fullmatch(text)
    ):
        return None
    return text


def _title_beside(line: str) -> str | None:
    """The text of a plain line beside the paper URL it holds (``Title - https://arxiv.org/...``)."""
    urls = _BARE_URL.findall(line)
    if not urls or not any(_paper_id(u) for u in urls):
        return None
    rest = _LIST_MARK.sub("", _BARE_URL.sub(" ", line))
    return _title_text(rest)


@dataclass
class _Paper:
    kind: str
    ident: str
    line: int
    titles: list[tuple[int, str]] = field(default_factory=list)  # (rank, text); rank 0 is a heading
    authors: list[str] = field(default_factory=list)
    upvotes: int | None = None
    author_count: int | None = None


def parse(text: str, source: str = "<text>") -> Listing:
    """Parse a markdown or plain list of paper links.

    >>> [e.paper.title for e in parse("### [Mora: Video Agents](https://arxiv.org/abs/2403.13248)\\nVote: 38").entries]
    ['Mora: Video Agents']
    """
    listing = Listing(path=source, format=NAME)
    lines = text.lstrip("\ufeff").splitlines()
    refs = {
        m.group(1).strip().lower(): m.group(2) for line in lines if (m := _DEFINITION.match(line))
    }
    papers: dict[tuple[str, str], _Paper] = {}
    current: _Paper | None = None
    day: str | None = None
    for number, line in enumerate(lines, start=1):
        if _DEFINITION.match(line):
            continue
        if m := _DAY.match(line):
            day = m.group(1)
        links = [(t, u) for t, u in _INLINE.findall(line)]
        links += [
            (t, refs[r.strip().lower()])
            for t, r in _REFERENCE.findall(line)
            if r.strip().lower() in refs
        ]
        heading = bool(_HEADING.match(line))
        if links:
            named = [(url, text, _AUTHOR_COUNT.fullmatch(text)) for text, url in links]
            named = [(url, _title_text(text), count) for url, text, count in named]
        else:  # a plain line: the text beside the URL names the paper
            named = [(url, _title_beside(line), None) for url in _BARE_URL.findall(line)]
        found = False
        for url, title, count in named:
            pid = _paper_id(url)
            if pid is None:
                continue
            found = True
            current = papers.setdefault(pid, _Paper(pid[0], pid[1], number))
            if count:
                current.author_count = int(count.group(1))
            if title:
                current.titles.append((0 if heading else 1, title))
        if found or current is None:
            continue
        if (m := _VOTES.match(line) or _UPVOTE_BUTTON.match(line)) and current.upvotes is None:
            current.upvotes = int(next(g for g in m.groups() if g))
        elif (m := _AUTHORS.match(line)) and not current.authors:
            names = [a.strip() for a in m.group(1).split(",")]
            current.authors = [
                a for a in names if _LETTER.search(a) and not _MORE_AUTHORS.fullmatch(a)
            ]
    for paper in papers.values():
        title = min(paper.titles, key=lambda t: (t[0], -len(t[1])))[1] if paper.titles else None
        fields = Fields(
            title=title,
            authors=paper.authors,
            arxiv=paper.ident if paper.kind == "arxiv" else None,
            doi=paper.ident if paper.kind == "doi" else None,
            upvotes=paper.upvotes,
            author_count=paper.author_count,
            extra={"listed_on": day},
        )
        add_entry(listing, fields, paper.line, lines[paper.line - 1])
    if not papers:
        listing.notes.append("no links to arXiv, Hugging Face paper or doi.org pages found")
    return listing
