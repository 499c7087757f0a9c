"""One-entry-per-line listings: every identifier form, titles, comments and malformed ids."""

from __future__ import annotations

import pytest

from kg.identifiers import MalformedIdentifier, parse_identifier
from loaders.listing import load_listing, parse_listing

S2 = "204e3073870fae3d05bcbc2f6a8e263d9b72e776"


@pytest.mark.parametrize(
    "line, key",
    [
        ("2401.12345", "arxiv:2401.12345"),
        ("2401.12345v2", "arxiv:2401.12345"),
        ("arXiv:1706.03762v7", "arxiv:1706.03762"),
        ("0704.0001", "arxiv:0704.0001"),
        ("hep-th/9901001", "arxiv:hep-th/9901001"),
        ("hep-th/9901001v1", "arxiv:hep-th/9901001"),
        ("math.GT/0309136", "arxiv:math.gt/0309136"),
        ("https://arxiv.org/abs/2401.12345", "arxiv:2401.12345"),
        ("http://arxiv.org/abs/2401.12345v3", "arxiv:2401.12345"),
        ("arxiv.org/pdf/2401.12345", "arxiv:2401.12345"),
        ("https://arxiv.org/pdf/2401.12345v2.pdf", "arxiv:2401.12345"),
        ("https://arxiv.org/pdf/hep-th/9901001v1.pdf", "arxiv:hep-th/9901001"),
        ("https://export.arxiv.org/abs/hep-th/9901001", "arxiv:hep-th/9901001"),
        ("https://arxiv.org/abs/2401.12345?context=cs#x", "arxiv:2401.12345"),
        ("https://huggingface.co/papers/2310.06825", "arxiv:2310.06825"),
        ("huggingface.co/papers/2310.06825v1", "arxiv:2310.06825"),
        ("10.1145/3292500.3330701", "doi:10.1145/3292500.3330701"),
        ("doi:10.18653/V1/N19-1423", "doi:10.18653/v1/n19-1423"),
        ("https://doi.org/10.18653/v1/N19-1423", "doi:10.18653/v1/n19-1423"),
        ("http://dx.doi.org/10.1000/abc", "doi:10.1000/abc"),
        (
            f"https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani/{S2}",
            f"s2:{S2}",
        ),
        (f"https://www.semanticscholar.org/paper/{S2}", f"s2:{S2}"),
        (S2.upper(), f"s2:{S2}"),
        ("CorpusId:13756489", "corpus:13756489"),
        ("corpusid: 13756489", "corpus:13756489"),
        ("Attention Is All You Need", "title:attention is all you need"),
        ("2401.12345  # the Mamba paper", "arxiv:2401.12345"),
        ("C# for #hashtag research", "title:c for hashtag research"),
    ],
)
def test_line_forms(line, key):
    listing = parse_listing(line, "ids", source="ids.txt")
    assert listing.problems == []
    [entry] = listing.entries
    assert entry.paper.key == key
    assert entry.paper.listed is True
    assert entry.paper.listing_source == "ids.txt:1"


def test_fields_are_filled():
    paper = parse_listing(f"https://www.semanticscholar.org/paper/x/{S2}", "ids").entries[0].paper
    assert paper.s2_id == S2 and paper.arxiv_id is None and paper.title is None
    paper = parse_listing("Attention Is All You Need", "ids").entries[0].paper
    assert (
        paper.title == "Attention Is All You Need"
        and paper.title_norm == "attention is all you need"
    )
    assert parse_listing("CorpusId:42", "ids").entries[0].paper.corpus_id == 42


@pytest.mark.parametrize(
    "line, reason",
    [
        ("arxiv.org/abs/notanid", "malformed arXiv URL"),
        ("https://huggingface.co/papers/abc", "malformed Hugging Face paper URL"),
        ("arXiv:12345", "malformed arXiv id"),
        ("2401.1234", "malformed arXiv id"),  # 5 digits since 2015
        ("1301.12345", "malformed arXiv id"),  # 4 digits until 2014
        ("2413.12345", "malformed arXiv id"),  # month 13
        ("10.1234", "malformed DOI"),
        ("https://doi.org/notadoi", "malformed DOI"),
        ("CorpusId:abc", "malformed CorpusId"),
        ("https://www.semanticscholar.org/paper/Title-Only", "malformed Semantic Scholar URL"),
        ("204e3073870fae3d05bcbc2f6a8e263d9b72e77", "40 hex digits"),
        ("https://openreview.net/forum?id=abc", "unrecognised URL"),
    ],
)
def test_malformed_ids_are_problems_not_titles(line, reason):
    listing = parse_listing(f"# header\n\n{line}\n", "ids", source="ids.txt")
    assert listing.entries == []
    [prob] = listing.problems
    assert (prob.file, prob.line, prob.text) == ("ids.txt", 3, line)
    assert reason in prob.reason
    with pytest.raises(MalformedIdentifier):
        parse_identifier(line)


def test_three_good_two_broken(tmp_path):
    """Acceptance of issue 2: 3 good and 2 broken entries give 3 entries and 2 problems by line."""
    path = tmp_path / "papers.txt"
    path.write_text(
        "# my reading list\n"
        "https://arxiv.org/abs/1706.03762\n"
        "arxiv.org/abs/notanid\n"
        "\n"
        "10.1145/3292500.3330701\n"
        "CorpusId:abc\n"
        "Deep Residual Learning for Image Recognition\n",
        encoding="utf-8",
    )
    listing = load_listing(path)
    assert listing.format == "ids"
    assert [e.paper.key for e in listing.entries] == [
        "arxiv:1706.03762",
        "doi:10.1145/3292500.3330701",
        "title:deep residual learning for image recognition",
    ]
    assert [(p.file, p.line) for p in listing.problems] == [(str(path), 3), (str(path), 6)]
    assert [e.paper.listing_source for e in listing.entries] == [
        f"{path}:2",
        f"{path}:5",
        f"{path}:7",
    ]


def test_blank_comment_and_symbol_lines():
    listing = parse_listing("\n   \n# 2401.12345\n---\n", "ids")
    assert listing.entries == []
    [prob] = listing.problems
    assert prob.line == 4 and "neither an identifier nor a title" in prob.reason
