"""Extraction of methods, benchmarks and results from a paper's title, abstract and tldr.

Rule-based and offline: :func:`extract_paper` / :func:`extract_papers` return nodes and
PROPOSES / USES / COMPARES_WITH / EVALUATED_ON edges, each with ``source="extract:<rule>"``,
the evidence sentence and a confidence. ``python -m loaders.extract --eval PATH`` measures the
rules against a labelled development set.

>>> from kg.model import Paper
>>> ex = extract_paper(Paper(key="p1", title="SliceGPT: Compress LLMs", abstract="We present SliceGPT."))
>>> [m.name for m in ex.methods]
['SliceGPT']
"""

from loaders.extract.extractor import Extraction, extract_paper, extract_papers
from loaders.extract.gazetteer import benchmark_key

__all__ = ["Extraction", "extract_paper", "extract_papers", "benchmark_key"]
