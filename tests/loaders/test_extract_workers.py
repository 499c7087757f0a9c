"""Extraction in worker processes gives what extraction in this process gives."""

from pathlib import Path

import pytest

from loaders.extract import extract_papers, workers
from loaders.extract.extractor import extract_paper, merge_extractions
from loaders.listing import load_listing

LISTING = Path(__file__).resolve().parents[2] / "examples" / "hf-daily-papers-listing.txt"


def test_two_workers_over_chunks_equal_one_process(monkeypatch):
    papers = [e.paper for e in load_listing(LISTING).entries]
    monkeypatch.setattr(workers, "MIN_PAPERS", 1)
    monkeypatch.setattr(workers, "CHUNK", 10)  # eleven tasks, finishing in any order
    expected = extract_papers(papers)
    got = workers.extract_in_workers(papers, workers=2)
    assert len(expected.relationships) > 100
    assert got == expected


def test_few_papers_stay_in_this_process():
    papers = [e.paper for e in load_listing(LISTING).entries][:5]
    assert workers.extract_in_workers(papers, workers=2) == extract_papers(papers)


def test_the_merge_refuses_parts_it_could_read_only_once():
    # it reads them three times over: an iterator would leave the second and third passes empty
    papers = [e.paper for e in load_listing(LISTING).entries][:20]
    parts = [extract_paper(p) for p in papers]
    assert merge_extractions(parts) == extract_papers(papers)
    with pytest.raises(TypeError, match="three times"):
        merge_extractions(iter(parts))


def test_the_caller_extracts_the_tasks_no_worker_started_while_it_waits(monkeypatch):
    papers = [e.paper for e in load_listing(LISTING).entries]
    monkeypatch.setattr(workers, "CHUNK", 1)  # 107 tasks for one worker: most wait in its queue
    with workers.BackgroundExtraction(workers=1) as extraction:
        extraction.submit(papers)
        tasks = extraction._parts  # result() extracts in place the tasks it takes back
        got = extraction.result()
        here = sum(isinstance(task, bytes) for task in tasks)
        again = extraction.result()
    assert got == extract_papers(papers)
    assert 0 < here < len(papers)
    assert again == extract_papers([])  # handed over once, not held
