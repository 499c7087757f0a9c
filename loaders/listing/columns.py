"""The column names of CSV-like exports: one table of synonyms, and the exporters they reveal.

A header cell is compared in its :func:`column_key` form (lower case, every run of other
characters one space), so ``Document Title``, ``document_title`` and ``DOCUMENT-TITLE`` are one
name. Each field lists its synonyms best first: when an export has several (Scopus's ``Authors``
and ``Author full names``), the first non-empty one in that order is used.
"""

from __future__ import annotations

import re

#: field -> header names that hold it, best first (in column_key form)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "document title",  # IEEE Xplore
        "item title",  # SpringerLink
        "article title",  # Web of Science (current TSV)
        "ti",  # Web of Science tags
        "paper title",
        "display name",  # OpenAlex
    ),
    "authors": (
        "author full names",  # Scopus: "Last, First (id); ..."
        "af",  # Web of Science full names
        "authors",
        "author",
        "au",
        "author s",  # Lens.org "Author/s"
        "author names",
        "authorships author display name",  # OpenAlex
    ),
    "year": ("year", "publication year", "py", "pubyear", "year published"),
    "date": ("date", "publication date", "date published", "published", "issued"),
    "doi": ("doi", "item doi", "di", "doi url"),
    "arxiv": ("arxiv", "arxiv id", "arxivid", "eprint"),
    "s2": ("s2", "s2 id", "paperid", "paper id"),
    "corpus": ("corpusid", "corpus id"),
    "url": (
        "url",
        "link",
        "articleurl",
        "article url",
        "source url",
        "landing page url",
        "pdf link",
    ),
    "abstract": ("abstract", "ab", "abstract note"),
    "venue": (
        "source title",  # Scopus, Lens.org
        "publication title",  # IEEE Xplore, SpringerLink
        "so",
        "source",  # Publish or Perish, Dimensions
        "journal",
        "venue",
        "journal title",
        "container title",
        "primary location source display name",  # OpenAlex
    ),
}

#: exporter -> header names that only its CSVs carry (all must be present)
EXPORTERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Scopus", frozenset({"eid", "source title"})),
    ("IEEE Xplore", frozenset({"document title", "publication year"})),
    ("SpringerLink", frozenset({"item title", "item doi"})),
    ("Web of Science", frozenset({"ut", "ti"})),
    ("Web of Science", frozenset({"ut unique wos id"})),
    ("Dimensions", frozenset({"dimensions url"})),
    ("Dimensions", frozenset({"pubyear"})),
    ("Lens.org", frozenset({"lens id"})),
    ("OpenAlex", frozenset({"display name", "publication year"})),
    ("Publish or Perish", frozenset({"gsrank"})),
    ("Publish or Perish", frozenset({"citesurl"})),
    ("ACM DL", frozenset({"acm url"})),
)

#: fields any one of which makes a header a listing header
IDENTIFYING = ("title", "arxiv", "doi", "s2", "corpus", "url")

_KEY = re.compile(r"[^0-9a-z]+")
_BY_NAME = {name: (fld, rank) for fld, names in SYNONYMS.items() for rank, name in enumerate(names)}


def column_key(header: str) -> str:
    """A header cell in the form the table uses.

    >>> column_key("\\ufeffDocument-Title "), column_key("Author(s) ID")
    ('document title', 'author s id')
    """
    return _KEY.sub(" ", header.lower()).strip()


def column_field(header: str) -> tuple[str, int] | None:
    """(field, rank among its synonyms) a header cell holds, None for a column kept in extra.

    >>> column_field("Publication Year")
    ('year', 1)
    """
    return _BY_NAME.get(column_key(header))


def exporter(headers: list[str]) -> str | None:
    """The tool that wrote a CSV with these header cells, when its columns tell."""
    keys = {column_key(h) for h in headers}
    return next((name for name, needed in EXPORTERS if needed <= keys), None)
