"""Citation contexts: the citing sentences come with the reference and citation pages the run
fetches anyway (no extra request), are kept up to 3 per edge in S2's order, and read back the
same on both stores through ``why_cited``."""

from __future__ import annotations

from s2_helpers import fast_options, id_paper

from kg import KnowledgeGraph
from kg.graph import Graph
from kg.model import MAX_CONTEXT_CHARS
from loaders import pipeline
from loaders.s2 import plan_requests
from queries.citations import why_cited

LISTED = f"{1:040x}"  # paper 0 of the fake corpus
CITER = f"c{0:07d}{0:032x}"  # its first citing paper
REFERENCE = f"r{0:07d}{1:032x}"  # its second reference
LONG = "word " * 300


def test_contexts_are_stored_capped_in_order_without_extra_requests(store, s2, corpus, tmp_path):
    corpus.citations[LISTED][0]["contexts"] = ["First [1].", "", LONG, "Third [1].", "Fourth [1]."]
    papers = [id_paper(i) for i in range(4)]
    options = fast_options(s2.url, tmp_path / "cache")
    planned = plan_requests(papers, options)
    pipeline.write_graph(Graph(store), papers)
    report = pipeline.BuildReport()
    pipeline.enrich_papers(Graph(store), papers, options, report)
    assert report.enrichment.requests_made == planned == len(s2.log)
    pages = s2.requests("/citations") + s2.requests("/references")
    assert pages and all("contexts" in r.query["fields"].split(",") for r in pages)

    kb = KnowledgeGraph(store)
    [row] = why_cited(kb, f"s2:{CITER}", "arxiv:2401.00000")
    assert (
        row.contexts[0] == "First [1]."
        and row.contexts[2] == "Third [1]."
        and len(row.contexts) == 3
    )
    assert len(row.contexts[1]) == MAX_CONTEXT_CHARS and row.contexts[1].endswith("…")
    assert (row.intents, row.is_influential) == (["background"], True)
    [ref] = why_cited(kb, "arxiv:2401.00000", f"s2:{REFERENCE}")
    assert ref.contexts == [
        "Reference 1 of paper 0 is discussed here [1].",
        "As in [1], we follow Reference 1 of paper 0.",
    ]
    assert ref.intents == ["methodology"] and ref.first_seen.endswith("Z")


def test_first_seen_is_kept_when_the_same_edges_are_written_again(store, s2, tmp_path):
    papers = [id_paper(0)]
    day = 86_400.0
    for clock in (1_780_000_000.0, 1_780_000_000.0 + 3 * day):
        options = fast_options(
            s2.url,
            tmp_path / "cache",
            clock=lambda c=clock: c,
            cache_ttl={"citations": 0, "references": 0},
        )
        pipeline.write_graph(Graph(store), papers)
        pipeline.enrich_papers(Graph(store), papers, options, pipeline.BuildReport())
    seen = store.run("MATCH ()-[r:CITES]->() RETURN DISTINCT r.first_seen AS s")
    assert seen == [{"s": "2026-05-28T20:26:40Z"}]
