"""The one-entry-per-line format: identifiers, identifier URLs or bare titles.

Identifiers are parsed by :func:`kg.identifiers.parse_identifier` (shared with the CSV and
BibTeX parsers and the resolver); a malformed one is reported with its line and skipped.
"""

from __future__ import annotations

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


def parse_ids(text: str, source: str = "<text>") -> Listing:
    """One entry per line: identifiers, identifier URLs or bare titles; ``#`` starts a comment.

    >>> [e.paper.key for e in parse_ids("arXiv:1706.03762\\nAttention Is All You Need").entries]
    ['arxiv:1706.03762', 'title:attention is all you need']
    """
    listing = Listing(path=source, format="ids")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = _split_comment(line)
        where = f"{source}:{number}"
        try:
            ident = parse_identifier(line)
        except MalformedIdentifier as exc:
            listing.problems.append(problem(source, number, str(exc), raw))
            continue
        if ident is None:
            if normalise_title(line) is None:
                listing.problems.append(
                    problem(source, number, "neither an identifier nor a title", raw)
                )
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
