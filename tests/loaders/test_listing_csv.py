"""CSV listings: header names in any case, extra columns kept, bad rows by line number."""

from __future__ import annotations

import json

from loaders.listing import parse_listing

CSV = """Title,ArXiv_ID,DOI,paperId,Year,Abstract,Authors,Venue,My Notes
Attention Is All You Need,1706.03762v7,,,2017,We propose the Transformer.,Ashish Vaswani; Noam Shazeer,NeurIPS,read twice
"BERT: Pre-training of Deep
Bidirectional Transformers",,https://doi.org/10.18653/v1/N19-1423,,2019,,,NAACL,
Deep Residual Learning,,,204e3073870fae3d05bcbc2f6a8e263d9b72e776,,,,,
,notanid,,,,,,,
,,,,,,,,
Only a venue is here,,,,20x,,,,
,,,,,,,ICML,
Too,many,cells,,,,,,,,
"""


def test_rows_and_fields():
    listing = parse_listing(CSV, source="l.csv")
    assert listing.format == "csv"
    attention, bert, resnet, venue_only, too = listing.entries
    assert attention.paper.key == "arxiv:1706.03762"
    assert attention.paper.title == "Attention Is All You Need"
    assert attention.paper.abstract == "We propose the Transformer."
    assert attention.paper.year == 2017
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer"]
    assert attention.paper.author_count == 2
    assert json.loads(attention.paper.extra) == {"My Notes": "read twice"}
    assert attention.paper.venue == "NeurIPS"
    assert attention.paper.listing_source == "l.csv:2"
    assert bert.paper.doi == "10.18653/v1/n19-1423"
    assert bert.paper.title == "BERT: Pre-training of Deep Bidirectional Transformers"  # one line
    assert bert.paper.listing_source == "l.csv:3"
    assert resnet.paper.s2_id == "204e3073870fae3d05bcbc2f6a8e263d9b72e776"
    assert resnet.paper.listing_source == "l.csv:5"
    # a malformed optional field leaves that field out, not the row
    assert (venue_only.paper.title, venue_only.paper.year) == ("Only a venue is here", None)
    # more cells than the header: read by header name, the unnamed cells kept when not empty
    assert (too.paper.title, too.paper.arxiv_id, too.paper.doi, too.paper.extra) == (
        "Too",
        None,
        None,
        None,
    )
    assert any("line 8: year '20x' is not a year" in n for n in listing.notes)
    assert any("line 10: malformed arXiv id 'many' left out" in n for n in listing.notes)


def test_bad_rows_are_problems_with_their_lines():
    problems = parse_listing(CSV, source="l.csv").problems
    assert [(p.file, p.line) for p in problems] == [("l.csv", 6), ("l.csv", 9)]
    assert all("without a title or an identifier" in p.reason for p in problems)


def test_tab_separated_and_case_insensitive():
    listing = parse_listing("TITLE\tS2_ID\nA paper\t\n", source="l.tsv")
    assert listing.format == "csv"
    assert listing.entries[0].paper.key == "title:a paper"


def test_header_without_known_column_is_a_problem():
    listing = parse_listing("name,venue\nx,y\n", "csv")
    assert listing.entries == []
    assert listing.problems[0].line == 1 and "header" in listing.problems[0].reason
