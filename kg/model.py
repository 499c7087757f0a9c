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

    key: str


class Paper(Node):
    label: ClassVar[str] = "Paper"
    indexed: ClassVar[tuple[str, ...]] = ("s2_id", "arxiv_id", "doi", "title_norm", "year")

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


# --- identity -------------------------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
#: combining marks that are accents to drop (on Latin and Greek letters; Hebrew and Arabic
#: points); the marks of other scripts make letters of their own (Cyrillic й, Devanagari vowels)
_ACCENTED_SCRIPTS = ("LATIN", "GREEK")
_POINTS = ((0x0591, 0x05C7), (0x064B, 0x065F), (0x0670, 0x0670))


def normalise_title(title: str | None) -> str | None:
    """Letters and digits of a title, case-folded, separated by single spaces.

    A title written in Latin script (ASCII after dropping accents) gives lower-case ASCII, as it
    always has; one with letters of any other script keeps them (NFKC, casefold, accents
    dropped, everything but letters, marks and digits a space), so it has a key of its own.

    >>> normalise_title("  Attention Is All You Need!  "), normalise_title("Fine-tuning für Text")
    ('attention is all you need', 'fine tuning fur text')
    >>> normalise_title("Sora 2：OpenAI 的视频模型"), normalise_title("Ἡ Ἰλιάς, Москва!")
    ('sora 2 openai 的视频模型', 'η ιλιασ москва')
    """
    if not title:
        return None
    if title.isascii():  # most titles are: skip the (slow) Unicode work for them
        text = title.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", title)
        if any(ch.isalnum() and not ch.isascii() and not _latin(ch) for ch in decomposed):
            return _normalise_any_script(decomposed)
        text = decomposed.encode("ascii", "ignore").decode().lower()
    text = _NON_ALNUM.sub(" ", text).strip()
    return text or None


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _normalise_any_script(decomposed: str) -> str | None:
    kept: list[str] = []
    base = ""
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category[0] == "M":
            if base.startswith(_ACCENTED_SCRIPTS) or any(a <= ord(ch) <= b for a, b in _POINTS):
                continue  # an accent, like the Latin ones dropped above
            kept.append(ch)
        elif category[0] in "LN":
            base = unicodedata.name(ch, "")
            kept.append(ch)
        else:
            base = ""
            kept.append(" ")
    text = unicodedata.normalize("NFKC", "".join(kept)).casefold()
    return " ".join(text.split()) or None


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
