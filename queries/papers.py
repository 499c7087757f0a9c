"""Finding papers: full-text search, lookup by any id or title, most cited, most influential,
and how many papers appeared per year."""

from __future__ import annotations

import re

from kg.graph import KnowledgeGraph
from kg.model import Paper, normalise_title
from queries._rows import (
    BenchmarkRef,
    Dialects,
    MethodRef,
    NullsLast,
    PaperSummary,
    Row,
    Rows,
    check_limit,
    helper,
    name_match,
    name_params,
    paper_columns,
    run,
    run_nulls_last,
)

#: prefixes of the keys :func:`kg.model.paper_key` mints; a reference with one is used as is
KEY_PREFIXES = ("s2:", "arxiv:", "doi:", "corpus:", "title:")

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
_ARXIV = re.compile(
    r"^(?:arxiv:|https?://arxiv\.org/(?:abs|pdf)/)?(\d{4}\.\d{4,5}|[a-z\-]+/\d{7})(?:v\d+)?(?:\.pdf)?$",
    re.I,
)
_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_WORD = re.compile(r"[^\W_]+")
_CORPUS = re.compile(r"^corpus(?:id)?:(\d+)$", re.I)


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
    arxiv, doi, corpus = _ARXIV.match(text), _DOI.match(text), _CORPUS.match(text)
    doi_text = doi.group(1) if doi else ""
    return {
        "ref": text,
        "arxiv": arxiv.group(1).lower() if arxiv else "",
        "doi": doi_text.lower(),
        "corpus": int(corpus.group(1)) if corpus else -1,
        "norm": normalise_title(text) or "",
    }


_PAPER = (
    "MATCH (p:Paper) WHERE p.key = $ref OR p.s2_id = $ref OR p.arxiv_id = $arxiv "
    "OR toLower(p.doi) = $doi OR p.corpus_id = $corpus OR p.title_norm = $norm "
    "RETURN properties(p) AS paper "
    "ORDER BY CASE WHEN p.key = $ref THEN 0 WHEN p.title_norm = $norm THEN 2 ELSE 1 END, p.key"
)


@helper
def paper(kb: KnowledgeGraph, id_or_title: str) -> Rows[Paper]:
    """The paper(s) a reference names: a key, S2 paper id, arXiv id or URL, DOI or doi.org URL,
    ``CorpusId:N``, or the title (matched after :func:`kg.model.normalise_title`).

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
    if ref.startswith(KEY_PREFIXES):
        return ref
    found = paper(kb, ref)
    return found[0].key if found else None


def exists(kb: KnowledgeGraph, ref: str) -> bool:
    """Whether ``ref`` names a stored paper (a key is checked, not assumed)."""
    key = resolve_key(kb, ref)
    return key is not None and bool(
        kb.cypher("MATCH (p:Paper {key: $k}) RETURN p.key AS k", {"k": key})
    )


def _top_cited(where: str, order: str) -> str:
    return (
        f"MATCH (p:Paper) WHERE {where} AND (p.listed = true OR NOT $listed_only) "
        f"RETURN {paper_columns('p')}, p.cited_in_graph AS cited_in_graph "
        f"ORDER BY {order}p.cited_in_graph DESC, p.key LIMIT $limit"
    )


# cited_in_graph is kept on the node at write time (kg.counts): no edge is counted here.
_TOP_CITED = NullsLast(
    set=_top_cited("p.citation_count IS NOT NULL", "p.citation_count DESC, "),
    unset=_top_cited("p.citation_count IS NULL", ""),
)


@helper
def top_cited(kb: KnowledgeGraph, limit: int = 20, listed_only: bool = False) -> Rows[CitedPaper]:
    """Most cited papers: by S2 citation count, then by citations inside this graph (which
    decides alone when the graph was built offline), then key.

    >>> [p.key for p in top_cited(kb, limit=3, listed_only=True)]  # doctest: +SKIP
    ['s2:L5', 's2:L1', 's2:L2']
    """
    params = {"limit": check_limit(limit), "listed_only": bool(listed_only)}
    return run_nulls_last(kb, _TOP_CITED, params, CitedPaper)


def _most_influential(where: str, order: str) -> str:
    return (
        f"MATCH (p:Paper) WHERE {where} "
        f"RETURN {paper_columns('p')}, p.pagerank AS pagerank, "
        "p.influential_citation_count AS influential_citation_count, p.community AS community "
        f"ORDER BY {order}coalesce(p.influential_citation_count, -1) DESC, p.key LIMIT $limit"
    )


_MOST_INFLUENTIAL = NullsLast(
    set=_most_influential("p.pagerank IS NOT NULL", "p.pagerank DESC, "),
    unset=_most_influential("p.pagerank IS NULL", ""),
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
    return run_nulls_last(kb, _MOST_INFLUENTIAL, {"limit": check_limit(limit)}, InfluentialPaper)


_PER_YEAR = (
    "WITH p.year AS year, count(p) AS papers RETURN year, papers ORDER BY coalesce(year, 100000)"
)
_BY_METHOD = "MATCH (m:Method) WHERE {m_match} MATCH (m)<-[:PROPOSES|USES|COMPARES_WITH]-(p:Paper) WITH DISTINCT p "
_BY_BENCHMARK = (
    "MATCH (b:Benchmark) WHERE {b_match} MATCH (b)<-[:EVALUATED_ON]-(p:Paper) WITH DISTINCT p "
)
_ON_BENCHMARK = "MATCH (p)-[:EVALUATED_ON]->(b:Benchmark) WHERE {b_match} WITH DISTINCT p "


def _timeline(start: str) -> Dialects:
    # Starts from the few matching methods or benchmarks, not from every paper.
    return Dialects(
        neo4j=(start + _PER_YEAR).format(
            m_match=name_match("m", "method").neo4j, b_match=name_match("b", "benchmark").neo4j
        ),
        embedded=(start + _PER_YEAR).format(
            m_match=name_match("m", "method").embedded,
            b_match=name_match("b", "benchmark").embedded,
        ),
    )


#: by (method given, benchmark given)
_TIMELINE = {
    (False, False): _timeline("MATCH (p:Paper) WHERE p.listed = true "),
    (True, False): _timeline(_BY_METHOD),
    (False, True): _timeline(_BY_BENCHMARK),
    (True, True): _timeline(_BY_METHOD + _ON_BENCHMARK),
}


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
    return run(kb, _TIMELINE[bool(method), bool(benchmark)], params, YearCount)


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
