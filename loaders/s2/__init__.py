"""Semantic Scholar enrichment: resolve listed papers, fetch authors, references and citations,
with the fewest requests, a persistent cache, client-side pacing and retries.

    from loaders.s2 import EnrichOptions, enrich, plan_requests

    options = EnrichOptions(max_citations=200)
    print(plan_requests(papers, options), "requests planned")
    result = enrich(papers, options)          # never raises for S2 trouble
    store(result.papers, result.nodes, result.relationships)
    print(result.report.message)

The request formula is in :mod:`loaders.s2.plan`; the package guards in :mod:`loaders.s2.client`.
"""

from loaders.s2.plan import minimum_requests
from loaders.s2.run import (
    Enrichment,
    EnrichOptions,
    EnrichReport,
    budgeted_requests,
    enrich,
    enrich_async,
    estimated_seconds,
    plan_requests,
    planning_pace,
)

__all__ = [
    "EnrichOptions",
    "EnrichReport",
    "Enrichment",
    "enrich",
    "enrich_async",
    "plan_requests",
    "estimated_seconds",
    "planning_pace",
    "budgeted_requests",
    "minimum_requests",
]
