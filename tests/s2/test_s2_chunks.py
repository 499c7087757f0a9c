"""A build whose S2 answers are written a chunk at a time ends with the graph, the report and the
requests of a build that writes them all at once, on both stores."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from fake_s2 import FakeS2, Fault, _edge, build_corpus
from s2_helpers import fast_options, id_paper, title_paper

from kg import spool
from kg.graph import Graph
from kg.model import Cites
from kg.store_embedded import EmbeddedStore
from loaders import pipeline
from loaders.listing import Listing, ListingEntry
from loaders.s2.fetch import PaperState
from loaders.s2.run import _chunks

N = 9


def corpus():
    c = build_corpus(N)
    # listed papers citing listed papers: each edge is in one's references and the other's
    # citations, so two chunks both hand it over
    for i, j in [(3, 0), (7, 1), (8, 7), (2, 1)]:
        src, dst = f"{i + 1:040x}", f"{j + 1:040x}"
        c.references[src].append(_edge(c, dst, 1, None, ""))
        c.citations[dst].append(_edge(c, src, 2, None, ""))
        c.papers[src]["referenceCount"] += 1
        c.papers[dst]["citationCount"] += 1
    return c


def listings() -> list[Listing]:
    papers = [id_paper(i) for i in range(N - 1)]
    papers += [id_paper(4, "doi"), id_paper(N - 1, "s2"), title_paper("Nothing S2 knows about")]
    papers.insert(2, id_paper(6, "doi"))  # the same S2 paper as a later entry
    entries = [ListingEntry(paper=p.model_copy(update={"listing_source": f"ids:{n}"}))
               for n, p in enumerate(papers)]  # fmt: skip
    return [Listing(path="ids.txt", format="ids", entries=entries)]


def dump(store) -> tuple[list, list]:
    label, rel_type = (
        ("labels(n)[0]", "type(r)") if store.dialect == "neo4j" else ("label(n)", "label(r)")
    )
    nodes = store.run(f"MATCH (n) RETURN {label} AS label, properties(n) AS p")
    rels = store.run(
        f"MATCH (a)-[r]->(b) RETURN {rel_type} AS t, a.key AS a, b.key AS b, properties(r) AS p"
    )
    drop = {"_id", "_label", "_src", "_dst", "enriched_at", "first_seen"}

    def clean(p: dict) -> tuple:
        return tuple(sorted((k, repr(v)) for k, v in p.items() if k not in drop and v is not None))

    return (
        sorted((n["label"], clean(n["p"])) for n in nodes),
        sorted((r["t"], r["a"], r["b"], clean(r["p"])) for r in rels),
    )


def build(store, tmp_path, name: str, **chunking):
    with FakeS2(corpus()) as s2:
        options = pipeline.BuildOptions(s2=fast_options(s2.url, tmp_path / name, **chunking))
        report = pipeline.build(Graph(store), listings(), options)
        return report, len(s2.log)


def differences(got: tuple[list, list], expected: tuple[list, list]) -> list:
    """What one graph has and the other has not, nodes then relationships."""
    return [
        (side, item)
        for mine, theirs in zip(got, expected)
        for side, a, b in (("extra", mine, theirs), ("missing", theirs, mine))
        for item in sorted(set(a) - set(b))
    ]


@pytest.mark.parametrize("store_name", ["embedded_store", "neo4j_store"])
def test_chunked_build_equals_one_chunk(store_name, request, tmp_path):
    store = request.getfixturevalue(store_name)
    whole, whole_requests = build(store, tmp_path, "whole")
    expected = dump(store)
    build(store, tmp_path, "whole")
    # a re-run settles which entry of a twice-listed paper speaks last (s2_match_evidence)
    rerun = dump(store)
    store.run("MATCH (n) DETACH DELETE n")
    chunked, chunked_requests = build(store, tmp_path, "chunked", chunk_papers=2, chunk_items=6)
    assert differences(dump(store), expected) == []
    assert chunked_requests == whole_requests
    rows = {k: v for k, v in whole.enrichment.rows() if k not in ("seconds", "pace achieved")}
    assert {
        k: v for k, v in chunked.enrichment.rows() if k not in ("seconds", "pace achieved")
    } == rows
    assert whole.enrichment.cites == len([r for r in expected[1] if r[0] == "CITES"])
    assert chunked.unenriched == whole.unenriched == 1
    assert chunked.extraction == whole.extraction

    build(store, tmp_path, "chunked", chunk_papers=2, chunk_items=6)
    assert differences(dump(store), rerun) == []


def test_citations_written_whenever_the_spool_fills_end_with_the_same_graph(
    embedded_store, tmp_path, monkeypatch
):
    # A build holds its citations until S2 is done unless more are held than memory allows
    # (kg.spool.default_cap); with room for three, the flushes come between chunks, into a
    # table that already holds some, and the papers of each are set ok after it.
    build(embedded_store, tmp_path, "whole")
    build(embedded_store, tmp_path, "whole")
    expected = dump(embedded_store)
    embedded_store.run("MATCH (n) DETACH DELETE n")
    monkeypatch.setattr(spool, "default_cap", lambda: 3)
    flushes = []
    flush = spool.EdgeSpool.flush
    monkeypatch.setattr(spool.EdgeSpool, "flush", lambda self, s: flushes.append(flush(self, s)))
    build(embedded_store, tmp_path, "chunked", chunk_papers=2, chunk_items=6)
    build(embedded_store, tmp_path, "chunked", chunk_papers=2, chunk_items=6)
    assert len(flushes) > 2 and sum(flushes) > 3
    assert differences(dump(embedded_store), expected) == []


def test_a_spool_is_full_once_it_holds_its_cap():
    held = spool.EdgeSpool(Cites, cap=2)
    held.hold([Cites(src="s2:a", dst="s2:b")])
    assert not held.full
    held.hold([Cites(src="s2:a", dst="s2:c"), Cites(src="s2:b", dst="s2:c")])
    assert held.full and held.held == 3
    held.close()
    assert spool.default_cap() >= spool.MIN_CAP


def _build_into(path, url: str, cache_dir) -> None:
    store = EmbeddedStore(path, buffer_pool_size=128 * 1024 * 1024)
    options = fast_options(url, cache_dir, chunk_papers=2, chunk_items=6)
    pipeline.build(Graph(store), listings(), pipeline.BuildOptions(s2=options))


def test_a_build_killed_while_its_citations_are_held_is_finished_by_the_next_run(tmp_path):
    # The embedded store holds the citations of every chunk until S2 is done (kg.spool): a
    # kill -9 then leaves the papers of the written chunks for retry, and a run again completes
    # the graph an uninterrupted build (run twice, as the killed one is) leaves.
    whole = EmbeddedStore(tmp_path / "whole.db", buffer_pool_size=128 * 1024 * 1024)
    build(whole, tmp_path, "whole", chunk_papers=2, chunk_items=6)
    build(whole, tmp_path, "whole", chunk_papers=2, chunk_items=6)
    expected = dump(whole)
    whole.close()

    path = tmp_path / "killed.db"
    hung = f"/paper/{N:040x}/references"  # the listing's S2-id entry, in its last chunks
    with FakeS2(corpus()) as s2:
        s2.faults.append(Fault(kind="hang", path=hung, seconds=60))
        child = multiprocessing.get_context("fork").Process(
            target=_build_into, args=(path, s2.url, tmp_path / "killed")
        )
        child.start()
        deadline = time.monotonic() + 120
        while not any(hung in entry.path for entry in s2.log):
            assert child.is_alive() and time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    store = EmbeddedStore(path, buffer_pool_size=128 * 1024 * 1024)
    try:
        statuses = Counter(
            r["s"] for r in store.run("MATCH (p:Paper) WHERE p.listed RETURN p.s2_status AS s")
        )
        assert statuses[pipeline.CITATIONS_PENDING] >= 2 and statuses["ok"] == 0
        assert store.run("MATCH ()-[r:CITES]->() RETURN count(r) AS n")[0]["n"] == 0
        build(store, tmp_path, "killed", chunk_papers=2, chunk_items=6)
        assert differences(dump(store), expected) == []
    finally:
        store.close()


def test_a_paper_left_to_retry_is_counted_as_unenriched_whichever_chunk_holds_it(
    embedded_store, tmp_path
):
    # resolved, but its references fail for good: left for `kg enrich` (the chunked run counts
    # from its report, the papers of written chunks being gone)
    reports = []
    for name, chunking in (("whole", {}), ("chunked", {"chunk_papers": 2, "chunk_items": 6})):
        embedded_store.run("MATCH (n) DETACH DELETE n")
        with FakeS2(corpus()) as s2:
            s2.faults.append(
                Fault(status=400, body=b'{"error": "bad"}', path=f"/paper/{1:040x}/references")
            )
            options = pipeline.BuildOptions(s2=fast_options(s2.url, tmp_path / name, **chunking))
            reports.append(pipeline.build(Graph(embedded_store), listings(), options))
    whole, chunked = reports
    assert whole.enrichment.retry_after_resolution == {"bad_request": 1}
    assert chunked.enrichment.retry_after_resolution == {"bad_request": 1}
    assert chunked.unenriched == whole.unenriched == 2


def test_chunks_keep_every_entry_of_a_paper_together_and_close_on_items():
    states = [PaperState(id_paper(i)) for i in range(6)]
    for i, st in enumerate(states):
        st.status, st.record = "ok", {"paperId": f"p{i % 4}", "referenceCount": 5}
    states[5].status, states[5].record = "not_found", None
    options = fast_options("http://127.0.0.1:9", "/nonexistent", citations=False)
    by_papers = list(_chunks(states, dataclasses.replace(options, chunk_papers=2)))
    assert by_papers == [[0, 4], [1, 2], [3, 5]]
    by_items = list(_chunks(states, dataclasses.replace(options, chunk_items=10)))
    assert by_items == [[0, 1, 4], [2, 3], [5]]


@pytest.mark.parametrize("store_name", ["embedded_store", "neo4j_store"])
def test_extraction_in_a_worker_beside_enrichment_equals_extraction_after(
    store_name, request, tmp_path, monkeypatch
):
    store = request.getfixturevalue(store_name)

    def with_abstracts():
        c = corpus()
        for i, record in enumerate(c.papers.values()):
            record["abstract"] = (
                f"We propose FooNet-{i}, which builds on LoRA. FooNet-{i} reaches {80 + i}.5% "
                f"top-1 accuracy on ImageNet and outperforms ResNet-50 by {i}.1 points."
            )
        return c

    def build_with_abstracts(name: str):
        with FakeS2(with_abstracts()) as s2:
            options = pipeline.BuildOptions(
                s2=fast_options(s2.url, tmp_path / name, chunk_papers=2, chunk_items=6)
            )
            return pipeline.build(Graph(store), listings(), options)

    after = build_with_abstracts("after")
    expected = dump(store)
    assert after.extraction["PROPOSES"] >= N and after.extraction["EVALUATED_ON"] >= N
    store.run("MATCH (n) DETACH DELETE n")
    monkeypatch.setattr(pipeline, "MIN_PAPERS", 1)  # a worker process even for these few papers
    beside = build_with_abstracts("beside")
    assert differences(dump(store), expected) == []
    assert beside.extraction == after.extraction


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_free_memory_goes_back_to_the_system_before_a_flush():
    def rss() -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    blocks = [bytes(2048) for _ in range(150_000)]  # ~300 MB in malloc's heap, not pymalloc's
    kept = blocks[::1000]  # a few live blocks pin the heap: free() alone cannot shrink it
    del blocks
    before = rss()
    spool.release_free_memory()
    assert before - rss() > 100 * 2**20
    del kept
