"""RIS, CSL-JSON, Web of Science, Hugging Face API JSON and markdown link lists, on fixtures in
the shapes those tools document: detected from content, selectable with --format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.listing import FORMATS, detect_format, load_listing, parse_listing

DATA = Path(__file__).parent / "data" / "listings"


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("zotero.ris", "ris"),
        ("zotero.csl.json", "csl-json"),
        ("savedrecs.txt", "wos"),
        ("savedrecs.tsv", "wos"),
        ("hf-daily-papers-api.json", "hf-json"),
        ("hf-papers-page.md", "markdown"),
        ("reading-list.txt", "markdown"),
    ],
)
def test_detected_from_content_and_selectable(name, fmt):
    text = (DATA / name).read_text(encoding="utf-8")
    assert detect_format(text) == fmt  # no file name: the content decides
    assert fmt in FORMATS
    detected = load_listing(DATA / name)
    selected = load_listing(DATA / name, format=fmt)
    assert [e.paper.key for e in detected.entries] == [e.paper.key for e in selected.entries]
    assert detected.entries


def test_ris():
    listing = load_listing(DATA / "zotero.ris")
    attention, resnet, review = listing.entries
    assert attention.paper.key == "arxiv:1706.03762"  # DataCite's arXiv DOI and the arXiv URL
    assert attention.paper.doi == "10.48550/arxiv.1706.03762"
    assert attention.paper.title == "Attention Is All You Need"
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer"]
    assert (attention.paper.year, attention.paper.publication_date) == (2017, "2017-06-12")
    assert attention.paper.venue == "Advances in Neural Information Processing Systems"
    assert attention.paper.abstract.endswith("recurrent or convolutional neural networks.")
    assert json.loads(attention.paper.extra) == {"ris_id": "vaswani2017", "ris_type": "JOUR"}
    assert (resnet.paper.doi, resnet.paper.year, resnet.paper.venue) == (
        "10.1109/cvpr.2016.90",
        2016,
        "CVPR",
    )
    assert resnet.authors == ["Kaiming He"]
    assert review.paper.title == "Deep Learning: A Review" and review.paper.doi is None
    assert [(p.line, p.reason) for p in listing.problems] == [
        (23, "entry without a title or an identifier (DOI, arXiv id, URL)")
    ]
    assert "line 28: malformed DOI 'not a doi' left out" in listing.notes


def test_csl_json():
    listing = load_listing(DATA / "zotero.csl.json")
    attention, resnet = listing.entries
    assert attention.paper.key == "arxiv:1706.03762"
    assert attention.authors == ["Ashish Vaswani", "Google Brain"]
    assert attention.paper.publication_date == "2017-06-12"
    assert attention.paper.venue == "Advances in Neural Information Processing Systems"
    assert attention.paper.listing_source.endswith("zotero.csl.json:2")
    assert resnet.paper.title == "Deep Residual Learning for Image Recognition"  # a one-item list
    assert (resnet.paper.year, resnet.authors) == (2016, ["Kaiming He", "Xiangyu Zhang"])
    assert [p.line for p in listing.problems] == [24]


@pytest.mark.parametrize("name", ["savedrecs.txt", "savedrecs.tsv"])
def test_web_of_science(name):
    listing = load_listing(DATA / name)
    attention, resnet = listing.entries
    assert attention.paper.key == "doi:10.5555/3295222.3295349"
    assert attention.paper.title == "Attention is all you need"
    assert attention.authors == ["Ashish Vaswani", "Noam Shazeer"]  # AF, the full names
    assert attention.paper.year == 2017
    assert attention.paper.venue == "ADVANCES IN NEURAL INFORMATION PROCESSING SYSTEMS"
    assert "WOS:000452649406008" in attention.paper.extra
    assert resnet.paper.title == "Deep residual learning for image recognition"  # continued line
    assert resnet.paper.doi == "10.1109/cvpr.2016.90"
    assert listing.problems == []


def test_hugging_face_api_json():
    listing = load_listing(DATA / "hf-daily-papers-api.json")
    mora, llama = listing.entries
    assert mora.paper.key == "arxiv:2403.13248"
    assert (
        mora.paper.title == "Mora: Enabling Generalist Video Generation via A Multi-Agent Framework"
    )
    assert mora.authors == ["Lichao Sun", "Ruoxi Chen"]
    assert (mora.paper.upvotes, mora.paper.year, mora.paper.publication_date) == (
        38,
        2024,
        "2024-03-20",
    )
    assert mora.paper.abstract.startswith("Sora is the first")
    assert (llama.paper.key, llama.paper.upvotes) == ("arxiv:2403.13372", 29)
    assert [p.line for p in listing.problems] == [34]


def test_hugging_face_page_keeps_cards_and_drops_navigation():
    listing = load_listing(DATA / "hf-papers-page.md")
    assert [
        (e.paper.key, e.paper.title, e.paper.upvotes, e.paper.author_count) for e in listing.entries
    ] == [
        (
            "arxiv:2403.13248",
            "Mora: Enabling Generalist Video Generation via A Multi-Agent Framework",
            38,
            3,
        ),
        (
            "arxiv:2403.13372",
            "LlamaFactory: Unified Efficient Fine-Tuning of 100+ Language Models",
            29,
            5,
        ),
    ]
    assert listing.problems == []


def test_plain_list_with_links():
    listing = load_listing(DATA / "reading-list.txt")
    assert [(e.paper.key, e.paper.title) for e in listing.entries] == [
        ("arxiv:1706.03762", "Attention Is All You Need"),
        ("arxiv:1512.03385", "Deep Residual Learning"),
        ("doi:10.18653/v1/n19-1423", "BERT"),
    ]


def test_markdown_link_text_is_the_title():
    listing = parse_listing(
        "## Daily Papers (2024-03-21)\n\n### [Mora: Video Agents](https://arxiv.org/abs/2403.13248)\n\n"
        "Vote: 38\n\nAuthors: Lichao Sun, Ruoxi Chen, +\n\n- a summary line\n"
    )
    (entry,) = listing.entries
    assert (entry.paper.key, entry.paper.title, entry.paper.upvotes) == (
        "arxiv:2403.13248",
        "Mora: Video Agents",
        38,
    )
    assert entry.authors == ["Lichao Sun", "Ruoxi Chen"]
    assert json.loads(entry.paper.extra) == {"listed_on": "2024-03-21"}


@pytest.mark.parametrize(
    "header, row, exporter",
    [
        ("Authors,Author full names,Title,Year,Source title,DOI,Link,EID", "", "Scopus"),
        ("Document Title,Authors,Publication Title,Publication Year,DOI", "", "IEEE Xplore"),
        ("Item Title,Publication Title,Item DOI,Authors,Publication Year,URL", "", "SpringerLink"),
        ("Dimensions URL,Title,Authors,PubYear,DOI,Source title", "", "Dimensions"),
        ("Lens ID,Title,Date Published,Publication Year,Source Title,DOI,Author/s", "", "Lens.org"),
        (
            "id,doi,display_name,publication_year,publication_date,authorships.author.display_name",
            "",
            "OpenAlex",
        ),
        (
            "Cites,Authors,Title,Year,Source,Publisher,ArticleURL,CitesURL,GSRank,DOI",
            "",
            "Publish or Perish",
        ),
        ("Title,Authors,Publication,Year,DOI,ACM URL", "", "ACM DL"),
    ],
)
def test_csv_exporters_by_their_column_names(header, row, exporter):
    values = {
        "title": "Attention Is All You Need",
        "document title": "Attention Is All You Need",
        "item title": "Attention Is All You Need",
        "display_name": "Attention Is All You Need",
        "year": "2017",
        "publication year": "2017",
        "pubyear": "2017",
        "publication_year": "2017",
        "doi": "10.48550/arXiv.1706.03762",
        "item doi": "10.48550/arXiv.1706.03762",
    }
    cells = [values.get(h.lower(), "") for h in header.split(",")]
    listing = parse_listing(f"{header}\n{','.join(cells)}\n", "csv")
    (entry,) = listing.entries
    assert listing.exporter == exporter
    assert (entry.paper.title, entry.paper.year, entry.paper.arxiv_id) == (
        "Attention Is All You Need",
        2017,
        "1706.03762",
    )


@pytest.mark.parametrize(
    "cell, authors",
    [
        ("Vaswani A., Shazeer N., Parmar N.", ["Vaswani A.", "Shazeer N.", "Parmar N."]),  # Scopus
        ("A Vaswani, N Shazeer", ["A Vaswani", "N Shazeer"]),  # Publish or Perish
        ("Vaswani, Ashish; Shazeer, Noam", ["Ashish Vaswani", "Noam Shazeer"]),  # WoS, Lens
        ("A. Vaswani; N. Shazeer", ["A. Vaswani", "N. Shazeer"]),  # IEEE
        ("Ashish Vaswani and Noam Shazeer", ["Ashish Vaswani", "Noam Shazeer"]),
        ("Vaswani, Ashish", ["Ashish Vaswani"]),
        ("[No author name available]", []),
    ],
)
def test_author_lists_split_the_exporters_way(cell, authors):
    listing = parse_listing(f'title,authors\nA Paper,"{cell}"\n', "csv")
    assert listing.entries[0].authors == authors


def test_csv_rows_read_by_header_name_with_extra_and_missing_fields():
    text = "Title,Year,DOI\nOne,2020,10.1000/a,\nTwo,2021\nThree,2022,10.1000/c,,surplus\n"
    listing = parse_listing(text, "csv")
    assert [(e.paper.title, e.paper.year, e.paper.doi) for e in listing.entries] == [
        ("One", 2020, "10.1000/a"),
        ("Two", 2021, None),
        ("Three", 2022, "10.1000/c"),
    ]
    assert json.loads(listing.entries[2].paper.extra) == {"column 5": "surplus"}
    assert listing.problems == []


def test_generic_csv_date_column_and_tsv():
    listing = parse_listing(
        "title\tauthors\tdate\tarxiv\nA Paper\tAda Lovelace; Alan Turing\t2023-11-20\t2311.10122\n"
    )
    (entry,) = listing.entries
    assert listing.format == "csv"
    assert (entry.paper.year, entry.paper.publication_date) == (2023, "2023-11-20")
    assert entry.authors == ["Ada Lovelace", "Alan Turing"]
