"""kg.views.render: the written HTML is self-contained, escaped and sized for large views."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from view_graphs import XSS_TITLE, small_graph

from kg.views import write_view
from kg.views.render import PHYSICS_LIMIT, node_info, render, short_label

EXTERNAL_REF = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=""", re.I)


def test_page_loads_nothing_from_outside(embedded_store, tmp_path):
    kb = small_graph(embedded_store)
    for view, params in [
        ("citations", {"with_references": 2}),
        ("coauthors", {}),
        ("methods", {}),
        ("ego", {"paper": "p1"}),
        ("communities", {}),
    ]:
        html = write_view(kb, view, tmp_path / f"{view}.html", **params).read_text()
        assert not EXTERNAL_REF.findall(html), view
        assert "cdnjs" not in html and "jsdelivr" not in html
        assert "vis.Network" in html and "bootstrap" not in html.lower()


def test_data_text_never_reaches_the_page_as_markup(embedded_store, tmp_path):
    html = write_view(small_graph(embedded_store), "citations", tmp_path / "c.html").read_text()
    assert XSS_TITLE not in html and "<img src=x" not in html
    assert "javascript:alert(2)" not in html  # a non-web pdf_url is dropped, not linked
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html


def test_tooltip_data_has_the_paper_facts_and_web_links():
    info = node_info(
        {
            "type": "Paper",
            "key": "p",
            "title": "T",
            "year": 2020,
            "venue": "V",
            "authors": "A, B",
            "citation_count": 3,
            "tldr": "short",
            "s2_id": "abc",
            "arxiv_id": "2101.00001",
            "pdf_url": "https://x.org/p.pdf",
        }
    )
    assert info["heading"] == "T"
    assert dict(info["fields"]) == {
        "Year": "2020",
        "Venue": "V",
        "Authors": "A, B",
        "Citations": "3",
        "TL;DR": "short",
        "Key": "p",
    }
    assert dict(info["links"]) == {
        "Semantic Scholar": "https://www.semanticscholar.org/paper/abc",
        "arXiv": "https://arxiv.org/abs/2101.00001",
        "PDF": "https://x.org/p.pdf",
    }


def test_short_label_cuts_long_titles():
    assert (
        short_label({"title": "x" * 100}).endswith("…")
        and len(short_label({"title": "x" * 100})) == 32
    )
    assert short_label({"name": "BERT"}) == "BERT"


def test_large_views_have_physics_off_and_fixed_positions(tmp_path):
    g = nx.gnm_random_graph(PHYSICS_LIMIT + 50, 600, seed=1, directed=True)
    g = nx.relabel_nodes(g, {n: f"Paper:{n}" for n in g})
    for n in g:
        g.nodes[n].update(type="Paper", key=n, title=f"paper {n}", listed=True)
    html = render(g, tmp_path / "big.html").read_text()
    assert '"physics": {"enabled": false' in html
    assert html.count('"x": ') == g.number_of_nodes()


def test_render_rejects_an_unknown_colouring(tmp_path):
    with pytest.raises(ValueError, match="color_by must be one of"):
        render(nx.DiGraph(), tmp_path / "x.html", color_by="mood")
