"""What the report shows, read from the graph: plain typed records, no HTML.

Counts come from :func:`kg.stats.graph_stats` (so the page says what ``kg stats`` says); the
lists from the query helpers where one exists, else from the few statements below, each
aggregated in Cypher so a 100,000-paper graph returns hundreds of rows, not a row per paper.

>>> data = gather(kb)
>>> data.numbers["papers listed"]
3
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.graph import Graph
from kg.stats import graph_stats
from queries import authors, methods, papers

TOP = 15
LEADERBOARDS = 12
LEADERBOARD_ROWS = 10
COMMUNITIES = 12
TERMS = 6
#: titles of a community its terms are counted over
TERM_TITLES = 1000
#: problem papers listed per enrichment state (the rest are counted)
PAPERS_PER_STATE = 25

_PAPERS_PER_YEAR = (
    "MATCH (p:Paper) WHERE p.year IS NOT NULL "
    "RETURN p.year AS year, coalesce(p.listed, false) AS listed, count(p) AS n ORDER BY year, listed"
)
_CITATION_COUNTS = (
    "MATCH (p:Paper) WHERE p.citation_count IS NOT NULL "
    "RETURN p.citation_count AS c, coalesce(p.listed, false) AS listed, count(p) AS n"
)
_NOT_OK = (
    "MATCH (p:Paper) WHERE p.listed = true AND (p.s2_status IS NULL OR p.s2_status <> 'ok') "
    "RETURN coalesce(p.s2_status, 'not tried') AS status, p.key AS key, p.title AS title, "
    "p.s2_match_evidence AS evidence ORDER BY status, key"
)
_METHOD_COUNTS = {
    rel: f"MATCH (:Paper)-[:{rel}]->(m:Method) "
    "RETURN m.key AS key, m.name AS name, count(*) AS papers ORDER BY papers DESC, key LIMIT $limit"
    for rel in ("PROPOSES", "USES")
}
_BENCHMARKS_WITH_RESULTS = (
    "MATCH (:Paper)-[r:EVALUATED_ON]->(b:Benchmark) "
    "WHERE r.value IS NOT NULL AND coalesce(r.kind, 'absolute') = 'absolute' "
    "RETURN b.key AS key, b.name AS name, count(r) AS results ORDER BY results DESC, key LIMIT $limit"
)
_COMMUNITY_SIZES = (
    "MATCH (p:Paper) WHERE p.community IS NOT NULL "
    "RETURN p.community AS community, count(p) AS papers ORDER BY papers DESC, community LIMIT $limit"
)
_COMMUNITY_TITLES = (
    "MATCH (p:Paper) WHERE p.community = $community RETURN p.title AS title LIMIT $limit"
)
_HAS_PAGERANK = "MATCH (p:Paper) WHERE p.pagerank IS NOT NULL RETURN count(p) AS n"

_STOPWORDS = frozenset(
    """a an and are as at based be by for from in into is it its of on or over the their this to
    towards under via vs with without we our using use new can do does how what when which who why
    all any more most not one two than that these through up down your you large model models
    learning study""".split()
)
_WORD = re.compile(r"[a-z][a-z0-9\-]{2,}")


@dataclass
class Bar:
    """One bar of a bar chart: a label, a value and what the tooltip adds."""

    label: str
    value: float
    key: str = ""
    series: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class StatePapers:
    """Listed papers in one enrichment state (``rejected: title_mismatch``, ``retry: 429``, ...)."""

    state: str
    count: int
    papers: list[dict[str, str | None]]


@dataclass
class Leaderboard:
    benchmark: str
    key: str
    results: int
    rows: list[methods.Result]


@dataclass
class CommunityRow:
    community: int
    size: int
    terms: list[str]


@dataclass
class ReportData:
    stats: dict[str, dict[str, int]]
    numbers: dict[str, int]
    enrichment: list[StatePapers]
    per_year: list[Bar]
    citation_histogram: list[Bar]
    top_cited: list[Bar]
    influential: list[Bar]
    top_authors: list[Bar]
    methods: list[Bar]
    leaderboards: list[Leaderboard]
    communities: list[CommunityRow]
    top_paper: dict[str, str | None] | None


def gather(kb: Graph) -> ReportData:
    """Everything the report shows, in about a dozen statements."""
    stats = graph_stats(kb)
    cited = top_cited(kb)
    return ReportData(
        stats=stats,
        numbers=numbers(stats),
        enrichment=enrichment(kb, stats),
        per_year=per_year(kb),
        citation_histogram=citation_histogram(kb),
        top_cited=cited,
        influential=influential(kb),
        top_authors=[
            Bar(a.name or a.key, a.papers, a.key, extra={"citations": a.citations})
            for a in authors.top_authors(kb, limit=TOP)
        ],
        methods=method_counts(kb),
        leaderboards=leaderboards(kb),
        communities=communities(kb),
        top_paper={"key": cited[0].key, "title": cited[0].label} if cited else None,
    )


def numbers(stats: dict[str, dict[str, int]]) -> dict[str, int]:
    """The headline counts, each one a figure of ``kg stats``.

    >>> numbers({"nodes": {"Paper": 10, "Author": 3, "Method": 2, "Benchmark": 1},
    ...          "relationships": {"CITES": 7}, "listed_papers_by_s2_status": {"ok": 3, "not tried": 1}})
    {'papers listed': 4, 'papers matched in S2': 3, 'other papers (cited or citing)': 6, 'authors': 3, 'methods': 2, 'benchmarks': 1, 'citations': 7}
    """
    nodes, rels = stats["nodes"], stats["relationships"]
    listed = sum(stats["listed_papers_by_s2_status"].values())
    return {
        "papers listed": listed,
        "papers matched in S2": stats["listed_papers_by_s2_status"].get("ok", 0),
        "other papers (cited or citing)": nodes.get("Paper", 0) - listed,
        "authors": nodes.get("Author", 0),
        "methods": nodes.get("Method", 0),
        "benchmarks": nodes.get("Benchmark", 0),
        "citations": rels.get("CITES", 0),
    }


def state_label(status: str) -> str:
    """``rejected:title_mismatch`` -> ``rejected: title mismatch``.

    >>> state_label("retry:unreachable"), state_label("ok"), state_label("not tried")
    ('not reached: unreachable', 'matched', 'not tried')
    """
    if status == "ok":
        return "matched"
    kind, _, reason = status.partition(":")
    kind = {"retry": "not reached", "not_found": "not found in S2"}.get(kind, kind)
    return f"{kind}: {reason.replace('_', ' ')}" if reason else kind


def enrichment(kb: Graph, stats: dict[str, dict[str, int]]) -> list[StatePapers]:
    """One entry per enrichment state of the listed papers, matched first; the papers behind
    every state but "matched" (up to :data:`PAPERS_PER_STATE` each)."""
    behind: dict[str, list[dict]] = {}
    for row in kb.cypher(_NOT_OK):
        entries = behind.setdefault(row["status"], [])
        if len(entries) < PAPERS_PER_STATE:
            entries.append({"key": row["key"], "title": row["title"], "evidence": row["evidence"]})
    by_status = stats["listed_papers_by_s2_status"]
    order = sorted(by_status, key=lambda s: (s != "ok", s))
    return [StatePapers(state_label(s), by_status[s], behind.get(s, [])) for s in order]


def per_year(kb: Graph) -> list[Bar]:
    return [
        Bar(str(r["year"]), r["n"], series="listed" if r["listed"] else "other (cited or citing)")
        for r in kb.cypher(_PAPERS_PER_YEAR)
    ]


def log_bin(count: int) -> tuple[int, int]:
    """The 1-2-5 bin ``[low, high)`` holding a citation count (0 has a bin of its own).

    >>> [log_bin(c) for c in (0, 1, 3, 7, 10, 49, 50, 12000)]
    [(0, 1), (1, 2), (2, 5), (5, 10), (10, 20), (20, 50), (50, 100), (10000, 20000)]
    """
    if count <= 0:
        return 0, 1
    decade = 10 ** int(math.floor(math.log10(count)))
    for low, high in ((1, 2), (2, 5), (5, 10)):
        if count < high * decade:
            return low * decade, high * decade
    raise AssertionError(count)  # unreachable: count < 10 * decade


def _bin_label(low: int, high: int) -> str:
    return str(low) if high == low + 1 else f"{low:,}–{high - 1:,}"


def citation_histogram(kb: Graph) -> list[Bar]:
    """Papers per citation-count bin (1-2-5 steps: a log scale), listed and other papers apart."""
    counts: Counter[tuple[tuple[int, int], bool]] = Counter()
    for row in kb.cypher(_CITATION_COUNTS):
        counts[(log_bin(row["c"]), row["listed"])] += row["n"]
    return [
        Bar(
            _bin_label(*b),
            n,
            key=str(b[0]),
            series="listed" if listed else "other (cited or citing)",
        )
        for (b, listed), n in sorted(counts.items())
    ]


def top_cited(kb: Graph) -> list[Bar]:
    return [
        Bar(
            p.title or p.key,
            p.citation_count or 0,
            p.key,
            extra={"year": p.year, "in this graph": p.cited_in_graph},
        )
        for p in papers.top_cited(kb, limit=TOP, listed_only=True)
    ]


def influential(kb: Graph) -> list[Bar]:
    """Papers by PageRank, empty until ``kg analyze`` has stored it."""
    if not kb.cypher(_HAS_PAGERANK)[0]["n"]:
        return []
    return [
        Bar(
            p.title or p.key,
            round(p.pagerank, 6),
            p.key,
            extra={"year": p.year, "listed": bool(p.listed)},
        )
        for p in papers.most_influential(kb, limit=TOP)
        if p.pagerank is not None
    ]


def method_counts(kb: Graph) -> list[Bar]:
    """The methods most proposed and the methods most used (papers per method)."""
    out = []
    for rel, series in (("PROPOSES", "proposed"), ("USES", "used")):
        for r in kb.cypher(_METHOD_COUNTS[rel], {"limit": TOP}):
            out.append(Bar(r["name"] or r["key"], r["papers"], r["key"], series=series))
    return out


def leaderboards(kb: Graph) -> list[Leaderboard]:
    """The leaderboard (``queries.methods.leaderboard``) of each benchmark with absolute
    results, the most results first."""
    boards = []
    for b in kb.cypher(_BENCHMARKS_WITH_RESULTS, {"limit": LEADERBOARDS}):
        rows = methods.leaderboard(kb, b["key"], limit=LEADERBOARD_ROWS)
        if rows:
            board = Leaderboard(
                b["name"] or b["key"], b["key"], b["results"], list(rows[:LEADERBOARD_ROWS])
            )
            boards.append(board)
    return boards


def _plain_word(word: str) -> str | None:
    """A title word as counted: a plural's "s" dropped; None for a common word."""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word.rstrip("s")
    return None if word in _STOPWORDS else word


def title_terms(titles: list[str | None], n: int = TERMS) -> list[str]:
    """The ``n`` words found in the most ``titles`` (3+ letters, a plural's "s" dropped, common
    words left out), ties alphabetical.

    >>> title_terms(["Sparse attention for graphs", "Sparse graph transformers", None], n=2)
    ['graph', 'sparse']
    """
    words: Counter[str] = Counter()
    for title in titles:
        seen = set()
        for word in _WORD.findall((title or "").lower()):
            word = (
                word.rstrip("s")
                if len(word) > 4 and word.endswith("s") and not word.endswith("ss")
                else word
            )
            if word not in _STOPWORDS and word not in seen:
                seen.add(word)
                words[word] += 1
    return [w for w, _ in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def communities(kb: Graph) -> list[CommunityRow]:
    """The largest communities (``kg analyze``) with their size and frequent title terms, the
    terms from the first :data:`TERM_TITLES` titles the store gives of each (all of them in a
    smaller community): reading every title of a 100,000-paper graph took 2 s of the report."""
    rows = []
    for r in kb.cypher(_COMMUNITY_SIZES, {"limit": COMMUNITIES}):
        sample = {"community": r["community"], "limit": TERM_TITLES}
        titles = [t["title"] for t in kb.cypher(_COMMUNITY_TITLES, sample)]
        rows.append(CommunityRow(r["community"], r["papers"], title_terms(titles)))
    return rows


__all__ = [
    "gather",
    "ReportData",
    "Bar",
    "StatePapers",
    "Leaderboard",
    "CommunityRow",
    "numbers",
    "log_bin",
    "title_terms",
]
