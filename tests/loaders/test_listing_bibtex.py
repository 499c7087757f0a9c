"""BibTeX listings through bibtexparser 2: fields, names, LaTeX, failed blocks with lines."""

from __future__ import annotations

import json

from loaders.listing import parse_listing

BIB = r"""% exported from a reference manager
@article{vaswani2017,
  title     = {{Attention} Is All You {N}eed},
  author    = {Vaswani, Ashish and Noam Shazeer and {Google Brain} and van der Berg, Jan},
  year      = {2017},
  eprint    = {1706.03762v5},
  archivePrefix = {arXiv},
  journal   = {Advances in Neural Information Processing Systems},
  abstract  = {The dominant sequence transduction models are based on complex recurrent networks.}
}

@inproceedings{devlin-etal-2019-bert,
    title = "{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    author = "Devlin, Jacob and Chang, Ming-Wei",
    year = "2019",
    doi = "https://doi.org/10.18653/V1/N19-1423",
}

@misc{he2015,
  title = {Deep Residual Learning for Image Recognition},
  url = {https://arxiv.org/abs/1512.03385v1},
  author = {Kaiming He and Zhang, Xiangyu},
}

@misc{ulm, title = {Universal Language Model Fine-tuning f{\"u}r Text Classification}}

@article{broken, title = {Unclosed
@misc{noid, note = {a note without a title}}
@article{badyear, title = {A Title}, year = {20x}}
"""


def parsed():
    return parse_listing(BIB, "bibtex", source="refs.bib")


def test_entries_and_fields():
    listing = parsed()
    assert [e.paper.key for e in listing.entries] == [
        "arxiv:1706.03762",
        "doi:10.18653/v1/n19-1423",
        "arxiv:1512.03385",
        "title:universal language model fine tuning fur text classification",
        "title:a title",
    ]
    attention, bert, resnet, ulm, badyear = listing.entries
    assert attention.paper.title == "Attention Is All You Need"
    assert attention.authors == [
        "Ashish Vaswani",
        "Noam Shazeer",
        "Google Brain",
        "Jan van der Berg",
    ]
    assert attention.paper.author_count == 4
    assert attention.paper.year == 2017
    assert attention.paper.abstract.startswith("The dominant sequence transduction")
    assert attention.paper.listing_source == "refs.bib:2"
    assert json.loads(attention.paper.extra) == {
        "bibtex_key": "vaswani2017",
        "bibtex_type": "article",
    }
    assert attention.paper.venue == "Advances in Neural Information Processing Systems"
    assert bert.paper.title.startswith("BERT: Pre-training")
    assert bert.paper.doi == "10.18653/v1/n19-1423"
    assert bert.authors == ["Jacob Devlin", "Ming-Wei Chang"]
    assert resnet.paper.arxiv_id == "1512.03385"
    assert resnet.paper.url == "https://arxiv.org/abs/1512.03385v1"
    assert resnet.authors == ["Kaiming He", "Xiangyu Zhang"]
    assert ulm.paper.title == "Universal Language Model Fine-tuning für Text Classification"
    # a malformed optional field never drops the entry: the year is unknown, its text kept
    assert badyear.paper.year is None and json.loads(badyear.paper.extra)["year"] == "20x"


def test_problems_name_their_lines():
    problems = parsed().problems
    assert [(p.file, p.line) for p in problems] == [("refs.bib", 27), ("refs.bib", 28)]
    broken, noid = problems
    assert "malformed BibTeX block" in broken.reason and broken.text.startswith("@article{broken")
    assert "without a title or an identifier" in noid.reason
    assert parsed().notes == ["line 29: year '20x' is not a year: left unknown"]


def test_repeated_and_empty_keys_are_labels():
    listing = parse_listing(
        "@misc{a, title={One}}\n@misc{a, title={Two}}\n@misc{, title={Three}}\n", "bibtex"
    )
    assert [e.paper.title for e in listing.entries] == ["One", "Two", "Three"]
    assert listing.problems == []
    assert listing.notes == [
        "citation key used by an earlier entry, read on its own: 1 entry (line 2)",
        "entry without a citation key, read on its own: 1 entry (line 3)",
    ]


def test_eprint_of_another_archive_is_not_an_arxiv_id():
    listing = parse_listing("@misc{a, title={T}, eprint={hal-0123}, archivePrefix={HAL}}", "bibtex")
    assert listing.entries[0].paper.arxiv_id is None
    assert listing.entries[0].paper.key == "title:t"
