"""Format detection from content, the --format override, and unusable files."""

from __future__ import annotations

import pytest
from testkit import EXAMPLE_LISTING

from loaders.listing import FORMATS, ListingFileError, detect_format, load_listing, parse_listing


@pytest.mark.parametrize(
    "text, fmt",
    [
        (EXAMPLE_LISTING.read_text(encoding="utf-8"), "hf"),
        ("A title\n\nAn abstract.\n\n  • 1 author\n·\nMar 2\n", "hf"),
        ("% refs\n\n@article{k,\n title={T}\n}\n", "bibtex"),
        ("@InProceedings{k, title={T}}", "bibtex"),
        ("Title,Venue\nA,B\n", "csv"),
        ("\ufeffdoi;year\n10.1/x;2020\n", "csv"),
        ("arxiv\n2401.12345\n", "csv"),
        ("2401.12345\nhttps://doi.org/10.1/x\n", "ids"),
        ("Attention, Title, and Everything\n2401.12345\n", "ids"),
        ("Attention Is All You Need\n", "ids"),
    ],
)
def test_detect(text, fmt):
    assert detect_format(text) == fmt


def test_file_name_breaks_ties_only():
    assert detect_format("", "refs.bib") == "bibtex"
    assert detect_format("Attention\n", "list.csv") == "csv"
    assert detect_format("2401.12345\n", "notes.txt") == "ids"
    assert detect_format("@misc{k, title={T}}", "list.txt") == "bibtex"


def test_format_overrides_detection(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("title\nAttention\n", encoding="utf-8")
    assert load_listing(path).format == "csv"
    listing = load_listing(path, format="ids")
    assert listing.format == "ids"
    assert [e.paper.title for e in listing.entries] == ["title", "Attention"]
    with pytest.raises(ValueError, match="unknown listing format"):
        load_listing(path, format="xml")
    with pytest.raises(ValueError, match="unknown listing format"):
        parse_listing("x", format="xml")
    assert FORMATS == (
        "hf",
        "ids",
        "bibtex",
        "csv",
        "ris",
        "csl-json",
        "wos",
        "hf-json",
        "markdown",
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty listing"),
        (b"  \n\t\n", "empty listing"),
        (b"2401.12345\n\x00\x01", "binary file (contains NUL bytes), expected a text listing"),
        (
            b"\x1f\x8b\x08\x00rest",
            "binary file (a gzip-compressed file (decompress it first)), expected a text listing",
        ),
        (b"%PDF-1.7\n", "binary file (a PDF document), expected a text listing"),
        (
            b"2401.12345\n\x01\x02\x03\x04\xfe\xff\x80\x81",
            "binary file (control bytes), expected a text listing",
        ),
    ],
)
def test_unusable_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ListingFileError) as info:
        load_listing(path)
    assert str(info.value) == f"{path}: {message}"
    assert "\n" not in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ListingFileError, match="no such file"):
        load_listing(tmp_path / "nope.txt")
    with pytest.raises(ListingFileError, match="is a directory"):
        load_listing(tmp_path)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff2401.12345\n".encode())
    assert load_listing(path).entries[0].paper.key == "arxiv:2401.12345"
