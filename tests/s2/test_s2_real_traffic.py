"""The enrichment against real recorded Semantic Scholar traffic: the local server replays the
``semanticscholar`` package's own cassettes (../shared/real-world/semanticscholar-py/) byte for
byte, and each real answer goes through the same client, mapping and conversion as a build.

The requests are those the cassettes recorded (their ``fields`` and page sizes), made through
:class:`loaders.s2.client.S2Client` and the real package; a request the tape does not hold is a
418 and fails the test (``unmatched``).
"""

from __future__ import annotations

import asyncio
import json

import pytest
from cassettes import load_cassettes
from fake_s2 import FakeS2
from testkit import real_world

from kg.model import Paper
from loaders.s2.cache import ResponseCache
from loaders.s2.client import ClientSettings, S2Client, S2Failure, S2NotFound
from loaders.s2.convert import author_node, cites, enriched_paper, outside_paper
from loaders.s2.pace import Limiter, RetryBudget
from loaders.s2.resolve import map_batch, verify_match

PAPERS_ASKED = [
    "CorpusId:211530585",
    "CorpusId:470667",
    "10.2139/ssrn.2250500",
    "0f40b1f08821e22e859c6050916cec3667778613",
]
PAPERS_FIELDS = (
    "abstract,authors,citationCount,citationStyles,corpusId,externalIds,fieldsOfStudy,influentialCitationCount,"
    "isOpenAccess,journal,openAccessPdf,paperId,publicationDate,publicationTypes,publicationVenue,referenceCount,"
    "s2FieldsOfStudy,title,url,venue,year"
).split(",")


@pytest.fixture(scope="module")
def tape():
    return load_cassettes()


@pytest.fixture
def replay(tape):
    with FakeS2(tape=tape) as server:
        yield server
        assert server.unmatched == [], f"requests the recordings do not hold: {server.unmatched}"


def run(server: FakeS2, tmp_path, job, cache: bool = True):
    async def go():
        store = ResponseCache(tmp_path / "cache.sqlite") if cache else None
        client = S2Client(
            ClientSettings(api_url=server.url, backoff_base=0.01, backoff_cap=0.02, max_attempts=3),
            store, Limiter(0), RetryBudget(10),
        )  # fmt: skip
        try:
            return await job(client), client
        finally:
            if store is not None:
                store.close()

    return asyncio.run(go())


def test_every_cassette_is_loaded(tape):
    names = {r.cassette for r in tape.interactions}
    assert len(names) == len(list(real_world("semanticscholar-py").glob("test_*.yaml")))
    assert (
        len(tape.named("test_get_paper_citations")) == 19
        and len(tape.named("test_get_paper_references")) == 2
    )


def test_paper_batch_with_a_null_slot_maps_by_id(replay, tmp_path, tape):
    records, client = run(replay, tmp_path, lambda c: c.paper_batch(PAPERS_ASKED, PAPERS_FIELDS))
    raw = json.loads(tape.named("test_get_papers_return_not_found")[0].data)
    assert raw[0] is None and len(raw) == 4  # the real answer: null for the unknown CorpusId
    assert len(records) == 3  # the package drops the null: order cannot be trusted
    found = map_batch(PAPERS_ASKED, records)
    # every id kind maps back, the bare DOI included; the unknown CorpusId stays unmapped
    assert set(found) == set(PAPERS_ASKED[1:])
    assert found["10.2139/ssrn.2250500"]["paperId"] == "cb1ebd913c3724c599f6b276b14b5c6253da68f3"
    listed = Paper(key="corpus:470667", corpus_id=470667, listed=True)
    paper = enriched_paper(
        listed, found["CorpusId:470667"], enriched_at="2026-12-02T00:00:00+00:00"
    )
    assert (paper.key, paper.s2_id, paper.doi) == (
        "corpus:470667",
        "c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce",
        "10.2139/ssrn.288970",
    )
    assert (
        paper.title == "How Much Should We Trust Differences-in-Differences Estimates?"
        and paper.citation_count
    )
    assert [r.status for r in replay.log] == [200]


def test_paper_batch_of_three_id_kinds(replay, tmp_path):
    asked = ["CorpusId:470667", "10.2139/ssrn.2250500", "0f40b1f08821e22e859c6050916cec3667778613"]
    records, _ = run(replay, tmp_path, lambda c: c.paper_batch(asked, ["authors"]))
    assert [len(r["authors"]) for r in records] == [3, 4, 3]
    assert author_node(records[0]["authors"][1]).key == "s2:2259683"


def test_author_batch_with_null_for_an_unknown_id(replay, tmp_path):
    asked = ["0", "3234559", "1726629", "1711844"]
    records, _ = run(replay, tmp_path, lambda c: c.author_batch(asked, ["name"]))
    assert [r["authorId"] for r in records] == asked[1:]
    assert [author_node(r).name for r in records] == ["E. Dijkstra", "D. Parnas", "I. Sommerville"]
    records, _ = run(replay, tmp_path, lambda c: c.author_batch(asked[1:], ["name"]), cache=False)
    assert len(records) == 3


def test_search_match_carries_match_score_and_is_verified(replay, tmp_path):
    record, _ = run(
        replay, tmp_path, lambda c: c.match_title("mining association rules between", ["title"])
    )
    assert record["matchScore"] == 109.55098
    # S2 answers its best match for a partial title; our verification rejects it
    partial = verify_match(Paper(key="t", title="mining association rules between"), record)
    assert (partial.accepted, partial.reason) == (
        False,
        "title_mismatch",
    ) and "matchScore 109.55098" in partial.evidence
    full = verify_match(
        Paper(key="t", title="Mining Association Rules between Sets of Items in Large Databases"),
        record,
    )
    assert full.accepted


def test_references_two_pages_and_titles_without_a_paper_id(replay, tmp_path):
    result, _ = run(
        replay,
        tmp_path,
        lambda c: c.pages("10.2139/ssrn.2250500", "references", ["title"], 10**9, page_size=50),
    )
    assert (result.pages, result.truncated) == (2, False)
    assert [r.query["offset"] for r in replay.log] == ["0", "50"]
    cited = [item["citedPaper"] for item in result.items]
    nodes = [outside_paper(p) for p in cited]
    assert (
        sum(n is None for n in nodes) == sum(p["paperId"] is None for p in cited) > 0
    )  # title-only: not stored
    assert all(n.key.startswith("s2:") for n in nodes if n)
    edges = [cites("s2:x", n.key, item) for n, item in zip(nodes, result.items) if n]
    assert edges and all(e.contexts is None and e.intents is None for e in edges)  # not asked for


def test_citations_nineteen_pages_walked_to_the_end(replay, tmp_path):
    result, _ = run(
        replay,
        tmp_path,
        lambda c: c.pages("CorpusID:14514057", "citations", ["title"], 10**9, page_size=100),
    )
    assert (result.pages, result.truncated, len(replay.log)) == (19, False, 19)
    assert len(result.items) == 18 * 100 + len(result.items[1800:]) and len(result.items) > 1800
    assert [int(r.query["offset"]) for r in replay.log] == list(range(0, 1900, 100))
    # a cap stops early and says so
    replay.reset()
    capped, _ = run(
        replay,
        tmp_path / "capped",
        lambda c: c.pages("CorpusID:14514057", "citations", ["title"], 250, page_size=100),
    )
    assert (capped.pages, capped.truncated, len(capped.items)) == (3, True, 250)


def test_404s_are_not_found_cached_and_not_retried(replay, tmp_path):
    async def both(client):
        out = []
        for call in (
            lambda: client.api.get_paper("0", fields="title"),
            lambda: client.api.get_author("0", fields="name"),
        ):
            try:
                await call()
            except S2NotFound:
                out.append("not found")
        return out

    answers, client = run(replay, tmp_path, both)
    assert answers == ["not found", "not found"] and [r.status for r in replay.log] == [404, 404]
    replay.reset()
    again, client = run(replay, tmp_path, both)
    assert again == ["not found", "not found"] and replay.log == []  # answered from the cache


def test_400_for_bad_fields_fails_at_once_without_retry(replay, tmp_path):
    async def bad(client):
        try:
            await client.api.get_paper("10.1093/mind/lix.236.433", fields=["unknown"])
        except S2Failure as exc:
            return exc.reason
        return None

    reason, client = run(replay, tmp_path, bad)
    assert reason == "bad_request" and [r.status for r in replay.log] == [400]
    assert client.stats.retries == 0 and client.stats.failures == {"bad_request": 1}


def test_a_paper_and_an_empty_search(replay, tmp_path):
    async def calls(client):
        paper = await client.api.get_paper("10.1093/mind/lix.236.433", fields=["title"])
        empty = await client.api.search_paper("n0 r3sult s3arch t3rm", fields=["title"])
        return paper.raw_data, empty.total, list(empty.raw_data)

    (paper, total, items), _ = run(replay, tmp_path, calls)
    assert paper == {
        "paperId": "2d5673caa9e6af3a7b82a43f19ee920992db07ad",
        "title": "Computing Machinery and Intelligence",
    }
    assert (total, items) == (0, [])  # the real answer has no "data" key at all


def test_recorded_edge_objects_convert_with_contexts_capped():
    base = real_world("semanticscholar-py")
    citation = json.loads((base / "Citation.json").read_text())
    edge = cites("s2:citing", "s2:cited", citation)
    assert len(citation["contexts"]) == 4 and edge.contexts == citation["contexts"][:3]
    assert (edge.is_influential, edge.intents) == (True, ["result", "background", "methodology"])
    node = outside_paper(citation["citingPaper"])
    assert (node.doi, node.corpus_id, node.venue) == (
        "10.1109/lra.2022.3229266",
        254723237,
        "IEEE Robotics and Automation Letters",
    )
    reference = json.loads((base / "Reference.json").read_text())
    assert cites("a", "b", reference).contexts == reference["contexts"]
    assert outside_paper(reference["citedPaper"]).arxiv_id == "1402.0030"
