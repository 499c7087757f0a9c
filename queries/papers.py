"""Finding papers: full-text search, lookup by any id or title, most cited, most influential,
and how many papers appeared per year."""

from __future__ import annotations

import re
from typing import cast

from kg.graph import Graph
from kg.model import Paper
from kg.resolve import candidates
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
    key_of,
    paper_columns,
    run,
    run_nulls_last,
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
def search(kb: Graph, text: str, limit: int = 20) -> Rows[SearchHit]:
    """Papers whose title or abstract contains ``text`` (a phrase, case-insensitive).

    Ranked: title matches first, then by S2 citation count, then key. On Neo4j the full-text
    index ``paper_text`` finds the candidates (so a phrase starting mid-word, "ransformer",
    finds nothing there), on the embedded store a scan does.

    >>> [hit.title for hit in search(kb, "low-rank adaptation")]
    ['LoRA: Low-Rank Adaptation of Large Language Models']
    """
    needle = text.strip().lower()
    if not needle:
        return Rows(SearchHit)
    lucene = lucene_prefix_query(needle)
    params = {"needle": needle, "lucene": lucene, "limit": check_limit(limit)}
    # Text with no word in it ("+++") has no full-text query: scan on both stores.
    statement = _SEARCH if lucene else _SEARCH.embedded
    return run(kb, statement, params, SearchHit)


@helper
def paper(kb: Graph, id_or_title: str) -> Rows[Paper]:
    """The paper(s) a reference names: a key, S2 paper id or URL, arXiv id or URL, Hugging
    Face paper URL, DOI or doi.org URL, ``CorpusId:N``, or the title.

    Exact key matches come first, then id matches, then title matches (:mod:`kg.resolve`).

    >>> from kg.examples import example_graph
    >>> paper(example_graph(), "arXiv:2106.09685")[0].title
    'LoRA: Low-Rank Adaptation of Large Language Models'
    """
    return Rows(Paper, (cast(Paper, n) for _, n in candidates(kb, "Paper", id_or_title)))


def resolve_key(kb: Graph, ref: str) -> str | None:
    """The key of the paper ``ref`` names, or None (:func:`kg.resolve.find_key`).

    >>> from kg.examples import example_graph
    >>> resolve_key(example_graph(), "https://arxiv.org/abs/1706.03762v5")
    'arxiv:1706.03762'
    """
    return key_of(kb, "Paper", ref)


def exists(kb: Graph, ref: str) -> bool:
    """Whether ``ref`` names a stored paper."""
    return resolve_key(kb, ref) is not None


def _top_cited(where: str, order: str) -> str:
    return (
        f"MATCH (p:Paper) WHERE {where} AND (p.listed = true OR NOT $listed_only) "
        f"RETURN {paper_columns('p')}, p.cited_in_graph AS cited_in_graph "
        f"ORDER BY {order}p.cited_in_graph DESC, p.key LIMIT $limit"
    )


# cited_in_graph is kept on the node at write time (kg.counts): no edge is counted here.
_TOP_CITED = NullsLast(
    (
        _top_cited("p.citation_count IS NOT NULL", "p.citation_count DESC, "),
        _top_cited("p.citation_count IS NULL", ""),
    )
)


@helper
def top_cited(kb: Graph, limit: int = 20, listed_only: bool = False) -> Rows[CitedPaper]:
    """Most cited papers: by S2 citation count, then by citations inside this graph (which
    decides alone when the graph was built offline), then key.

    >>> [p.key for p in top_cited(kb, limit=3, listed_only=True)]
    ['arxiv:1706.03762', 'arxiv:2106.09685', 'arxiv:2305.14314']
    """
    params = {"limit": check_limit(limit), "listed_only": bool(listed_only)}
    return run_nulls_last(kb, _TOP_CITED, params, CitedPaper)


def _most_influential(where: str, order: str) -> str:
    return (
        f"MATCH (p:Paper) WHERE {where} "
        f"RETURN {paper_columns('p')}, p.pagerank AS pagerank, "
        "p.influential_citation_count AS influential_citation_count, p.community AS community "
        f"ORDER BY {order}p.key LIMIT $limit"
    )


# Before `kg analyze` every paper lacks PageRank: the later statements then walk the index of
# influential_citation_count, then of key, in order, where one ORDER BY coalesce(..) sorted
# every paper.
_MOST_INFLUENTIAL = NullsLast(
    (
        _most_influential(
            "p.pagerank IS NOT NULL",
            "p.pagerank DESC, coalesce(p.influential_citation_count, -1) DESC, ",
        ),
        _most_influential(
            "p.pagerank IS NULL AND p.influential_citation_count IS NOT NULL",
            "p.influential_citation_count DESC, ",
        ),
        # `p.key IS NOT NULL` has Neo4j walk the key index in order instead of sorting
        _most_influential(
            "p.key IS NOT NULL AND p.pagerank IS NULL AND p.influential_citation_count IS NULL", ""
        ),
    )
)


@helper
def most_influential(kb: Graph, limit: int = 20) -> Rows[InfluentialPaper]:
    """Most influential papers: by PageRank on the citation graph when ``kg analyze`` has
    stored it, else (and as tie-break) by S2's influential citation count, then key.

    Papers added after the last ``kg analyze`` have no PageRank and rank after those that do;
    run it again after a build.

    >>> most_influential(kb, limit=1)[0].key
    'arxiv:1706.03762'
    """
    return run_nulls_last(kb, _MOST_INFLUENTIAL, {"limit": check_limit(limit)}, InfluentialPaper)


_PER_YEAR = (
    "WITH p.year AS year, count(p) AS papers RETURN year, papers ORDER BY coalesce(year, 100000)"
)
_BY_METHOD = (
    "MATCH (:Method {key: $method})<-[:PROPOSES|USES|COMPARES_WITH]-(p:Paper) WITH DISTINCT p "
)
_ON_BENCHMARK = "MATCH (p)-[:EVALUATED_ON]->(:Benchmark {key: $benchmark}) WITH DISTINCT p "

# Starts from the method or benchmark, not from every paper. By (method given, benchmark given):
_TIMELINE = {
    (False, False): "MATCH (p:Paper) WHERE p.listed = true " + _PER_YEAR,
    (True, False): _BY_METHOD + _PER_YEAR,
    (
        False,
        True,
    ): "MATCH (:Benchmark {key: $benchmark})<-[:EVALUATED_ON]-(p:Paper) WITH DISTINCT p "
    + _PER_YEAR,
    (True, True): _BY_METHOD + _ON_BENCHMARK + _PER_YEAR,
}


@helper
def timeline(
    kb: Graph, method: MethodRef | None = None, benchmark: BenchmarkRef | None = None
) -> Rows[YearCount]:
    """Papers per year: the listed papers, or (any papers) proposing, using or comparing with
    ``method`` and/or evaluated on ``benchmark``. Years ascending, unknown year last.

    >>> from kg.examples import example_graph
    >>> [(r.year, r.papers) for r in timeline(example_graph(), method="low-rank adaptation")]
    [(2021, 1), (2023, 1)]
    """
    keys = {"method": key_of(kb, "Method", method), "benchmark": key_of(kb, "Benchmark", benchmark)}
    if any(
        ref and keys[name] is None for name, ref in (("method", method), ("benchmark", benchmark))
    ):
        return Rows(YearCount)  # a method or benchmark the graph does not have
    params = {name: key or "" for name, key in keys.items()}
    return run(kb, _TIMELINE[bool(keys["method"]), bool(keys["benchmark"])], params, YearCount)


__all__ = [
    "search",
    "paper",
    "top_cited",
    "most_influential",
    "timeline",
    "resolve_key",
    "exists",
    "lucene_prefix_query",
    "SearchHit",
    "CitedPaper",
    "InfluentialPaper",
    "YearCount",
]
