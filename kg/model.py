"""The graph schema (v1) as pydantic models: the single source of truth.

Every node model has a unique ``key``; every relationship model names its endpoints by their
keys (``src``, ``dst``) and carries ``source`` (``listing``, ``s2`` or ``extract:<rule>``).
The stores derive their DDL, constraints and upsert statements from these classes
(:mod:`kg.schema`), so adding a property here is all it takes to store it.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, model_validator

from kg.keys import normalise_title


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
        "s2_id", "arxiv_id", "doi", "corpus_id", "title_norm", "year", "listed", "citation_count", "pagerank",
        "influential_citation_count",
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
    #: properties added after the first schema version (older embedded databases gain them)
    added: ClassVar[tuple[str, ...]] = ()
    #: properties set once, when the relationship is first written; later writes keep them
    write_once: ClassVar[tuple[str, ...]] = ()

    src: str
    dst: str
    source: str = "listing"


class Cites(Relationship):
    type: ClassVar[str] = "CITES"
    source_label: ClassVar[str] = "Paper"
    target_label: ClassVar[str] = "Paper"

    write_once: ClassVar[tuple[str, ...]] = ("first_seen",)

    source: str = "s2"
    is_influential: bool | None = None
    #: S2's citation intents: "background", "methodology", "result"
    intents: list[str] | None = None
    #: the citing sentences, at most :data:`MAX_CONTEXTS` of :data:`MAX_CONTEXT_CHARS` each, in S2's order
    contexts: list[str] | None = None
    #: UTC time this graph first held the edge, ISO ``YYYY-MM-DDTHH:MM:SSZ`` (never overwritten)
    first_seen: str | None = None


#: citing sentences kept per CITES edge, and the characters kept of each
MAX_CONTEXTS = 3
MAX_CONTEXT_CHARS = 1000


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
    #: every result a paper states is its own edge: two splits, two model sizes or a score and
    #: an improvement on one benchmark and metric never overwrite each other
    identity: ClassVar[tuple[str, ...]] = ("metric", "split", "kind", "stated")
    added: ClassVar[tuple[str, ...]] = ("kind", "split", "stated")

    #: "" when the text names no metric (identity properties are "" rather than null: a MERGE
    #: key cannot be null)
    metric: str = ""
    value: float | None = None
    unit: str | None = None
    #: "absolute" (a score: "80.1% top-1 accuracy"), "delta" ("by 3.2 points"), "relative"
    #: ("12% relative"); "" for a mention without a figure
    kind: str = ""
    #: the split or subset the figure is on ("test-clean", "val", "test-dev"), "" when unnamed
    split: str = ""
    #: the figure as the text writes it ("80.1%", "3.2 points"), "" for a mention
    stated: str = ""

    @model_validator(mode="after")
    def _score_by_default(self) -> EvaluatedOn:
        if self.value is not None and not self.kind:
            self.kind = "absolute"
        return self


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
    "MAX_CONTEXTS",
    "MAX_CONTEXT_CHARS",
    "NODE_MODELS",
    "RELATIONSHIP_MODELS",
    "NODE_BY_LABEL",
    "RELATIONSHIP_BY_TYPE",
]
