"""End to end: a 20-paper listing enriched from the local S2 server through the real package."""

from __future__ import annotations

import asyncio
import time

import pytest
from fake_s2 import _edge, build_corpus
from s2_helpers import fast_options, id_paper, listed_title, title_paper

from kg.model import Author, Authored, Cites, Paper
from loaders.s2 import enrich, enrich_async, plan_requests
from loaders.s2.plan import minimum_requests


def pid(i: int) -> str:
    return f"{i + 1:040x}"


@pytest.fixture
def corpus():
    c = build_corpus(22)
    # paper 0 has 1,500 references: two pages
    c.references[pid(0)] = [
        _edge(c, f"x{k:039x}", k, __import__("random").Random(k), f"Old work {k}")
        for k in range(1500)
    ]
    c.papers[pid(0)]["referenceCount"] = 1500
    # paper 1 cites paper 2 (both listed): the edge must join the two listed nodes
    c.references[pid(1)].append(
        {"paperId": pid(2), "isInfluential": True, "intents": ["methodology"]}
    )
    c.papers[pid(1)]["referenceCount"] = 4
    # paper 5 is cited by nobody: no /citations request
    c.citations[pid(5)] = []
    c.papers[pid(5)]["citationCount"] = 0
    return c


def listing_20() -> list[Paper]:
    kinds = ["arxiv"] * 4 + ["doi"] * 2 + ["s2"] * 2 + ["corpus", "arxiv"]
    papers = [id_paper(i, k) for i, k in enumerate(kinds)]
    papers.append(Paper(key="arxiv:9999.99999", arxiv_id="9999.99999", listed=True))  # unknown id
    papers += [
        title_paper(listed_title(i), abstract=f"Listing abstract {i}") for i in range(11, 18)
    ]
    papers.append(title_paper(listed_title(18), year=2019))  # S2 says 2024: rejected
    papers.append(title_paper("Zzzz qqqq wholly unknown xxyyzz"))  # no match at all
    assert len(papers) == 20
    return papers


RESOLVED = [*range(10), *range(11, 18)]


def test_twenty_papers_exact_requests_and_graph(s2, corpus, tmp_path):
    papers = listing_20()
    options = fast_options(s2.url, tmp_path)
    planned = plan_requests(papers, options)  # before the run: after it, all is cached
    result = enrich(papers, options)

    # requests: 1 batch (11 ids) + 9 title matches + 1 author batch
    #   + references: 17 resolved papers, paper 0 needs 2 pages -> 18
    #   + citations: 17 resolved papers minus paper 5 (citationCount 0) -> 16
    expected = 1 + 9 + 1 + 18 + 16
    assert len(s2.log) == expected
    assert result.report.requests_made == expected
    assert result.report.minimum_requests == expected
    assert len(s2.requests("/paper/batch")) == 1
    assert len(s2.requests("/search/match")) == 9
    assert len(s2.requests("/author/batch")) == 1
    assert [r.query["offset"] for r in s2.requests(f"/paper/{pid(0)}/references")] == ["0", "1000"]
    assert not s2.requests(f"/paper/{pid(5)}/citations")
    assert planned >= expected * 0.9 and result.report.planned_requests == planned

    statuses = [p.s2_status for p in result.papers]
    assert statuses == ["ok"] * 10 + ["not_found"] + ["ok"] * 7 + [
        "rejected:year_mismatch",
        "not_found",
    ]
    assert [p.key for p in result.papers] == [p.key for p in papers]
    assert result.report.resolved == 17
    assert result.report.rejected == {"year_mismatch": 1}
    assert result.report.not_found == 2

    # listed papers carry S2's data, keep listing title/abstract, record match evidence
    by_key = {p.key: p for p in result.papers}
    p0 = by_key["arxiv:2401.00000"]
    assert (p0.s2_id, p0.corpus_id, p0.doi, p0.reference_count) == (
        pid(0),
        10_000,
        "10.1000/l0",
        1500,
    )
    assert p0.abstract is None and p0.tldr == "TLDR 0." and p0.enriched_at
    assert p0.fields_of_study == ["Computer Science", "Mathematics"]
    p11 = result.papers[11]
    assert (
        p11.s2_id == pid(11) and p11.abstract == "Abstract of listed paper 11."
    )  # S2's abstract wins
    assert result.papers[15].abstract == "Listing abstract 15"  # S2 has none: the listing's stays
    assert p11.s2_match_confidence == 1.0 and "title similarity 1.000" in p11.s2_match_evidence

    # nodes: distinct authors of resolved papers + outside papers from the lists
    authors = {n.key: n for n in result.nodes if isinstance(n, Author)}
    want_authors = {a["authorId"] for i in RESOLVED for a in corpus.papers[pid(i)]["authors"]}
    assert set(authors) == {f"s2:{a}" for a in want_authors}
    a = authors["s2:100003"]
    assert (a.name, a.h_index, a.affiliations) == (
        "Author 100003",
        100003 % 40,
        [f"Lab {100003 % 7}"],
    )
    outside = {n.key for n in result.nodes if isinstance(n, Paper)}
    listed_ids = {pid(i) for i in RESOLVED}
    want_outside = {
        e["paperId"] for i in RESOLVED for e in corpus.references[pid(i)] + corpus.citations[pid(i)]
    } - listed_ids
    assert outside == {f"s2:{x}" for x in want_outside}
    assert all(n.listed is False for n in result.nodes if isinstance(n, Paper))

    # relationships
    cites = [r for r in result.relationships if isinstance(r, Cites)]
    authored = [r for r in result.relationships if isinstance(r, Authored)]
    want_cites = sum(
        len(corpus.references[pid(i)]) + len(corpus.citations[pid(i)]) for i in RESOLVED
    )
    assert len(cites) == want_cites
    assert len(authored) == 3 * len(RESOLVED)
    listed_edge = [c for c in cites if c.src == "arxiv:2401.00001" and c.dst == "arxiv:2401.00002"]
    assert (
        listed_edge
        and listed_edge[0].is_influential is True
        and listed_edge[0].intents == ["methodology"]
    )
    first = next(r for r in authored if r.dst == "arxiv:2401.00000" and r.position == 1)
    assert first.src == "s2:100000" and first.source == "s2"
    cited_by = [c for c in cites if c.dst == "arxiv:2401.00003"]
    assert len(cited_by) == 4 and {c.source for c in cited_by} == {"s2"}
    assert [c.is_influential for c in cited_by] == [True, False, False, True]

    # a second run makes no request at all and returns the same graph
    s2.reset()
    again = enrich(papers, options)
    assert len(s2.log) == 0 and again.report.requests_made == 0
    # served from the cache: 11 ids and 51 authors one by one, 9 matches, 34 list pages
    n_authors = len({a["authorId"] for i in RESOLVED for a in corpus.papers[pid(i)]["authors"]})
    assert again.report.cache_hits == 11 + n_authors + 9 + 18 + 16
    assert [p.model_dump(exclude={"enriched_at"}) for p in again.papers] == [
        p.model_dump(exclude={"enriched_at"}) for p in result.papers
    ]
    assert len(again.relationships) == len(result.relationships)


def test_minimum_formula_counts_what_s2_returned():
    # 11 ids, 9 titles, 51 authors, refs (1500, 4, 3 x15), cits (4 x16, 0)
    assert minimum_requests(11, 9, 51, [1500, 4] + [3] * 15, [4] * 16 + [0], 1000) == 45


def test_no_citations_and_max_citations(s2, tmp_path):
    papers = [id_paper(i) for i in range(2, 5)]
    result = enrich(papers, fast_options(s2.url, tmp_path, citations=False))
    assert not s2.requests("/citations") and len(s2.requests("/references")) == 3
    assert all(c.dst != "arxiv:2401.00002" for c in result.relationships if isinstance(c, Cites))
    s2.reset()
    result = enrich(
        papers, fast_options(s2.url, tmp_path / "other", max_citations=2, references=False)
    )
    assert [r.query["limit"] for r in s2.requests("/citations")] == ["2", "2", "2"]
    assert all(p.citations_truncated for p in result.papers)
    assert sum(isinstance(r, Cites) for r in result.relationships) == 6


def test_enrich_works_inside_a_running_event_loop(s2, tmp_path):
    papers = [id_paper(i) for i in range(4)]

    async def notebook_cell():
        return enrich(papers, fast_options(s2.url, tmp_path))

    result = asyncio.run(notebook_cell())
    assert [p.s2_status for p in result.papers] == ["ok"] * 4


def test_package_sync_client_blocks_a_running_loop_but_enrich_async_does_not(s2, tmp_path):
    from semanticscholar import SemanticScholar

    s2.delay = 0.15
    papers = [id_paper(i) for i in range(2)]

    async def with_heartbeat(work):
        ticks = 0

        async def beat():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.02)
                ticks += 1

        task = asyncio.create_task(beat())
        await asyncio.sleep(0)
        start = time.monotonic()
        await work()
        elapsed = time.monotonic() - start
        task.cancel()
        return ticks, elapsed

    async def package_call():
        SemanticScholar(api_url=s2.url, retry=False).get_paper(pid(0), fields=["title"])

    ticks, elapsed = asyncio.run(with_heartbeat(package_call))
    assert elapsed >= 0.15 and ticks <= 1  # the loop stood still while the package waited

    async def ours():
        result = await enrich_async(papers, fast_options(s2.url, tmp_path))
        assert result.report.resolved == 2

    ticks, elapsed = asyncio.run(with_heartbeat(ours))
    assert ticks >= elapsed / 0.02 / 3  # the loop kept beating


class Recorder:
    """Progress (kg.progress) that keeps, per task, its description, done and total."""

    def __init__(self):
        self.tasks, self.open = {}, set()

    def start(self, task, description, total=None):
        self.tasks[task] = [description, 0, total]
        self.open.add(task)

    def advance(self, task, n=1):
        self.tasks[task][1] += n

    def end(self, task):
        self.open.discard(task)


def test_progress_bars_count_every_phase(s2, tmp_path):
    papers = [id_paper(i) for i in range(3, 6)] + [title_paper(listed_title(7))]
    progress = Recorder()
    enrich(papers, fast_options(s2.url, tmp_path), progress=progress)
    assert not progress.open  # every task ended
    tasks = {description: (done, total) for description, done, total in progress.tasks.values()}
    assert tasks == {
        "S2 resolve": (4, 4),
        "S2 authors": (7, 7),  # papers i have authors 100000+i..i+2: 100003..100009
        "S2 references": (4, 4),
        "S2 citations": (3, 3),  # paper 5 has no citations
    }


def test_empty_input_makes_no_request(s2, tmp_path):
    result = enrich([], fast_options(s2.url, tmp_path))
    assert result.papers == [] and len(s2.log) == 0 and result.report.requests_made == 0
