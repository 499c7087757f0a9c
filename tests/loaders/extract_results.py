"""What the result tests read off one sentence."""

from __future__ import annotations

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper


def absolute(sentence: str) -> list[tuple]:
    """(benchmark, metric, value) of every absolute score extracted from ``sentence``, sorted."""
    ex = extract_paper(Paper(key="p", title="X", abstract=sentence))
    return sorted(
        (r.dst, r.metric, r.value)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None and r.kind == "absolute"
    )
