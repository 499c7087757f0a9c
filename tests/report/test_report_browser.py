"""The report in headless Chromium from a file:// URL with the network blocked: no console
error, every plot drawn as SVG with one bar per data row, hover shows values, the numbers are
those of `kg stats --json`, hostile titles stay text.

``KG_SCREENSHOTS=DIR`` saves the page as DIR/report.png (the README's picture).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser_harness import browser, open_view  # noqa: F401  (browser is a fixture)
from report_graphs import synthetic_graph
from test_viz_browser import assert_clean
from view_graphs import XSS_ATTR, XSS_TITLE, small_graph

from kg import KnowledgeGraph
from kg.cli import main
from kg.report import write_report
from kg.views import write_view

CHARTS = (
    "per-year",
    "citations",
    "top-cited",
    "influential",
    "authors",
    "proposed",
    "used",
    "communities",
)


def kg_stats_json(capsys, db: Path) -> dict:
    with pytest.raises(SystemExit) as done:
        main(["stats", "--db", str(db), "--json"])
    assert done.value.code in (0, None)
    return json.loads(capsys.readouterr().out)


def drawn_marks(page) -> dict[str, tuple[int, int]]:
    """chart id -> (bars the page expects, bars drawn in its SVG)."""
    rows = page.evaluate(
        """Array.from(document.querySelectorAll('.chart')).map(c => [
            c.dataset.chart, Number(c.dataset.marks),
            c.querySelectorAll('svg .mark-rect path').length, c.dataset.drawn || ''])"""
    )
    assert all(r[3] == "1" for r in rows), rows
    return {r[0]: (r[1], r[2]) for r in rows}


def test_every_plot_is_drawn_and_the_numbers_are_kg_stats(
    browser, embedded_store, tmp_path, capsys
):
    kb = synthetic_graph(embedded_store)
    path = write_report(kb, tmp_path / "out" / "report.html")
    kb.close()
    opened = open_view(browser, path)
    page = opened.page

    marks = drawn_marks(page)
    assert set(marks) == set(CHARTS)
    for chart, (expected, drawn) in marks.items():
        assert expected > 0 and drawn == expected, (chart, expected, drawn)

    stats = kg_stats_json(capsys, tmp_path / "kg.db")
    on_page = page.evaluate(
        """Object.fromEntries(Array.from(document.querySelectorAll('#stats table')).map(t => [
            t.dataset.section,
            Object.fromEntries(Array.from(t.querySelectorAll('tr')).slice(1).map(r => [
                r.cells[0].textContent, Number(r.cells[1].dataset.count)]))]))"""
    )
    assert on_page == stats
    numbers = page.evaluate(
        """Object.fromEntries(Array.from(document.querySelectorAll('[data-stat]')).map(e => [
            e.dataset.stat, Number(e.querySelector('.value').textContent.replace(/,/g, ''))]))"""
    )
    listed = sum(stats["listed_papers_by_s2_status"].values())
    assert numbers["papers listed"] == listed
    assert numbers["papers matched in S2"] == stats["listed_papers_by_s2_status"]["ok"]
    assert numbers["other papers (cited or citing)"] == stats["nodes"]["Paper"] - listed
    assert numbers["authors"] == stats["nodes"]["Author"]
    assert numbers["methods"] == stats["nodes"]["Method"]
    assert numbers["benchmarks"] == stats["nodes"]["Benchmark"]
    assert numbers["citations"] == stats["relationships"]["CITES"]

    # hover a bar of the most-cited plot: the tooltip names the paper and its citations
    bar = page.locator("#chart-top-cited svg .mark-rect path").first
    bar.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "citations" in tooltip.inner_text()
    assert page.locator("#leaderboards section").count() > 0
    page.mouse.move(0, 0)
    screenshot(page, "report.png")
    assert_clean(opened)

    # the README's second picture: a network view of the same graph, coloured by community
    view = open_view(
        browser,
        write_view(
            kb_again(tmp_path),
            "citations",
            tmp_path / "out" / "citations.html",
            top=150,
            with_references=100,
            color_by="community",
        ),
    )
    assert view.counts()[0] > 100
    screenshot(view.page, "view.png")
    assert_clean(view)


def kb_again(tmp_path: Path) -> KnowledgeGraph:
    return KnowledgeGraph.open(tmp_path / "kg.db", read_only=True)


def screenshot(page, name: str) -> None:
    """Save the page's first screen as KG_SCREENSHOTS/name when that variable is set."""
    if not os.environ.get("KG_SCREENSHOTS"):
        return
    out = Path(os.environ["KG_SCREENSHOTS"])
    out.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 860})
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(out / name))


def test_hostile_titles_show_as_text_and_run_nothing(browser, embedded_store, tmp_path):
    path = write_report(small_graph(embedded_store), tmp_path / "report.html")
    opened = open_view(browser, path)
    page = opened.page
    text = page.inner_text("main")
    assert XSS_TITLE in text  # the most cited listed papers' leaderboard and enrichment rows
    # hover every bar of the most-cited plot: the hostile titles reach the tooltip as text
    bars = page.locator("#chart-top-cited svg .mark-rect path")
    seen = set()
    for i in range(bars.count()):
        bars.nth(i).hover()
        page.wait_for_timeout(150)
        seen.add(page.inner_text("#vg-tooltip-element"))
    assert any(XSS_TITLE in t for t in seen) and any(XSS_ATTR in t for t in seen), seen
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # the vega bundle and the page's own
    assert_clean(opened)
