"""Titles and author names in every script have keys of their own; Latin-script keys are what they
always were (property tests with hypothesis)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from testkit import EXAMPLE_LISTING

from kg.keys import author_key, normalise_title, paper_key
from loaders.listing import load_listing


def _letters(first: int, last: int, skip: str = "") -> str:
    return "".join(chr(c) for c in range(first, last + 1) if chr(c) not in skip)


# Lower-case base letters (no combining marks, no compatibility forms) of ten scripts.
SCRIPTS = {
    "latin": _letters(0x61, 0x7A),
    "greek": _letters(0x3B1, 0x3C9, skip="ς"),  # final sigma case-folds to σ
    "cyrillic": _letters(0x430, 0x44F),
    "arabic": _letters(0x628, 0x63A),
    "hebrew": _letters(0x5D0, 0x5EA),
    "devanagari": _letters(0x915, 0x939),
    "han": _letters(0x4E00, 0x4FFF),
    "hiragana": _letters(0x3042, 0x3093),
    "hangul": _letters(0xAC00, 0xAFFF),
    "thai": _letters(0xE01, 0xE2E),
}


def words(script: str):
    word = st.text(alphabet=SCRIPTS[script], min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=6).map(" ".join)


titles = st.sampled_from(sorted(SCRIPTS)).flatmap(words)


@settings(max_examples=300, deadline=None)
@given(titles, titles)
def test_distinct_titles_in_ten_scripts_have_distinct_keys(one, other):
    assert normalise_title(one) == one  # nothing of a normalised title is lost...
    if one != other:  # ...so distinct titles never share a key
        assert paper_key(title=one) != paper_key(title=other)


@settings(max_examples=200, deadline=None)
@given(titles, st.sampled_from(["!", " - ", ": ", "  ", " — ", "：", "«", "\u3000", "、"]))
def test_case_punctuation_and_spacing_do_not_make_a_title_new(title, mark):
    if title.isascii() and not mark.isascii():
        mark = " "  # Latin-script keys drop non-ASCII punctuation, as they always did
    variant = f"{mark}{title.upper().replace(' ', mark)}{mark}"
    assert normalise_title(variant) == normalise_title(title)


def test_mixed_titles_keep_every_word():
    assert normalise_title("Sora 2：OpenAI 的视频生成模型") == "sora 2 openai 的视频生成模型"
    assert normalise_title("Sora 2：OpenAI 的音频模型") != normalise_title(
        "Sora 2：OpenAI 的视频生成模型"
    )
    assert normalise_title("Обучение GPT-4 на русском") == "обучение gpt 4 на русском"
    assert normalise_title("Ἀλφα") == normalise_title("αλφα")  # Greek accents drop like Latin ones
    assert normalise_title("мой") != normalise_title("мои")  # й is a letter, not и with an accent


def _before_issue_10(title: str | None) -> str | None:
    """normalise_title as it was before issue 10 (main @ ed412ea): the oracle for Latin script."""
    if not title:
        return None
    if not title.isascii():
        title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = re.sub(r"[^0-9a-z]+", " ", title.lower()).strip()
    return text or None


LATIN_TEXT = "".join(
    ch
    for ch in map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x2010, 0x2027)])
    if not unicodedata.category(ch).startswith("C")
    # letters that decompose to another script (the micro sign is a Greek mu) are not Latin
    and all(
        c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "")
        for c in unicodedata.normalize("NFKD", ch)
    )
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=LATIN_TEXT, max_size=60))
def test_latin_script_keys_do_not_change(title):
    assert normalise_title(title) == _before_issue_10(title)


def test_example_listing_keys_do_not_change():
    # keys computed with main @ ed412ea, before the normaliser changed
    expected = (Path(__file__).parent / "data" / "example_listing_keys.txt").read_text().split("\n")
    listing = load_listing(EXAMPLE_LISTING)
    assert [e.paper.key for e in listing.entries] == [k for k in expected if k]


def test_author_names_in_any_script_have_keys():
    assert author_key(name="Иван Петров") == "name:иван петров"
    assert author_key(name="李飞飞") != author_key(name="李飞")
    assert author_key(name="Jean César") == author_key(name="Jean Cesar")
