"""Every BibTeX / BibLaTeX file of shared/real-world (the bibtexparser test files, Zotero Better
BibTeX and Mendeley libraries): entries read, entries skipped, papers a build stores, and a few
fields of a few entries."""

from __future__ import annotations

import json

import pytest
from testkit import REAL_WORLD, real_world

from kg import KnowledgeGraph
from kg.graph import Graph
from loaders import pipeline
from loaders.listing import NotAListing, load_listing

# file: (entries read, entries skipped, papers stored)
EXPECTED = {
    "bibtexparser/main_examples_bibtex.bib": (1, 0, 1),
    "bibtexparser/main_gbk_test.bib": (1, 0, 1),
    "bibtexparser/v1_article_missing_coma.bib": (4, 0, 4),  # one title, four different authors
    "bibtexparser/v1_article_no_braces.bib": (1, 0, 1),
    "bibtexparser/v1_article_start_with_bom.bib": (1, 0, 1),
    "bibtexparser/v1_article_with_special_characters.bib": (1, 0, 1),
    "bibtexparser/v1_article_with_strings.bib": (1, 0, 1),
    "bibtexparser/v1_arxiv_pdf.bib": (5, 0, 5),
    # 21 entries without a title (@set, biber's name and page tests); "A title" by AAA, BBB,
    # CCC in 2005 is one paper however often it is listed
    "bibtexparser/v1_biber-examples.bib": (97, 21, 87),
    "bibtexparser/v1_book_bom.bib": (1, 0, 1),
    "bibtexparser/v1_book_capital_AND.bib": (1, 0, 1),
    "bibtexparser/v1_comments_percentage.bib": (2, 0, 2),  # one title, two authors
    "bibtexparser/v1_crossref_entries.bib": (14, 0, 13),  # two "Book Title"s of 2009, no authors
    "bibtexparser/v1_encoding.bib": (1, 0, 1),
    "bibtexparser/v1_features.bib": (1, 0, 1),
    "bibtexparser/v1_features2.bib": (1, 0, 1),
    "bibtexparser/v1_multiple_entries_and_comments.bib": (3, 0, 3),
    "bibtexparser/v1_traps.bib": (1, 0, 1),
    "bibtexparser/v1_xref_entries.bib": (8, 0, 8),
    "zotero-better-bibtex/Better_BibTeX_does_not_export_collections_901.bibtex": (36, 0, 36),
    # each paper as an arXiv preprint and as published
    "zotero-better-bibtex/Citation_key_add_preprint_if_URL_contains_arxiv.org_2163.biblatex": (
        12,
        0,
        6,
    ),
    "zotero-better-bibtex/Export_unicode_as_plain_text_fails_for_Vietnamese_characters_977.bibtex": (
        1,
        0,
        1,
    ),
    "zotero-better-bibtex/Some_Unicode_characters_converted_to_LaTeX_1481.bibtex": (1, 0, 1),
    "zotero-better-bibtex/arXiv_identifiers_in_BibLaTeX_export_460.biblatex": (3, 0, 3),
    # 37 entries without a key and 25 with a repeated one all kept; 3 papers listed twice or
    # three times, and one DOI two entries share
    "zotero-better-bibtex/web_page_and_other_mendeley_idiocy.bib": (512, 0, 507),
}
#: files of BibTeX blocks none of which is a paper (only @string, or no titles): refused
REFUSED = (
    "bibtexparser/v1_common_strings.bib",
    "bibtexparser/v1_crossref_cascading.bib",
    "bibtexparser/v1_wrong.bib",
)


def test_every_bibtex_file_is_covered():
    folders = [REAL_WORLD / "bibtexparser", REAL_WORLD / "zotero-better-bibtex"]
    names = {
        f"{p.parent.name}/{p.name}"
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
    }
    if not names:
        real_world("bibtexparser")
    assert names == {*EXPECTED, *REFUSED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bibtex_file_entries_and_papers(name, embedded_store):
    read, skipped, stored = EXPECTED[name]
    listing = load_listing(real_world(name))
    assert (len(listing.entries), len(listing.problems)) == (read, skipped)
    for entry in listing.entries:  # no Python object reprs, no "others" as an author
        assert "NameParts(" not in (entry.paper.extra or "") and "others" not in entry.authors
    pipeline.build(
        Graph(embedded_store), [listing], pipeline.BuildOptions(enrich=False, extract=False)
    )
    papers = KnowledgeGraph(embedded_store).cypher("MATCH (p:Paper) RETURN count(p) AS n")
    assert papers == [{"n": stored}]


@pytest.mark.parametrize("name", REFUSED)
def test_files_without_papers_are_refused(name):
    with pytest.raises(NotAListing):
        load_listing(real_world(name))


def _by_key(name: str) -> dict:
    return {e.paper.key: e for e in load_listing(real_world(name)).entries}


def test_mendeley_library_keeps_keyless_and_repeated_entries():
    listing = load_listing(
        real_world("zotero-better-bibtex/web_page_and_other_mendeley_idiocy.bib")
    )
    keyless = [e for e in listing.entries if "bibtex_key" not in json.loads(e.paper.extra)]
    assert len(keyless) == 37
    assert listing.notes[:2] == [
        "entry without a citation key, read on its own: 37 entries (lines 114, 525, 536, 560, 774, …)",
        "citation key used by an earlier entry, read on its own: 25 entries (lines 500, 575, 1741, 1751, 1866, …)",
    ]
    miller = next(e for e in listing.entries if e.paper.listing_source.endswith(":453"))
    assert miller.paper.year is None and json.loads(miller.paper.extra)["year"] == "6"
    assert "line 453: year '6' is not a year: left unknown" in listing.notes


def test_biblatex_date_eprint_doi_and_venue():
    ronnow = _by_key("zotero-better-bibtex/arXiv_identifiers_in_BibLaTeX_export_460.biblatex")[
        "arxiv:1401.2910"
    ]
    paper = ronnow.paper
    assert (paper.arxiv_id, paper.doi) == ("1401.2910", "10.1126/science.1252319")
    assert (paper.year, paper.publication_date, paper.venue) == (2014, "2014-07-25", "Science")
    assert ronnow.authors[0] == "Troels F. Rønnow" and len(ronnow.authors) == 9


def test_string_concatenation_in_every_field():
    [strings] = load_listing(real_world("bibtexparser/v1_article_with_strings.bib")).entries
    assert strings.authors == ["Jean César"]
    assert strings.paper.venue == "Nice Journal"
    [features] = load_listing(real_world("bibtexparser/v1_features2.bib")).entries
    assert features.paper.title == "Cool Stuff" and features.authors == ["John Doe"]
    assert features.paper.venue == "My International Conference"
    assert json.loads(features.paper.extra)["note"] == "Email: John.Doe@example.com"


def test_latex_names_and_capital_and():
    [book] = load_listing(real_world("bibtexparser/v1_book_capital_AND.bib")).entries
    assert book.authors == ["R.B. Bird", "R.C. Armstrong", "O. Hassager"]
    names = [
        a
        for e in load_listing(real_world("bibtexparser/v1_arxiv_pdf.bib")).entries
        for a in e.authors
    ]
    assert "André Chailloux" in names and "Loïck Magnin" in names


def test_gbk_entry_is_read():
    [entry] = load_listing(real_world("bibtexparser/main_gbk_test.bib")).entries
    # (its author and journal are Chinese; which legacy encoding is assumed is the encoding
    # detector's business, tested with the other encodings)
    assert (entry.paper.title, entry.paper.year) == ("Test Title", 2013)
