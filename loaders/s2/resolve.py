"""Which S2 record is which listed paper: ids for the batch endpoint, mapping its answers back
(the package drops the nulls of unknown ids, so order cannot be trusted), and verification of
title matches. A wrong paper is worse than no paper: a match is accepted only when the title is
near-identical and the year and author count agree when the listing knows them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from kg.keys import normalise_title
from kg.model import Paper
from kg.packed import PackedPaper

#: below this normalised-title similarity a match is rejected ("attention is not all you need"
#: vs "attention is all you need" scores 0.93)
TITLE_THRESHOLD = 0.95
YEAR_TOLERANCE = 1


def request_id(paper: Paper | PackedPaper) -> str | None:
    """The id to send to POST /paper/batch: S2 id, else CorpusId, else arXiv, else DOI.

    >>> request_id(Paper(key="arxiv:2401.00001", arxiv_id="2401.00001", doi="10.1000/x"))
    'ARXIV:2401.00001'
    """
    if paper.s2_id:
        return paper.s2_id
    if paper.corpus_id is not None:
        return f"CorpusId:{paper.corpus_id}"
    if paper.arxiv_id:
        return f"ARXIV:{paper.arxiv_id}"
    if paper.doi:
        return f"DOI:{paper.doi}"
    return None


def record_ids(record: dict) -> set[str]:
    """Every request id (lower-case) under which ``record`` can be asked for."""
    ids = set()
    if record.get("paperId"):
        ids.add(record["paperId"].lower())
    ext = record.get("externalIds") or {}
    corpus = record.get("corpusId", ext.get("CorpusId"))
    if corpus is not None:
        ids.add(f"corpusid:{corpus}")
    if ext.get("ArXiv"):
        ids.add(f"arxiv:{str(ext['ArXiv']).lower()}")
    if ext.get("DOI"):
        ids.add(f"doi:{str(ext['DOI']).lower()}")
    return ids


def map_batch(requested: list[str], records: list[dict]) -> dict[str, dict]:
    """Request id -> record, by ids (not position: the package removed the nulls).

    >>> map_batch(["ARXIV:1", "ARXIV:2"], [{"paperId": "p2", "externalIds": {"ArXiv": "2"}}])
    {'ARXIV:2': {'paperId': 'p2', 'externalIds': {'ArXiv': '2'}}}
    """
    by_id: dict[str, dict] = {}
    for rec in records:
        for i in record_ids(rec):
            by_id.setdefault(i, rec)
    out = {}
    for rid in requested:
        low = rid.lower()
        # S2 also takes a bare DOI ("10.2139/ssrn.2250500"), as the recorded traffic shows
        low = f"doi:{low}" if low.startswith("10.") else low
        if low in by_id:
            out[rid] = by_id[low]
    return out


def title_similarity(a: str | None, b: str | None) -> float:
    """Similarity of two titles after normalisation, 0..1 (spacing differences forgiven).

    >>> title_similarity("Pre-training at Scale!", "pretraining at scale")
    1.0
    """
    na, nb = normalise_title(a), normalise_title(b)
    if not na or not nb:
        return 0.0
    if na.replace(" ", "") == nb.replace(" ", ""):
        return 1.0
    return difflib.SequenceMatcher(None, na, nb).ratio()


@dataclass(frozen=True)
class Verdict:
    accepted: bool
    #: why it was rejected: "title_mismatch", "year_mismatch", "author_count_mismatch"
    reason: str | None
    confidence: float
    evidence: str


def verify_match(paper: Paper | PackedPaper, record: dict) -> Verdict:
    """Accept S2's title match for a listed paper only if title, year and author count agree.

    >>> verify_match(Paper(key="t", title="A B C", year=2024), {"title": "A B C", "year": 2023}).accepted
    True
    """
    sim = title_similarity(paper.title, record.get("title"))
    evidence = [f"title similarity {sim:.3f} ({record.get('title')!r})"]
    confidence = sim
    reason = None if sim >= TITLE_THRESHOLD else "title_mismatch"

    year = record.get("year")
    if paper.year is not None and year is not None:
        evidence.append(f"year {year} (listing {paper.year})")
        if abs(int(year) - paper.year) > YEAR_TOLERANCE:
            reason = reason or "year_mismatch"
    else:
        evidence.append("year not compared")
        confidence *= 0.9

    authors = record.get("authors")
    if paper.author_count and authors is not None:
        evidence.append(f"{len(authors)} authors (listing {paper.author_count})")
        if len(authors) != paper.author_count:
            reason = reason or "author_count_mismatch"
    else:
        evidence.append("author count not compared")
        confidence *= 0.95
    if record.get("matchScore") is not None:
        evidence.append(f"S2 matchScore {record['matchScore']}")
    return Verdict(
        reason is None, reason, round(confidence if reason is None else 0.0, 3), "; ".join(evidence)
    )
