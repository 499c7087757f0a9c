"""The graph schema (v1) as pydantic models: the single source of truth.

Every node model has a unique ``key``; every relationship model names its endpoints by their
keys (``src``, ``dst``) and carries ``source`` (``listing``, ``s2`` or ``extract:<rule>``).
The stores derive their DDL, constraints and upsert statements from these classes
(:mod:`kg.schema`), so adding a property here is all it takes to store it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, model_validator


class Node(BaseModel):
    """A graph node; ``key`` is its unique identity."""

    model_config = ConfigDict(extra="forbid")

    label: ClassVar[str]
    #: properties a lookup index is created on (besides the key)
    indexed: ClassVar[tuple[str, ...]] = ()
    #: integer properties the stores keep up to date on every write (:mod:`kg.counts`); never
    #: set by a record, 0 on a new node, and indexed so rankings can read them in order
    counts: ClassVar[tuple[str, ...]] = ()

    key: str


class Paper(Node):
    label: ClassVar[str] = "Paper"
    indexed: ClassVar[tuple[str, ...]] = (
        "s2_id", "arxiv_id", "doi", "title_norm", "year", "listed", "citation_count", "pagerank",
    )  # fmt: skip
    #: papers in this graph citing it; listed papers citing it
    counts: ClassVar[tuple[str, ...]] = ("cited_in_graph", "cited_by_listed")

    s2_id: str | None = None
    corpus_id: int | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    title: str | None = None
    title_norm: str | None = None
    abstract: str | None = None
    year: int | None = None
    #: ISO date "YYYY-MM-DD" (or "YYYY-MM" when the day is unknown)
    publication_date: str | None = None
    venue: str | None = None
    citation_count: int | None = None
    influential_citation_count: int | None = None
    reference_count: int | None = None
    fields_of_study: list[str] | None = None
    tldr: str | None = None
    url: str | None = None
    pdf_url: str | None = None
    listed: bool | None = None
    upvotes: int | None = None
    author_count: int | None = None
    organisation: str | None = None
    #: where the listing entry came from, "file:line"
    listing_source: str | None = None
    #: extra CSV columns and other listing fields, as a JSON object
    extra: str | None = None
    #: enrichment state: None (never tried), "ok", "not_found", "rejected:<reason>", "retry:<reason>"
    s2_status: str | None = None
    s2_match_confidence: float | None = None
    s2_match_evidence: str | None = None
    #: True when S2 cut the citation or reference list (offset cap or --max-citations)
    citations_truncated: bool | None = None
    enriched_at: str | None = None
    pagerank: float | None = None
    community: int | None = None

    @model_validator(mode="after")
    def _fill_title_norm(self) -> Paper:
        if self.title and not self.title_norm:
            self.title_norm = normalise_title(self.title)
        return self


class Author(Node):
    label: ClassVar[str] = "Author"
    indexed: ClassVar[tuple[str, ...]] = ("s2_id", "name")
    #: listed papers they wrote; the sum of those papers' S2 citation counts
    counts: ClassVar[tuple[str, ...]] = ("listed_papers", "listed_citations")

    s2_id: str | None = None
    name: str | None = None
    aliases: list[str] | None = None
    affiliations: list[str] | None = None
    h_index: int | None = None
    paper_count: int | None = None
    citation_count: int | None = None


class Method(Node):
    label: ClassVar[str] = "Method"
    indexed: ClassVar[tuple[str, ...]] = ("name",)

    name: str | None = None
    aliases: list[str] | None = None


class Benchmark(Node):
    label: ClassVar[str] = "Benchmark"
    indexed: ClassVar[tuple[str, ...]] = ("name",)

    name: str | None = None
    aliases: list[str] | None = None
    #: "dataset" or "benchmark"
    kind: str | None = None


class Relationship(BaseModel):
    """A directed relationship between two nodes named by their keys."""

    model_config = ConfigDict(extra="forbid")

    type: ClassVar[str]
    source_label: ClassVar[str]
    target_label: ClassVar[str]
    #: properties that, with the endpoints, identify one relationship (MERGE pattern)
    identity: ClassVar[tuple[str, ...]] = ()

    src: str
    dst: str
    source: str = "listing"


class Cites(Relationship):
    type: ClassVar[str] = "CITES"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Paper"

    source: str = "s2"
    is_influential: bool | None = None
    intents: list[str] | None = None


class Authored(Relationship):
    type: ClassVar[str] = "AUTHORED"
    source_label: ClassVar[str] = "Author"
    target_label: ClassVar[str] = "Paper"

    position: int | None = None


class _Extracted(Relationship):
    evidence: str | None = None
    confidence: float | None = None


class Proposes(_Extracted):
    type: ClassVar[str] = "PROPOSES"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Method"


class Uses(_Extracted):
    type: ClassVar[str] = "USES"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Method"


class ComparesWith(_Extracted):
    type: ClassVar[str] = "COMPARES_WITH"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Method"


class EvaluatedOn(_Extracted):
    type: ClassVar[str] = "EVALUATED_ON"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Benchmark"
    identity: ClassVar[tuple[str, ...]] = ("metric",)

    #: "" when the text names no metric (a MERGE key cannot be null)
    metric: str = ""
    value: float | None = None
    unit: str | None = None


NODE_MODELS: tuple[type[Node], ...] = (Paper, Author, Method, Benchmark)
RELATIONSHIP_MODELS: tuple[type[Relationship], ...] = (
    Cites,
    Authored,
    Proposes,
    Uses,
    ComparesWith,
    EvaluatedOn,
)
NODE_BY_LABEL = {m.label: m for m in NODE_MODELS}
RELATIONSHIP_BY_TYPE = {m.type: m for m in RELATIONSHIP_MODELS}


# --- identity -------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_title(title: str | None) -> str | None:
    """Lower-case ASCII letters and digits separated by single spaces.

    >>> normalise_title("  Attention Is All You Need!  ")
    'attention is all you need'
    """
    if not title:
        return None
    if not title.isascii():  # most titles are: skip the (slow) decomposition for them
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = _NON_ALNUM.sub(" ", title.lower()).strip()
    return text or None


def paper_key(
    s2_id: str | None = None,
    arxiv_id: str | None = None,
    doi: str | None = None,
    title: str | None = None,
    corpus_id: int | None = None,
) -> str:
    """The key a new Paper node gets: S2 id, else arXiv id, else DOI, else normalised title.

    A key is assigned once; a later build that learns more ids finds the existing node through
    :func:`kg.identity.resolve_paper_keys` instead of minting a new key.
    """
    if s2_id:
        return f"s2:{s2_id}"
    if arxiv_id:
        return f"arxiv:{arxiv_id.lower()}"
    if doi:
        return f"doi:{doi.lower()}"
    if corpus_id is not None:
        return f"corpus:{corpus_id}"
    norm = normalise_title(title)
    if norm:
        return f"title:{norm}"
    raise ValueError("a paper needs an S2 id, arXiv id, DOI, CorpusId or title")


def author_key(s2_id: str | None = None, name: str | None = None) -> str:
    """S2 authorId when known, else the normalised name."""
    if s2_id:
        return f"s2:{s2_id}"
    norm = normalise_title(name)
    if not norm:
        raise ValueError("an author needs an S2 id or a name")
    return f"name:{norm}"


__all__ = [
    "Node",
    "Paper",
    "Author",
    "Method",
    "Benchmark",
    "Relationship",
    "Cites",
    "Authored",
    "Proposes",
    "Uses",
    "ComparesWith",
    "EvaluatedOn",
    "NODE_MODELS",
    "RELATIONSHIP_MODELS",
    "NODE_BY_LABEL",
    "RELATIONSHIP_BY_TYPE",
    "normalise_title",
    "paper_key",
    "author_key",
]
