"""Finding papers: full-text search, lookup by any id or title, most cited, most influential,
and how many papers appeared per year."""

from __future__ import annotations

import re

from kg.graph import KnowledgeGraph
from kg.identifiers import Identifier, MalformedIdentifier, parse_identifier
from kg.keys import PAPER_KEY_PREFIXES, normalise_title
from kg.model import Paper
from queries._rows import (
    BenchmarkRef,
    Dialects,
    MethodRef,
    PaperSummary,
    Row,
    Rows,
    check_limit,
    helper,
    name_match,
    name_params,
    paper_columns,
    run,
)

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_WORD = re.compile(r"[^\W_]+")


class SearchHit(PaperSummary):
    #: the text occurs in the title (ranked before abstract-only matches)
    in_title: bool


class CitedPaper(PaperSummary):
    #: how many papers in this graph cite it
    cited_in_graph: int


class InfluentialPaper(PaperSummary):
    pagerank: float | None = None
    influential_citation_count: int | None = None
    community: int | None = None


class YearCount(Row):
    year: int | None
    papers: int


def lucene_prefix_query(text: str) -> str:
    """Every word of ``text`` required as a prefix, special characters escaped: the full-text
    candidates of a phrase search, which the ``CONTAINS`` filter then narrows to the phrase.

    >>> lucene_prefix_query("Low-Rank (LoRA)")
    'low* AND rank* AND lora*'
    """
    words = _WORD.findall(text.lower())
    return " AND ".join(_LUCENE_SPECIAL.sub(r"\\\1", w) + "*" for w in words)


_MATCHED = (
    "WITH p, toLower(coalesce(p.title, '')) CONTAINS $needle AS in_title, "
    "toLower(coalesce(p.abstract, '')) CONTAINS $needle AS in_abstract "
    "WHERE in_title OR in_abstract "
    f"RETURN {paper_columns('p')}, in_title "
    "ORDER BY in_title DESC, coalesce(p.citation_count, -1) DESC, p.key LIMIT $limit"
)
# Neo4j narrows the candidates with the full-text index (every word as a prefix); the embedded
# store has no full-text index and scans. Both then keep the papers whose lower-cased title or
# abstract contains the phrase and rank them by one rule (title matches first, then S2
# citation count, then key), so both stores return the same papers in the same order.
_SEARCH = Dialects(
    neo4j="CALL db.index.fulltext.queryNodes('paper_text', $lucene) YIELD node AS p " + _MATCHED,
    embedded="MATCH (p:Paper) " + _MATCHED,
)


@helper
def search(kb: KnowledgeGraph, text: str, limit: int = 20) -> Rows[SearchHit]:
    """Papers whose title or abstract contains ``text`` (a phrase, case-insensitive).

    Ranked: title matches first, then by S2 citation count, then key. On Neo4j the full-text
    index ``paper_text`` finds the candidates (so a phrase starting mid-word, "ransformer",
    finds nothing there), on the embedded store a scan does.

    >>> [hit.title for hit in search(kb, "low-rank adapters")]  # doctest: +SKIP
    ['LoRA Revisited: Low-Rank Adapters for Sparse Transformers']
    """
    needle = text.strip().lower()
    if not needle:
        return Rows(SearchHit)
    lucene = lucene_prefix_query(needle)
    params = {"needle": needle, "lucene": lucene, "limit": check_limit(limit)}
    # Text with no word in it ("+++") has no full-text query: scan on both stores.
    statement = _SEARCH if lucene else _SEARCH.embedded
    return run(kb, statement, params, SearchHit)


def lookup_params(ref: str) -> dict:
    """Parameters of :data:`_PAPER`: ``ref`` read as key, S2 id, arXiv id, DOI, CorpusId, title."""
    text = ref.strip()
    try:
        ident = parse_identifier(text) or Identifier()
    except MalformedIdentifier:  # not an id after all: still a key or a title
        ident = Identifier()
    return {
        "ref": text,
        "s2": ident.s2_id or "",
        "arxiv": ident.arxiv_id or "",
        "doi": ident.doi or "",
        "corpus": ident.corpus_id if ident.corpus_id is not None else -1,
        "norm": normalise_title(text) or "",
    }


_PAPER = (
    "MATCH (p:Paper) WHERE p.key = $ref OR p.s2_id = $ref OR p.s2_id = $s2 OR p.arxiv_id = $arxiv "
    "OR toLower(p.doi) = $doi OR p.corpus_id = $corpus OR p.title_norm = $norm "
    "RETURN properties(p) AS paper "
    "ORDER BY CASE WHEN p.key = $ref THEN 0 WHEN p.title_norm = $norm THEN 2 ELSE 1 END, p.key"
)


@helper
def paper(kb: KnowledgeGraph, id_or_title: str) -> Rows[Paper]:
    """The paper(s) a reference names: a key, S2 paper id, arXiv id or URL, DOI or doi.org URL,
    ``CorpusId:N``, or the title (matched after :func:`kg.keys.normalise_title`).

    Exact key matches come first, then id matches, then title matches.

    >>> paper(kb, "arXiv:2106.09685")[0].title  # doctest: +SKIP
    'LoRA: Low-Rank Adaptation of Large Language Models'
    """
    rows = kb.cypher(_PAPER, lookup_params(id_or_title))
    return Rows(Paper, (Paper.model_validate(_stored(r["paper"])) for r in rows))


def _stored(props: dict) -> dict:
    # Only the model's fields: Neo4j may hold properties a newer or older build wrote.
    return {k: v for k, v in props.items() if k in Paper.model_fields}


def resolve_key(kb: KnowledgeGraph, ref: str) -> str | None:
    """The key of the paper ``ref`` names, or None. A ``ref`` shaped like a key (``s2:...``,
    ``arxiv:...``) is returned without a lookup, so single-paper helpers cost one statement;
    anything else costs one :func:`paper` lookup first.

    >>> resolve_key(kb, "Attention Is All You Need")  # doctest: +SKIP
    's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776'
    """
    ref = ref.strip()
    if ref.startswith(PAPER_KEY_PREFIXES):
        return ref
    found = paper(kb, ref)
    return found[0].key if found else None


def exists(kb: KnowledgeGraph, ref: str) -> bool:
    """Whether ``ref`` names a stored paper (a key is checked, not assumed)."""
    key = resolve_key(kb, ref)
    return key is not None and bool(
        kb.cypher("MATCH (p:Paper {key: $k}) RETURN p.key AS k", {"k": key})
    )


_TOP_CITED = (
    "MATCH (p:Paper) WHERE p.listed = true OR NOT $listed_only "
    "WITH p, COUNT { MATCH (p)<-[:CITES]-(:Paper) } AS cited_in_graph "
    f"RETURN {paper_columns('p')}, cited_in_graph "
    "ORDER BY coalesce(p.citation_count, -1) DESC, cited_in_graph DESC, p.key LIMIT $limit"
)


@helper
def top_cited(kb: KnowledgeGraph, limit: int = 20, listed_only: bool = False) -> Rows[CitedPaper]:
    """Most cited papers: by S2 citation count, then by citations inside this graph (which
    decides alone when the graph was built offline), then key.

    >>> [p.key for p in top_cited(kb, limit=3, listed_only=True)]  # doctest: +SKIP
    ['s2:L5', 's2:L1', 's2:L2']
    """
    params = {"limit": check_limit(limit), "listed_only": bool(listed_only)}
    return run(kb, _TOP_CITED, params, CitedPaper)


_MOST_INFLUENTIAL = (
    "MATCH (p:Paper) "
    f"RETURN {paper_columns('p')}, p.pagerank AS pagerank, "
    "p.influential_citation_count AS influential_citation_count, p.community AS community "
    "ORDER BY coalesce(p.pagerank, -1.0) DESC, coalesce(p.influential_citation_count, -1) DESC, "
    "p.key LIMIT $limit"
)


@helper
def most_influential(kb: KnowledgeGraph, limit: int = 20) -> Rows[InfluentialPaper]:
    """Most influential papers: by PageRank on the citation graph when ``kg analyze`` has
    stored it, else (and as tie-break) by S2's influential citation count, then key.

    Papers added after the last ``kg analyze`` have no PageRank and rank after those that do;
    run it again after a build.

    >>> most_influential(kb, limit=1)[0].key  # doctest: +SKIP
    's2:U1'
    """
    return run(kb, _MOST_INFLUENTIAL, {"limit": check_limit(limit)}, InfluentialPaper)


def _timeline(dialect_method: str, dialect_bench: str) -> str:
    return (
        "MATCH (p:Paper) WHERE "
        "(($method = '' AND $benchmark = '' AND p.listed = true) OR $method <> '' OR $benchmark <> '') "
        "AND ($method = '' OR EXISTS { MATCH (p)-[:PROPOSES|USES|COMPARES_WITH]->(m:Method) "
        f"WHERE {dialect_method} }}) "
        "AND ($benchmark = '' OR EXISTS { MATCH (p)-[:EVALUATED_ON]->(b:Benchmark) "
        f"WHERE {dialect_bench} }}) "
        "WITH p.year AS year, count(p) AS papers "
        "RETURN year, papers ORDER BY coalesce(year, 100000)"
    )


_TIMELINE = Dialects(
    neo4j=_timeline(name_match("m", "method").neo4j, name_match("b", "benchmark").neo4j),
    embedded=_timeline(name_match("m", "method").embedded, name_match("b", "benchmark").embedded),
)


@helper
def timeline(
    kb: KnowledgeGraph, method: MethodRef | None = None, benchmark: BenchmarkRef | None = None
) -> Rows[YearCount]:
    """Papers per year: the listed papers, or (any papers) proposing, using or comparing with
    ``method`` and/or evaluated on ``benchmark``. Years ascending, unknown year last.

    >>> [(r.year, r.papers) for r in timeline(kb, method="LoRA")]  # doctest: +SKIP
    [(2021, 1), (2024, 1)]
    """
    params = {**name_params("method", method or ""), **name_params("benchmark", benchmark or "")}
    return run(kb, _TIMELINE, params, YearCount)


__all__ = [
    "search",
    "paper",
    "top_cited",
    "most_influential",
    "timeline",
    "resolve_key",
    "exists",
    "lookup_params",
    "lucene_prefix_query",
    "SearchHit",
    "CitedPaper",
    "InfluentialPaper",
    "YearCount",
]
