"""Identity helpers of the model."""

import pytest

from kg.keys import author_key, normalise_title, paper_key
from kg.model import Author, Paper


@pytest.mark.parametrize(
    ("title", "norm"),
    [
        ("  Attention Is All You Need!  ", "attention is all you need"),
        ("Café Über-Net: ÅÉ 2.0", "cafe uber net ae 2 0"),
        (
            "SliceGPT:   Compress\tLarge   Language Models",
            "slicegpt compress large language models",
        ),
        ("数学", "数学"),
        ("", None),
        (None, None),
    ],
)
def test_normalise_title(title, norm):
    assert normalise_title(title) == norm


def test_paper_key_prefers_s2_then_arxiv_doi_corpus_title():
    assert paper_key(s2_id="ABC", arxiv_id="1", doi="10.1/x", title="T") == "s2:ABC"
    assert paper_key(arxiv_id="2401.0001", doi="10.1/X", title="T") == "arxiv:2401.0001"
    assert paper_key(doi="10.1/X", title="T") == "doi:10.1/x"
    assert paper_key(corpus_id=5, title="T") == "corpus:5"
    assert paper_key(title="A Title!") == "title:a title"
    with pytest.raises(ValueError):
        paper_key(title="!!!")


def test_author_key():
    assert author_key(s2_id="17", name="A. B") == "s2:17"
    assert author_key(name="Ada  Lovelace") == "name:ada lovelace"


def test_paper_fills_title_norm_and_rejects_unknown_fields():
    assert Paper(key="k", title="Deep Nets!").title_norm == "deep nets"
    with pytest.raises(ValueError):
        Author(key="k", nickname="x")
