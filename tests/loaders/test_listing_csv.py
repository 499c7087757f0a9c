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
    attention, bert, resnet = listing.entries
    assert attention.paper.key == "arxiv:1706.03762"
    assert attention.paper.title == "Attention Is All You Need"
    assert attention.paper.abstract == "We propose the Transformer."
    assert attention.paper.year == 2017
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer"]
    assert attention.paper.author_count == 2
    assert json.loads(attention.paper.extra) == {"Venue": "NeurIPS", "My Notes": "read twice"}
    assert attention.paper.listing_source == "l.csv:2"
    assert bert.paper.doi == "10.18653/v1/n19-1423"
    assert bert.paper.title == "BERT: Pre-training of Deep\nBidirectional Transformers"
    assert bert.paper.listing_source == "l.csv:3"
    assert resnet.paper.s2_id == "204e3073870fae3d05bcbc2f6a8e263d9b72e776"
    assert resnet.paper.listing_source == "l.csv:5"


def test_bad_rows_are_problems_with_their_lines():
    problems = parse_listing(CSV, source="l.csv").problems
    assert [(p.file, p.line) for p in problems] == [
        ("l.csv", 6),
        ("l.csv", 8),
        ("l.csv", 9),
        ("l.csv", 10),
    ]
    assert "malformed arXiv id" in problems[0].reason
    assert "malformed year" in problems[1].reason
    assert "without a usable title or identifier" in problems[2].reason
    assert "fields" in problems[3].reason


def test_tab_separated_and_case_insensitive():
    listing = parse_listing("TITLE\tS2_ID\nA paper\t\n", source="l.tsv")
    assert listing.format == "csv"
    assert listing.entries[0].paper.key == "title:a paper"


def test_header_without_known_column_is_a_problem():
    listing = parse_listing("name,venue\nx,y\n", "csv")
    assert listing.entries == []
    assert listing.problems[0].line == 1 and "header" in listing.problems[0].reason
