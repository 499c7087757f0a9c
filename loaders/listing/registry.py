"""The listing formats we read, and the choice among them: every format module has a ``sniff``
(how much a text looks like it, 0 to 1) and a ``parse``; the best sniff wins.

A new format is a new module and one line in :data:`REGISTRY`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import bibtex, csl_json, csv_format, hf, hf_api, ids, markdown, ris, wos
from .base import Listing, NotAListing
from .foreign import identify

#: how much of a listing detection looks at; every format shows itself in its first entries
SAMPLE_CHARS = 64 * 1024
#: a sniff at least this sure decides the format
CONFIDENT = 0.5


@dataclass(frozen=True)
class Format:
    name: str
    #: what it is, for --help, README and refusals
    what: str
    sniff: Callable[[str], float]
    parse: Callable[..., Listing]
    #: file name endings that break a tie when no sniff is confident
    suffixes: tuple[str, ...] = ()
    #: the parse takes ``listing_year`` (dates without a year)
    dated: bool = False


REGISTRY: tuple[Format, ...] = (
    Format("hf", "Hugging Face Daily Papers page text", hf.sniff, hf.parse_hf, dated=True),
    Format(
        "ids",
        "one arXiv id, DOI, S2 id, URL or title per line",
        ids.sniff,
        ids.parse_ids,
        (".txt",),
    ),
    Format(
        "bibtex",
        "BibTeX / BibLaTeX",
        bibtex.sniff,
        bibtex.parse_bibtex,
        (".bib", ".bibtex", ".biblatex"),
    ),
    Format(
        "csv",
        "CSV / TSV with a header row (Scopus, IEEE, Springer, WoS, ...)",
        csv_format.sniff,
        csv_format.parse,
        (".csv", ".tsv"),
    ),
    Format("ris", "RIS (TY .. ER)", ris.sniff, ris.parse, (".ris",)),
    Format(
        "csl-json", "CSL-JSON (Zotero, Mendeley, citation APIs)", csl_json.sniff, csl_json.parse
    ),
    Format("wos", "Web of Science plain text or tab-delimited", wos.sniff, wos.parse, (".ciw",)),
    Format("hf-json", "Hugging Face daily papers API JSON", hf_api.sniff, hf_api.parse),
    Format(
        "markdown",
        "markdown or plain list with paper links (incl. huggingface.co/papers pages)",
        markdown.sniff,
        markdown.parse,
        (".md", ".markdown"),
    ),
)
BY_NAME = {f.name: f for f in REGISTRY}
FORMATS = tuple(BY_NAME)
#: the format of text no sniff claims
FALLBACK = "ids"


def supported() -> str:
    return ", ".join(FORMATS)


def scores(text: str) -> dict[str, float]:
    sample = text[:SAMPLE_CHARS]
    return {f.name: f.sniff(sample) for f in REGISTRY}


def detect_format(text: str, filename: str | None = None) -> str:
    """The name of the format ``text`` is in; :class:`NotAListing` for JSON, YAML, XML or HTML
    that no format reads.

    >>> detect_format("@article{vaswani2017, title={Attention Is All You Need}}")
    'bibtex'
    >>> detect_format("TY  - JOUR\\nTI  - Attention\\nER  - \\n")
    'ris'
    """
    found = scores(text)
    best = max(found, key=found.get)
    if found[best] >= CONFIDENT:
        return best
    what = identify(text[:SAMPLE_CHARS])
    if what is not None:
        raise NotAListing(
            f"{filename or '<text>'}: looks like {what}, which is not a listing; supported: {supported()}"
        )
    if filename:
        name = filename.lower()
        for fmt in REGISTRY:
            if any(name.endswith(s) for s in fmt.suffixes):
                return fmt.name
    return FALLBACK


def check_selected(text: str, name: str, filename: str) -> None:
    """Refuse a ``--format`` that cannot be right: JSON, YAML, XML or HTML read as a text
    format, or a file another format claims outright read as an id list."""
    sample = text[:SAMPLE_CHARS]
    fmt = BY_NAME[name]
    if fmt.sniff(sample) >= CONFIDENT:
        return
    what = identify(sample)
    if what is not None and not (what == "JSON" and name in ("csl-json", "hf-json")):
        raise NotAListing(
            f"{filename}: looks like {what}, not {fmt.what}; supported: {supported()}"
        )
    if name == FALLBACK:
        found = scores(text)
        other = max(found, key=found.get)
        if found[other] >= 0.95:
            raise NotAListing(
                f"{filename}: looks like {BY_NAME[other].what}, not {fmt.what}: "
                f"use --format {other} or leave --format out"
            )


def parse_with(name: str, text: str, source: str, listing_year: int | None = None) -> Listing:
    fmt = BY_NAME[name]
    if fmt.dated:
        return fmt.parse(text, source, listing_year)
    return fmt.parse(text, source)


def refuse_mostly_malformed(listing: Listing) -> None:
    """:class:`NotAListing` when more than half of a listing's entries are malformed, or when
    a non-empty file holds no entry at all."""
    bad, good = len(listing.problems), len(listing.entries)
    if not bad and not good:
        raise NotAListing(
            f"{listing.path}: not a listing of format {listing.format}: no entries found"
        )
    if bad > good:
        first = listing.problems[0]
        raise NotAListing(
            f"{listing.path}: not a listing of format {listing.format}: {bad} of {bad + good} entries are "
            f"malformed (first, line {first.line}: {first.reason})"
        )
