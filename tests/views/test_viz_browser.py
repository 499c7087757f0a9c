"""Every view opened in headless Chromium from a file:// URL with the network blocked."""

from __future__ import annotations

import networkx as nx
import pytest
from browser_harness import browser, open_view  # noqa: F401  (browser is a fixture)
from view_graphs import CONTEXTS, XSS_ATTR, XSS_TITLE, listed_only_graph, small_graph

from kg.views import write_view
from kg.views.render import render

# (view, parameters, nodes, edges) on view_graphs.small_graph
VIEWS = [
    ("citations", {"with_references": 2}, 5, 5),
    ("coauthors", {}, 2, 1),
    ("methods", {}, 5, 4),
    ("ego", {"paper": "p1"}, 8, 7),
    ("communities", {}, 3, 1),
]


def assert_clean(opened):
    assert opened.errors == [], opened.errors
    assert opened.dialogs == [], f"a dialog fired: {opened.dialogs}"
    assert opened.blocked == [], f"the page asked the network for {opened.blocked}"


@pytest.mark.parametrize("view,params,nodes,edges", VIEWS, ids=[v[0] for v in VIEWS])
def test_view_opens_offline_with_its_nodes_and_a_tooltip(
    browser, embedded_store, tmp_path, view, params, nodes, edges
):
    path = write_view(small_graph(embedded_store), view, tmp_path / f"{view}.html", **params)
    opened = open_view(browser, path)
    page = opened.page
    assert opened.counts() == (nodes, edges)
    first = page.evaluate("nodes.getIds()[0]")
    heading = page.evaluate("id => nodes.get(id).info.heading", first)
    x, y = opened.node_point(first)
    page.mouse.move(x, y)
    page.wait_for_selector("#tooltip", state="visible", timeout=5000)
    assert heading in page.inner_text("#tooltip")
    page.mouse.click(x, y)
    assert heading in page.inner_text("#details")
    assert page.locator("#legend > div").count() >= 2
    page.screenshot(path=str(tmp_path / f"{view}.png"))
    assert_clean(opened)


def test_hostile_titles_show_as_text_and_run_nothing(browser, embedded_store, tmp_path):
    kb = small_graph(embedded_store)
    path = write_view(kb, "ego", tmp_path / "ego.html", paper="p2")  # heading names p2's title
    opened = open_view(browser, path)
    page = opened.page
    assert page.inner_text("#heading") == f"Neighbourhood of {XSS_TITLE} (depth 1)"
    assert page.title() == f"Neighbourhood of {XSS_TITLE} (depth 1)"
    for node, text in (("Paper:p2", XSS_TITLE), ("Paper:p1", "Sparse Attention Everywhere")):
        page.mouse.click(*opened.node_point(node))
        assert text in page.inner_text("#details")
    page.mouse.click(*opened.node_point("Paper:p2"))
    assert XSS_ATTR in page.inner_text("#details")  # p2's venue
    assert page.locator("#details a").count() == 0  # its javascript: pdf_url is not a link
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # vis-network and the page's own
    assert_clean(opened)

    other = open_view(browser, write_view(kb, "citations", tmp_path / "c.html"))
    other.page.mouse.click(*other.node_point("Paper:p3"))
    assert XSS_ATTR in other.page.inner_text("#details")
    assert other.page.evaluate("document.querySelectorAll('img').length") == 0
    assert_clean(other)


@pytest.mark.parametrize("view,params", [("citations", {}), ("ego", {"paper": "p1"})])
def test_citation_edge_tooltip_shows_the_citing_sentences_as_text(
    browser, embedded_store, tmp_path, view, params
):
    path = write_view(small_graph(embedded_store), view, tmp_path / f"{view}.html", **params)
    opened = open_view(browser, path)
    page = opened.page
    (x1, y1), (x2, y2) = opened.node_point("Paper:p1"), opened.node_point("Paper:p2")
    page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2)
    page.wait_for_selector("#tooltip", state="visible", timeout=5000)
    text = page.inner_text("#tooltip")
    assert (
        "CITATION" in text.upper()
        and "methodology, background" in text
        and f"cites {XSS_TITLE}" in text
    )
    for context in CONTEXTS:
        assert context in text  # the markup in the second shows as text
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert_clean(opened)


def test_demo_listing_without_edges_says_why(browser, embedded_store, tmp_path):
    path = write_view(listed_only_graph(embedded_store), "citations", tmp_path / "citations.html")
    opened = open_view(browser, path)
    assert opened.counts() == (107, 0)
    assert "run `kg enrich`" in opened.page.inner_text("#notes")
    opened.page.screenshot(path=str(tmp_path / "demo-citations.png"))
    assert_clean(opened)


def test_large_view_draws_with_fixed_layout_and_names_what_was_left_out(browser, tmp_path):
    g = nx.gnm_random_graph(1200, 2400, seed=2, directed=True)
    g = nx.relabel_nodes(g, {n: f"Paper:{n}" for n in g})
    for i, n in enumerate(g):
        g.nodes[n].update(
            type="Paper", key=str(i), title=f"paper {i}", listed=True, citation_count=i
        )
    g.graph.update(title="large", notes=["Showing the 1,200 most important of 9,999 nodes"])
    opened = open_view(browser, render(g, tmp_path / "large.html"))
    assert opened.counts() == (1200, 2400)
    assert opened.page.evaluate("network.physics.physicsEnabled") is False
    assert "9,999" in opened.page.inner_text("#notes")
    assert_clean(opened)
