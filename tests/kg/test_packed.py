"""Papers held packed (kg.packed): what a build holds of each listed paper reads back whole."""

import sys

from testkit import EXAMPLE_LISTING

from kg.model import Paper
from kg.packed import PackedPapers, pack, packed_of, unpack
from loaders.listing import load_listing
from loaders.listing.base import ListingEntry
from loaders.listing.registry import parse_with

FULL = Paper(
    key="arxiv:2401.00001",
    s2_id="abc",
    corpus_id=7,
    arxiv_id="2401.00001",
    doi="10.1/x",
    title="A Café Model",
    abstract="We propose it.",
    year=2024,
    fields_of_study=["Computer Science", "Linguistics"],
    listed=True,
    upvotes=3,
    citations_truncated=False,
    pagerank=0.25,
)


def test_round_trip_keeps_every_field_and_lists_are_not_shared_by_copies():
    back = unpack(pack(FULL))
    assert back == FULL
    assert back.model_dump() == FULL.model_dump()
    # False and 0-like values are values, not absences
    assert back.citations_truncated is False
    again = unpack(pack(FULL))
    assert again is not back and again == back


def test_a_packed_paper_reads_like_the_model_and_is_smaller():
    packed = pack(FULL)
    assert packed.title == "A Café Model" and packed.key == FULL.key and packed.doi == "10.1/x"
    model_bytes = sys.getsizeof(FULL.__dict__) + sys.getsizeof(FULL.__pydantic_fields_set__)
    assert sys.getsizeof(packed) < model_bytes / 2


def test_packed_papers_is_a_sequence_of_models():
    other = Paper(key="doi:10.2/y", doi="10.2/y", title="Other")
    papers = PackedPapers([FULL, other])
    assert len(papers) == 2
    assert papers[1] == other and papers[-1] == other
    assert papers[0:1] == [FULL]
    assert list(papers) == [FULL, other]
    assert [p.key for p in papers] == [FULL.key, other.key]
    assert packed_of(papers) is papers.packed
    assert [unpack(p) for p in packed_of([FULL])] == [FULL]
    assert PackedPapers.of_packed(papers.packed)[1] == other


def test_a_loaded_listing_holds_its_papers_packed_and_reads_them_as_parsed():
    path = EXAMPLE_LISTING
    listing = load_listing(path)
    parsed = parse_with(listing.format, path.read_text(encoding="utf-8"), str(path))
    assert len(listing.entries) == len(parsed.entries) > 100
    assert all(not isinstance(e._paper, Paper) for e in listing.entries)
    assert listing.entries == parsed.entries
    assert [e.paper for e in listing.entries] == [e.paper for e in parsed.entries]


def test_an_entry_changed_by_assignment_stays_packed():
    entry = ListingEntry(FULL, ["Ada Lovelace"])
    entry.pack()
    entry.paper = entry.paper.model_copy(update={"title": "Renamed"})
    assert not isinstance(entry._paper, Paper)
    assert entry.paper.title == "Renamed" and entry.authors == ["Ada Lovelace"]
    assert entry == ListingEntry(FULL.model_copy(update={"title": "Renamed"}), ["Ada Lovelace"])
