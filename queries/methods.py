"""Methods and benchmarks extracted from the papers' text: which methods were evaluated on
which benchmarks, who proposed them, the reported results, and the work building on them.

A method or benchmark is named by its key, name or any alias, in any spelling with the same
key (:mod:`kg.resolve`); an unknown one gives an empty result.
"""

from __future__ import annotations

from kg.graph import Graph
from kg.metrics import canonical_metric, lower_is_better
from queries._rows import (
    BenchmarkRef,
    MethodRef,
    PaperSummary,
    Row,
    Rows,
    helper,
    key_of,
    paper_columns,
    run,
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
    #: 1 for the best score of its metric
    rank: int
    paper: str
    title: str | None = None
    year: int | None = None
    #: the method the paper proposes (alphabetically first when several), if any
    method: str | None = None
    metric: str
    value: float
    unit: str | None = None
    #: always "absolute" on a leaderboard (deltas and relative claims are not ranked)
    kind: str = "absolute"
    #: the split the score is on ("test-dev", "val"), "" when the text names none
    split: str = ""
    #: the sentence the score was read from
    evidence: str | None = None


class LineagePaper(PaperSummary):
    #: the proposing paper it cites with a methodology intent
    builds_on: str


_METHODS_ON = (
    "MATCH (b:Benchmark {key: $key})<-[:EVALUATED_ON]-(p:Paper)-[:PROPOSES|USES]->(m:Method) "
    "WITH m, count(DISTINCT p) AS papers "
    "RETURN m.key AS key, m.name AS name, papers ORDER BY papers DESC, m.key"
)


@helper
def methods_on(kb: Graph, benchmark: BenchmarkRef) -> Rows[MethodCount]:
    """Methods proposed or used by papers evaluated on ``benchmark``, by number of papers.

    >>> [m.name for m in methods_on(kb, "GLUE")]
    ['LoRA', 'Transformer']
    """
    key = key_of(kb, "Benchmark", benchmark)
    return run(kb, _METHODS_ON, {"key": key}, MethodCount) if key else Rows(MethodCount)


_BENCHMARKS_FOR = (
    "MATCH (m:Method {key: $key})<-[:PROPOSES|USES]-(p:Paper)-[:EVALUATED_ON]->(b:Benchmark) "
    "WITH b, count(DISTINCT p) AS papers "
    "RETURN b.key AS key, b.name AS name, b.kind AS kind, papers ORDER BY papers DESC, b.key"
)


@helper
def benchmarks_for(kb: Graph, method: MethodRef) -> Rows[BenchmarkCount]:
    """Benchmarks that papers proposing or using ``method`` were evaluated on.

    >>> [b.name for b in benchmarks_for(kb, "lora")]
    ['GLUE', 'CIFAR-10']
    """
    key = key_of(kb, "Method", method)
    return run(kb, _BENCHMARKS_FOR, {"key": key}, BenchmarkCount) if key else Rows(BenchmarkCount)


_PROPOSING = (
    "MATCH (p:Paper)-[r:PROPOSES]->(m:Method {key: $key}) "
    f"RETURN {paper_columns('p')}, r.evidence AS evidence, r.confidence AS confidence "
    "ORDER BY coalesce(p.year, 100000), p.key"
)


@helper
def papers_proposing(kb: Graph, method: MethodRef) -> Rows[Proposal]:
    """Papers proposing ``method``, oldest first, with the sentence that says so.

    >>> papers_proposing(kb, "Low-Rank Adaptation")[0].key
    'arxiv:2106.09685'
    """
    key = key_of(kb, "Method", method)
    return run(kb, _PROPOSING, {"key": key}, Proposal) if key else Rows(Proposal)


_LEADERBOARD = (
    "MATCH (p:Paper)-[e:EVALUATED_ON]->(b:Benchmark {key: $key}) "
    "WHERE e.value IS NOT NULL AND coalesce(e.kind, 'absolute') IN ['absolute', ''] "
    "OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method) "
    "WITH p, e, min(m.name) AS method "
    "RETURN p.key AS paper, p.title AS title, p.year AS year, method, e.metric AS metric, "
    "e.value AS value, e.unit AS unit, coalesce(e.kind, 'absolute') AS kind, "
    "coalesce(e.split, '') AS split, e.evidence AS evidence "
    "ORDER BY metric, value DESC, paper"
)


@helper
def leaderboard(
    kb: Graph, benchmark: BenchmarkRef, metric: str | None = None, limit: int = 20
) -> Rows[Result]:
    """Absolute scores reported on ``benchmark``, ranked best first within each metric (highest
    first; lowest first for error-like metrics: error, loss, perplexity, WER, FID, ...), at most
    ``limit`` rows per metric. Improvements ("by 3.2 points") and relative claims ("12%
    relative") are never ranked. ``metric`` is resolved through the metric alias table
    ("Top1", "acc@1" and "top-1 accuracy" are one metric). Each row names the value's kind and
    split and carries the sentence it was read from.

    >>> [(r.rank, r.paper, r.value) for r in leaderboard(kb, "GLUE", "accuracy")]
    [(1, 'arxiv:2305.14314', 89.0), (2, 'arxiv:2106.09685', 88.5)]
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    wanted = canonical_metric(metric) if metric and metric.strip() else None
    key = key_of(kb, "Benchmark", benchmark)
    if key is None:
        return Rows(Result)
    by_metric: dict[str, list[dict]] = {}
    for row in kb.cypher(_LEADERBOARD, {"key": key}):
        name = canonical_metric(row["metric"] or "")
        if wanted is None or name == wanted:
            by_metric.setdefault(name, []).append(row)
    out: list[Result] = []
    for name in sorted(by_metric):
        sign = 1.0 if lower_is_better(name) else -1.0
        ranked = sorted(by_metric[name], key=lambda r: (sign * r["value"], r["paper"]))
        out.extend(Result(rank=i, **row) for i, row in enumerate(ranked[:limit], start=1))
    return Rows(Result, out)


_LINEAGE = (
    "MATCH (src:Paper)-[:PROPOSES]->(m:Method {key: $key}) "
    "MATCH (q:Paper)-[r:CITES]->(src) WHERE 'methodology' IN r.intents "
    "WITH q, min(src.key) AS builds_on "
    f"RETURN {paper_columns('q')}, builds_on ORDER BY coalesce(q.year, 100000), q.key"
)


@helper
def method_lineage(kb: Graph, method: MethodRef) -> Rows[LineagePaper]:
    """Papers building on ``method``: they cite a paper proposing it with a methodology intent
    (S2 citation intents). Oldest first.

    >>> [p.key for p in method_lineage(kb, "LoRA")]
    ['arxiv:2305.14314']
    """
    key = key_of(kb, "Method", method)
    return run(kb, _LINEAGE, {"key": key}, LineagePaper) if key else Rows(LineagePaper)


def method_exists(kb: Graph, name: str) -> bool:
    """Whether ``name`` names a stored method (any spelling of its key, name or aliases)."""
    return key_of(kb, "Method", name) is not None


def benchmark_exists(kb: Graph, name: str) -> bool:
    """Whether ``name`` names a stored benchmark (any spelling of its key, name or aliases)."""
    return key_of(kb, "Benchmark", name) is not None


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
