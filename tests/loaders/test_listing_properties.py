"""Property-based: no parser raises on arbitrary text, and load_listing only raises ListingFileError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.listing import FORMATS, Listing, ListingFileError, load_listing, parse_listing

#: fragments of every format, so that random text reaches the parsers' deeper states
FRAGMENTS = st.sampled_from(
    [
        "\n",
        "\n\n",
        "·",
        "  • 3 authors",
        "• 1 author",
        "Mar 21",
        "Feb 29",
        "Dec 20, 2021 3",
        "Oct 30, 2025",
        "Daily Papers",
        "ReactiveAI Reactive AI",
        "A Title",
        "x" * 400,
        "@article{k,",
        "title={T}",
        "}",
        "{",
        "author={A and B, C}",
        "eprint={2401.12345}",
        "doi={10.1/x}",
        "year={20x}",
        '@string{s = "v"}',
        "title,arxiv,doi,s2",
        ",",
        ";",
        "\t",
        '"',
        "2401.12345",
        "hep-th/9901001v1",
        "arxiv.org/abs/",
        "https://doi.org/",
        "10.1234",
        "CorpusId:",
        "semanticscholar.org/paper/",
        "#",
        "\r\n",
        "\ufeff",
        "\x0b",
    ]
)
TEXT = st.one_of(
    st.text(), st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=40).map("".join)
)


def check(listing: Listing, text: str) -> None:
    assert isinstance(listing, Listing)
    for entry in listing.entries:
        assert entry.paper.key and entry.paper.listed is True
    for problem in listing.problems:
        assert problem.line >= 1 and isinstance(problem.reason, str) and len(problem.text) <= 80


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=TEXT,
    fmt=st.sampled_from((None, *FORMATS)),
    year=st.one_of(st.none(), st.integers(1, 9999)),
)
def test_parsers_never_raise_on_text(text, fmt, year):
    check(parse_listing(text, fmt, source="t", listing_year=year), text)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
)
def test_load_listing_raises_only_listing_file_error(tmp_path, data):
    path = tmp_path / "listing.txt"
    path.write_bytes(data)
    try:
        listing = load_listing(path)
    except ListingFileError as exc:
        assert str(path) in str(exc) and "\n" not in str(exc)
    else:
        check(listing, "")
