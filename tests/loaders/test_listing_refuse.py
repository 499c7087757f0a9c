"""What is not a listing is refused in one line, before anything is written; encodings read."""

from __future__ import annotations

import pytest

from kg.cli import main
from loaders.listing import ListingFileError, NotAListing, load_listing

RIS = "TY  - JOUR\nTI  - Attention Is All You Need\nAU  - Vaswani, Ashish\nER  - \n"


def _kg(*args):
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code or 0


@pytest.mark.parametrize(
    "content, what",
    [
        ('{"paperId": "204e3073870fae3d05bcbc2f6a8e263d9b72e776", "title": "Attention"}', "JSON"),
        ('[{"authorId": "1", "name": "A. Turing"}]', "JSON"),
        ("interactions:\n- request:\n    body: ''\n    method: GET\n", "YAML"),
        ("---\ntitle: Attention\n", "YAML"),
        ('<?xml version="1.0"?>\n<records><record/></records>\n', "XML"),
        ("<!DOCTYPE html>\n<html><body><a href='/papers'>Papers</a></body></html>\n", "HTML"),
    ],
)
def test_foreign_content_is_refused_naming_what_it_looks_like(tmp_path, capsys, content, what):
    path = tmp_path / "data.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NotAListing, match=f"looks like {what}"):
        load_listing(path)
    db = tmp_path / "kg.db"
    assert _kg("build", str(path), "--db", str(db), "--no-s2") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"looks like {what}" in err and "supported:" in err
    assert not db.exists()  # nothing written


def test_an_id_list_format_does_not_read_a_ris_file(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(RIS, encoding="utf-8")
    with pytest.raises(NotAListing, match="looks like RIS .*use --format ris"):
        load_listing(path, format="ids")
    assert load_listing(path).entries[0].paper.title == "Attention Is All You Need"


def test_json_given_a_text_format_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(NotAListing, match="looks like JSON"):
        load_listing(path, format="ids")


def test_mostly_malformed_is_refused_not_half_loaded(tmp_path):
    path = tmp_path / "ids.txt"
    path.write_text("2401.12345\n2305.00000\n12345\n" + "x" * 401 + "\n", encoding="utf-8")
    with pytest.raises(NotAListing) as info:
        load_listing(path)
    assert str(info.value) == (
        f"{path}: not a listing of format ids: 3 of 4 entries are malformed (first, line 2: "
        "malformed arXiv id: expected YYMM.NNNN (until 2014) or YYMM.NNNNN)"
    )


@pytest.mark.parametrize(
    "line, reason",
    [
        ("2305.00000", "malformed arXiv id"),
        ("1234 5678", "no letter"),
        ("A" * 401, "401 characters, a title has at most 400"),
        ("see https://github.com/x/y for code", "holding a URL"),
        ("We propose a new model. It works well.", "reads as prose"),
    ],
)
def test_malformed_bare_lines(tmp_path, line, reason):
    path = tmp_path / "ids.txt"
    path.write_text(f"2401.12345\n1706.03762\n{line}\n", encoding="utf-8")
    listing = load_listing(path)
    assert [p.line for p in listing.problems] == [3] and reason in listing.problems[0].reason


@pytest.mark.parametrize(
    "line, key",
    [
        ('"10.1093/nar/gkad960",', "doi:10.1093/nar/gkad960"),
        ("'2401.12345',", "arxiv:2401.12345"),
        ('["2401.12345"]', "arxiv:2401.12345"),
        ("<https://doi.org/10.1145/3292500.3330701>", "doi:10.1145/3292500.3330701"),
        ("10.1093/nar/gkad960\u00a0", "doi:10.1093/nar/gkad960"),
    ],
)
def test_quotes_commas_and_brackets_around_ids(line, key):
    from loaders.listing import parse_listing

    assert [e.paper.key for e in parse_listing(line + "\n", "ids").entries] == [key]


TITLES = "title,year\nÜber Transformers: “Attention” für alle — naïve Modelle,2020\nCafé-Netz: Ähnlichkeit,2021\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TITLES.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TITLES.encode("utf-8"), "utf-8-sig"),
        (TITLES.encode("utf-16"), "utf-16"),  # with BOM, as JabRef and WoS write it
        (TITLES.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    listing = load_listing(path)
    assert [e.paper.title for e in listing.entries] == [
        "Über Transformers: “Attention” für alle — naïve Modelle",
        "Café-Netz: Ähnlichkeit",
    ]
    assert listing.encoding == encoding
    assert any("read as" in n for n in listing.notes) == (encoding not in ("utf-8", "utf-8-sig"))


def test_latin1_and_gbk_are_detected(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Über die Ähnlichkeit der Modelle\nÉtude des réseaux à mémoire\n".encode("latin-1")
    )
    listing = load_listing(latin)
    assert [e.paper.title for e in listing.entries][0] == "Über die Ähnlichkeit der Modelle"
    assert listing.notes[0].startswith("read as ")
    chinese = tmp_path / "gbk.csv"
    chinese.write_bytes(
        "title,year,doi\n基于深度学习的图像识别方法研究,2020,10.1000/a\n"
        "大规模语言模型的训练与评估综述,2023,10.1000/b\n".encode("gbk")
    )
    listing = load_listing(chinese)
    assert [e.paper.title for e in listing.entries] == [
        "基于深度学习的图像识别方法研究",
        "大规模语言模型的训练与评估综述",
    ]
    assert listing.encoding in ("gbk", "gb2312", "gb18030")


def test_binary_is_refused(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ListingFileError, match="binary file"):
        load_listing(path)
