"""Every non-BibTeX file of shared/real-world (exports other projects published): how many
papers it yields, a few fields of a few entries, or the one-line refusal it gets."""

from __future__ import annotations

import pytest
from testkit import REAL_WORLD, real_world

from loaders.listing import ListingFileError, NotAListing, load_listing


def _entry(listing, key):
    return next(e for e in listing.entries if e.paper.key == key)


@pytest.mark.parametrize(
    "name, fmt, entries",
    [
        ("litstudy/scopus.csv", "csv (Scopus)", 58),
        ("litstudy/ieee.csv", "csv (IEEE Xplore)", 10),
        ("litstudy/springer.csv", "csv (SpringerLink)", 18),
        ("litstudy/retraction_watch.csv", "csv", 1),
        ("litstudy/example.ris", "ris", 25),
        ("hf-daily-papers/l-yohai_papers_list.csv", "csv", 5518),
        ("hf-daily-papers/l-yohai_2024-03-21.md", "markdown", 18),
        ("idlists/egonw-cv_dois.txt", "ids", 114),
        ("idlists/robinjia-bibleaf_arxiv_ids.txt", "ids", 57),
    ],
)
def test_listing_yields_every_entry(name, fmt, entries):
    listing = load_listing(real_world(name))
    assert listing.label == fmt
    assert len(listing.entries) == entries
    assert listing.problems == []
    for entry in listing.entries:  # no field tags, navigation or file fragments as titles
        title = entry.paper.title or ""
        assert len(title) < 400 and not title.startswith(("TY  -", "AU  -", "Vote:", "{", "]["))


def test_scopus_columns_authors_and_trailing_field():
    listing = load_listing(real_world("litstudy/scopus.csv"))
    namd = _entry(listing, "doi:10.1002/jcc.20289")
    assert namd.paper.title == "Scalable molecular dynamics with NAMD"
    assert (namd.paper.year, namd.paper.venue) == (2005, "Journal of Computational Chemistry")
    assert namd.authors[:3] == ["Phillips J.C.", "Braun R.", "Wang W."] and len(namd.authors) == 10
    assert namd.paper.url.startswith(
        "https://www.scopus.com/inward/record.uri?eid=2-s2.0-27344436659"
    )
    assert '"EID": "2-s2.0-27344436659"' in namd.paper.extra
    # "[No author name available]" is no author
    assert all("No author name" not in a for e in listing.entries for a in e.authors)


def test_ieee_columns():
    listing = load_listing(real_world("litstudy/ieee.csv"))
    first = _entry(listing, "doi:10.1109/mcse.2013.95")
    assert first.paper.title.startswith("Exascale Computing Trends: Adjusting to the")
    assert (first.paper.year, first.paper.venue) == (2013, "Computing in Science & Engineering")
    assert first.authors == ["P. Kogge", "J. Shalf"]
    assert all(e.paper.title and e.paper.year for e in listing.entries)


def test_springer_columns_and_run_together_authors():
    listing = load_listing(real_world("litstudy/springer.csv"))
    chapter = _entry(listing, "doi:10.1007/978-3-030-92127-9_33")
    assert chapter.paper.title == "Graph-Based Load Balancing Model for Exascale Computing Systems"
    assert chapter.paper.year == 2022
    assert chapter.authors == ["Araz R. Aliev", "Nigar T. Ismayilova"]
    book = _entry(listing, "doi:10.1007/978-3-030-92127-9")
    assert book.authors[:3] == ["Rafik A. Aliev", "Janusz Kacprzyk", "Witold Pedrycz"]


def test_ris_records():
    listing = load_listing(real_world("litstudy/example.ris"))
    first = listing.entries[0]
    assert first.paper.key == "doi:10.1109/mcse.2018.2884139"
    assert first.paper.title == "The European Approach to the Exascale Challenge"
    assert (first.paper.year, first.paper.venue) == (2019, "Computing in Science & Engineering")
    assert first.authors == ["G. Kalbe"]  # the export repeats the name
    assert first.paper.abstract.startswith("An integrated European exascale computing")
    assert sum(e.paper.doi is not None for e in listing.entries) >= 20


def test_hf_csv_date_column_gives_the_year():
    listing = load_listing(real_world("hf-daily-papers/l-yohai_papers_list.csv"))
    first = listing.entries[0]
    assert first.paper.key == "arxiv:2311.10122"
    assert first.paper.title.startswith("Video-LLaVA: Learning United Visual Representation")
    assert (first.paper.year, first.paper.publication_date) == (2023, "2023-11-20")


def test_hf_markdown_log():
    listing = load_listing(real_world("hf-daily-papers/l-yohai_2024-03-21.md"))
    mora = listing.entries[0]
    assert mora.paper.key == "arxiv:2403.13248"
    assert (
        mora.paper.title == "Mora: Enabling Generalist Video Generation via A Multi-Agent Framework"
    )
    assert mora.paper.upvotes == 38
    assert mora.authors[:2] == ["Lichao Sun", "Ruoxi Chen"] and len(mora.authors) == 7
    assert all(e.paper.arxiv_id for e in listing.entries)
    assert all("+" not in e.authors for e in listing.entries)


def test_quoted_dois_and_commented_arxiv_ids():
    dois = load_listing(real_world("idlists/egonw-cv_dois.txt"))
    keys = [e.paper.key for e in dois.entries]
    assert "doi:10.1093/nar/gkad960" in keys and all(k.startswith("doi:") for k in keys)
    assert "doi:10.1002/1099-0690(200204)2002:8<1397::aid-ejoc1397>3.0.co;2-6" in keys
    arxiv = load_listing(real_world("idlists/robinjia-bibleaf_arxiv_ids.txt"))
    assert arxiv.entries[0].paper.key == "arxiv:2305.14251"
    assert all(e.paper.key.startswith("arxiv:") for e in arxiv.entries)


def _not_bibtex_data_files():
    if not REAL_WORLD.is_dir():
        return []
    skip = (".bib", ".bibtex", ".biblatex", ".csv", ".ris", ".md", ".txt")
    return sorted(
        str(p.relative_to(REAL_WORLD))
        for p in REAL_WORLD.rglob("*")
        if p.is_file() and not p.name.endswith(skip) and "LICENSE" not in p.name
    )


@pytest.mark.parametrize("name", _not_bibtex_data_files())
def test_json_yaml_and_compressed_files_are_refused(name):
    path = real_world(name)
    with pytest.raises(ListingFileError) as info:
        load_listing(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    if name.endswith(".json"):
        assert isinstance(info.value, NotAListing) and "looks like JSON" in message
    elif name.endswith(".yaml"):
        assert "looks like YAML" in message
    else:
        assert "gzip-compressed" in message


def test_the_json_yaml_and_gz_files_are_all_covered():
    names = _not_bibtex_data_files()
    if not names:
        real_world("semanticscholar-py")
    assert sum(n.endswith(".json") for n in names) == 5  # 4 S2 objects and the results gold
    assert sum(n.endswith(".yaml") for n in names) == 14
    assert sum(n.endswith(".gz") for n in names) == 7


@pytest.mark.parametrize(
    "name",
    [
        "s2-datasets-samples/README.txt",
        "results-gold/README.md",
        "results-gold/jd-coderepos_sota_LICENSE.md",
        "results-gold/science-result-extractor_LICENSE",
        "PROVENANCE.md",
    ],
)
def test_prose_is_not_a_listing(name):
    with pytest.raises(NotAListing, match="not a listing of format"):
        load_listing(real_world(name))
