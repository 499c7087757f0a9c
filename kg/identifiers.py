"""Paper identifiers: every form a user or a listing writes them in, parsed in one place.

Understood: arXiv ids (``2401.12345``, ``2401.12345v2``, ``hep-th/9901001``, ``arXiv:...``),
arXiv URLs (abs, pdf, html, format), Hugging Face paper URLs (``huggingface.co/papers/<id>``,
``hf.co/papers/<id>``), DOIs (``10.x/y``, ``doi:...``, doi.org URLs; case-insensitive), Semantic
Scholar paper ids (40 hex digits) and URLs, and ``CorpusId:<n>``.

:func:`parse_identifier` recognises an identifier or a URL that holds one, returns None for text
that is not an identifier (a title), and raises :class:`MalformedIdentifier` for text that looks
like an identifier but is not a valid one, so that a typo is reported instead of becoming a paper
titled "arxiv.org/abs/2401.1234". The listing parsers and the resolver both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from kg.errors import InputError


class MalformedIdentifier(InputError):
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


__all__ = [
    "Identifier",
    "MalformedIdentifier",
    "normalise_arxiv_id",
    "normalise_doi",
    "parse_identifier",
]
