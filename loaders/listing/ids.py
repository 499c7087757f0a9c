"""The one-entry-per-line format: identifiers, identifier URLs or bare titles.

Identifiers are parsed by :func:`kg.identifiers.parse_identifier` (shared with the other listing
parsers and the resolver); a malformed one is reported with its line and skipped.
"""

from __future__ import annotations

import re

from kg.identifiers import Identifier, MalformedIdentifier, parse_identifier
from kg.keys import normalise_title, paper_key
from kg.model import Paper

from .base import Listing, ListingEntry, problem


def identifier_paper(ident: Identifier, source: str, **fields) -> Paper:
    """A listed Paper known by ``ident`` (plus any other ``fields``), keyed by its best id."""
    title = fields.get("title")
    key = paper_key(
        s2_id=ident.s2_id,
        arxiv_id=ident.arxiv_id,
        doi=ident.doi,
        title=title,
        corpus_id=ident.corpus_id,
    )
    return Paper(
        key=key,
        listed=True,
        s2_id=ident.s2_id,
        arxiv_id=ident.arxiv_id,
        doi=ident.doi,
        corpus_id=ident.corpus_id,
        title_norm=normalise_title(title),
        listing_source=source,
        **fields,
    )


def _split_comment(line: str) -> str:
    """``line`` without a trailing `` # comment`` after an identifier (titles keep their '#')."""
    head, sep, _ = line.partition(" #")
    if sep:
        try:
            if parse_identifier(head) is not None:
                return head.strip()
        except MalformedIdentifier:
            pass
    return line


#: a bare-title line longer than this is a paragraph or a file fragment, not a title
TITLE_MAX_CHARS = 400
#: quotes, brackets and separators around an id copied out of JSON, Python or a CSV cell
_WRAPPERS = re.compile(r"""^[\s"'`\[(<{]+|[\s"'`\])>},;]+$""")
_LETTER = re.compile(r"[^\W\d_]")
_HAS_URL = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
#: "... claim. AI2 does ...": a full stop between words ends a sentence, which a title is not
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?] +[A-Z]")
#: a line of wrapped prose: it ends mid-sentence, or goes on one with a lower-case function word
_PROSE_LINE = re.compile(
    r".*[,;]|(?:the|of|or|and|to|in|for|an?|that|which|by|with|from|is|are|be|not|on|as|any|this|such)\s.*"
)


def sniff(sample: str) -> float:
    """0.2 for any text: an id list is what text no other format claims is read as."""
    return 0.2 if sample.strip() else 0.0


def _unwrap(line: str) -> str:
    """``line`` without quotes, brackets and trailing commas when what is inside is an id.

    >>> _unwrap('"10.1093/nar/gkad960",'), _unwrap("['2401.12345']")
    ('10.1093/nar/gkad960', '2401.12345')
    """
    inner = _WRAPPERS.sub("", line)
    if inner == line or not inner:
        return line
    try:
        return inner if parse_identifier(inner) is not None else line
    except MalformedIdentifier:
        return inner


def _title_problem(line: str) -> str | None:
    if not _LETTER.search(line):
        return "neither an identifier nor a title (no letter)"
    if len(line) > TITLE_MAX_CHARS:
        return f"neither an identifier nor a title ({len(line)} characters, a title has at most {TITLE_MAX_CHARS})"
    if _HAS_URL.search(line):
        return (
            "neither an identifier nor a title (a line of text holding a URL that names no paper)"
        )
    if (
        _SENTENCE_BREAK.search(line)
        or (line.endswith(".") and len(line.split()) >= 6)
        or _PROSE_LINE.fullmatch(line)
    ):
        return "neither an identifier nor a title (reads as prose: sentences, not a title)"
    return None


def parse_ids(text: str, source: str = "<text>") -> Listing:
    """One entry per line: identifiers, identifier URLs or bare titles; ``#`` starts a comment.

    Quotes, brackets and trailing commas around an identifier are dropped. A title line needs a
    letter and at most :data:`TITLE_MAX_CHARS` characters.

    >>> [e.paper.key for e in parse_ids("arXiv:1706.03762\\nAttention Is All You Need").entries]
    ['arxiv:1706.03762', 'title:attention is all you need']
    """
    listing = Listing(path=source, format="ids")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = _unwrap(_split_comment(line))
        where = f"{source}:{number}"
        try:
            ident = parse_identifier(line)
        except MalformedIdentifier as exc:
            listing.problems.append(problem(source, number, str(exc), raw))
            continue
        if ident is None:
            reason = _title_problem(line)
            if reason is None and normalise_title(line) is None:
                reason = "neither an identifier nor a title"
            if reason is not None:
                listing.problems.append(problem(source, number, reason, raw))
                continue
            paper = Paper(
                key=paper_key(title=line),
                listed=True,
                title=line,
                title_norm=normalise_title(line),
                listing_source=where,
            )
        else:
            paper = identifier_paper(ident, where)
        listing.entries.append(ListingEntry(paper=paper))
    return listing
