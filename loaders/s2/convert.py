"""S2 JSON -> graph records (:mod:`kg.model`). Pure functions, no I/O.

Listed papers keep their key (the store found them by it); papers S2 returns from /references and
/citations that are not in the listing become ``listed=False`` Paper nodes keyed by S2 paperId.
"""

from __future__ import annotations

from kg.keys import author_key, normalise_title, paper_key
from kg.model import MAX_CONTEXT_CHARS, MAX_CONTEXTS, Author, Authored, Cites, Paper

#: what POST /paper/batch and /paper/search/match are asked for
PAPER_FIELDS = [
    "paperId", "corpusId", "externalIds", "title", "abstract", "year", "publicationDate", "venue",
    "citationCount", "influentialCitationCount", "referenceCount", "fieldsOfStudy",
    "s2FieldsOfStudy", "tldr", "openAccessPdf", "url", "authors",
]  # fmt: skip
#: /paper/search/match does not serve tldr
MATCH_FIELDS = [f for f in PAPER_FIELDS if f != "tldr"]
AUTHOR_FIELDS = [
    "authorId",
    "name",
    "aliases",
    "affiliations",
    "hIndex",
    "paperCount",
    "citationCount",
]
#: /references and /citations: the edge's own fields, then the other paper's (the citing
#: sentences come in the same request: no extra request, the plan is unchanged)
EDGE_FIELDS = [
    "isInfluential", "intents", "contexts", "paperId", "corpusId", "externalIds", "title", "year",
    "publicationDate", "venue", "citationCount", "influentialCitationCount", "referenceCount",
    "fieldsOfStudy", "url",
]  # fmt: skip


def _fields_of_study(record: dict) -> list[str] | None:
    names = list(record.get("fieldsOfStudy") or [])
    names += [f.get("category") for f in record.get("s2FieldsOfStudy") or [] if f.get("category")]
    return list(dict.fromkeys(names)) or None


def paper_properties(record: dict) -> dict:
    """Paper properties S2 knows (None where it does not say), from any paper-shaped record."""
    ext = record.get("externalIds") or {}
    tldr = record.get("tldr") or {}
    pdf = record.get("openAccessPdf") or {}
    corpus = record.get("corpusId", ext.get("CorpusId"))
    return {
        "s2_id": record.get("paperId"),
        "corpus_id": int(corpus) if corpus is not None else None,
        "arxiv_id": ext.get("ArXiv"),
        "doi": ext["DOI"].lower() if ext.get("DOI") else None,
        "title": record.get("title"),
        "abstract": record.get("abstract"),
        "year": record.get("year"),
        "publication_date": record.get("publicationDate"),
        "venue": record.get("venue") or None,
        "citation_count": record.get("citationCount"),
        "influential_citation_count": record.get("influentialCitationCount"),
        "reference_count": record.get("referenceCount"),
        "fields_of_study": _fields_of_study(record),
        "tldr": tldr.get("text") if isinstance(tldr, dict) else None,
        "url": record.get("url"),
        "pdf_url": (pdf.get("url") or None) if isinstance(pdf, dict) else None,
    }


def enriched_paper(
    listed: Paper,
    record: dict,
    *,
    enriched_at: str,
    status: str = "ok",
    confidence: float | None = None,
    evidence: str | None = None,
    truncated: bool | None = None,
) -> Paper:
    """The listed paper (same key) updated with what S2 says. The listing's title wins (it is
    what the user listed and what was verified); its abstract stays when S2 has none."""
    props = {k: v for k, v in paper_properties(record).items() if v is not None}
    if listed.title:
        props.pop("title", None)
    else:
        props["title_norm"] = normalise_title(props.get("title"))
    if listed.year is not None:
        props.pop("year", None)  # the listing's date is the user's; S2's is in publication_date
    return listed.model_copy(
        update={
            **props,
            "s2_status": status,
            "s2_match_confidence": confidence,
            "s2_match_evidence": evidence,
            "citations_truncated": truncated,
            "enriched_at": enriched_at,
        }
    )


def outside_paper(record: dict) -> Paper | None:
    """A paper outside the listing, from a /references or /citations item; None without paperId
    (S2 lists such references by title only, too little to identify them safely)."""
    if not record.get("paperId"):
        return None
    props = paper_properties(record)
    return Paper(
        key=paper_key(s2_id=props["s2_id"]),
        title_norm=normalise_title(props["title"]),
        listed=False,
        **props,
    )


def author_node(record: dict) -> Author | None:
    """An Author from an /author/batch record or a paper's ``authors`` entry."""
    aid, name = record.get("authorId"), record.get("name")
    if not aid and not normalise_title(name):
        return None
    return Author(
        key=author_key(s2_id=aid, name=name),
        s2_id=aid,
        name=name,
        aliases=record.get("aliases") or None,
        affiliations=record.get("affiliations") or None,
        h_index=record.get("hIndex"),
        paper_count=record.get("paperCount"),
        citation_count=record.get("citationCount"),
    )


def authored(author: Author, paper_key_: str, position: int) -> Authored:
    """AUTHORED with the 1-based author position."""
    return Authored(src=author.key, dst=paper_key_, position=position, source="s2")


def citation_contexts(contexts: list | None) -> list[str] | None:
    """The first :data:`~kg.model.MAX_CONTEXTS` citing sentences, in S2's order, each cut to
    :data:`~kg.model.MAX_CONTEXT_CHARS` characters; blanks dropped, None when none is left.

    >>> citation_contexts(["  As in [4].", "", None, "x" * 1200])[1][-1:], len(citation_contexts(["a"] * 5))
    ('…', 3)
    """
    kept = []
    for text in contexts or []:
        text = " ".join(str(text).split()) if text else ""
        if not text:
            continue
        if len(text) > MAX_CONTEXT_CHARS:
            text = text[: MAX_CONTEXT_CHARS - 1].rstrip() + "…"
        kept.append(text)
        if len(kept) == MAX_CONTEXTS:
            break
    return kept or None


def cites(src: str, dst: str, item: dict, first_seen: str | None = None) -> Cites:
    """A CITES edge from a /references or /citations item (or a citations-dataset row, whose
    keys are lower-case)."""
    influential = item.get("isInfluential", item.get("isinfluential"))
    return Cites(
        src=src,
        dst=dst,
        is_influential=influential,
        intents=item.get("intents") or None,
        contexts=citation_contexts(item.get("contexts")),
        first_seen=first_seen,
    )
