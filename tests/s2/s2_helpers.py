"""Helpers shared by the S2 tests: fast options and listing papers for the fake corpus."""

from __future__ import annotations

from fake_s2 import Corpus, listed_title

from kg.keys import paper_key
from kg.model import Paper
from loaders.s2 import EnrichOptions


def fast_options(url: str, cache_dir, **kw) -> EnrichOptions:
    """No pacing, tiny backoff, fixed jitter: the suite stays fast and repeatable."""
    base = dict(
        api_url=url, cache_dir=str(cache_dir), pace=0, backoff_base=0.01, backoff_cap=0.05,
        timeout=20.0, seed=7, concurrency=1,  # generous: the test machine is shared and busy
    )  # fmt: skip
    base.update(kw)
    return EnrichOptions(**base)


def id_paper(i: int, kind: str = "arxiv", corpus: Corpus | None = None) -> Paper:
    """Listed paper ``i`` of :func:`build_corpus` known by one id."""
    pid = f"{i + 1:040x}"
    if kind == "arxiv":
        return Paper(key=paper_key(arxiv_id=f"2401.{i:05d}"), arxiv_id=f"2401.{i:05d}", listed=True)
    if kind == "doi":
        return Paper(key=paper_key(doi=f"10.1000/l{i}"), doi=f"10.1000/l{i}", listed=True)
    if kind == "s2":
        return Paper(key=paper_key(s2_id=pid), s2_id=pid, listed=True)
    if kind == "corpus":
        return Paper(key=paper_key(corpus_id=10_000 + i), corpus_id=10_000 + i, listed=True)
    raise ValueError(kind)


def title_paper(
    title: str, year: int | None = 2024, author_count: int | None = 3, abstract=None
) -> Paper:
    return Paper(
        key=paper_key(title=title), title=title, year=year, author_count=author_count,
        abstract=abstract, listed=True,
    )  # fmt: skip


__all__ = ["fast_options", "id_paper", "title_paper", "listed_title"]
