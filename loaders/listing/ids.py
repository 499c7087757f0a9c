"""Paper identifiers (arXiv, DOI, Semantic Scholar, CorpusId) and the one-entry-per-line format.

:func:`parse_identifier` is shared by the CSV and BibTeX parsers: it recognises an identifier or
a URL that holds one, returns None for text that is not an identifier (a title), and raises
:class:`MalformedIdentifier` for text that looks like an identifier but is not a valid one, so
that a typo is reported instead of becoming a paper titled "arxiv.org/abs/2401.1234".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from kg.model import Paper, normalise_title, paper_key

from .base import Listing, ListingEntry, problem


class MalformedIdentifier(ValueError):
    """Text that looks like a paper identifier but is not a valid one."""


@dataclass(frozen=True)
class Identifier:
    """One identifier; exactly one field is set."""

    arxiv_id: str | None = None
    doi: str | None = None
    s2_id: str | None = None
    corpus_id: int | None = None


# New style YYMM.NNNN(N) since 2007, old style archive(.SUBJ)/YYMMNNN before; version optional.
_ARXIV_NEW = re.compile(r"(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v\d+)?", re.ASCII)
_ARXIV_OLD = re.compile(
    r"([a-z]+(?:-[a-z]+)*(?:\.[a-z]{2})?)/(\d{7})(?:v\d+)?", re.ASCII | re.IGNORECASE
)
_ARXIV_PREFIX = re.compile(r"arxiv:\s*(.*)", re.IGNORECASE | re.DOTALL)
_ARXIV_URL = re.compile(
    r"(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|format)/(.*)", re.IGNORECASE
)
_HF_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/papers/(.*)", re.IGNORECASE
)
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.ASCII)
_DOI_LIKE = re.compile(r"10\.\d+\S*", re.ASCII)
_DOI_PREFIX = re.compile(r"doi:\s*(.*)", re.IGNORECASE | re.DOTALL)
_DOI_URL = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(.*)", re.IGNORECASE)
_S2_URL = re.compile(
    r"(?:https?://)?(?:www\.|api\.)?semanticscholar\.org/(?:graph/v1/)?paper/(.*)", re.IGNORECASE
)
_HEX40 = re.compile(r"[0-9a-f]{40}", re.ASCII | re.IGNORECASE)
_HEX_LIKE = re.compile(r"[0-9a-f]{24,64}", re.ASCII | re.IGNORECASE)
_CORPUS = re.compile(r"corpus_?id\s*:\s*(.*)", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,12}", re.ASCII)
_ARXIV_LIKE = re.compile(r"\d{4}\.\d+(?:v\d*)?", re.ASCII)
_URL_LIKE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def normalise_arxiv_id(text: str) -> str | None:
    """The arXiv id in ``text`` without version or ``.pdf``, lower-case; None if it is none.

    >>> normalise_arxiv_id("hep-th/9901001v2.pdf")
    'hep-th/9901001'
    """
    text = text.strip().rstrip("/")
    if text.lower().endswith(".pdf"):
        text = text[:-4]
    m = _ARXIV_NEW.fullmatch(text)
    if m:
        yymm = int(m.group(1) + m.group(2))
        digits = m.group(3)
        # 4-digit numbers until 1412, 5-digit since 1501: anything else is a typo; numbering
        # starts at 1, so 2305.00000 is a placeholder
        if (len(digits) == 4) != (yymm < 1501) or yymm < 704 or not digits.strip("0"):
            return None
        return f"{m.group(1)}{m.group(2)}.{digits}"
    m = _ARXIV_OLD.fullmatch(text)
    if m:
        return f"{m.group(1).lower()}/{m.group(2)}"
    return None


def normalise_doi(text: str) -> str | None:
    """A DOI without URL or ``doi:`` prefix, lower-case; None if ``text`` is not one.

    >>> normalise_doi("https://doi.org/10.1145/3292500.3330701")
    '10.1145/3292500.3330701'
    """
    text = unquote(text.strip())
    for pattern in (_DOI_URL, _DOI_PREFIX):
        m = pattern.fullmatch(text)
        if m:
            text = m.group(1).strip()
            break
    return text.lower() if _DOI.fullmatch(text) else None


def _url_tail(rest: str) -> str:
    """The path part of a URL remainder, without query string or fragment."""
    return re.split(r"[?#]", rest, maxsplit=1)[0].strip().rstrip("/")


def parse_identifier(text: str) -> Identifier | None:
    """The identifier ``text`` holds, None for text that is not an identifier (e.g. a title).

    Raises :class:`MalformedIdentifier` for text that looks like an identifier but is invalid.

    >>> parse_identifier("https://arxiv.org/pdf/2401.12345v2.pdf")
    Identifier(arxiv_id='2401.12345', doi=None, s2_id=None, corpus_id=None)
    """
    text = text.strip()
    if not text:
        return None
    for pattern, what in (
        (_ARXIV_URL, "arXiv URL"),
        (_HF_URL, "Hugging Face paper URL"),
        (_ARXIV_PREFIX, "arXiv id"),
    ):
        m = pattern.fullmatch(text)
        if m:
            arxiv = normalise_arxiv_id(_url_tail(m.group(1)))
            if arxiv is None:
                raise MalformedIdentifier(
                    f"malformed {what}: expected an arXiv id such as 2401.12345 or hep-th/9901001"
                )
            return Identifier(arxiv_id=arxiv)
    m = _S2_URL.fullmatch(text)
    if m:
        tail = _url_tail(m.group(1))
        last = tail.rsplit("/", 1)[-1]
        if _HEX40.fullmatch(last):
            return Identifier(s2_id=last.lower())
        corpus = _CORPUS.fullmatch(last)
        if corpus and _DIGITS.fullmatch(corpus.group(1)):
            return Identifier(corpus_id=int(corpus.group(1)))
        raise MalformedIdentifier(
            "malformed Semantic Scholar URL: expected /paper/<slug>/<40-hex paper id>"
        )
    m = _CORPUS.fullmatch(text)
    if m:
        if not _DIGITS.fullmatch(m.group(1).strip()):
            raise MalformedIdentifier("malformed CorpusId: expected CorpusId:<digits>")
        return Identifier(corpus_id=int(m.group(1).strip()))
    for pattern in (_DOI_URL, _DOI_PREFIX):
        m = pattern.fullmatch(text)
        if m:
            doi = normalise_doi(m.group(1))
            if doi is None:
                raise MalformedIdentifier("malformed DOI: expected 10.<registrant>/<suffix>")
            return Identifier(doi=doi)
    if _DOI_LIKE.fullmatch(text):
        doi = normalise_doi(text)
        if doi is None:
            raise MalformedIdentifier("malformed DOI: expected 10.<registrant>/<suffix>")
        return Identifier(doi=doi)
    arxiv = normalise_arxiv_id(text)
    if arxiv is not None:
        return Identifier(arxiv_id=arxiv)
    if _ARXIV_LIKE.fullmatch(text):
        raise MalformedIdentifier(
            "malformed arXiv id: expected YYMM.NNNN (until 2014) or YYMM.NNNNN"
        )
    if _HEX40.fullmatch(text):
        return Identifier(s2_id=text.lower())
    if _HEX_LIKE.fullmatch(text) and any(c.isdigit() for c in text):
        raise MalformedIdentifier(
            f"malformed Semantic Scholar paper id: expected 40 hex digits, found {len(text)}"
        )
    if _URL_LIKE.fullmatch(text):
        raise MalformedIdentifier(
            "unrecognised URL: expected an arXiv, Hugging Face, doi.org or Semantic Scholar paper URL"
        )
    return None


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
