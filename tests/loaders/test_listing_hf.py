"""The Hugging Face Daily Papers parser, on the real example listing and on small variants."""

from __future__ import annotations

import json
import re

import pytest
from testkit import EXAMPLE_LISTING

from loaders.listing import load_listing, parse_listing
from loaders.listing.hf import parse_date


@pytest.fixture(scope="module")
def example():
    return load_listing(EXAMPLE_LISTING)


def by_title(listing, prefix):
    [entry] = [e for e in listing.entries if e.paper.title.startswith(prefix)]
    return entry.paper


def test_example_is_detected_and_its_one_incomplete_card_reported(example):
    assert example.format == "hf"
    # one card of the scrape has a title and abstract but no authors line or date (line 213):
    # it is reported with its line and skipped, like any malformed entry
    [incomplete] = example.problems
    assert incomplete.line == 213 and incomplete.text.startswith("Bridging Reasoning to Learning")
    assert "incomplete card" in incomplete.reason


def test_example_counts_match_the_file(example):
    text = EXAMPLE_LISTING.read_text(encoding="utf-8")
    cards = len(re.findall(r"^·$", text, re.MULTILINE))
    author_lines = len(re.findall(r"^\s*• \d+ authors$", text, re.MULTILINE))
    assert cards == 107
    dated = [
        e
        for e in example.entries
        if e.paper.publication_date or (e.paper.extra and "date" in e.paper.extra)
    ]
    assert len(dated) == 107
    assert sum(e.paper.author_count is not None for e in example.entries) == author_lines == 105
    assert sum(e.paper.organisation is not None for e in example.entries) == 2
    assert len(example.entries) == 107


def test_every_entry_has_title_abstract_and_unique_key(example):
    assert all(
        e.paper.title and e.paper.abstract and len(e.paper.abstract) > 1000 for e in example.entries
    )
    assert all(
        e.paper.listed and e.paper.key == f"title:{e.paper.title_norm}" for e in example.entries
    )
    assert len({e.paper.key for e in example.entries}) == len(example.entries)


def test_first_entry(example):
    paper = example.entries[0].paper
    assert paper.title == "Diffusion Probabilistic Model Made Slim"
    assert paper.abstract.startswith("Despite the recent visually-pleasing results achieved")
    assert paper.abstract.endswith("while retaining competitive image fidelity.")
    assert paper.author_count == 4
    assert paper.organisation is None
    assert (paper.year, paper.publication_date, paper.upvotes) == (2022, "2022-11-27", None)
    assert paper.listing_source == f"{EXAMPLE_LISTING}:13"
    assert paper.title_norm == "diffusion probabilistic model made slim"


def test_last_entry(example):
    paper = example.entries[-1].paper
    assert paper.title == "Retrieval-Guided Reinforcement Learning for Boolean Circuit Minimization"
    assert paper.abstract.startswith("Logic synthesis, a pivotal stage")
    assert (paper.author_count, paper.year, paper.publication_date, paper.upvotes) == (
        5,
        2024,
        "2024-01-22",
        None,
    )


def test_organisation_entries(example):
    sqa = by_title(example, "Sparse Query Attention (SQA)")
    assert sqa.organisation == "Reactive AI"
    assert sqa.author_count is None
    assert sqa.upvotes == 2
    assert json.loads(sqa.extra) == {"date": "Oct 2", "organisation_handle": "ReactiveAI"}
    creativity = by_title(example, "Combinatorial Creativity")
    assert creativity.organisation == "Spiral Works"
    assert json.loads(creativity.extra)["organisation_handle"] == "spiralworks"
    assert creativity.upvotes == 2


def test_yearless_date_without_listing_year_stays_unknown(example):
    # "Mar 21" without a year; the header date "Oct 30" has none either
    paper = by_title(example, "Neural Discrete Token Representation Learning")
    assert paper.year is None and paper.publication_date is None
    assert json.loads(paper.extra) == {"date": "Mar 21"}
    assert any(
        "21 entries have a date without a year" in n and "--listing-year" in n
        for n in example.notes
    )


def test_upvote_count(example):
    paper = by_title(example, "High-Resolution Image Synthesis with Latent Diffusion Models")
    assert (paper.upvotes, paper.year, paper.publication_date) == (3, 2021, "2021-12-20")
    assert by_title(example, "Complex-Edit").upvotes == 2  # "Apr 17 2": yearless date, 2 upvotes


def test_listing_year_dates_the_yearless_entries():
    listing = load_listing(EXAMPLE_LISTING, listing_year=2025)
    paper = by_title(listing, "Neural Discrete Token Representation Learning")
    assert (paper.year, paper.publication_date) == (2025, "2025-03-21")
    assert json.loads(paper.extra) == {"date": "Mar 21"}
    dated = by_title(listing, "High-Resolution Image Synthesis")
    assert dated.year == 2021  # an explicit year is never replaced
    assert not any("without a year" in n for n in listing.notes)


CARD = "{title}\n\n{abstract}\n\n  • 3 authors\n·\n{date}\n"


def card(title="A Paper", abstract="It does things.", date="Mar 21"):
    return CARD.format(title=title, abstract=abstract, date=date)


def test_header_date_year_wins():
    text = "Daily Papers\n\nbyAK and the research community\n\nOct 30, 2025\n\n" + card()
    listing = parse_listing(text, "hf", listing_year=2024)
    [entry] = listing.entries
    assert (entry.paper.year, entry.paper.publication_date) == (2025, "2025-03-21")
    assert any("2025" in n and "2024" in n for n in listing.notes)


def test_malformed_date_is_a_problem_and_the_rest_is_kept():
    text = (
        card("Good One")
        + "\n"
        + card("Bad Date", date="Someday 2022")
        + "\n"
        + card("Good Two", date="Nov 2, 2021 7")
    )
    listing = parse_listing(text, "hf", source="l.txt")
    assert [e.paper.title for e in listing.entries] == ["Good One", "Good Two"]
    [prob] = listing.problems
    assert (prob.file, prob.line, prob.text) == ("l.txt", 15, "Someday 2022")
    assert "expected a date" in prob.reason
    assert listing.entries[1].paper.upvotes == 7


def test_impossible_dates_are_problems():
    listing = parse_listing(card(date="Feb 30, 2023") + "\n" + card("B", date="Feb 29, 2024"), "hf")
    assert [e.paper.publication_date for e in listing.entries] == ["2024-02-29"]
    assert len(listing.problems) == 1


def test_feb_29_in_a_listing_year_without_it_keeps_the_year_unknown():
    listing = parse_listing(card(date="Feb 29"), "hf", listing_year=2025)
    assert listing.entries[0].paper.year is None
    assert any("does not exist in 2025" in n for n in listing.notes)


def test_windows_line_endings_and_wrapped_abstract():
    text = card(abstract="First half\nsecond half.").replace("\n", "\r\n")
    [entry] = parse_listing(text, "hf").entries
    assert entry.paper.abstract == "First half second half."
    assert entry.paper.author_count == 3


def test_stray_line_outside_entries_is_a_problem():
    listing = parse_listing(card() + "\nLoad everything\n", "hf", source="s")
    assert len(listing.entries) == 1
    assert [(p.line, p.text) for p in listing.problems] == [(9, "Load everything")]


def test_parse_date():
    assert parse_date("Apr 17 2").upvotes == 2
    assert parse_date("Apr 17 2").year is None
    assert parse_date("Sept 5, 2024").month == 9
    assert parse_date("Apr 31") is None
    assert parse_date("Hello") is None


def test_card_without_title_is_a_problem_at_its_dot_line():
    listing = parse_listing(card("Kept") + "\n  • 2 authors\n·\n\nMar 3\n", "hf", source="s")
    assert [e.paper.title for e in listing.entries] == ["Kept"]
    [prob] = listing.problems
    assert (prob.line, prob.text) == (10, "• 2 authors")
    assert "without a title" in prob.reason


def test_standard_cards_and_line_by_line_parse_agree(example):
    # A blank line between "·" and the date is valid but takes every card off the one-step path
    # for the standard shape, so both paths of the parser must give the same papers.
    text = EXAMPLE_LISTING.read_text(encoding="utf-8").replace("\n·\n", "\n·\n\n")
    slow = parse_listing(text, "hf")
    assert [p.reason for p in slow.problems] == [p.reason for p in example.problems]
    assert [re.sub(r"lines \d+", "", n) for n in slow.notes] == [
        re.sub(r"lines \d+", "", n) for n in example.notes
    ]

    def fields(listing):
        return [e.paper.model_dump(exclude={"listing_source"}) for e in listing.entries]

    assert fields(slow) == fields(example)


def test_listing_year_out_of_range_is_ignored_with_a_note():
    listing = parse_listing(card(), "hf", listing_year=25)
    assert listing.entries[0].paper.year is None
    assert any("--listing-year 25 is not a four-digit year" in n for n in listing.notes)
