"""Methods and benchmarks extracted from the papers' text: which methods were evaluated on
which benchmarks, who proposed them, the reported results, and the work building on them.

A method or benchmark is named by its key, name or any alias, case-insensitively.
"""

from __future__ import annotations

import re

from kg.graph import KnowledgeGraph
from queries._rows import (
    BenchmarkRef,
    Dialects,
    MethodRef,
    PaperSummary,
    Row,
    Rows,
    helper,
    name_match,
    name_params,
    paper_columns,
    run,
)

#: metrics where a lower value is better; the leaderboard sorts them ascending
_LOWER_IS_BETTER = re.compile(
    r"error|loss|perplexity|\bppl\b|\bwer\b|\bcer\b|latency|\bfid\b|mse|mae|rmse", re.I
)


class MethodCount(Row):
    key: str
    name: str | None = None
    #: papers linking the method and the benchmark
    papers: int


class BenchmarkCount(Row):
    key: str
    name: str | None = None
    kind: str | None = None
    papers: int


class Proposal(PaperSummary):
    evidence: str | None = None
    confidence: float | None = None


class Result(Row):
    paper: str
    title: str | None = None
    year: int | None = None
    #: the method the paper proposes (alphabetically first when several), if any
    method: str | None = None
    metric: str
    value: float
    unit: str | None = None
    evidence: str | None = None


class LineagePaper(PaperSummary):
    #: the proposing paper it cites with a methodology intent
    builds_on: str


def _both(template: str, **vars: str) -> Dialects:
    """``template`` with :func:`name_match` fragments for each ``var=param`` filled in."""
    return Dialects(
        neo4j=template.format(**{f"{v}_match": name_match(v, p).neo4j for v, p in vars.items()}),
        embedded=template.format(
            **{f"{v}_match": name_match(v, p).embedded for v, p in vars.items()}
        ),
    )


_METHODS_ON = _both(
    "MATCH (b:Benchmark) WHERE {b_match} "
    "MATCH (b)<-[:EVALUATED_ON]-(p:Paper)-[:PROPOSES|USES]->(m:Method) "
    "WITH m, count(DISTINCT p) AS papers "
    "RETURN m.key AS key, m.name AS name, papers ORDER BY papers DESC, m.key",
    b="benchmark",
)


@helper
def methods_on(kb: KnowledgeGraph, benchmark: BenchmarkRef) -> Rows[MethodCount]:
    """Methods proposed or used by papers evaluated on ``benchmark``, by number of papers.

    >>> [m.name for m in methods_on(kb, "ImageNet")]  # doctest: +SKIP
    ['GNN-X', 'Sparse Router', 'ViT']
    """
    return run(kb, _METHODS_ON, name_params("benchmark", benchmark), MethodCount)


_BENCHMARKS_FOR = _both(
    "MATCH (m:Method) WHERE {m_match} "
    "MATCH (m)<-[:PROPOSES|USES]-(p:Paper)-[:EVALUATED_ON]->(b:Benchmark) "
    "WITH b, count(DISTINCT p) AS papers "
    "RETURN b.key AS key, b.name AS name, b.kind AS kind, papers ORDER BY papers DESC, b.key",
    m="method",
)


@helper
def benchmarks_for(kb: KnowledgeGraph, method: MethodRef) -> Rows[BenchmarkCount]:
    """Benchmarks that papers proposing or using ``method`` were evaluated on.

    >>> [b.name for b in benchmarks_for(kb, "lora")]  # doctest: +SKIP
    ['GLUE']
    """
    return run(kb, _BENCHMARKS_FOR, name_params("method", method), BenchmarkCount)


_PROPOSING = _both(
    "MATCH (m:Method) WHERE {m_match} "
    "MATCH (p:Paper)-[r:PROPOSES]->(m) "
    f"RETURN {paper_columns('p')}, r.evidence AS evidence, r.confidence AS confidence "
    "ORDER BY coalesce(p.year, 100000), p.key",
    m="method",
)


@helper
def papers_proposing(kb: KnowledgeGraph, method: MethodRef) -> Rows[Proposal]:
    """Papers proposing ``method``, oldest first, with the sentence that says so.

    >>> papers_proposing(kb, "Low-Rank Adaptation")[0].key  # doctest: +SKIP
    's2:U4'
    """
    return run(kb, _PROPOSING, name_params("method", method), Proposal)


_LEADERBOARD = _both(
    "MATCH (b:Benchmark) WHERE {b_match} "
    "MATCH (p:Paper)-[e:EVALUATED_ON]->(b) "
    "WHERE e.value IS NOT NULL AND ($metric = '' OR toLower(e.metric) = $metric) "
    "OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method) "
    "WITH p, e, min(m.name) AS method "
    "RETURN p.key AS paper, p.title AS title, p.year AS year, method, e.metric AS metric, "
    "e.value AS value, e.unit AS unit, e.evidence AS evidence "
    "ORDER BY metric, value * $sign DESC, paper",
    b="benchmark",
)


@helper
def leaderboard(
    kb: KnowledgeGraph, benchmark: BenchmarkRef, metric: str | None = None
) -> Rows[Result]:
    """Reported results on ``benchmark`` (optionally one ``metric``, case-insensitive), best
    first within each metric: highest first, lowest first for error-like metrics (error, loss,
    perplexity, WER, FID, ...) when ``metric`` is given.

    >>> [(r.paper, r.value) for r in leaderboard(kb, "GLUE", "accuracy")]  # doctest: +SKIP
    [('s2:L3', 89.5), ('s2:L1', 88.1)]
    """
    metric_text = (metric or "").strip().lower()
    sign = -1.0 if metric_text and _LOWER_IS_BETTER.search(metric_text) else 1.0
    params = {**name_params("benchmark", benchmark), "metric": metric_text, "sign": sign}
    return run(kb, _LEADERBOARD, params, Result)


_LINEAGE = _both(
    "MATCH (m:Method) WHERE {m_match} "
    "MATCH (src:Paper)-[:PROPOSES]->(m) "
    "MATCH (q:Paper)-[r:CITES]->(src) WHERE 'methodology' IN r.intents "
    "WITH q, min(src.key) AS builds_on "
    f"RETURN {paper_columns('q')}, builds_on ORDER BY coalesce(q.year, 100000), q.key",
    m="method",
)


@helper
def method_lineage(kb: KnowledgeGraph, method: MethodRef) -> Rows[LineagePaper]:
    """Papers building on ``method``: they cite a paper proposing it with a methodology intent
    (S2 citation intents). Oldest first.

    >>> [p.key for p in method_lineage(kb, "LoRA")]  # doctest: +SKIP
    ['s2:L3']
    """
    return run(kb, _LINEAGE, name_params("method", method), LineagePaper)


def method_exists(kb: KnowledgeGraph, name: str) -> bool:
    statement = _both("MATCH (m:Method) WHERE {m_match} RETURN m.key AS key LIMIT 1", m="method")
    return bool(run_raw(kb, statement, name_params("method", name)))


def benchmark_exists(kb: KnowledgeGraph, name: str) -> bool:
    statement = _both(
        "MATCH (b:Benchmark) WHERE {b_match} RETURN b.key AS key LIMIT 1", b="benchmark"
    )
    return bool(run_raw(kb, statement, name_params("benchmark", name)))


def run_raw(kb: KnowledgeGraph, statement: Dialects, params: dict) -> list[dict]:
    return kb.cypher(statement.pick(kb.dialect), params)


__all__ = [
    "methods_on",
    "benchmarks_for",
    "papers_proposing",
    "leaderboard",
    "method_lineage",
    "method_exists",
    "benchmark_exists",
    "MethodCount",
    "BenchmarkCount",
    "Proposal",
    "Result",
    "LineagePaper",
]
