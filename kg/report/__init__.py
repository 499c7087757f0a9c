"""``kg report``: one self-contained HTML page picturing the whole graph.

The numbers of ``kg stats``, the enrichment state (matched, rejected and why, not reached), plots
(papers per year, citation counts, most cited, PageRank, authors, methods, communities), a
leaderboard per benchmark and links into the network views. The plots are Vega-Lite specs built
with altair and drawn by vega-embed, whose script (``assets/vega-bundle.min.js``, made by
``tools/vendor_vega.py``) is inlined: the page opens offline and asks the network for nothing.
Text reaches the page through Jinja's autoescape or as JSON (``tojson``), never as markup.

>>> from kg.examples import example_graph
>>> page = report(example_graph())  # kb.report() in a research script; inline in Jupyter
>>> "LoRA: Low-Rank Adaptation" in page.html
True
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.graph import Graph
from kg.report.charts import Chart, charts
from kg.report.data import TERM_TITLES, ReportData, gather
from kg.views import ALL_VIEWS
from kg.views.inline import Page

ASSETS = Path(__file__).resolve().parent / "assets"
VEGA_JS = "vega-bundle.min.js"
TITLE = "Knowledge graph report"
VIEW_LABELS = {
    "citations": "citation network",
    "coauthors": "co-authors",
    "methods": "papers, methods and benchmarks",
    "communities": "communities",
    "ego": "ego view",
}


class Report(Page):
    """The report page: ``.html``, ``.save(path)``, and inline display in Jupyter."""

    height = 900


@dataclass(frozen=True)
class ViewLink:
    label: str
    href: str | None
    command: str


def report(kb: Graph, views_dir: str | Path | None = None) -> Report:
    """The report of ``kb``; views found in ``views_dir`` (as ``kg viz all`` names them) are
    linked relative to it, the others are named with the command that writes them."""
    data = gather(kb)
    return Report(render_page(data, charts(data), _view_links(data, views_dir), repr(kb.store)))


def write_report(kb: Graph, out: str | Path = "out/report.html") -> Path:
    """Write the report of ``kb`` to ``out``, linking the views beside it."""
    out = Path(out)
    return report(kb, views_dir=out.parent).save(out)


class ChartPage(Page):
    height = 420


def chart_page(chart) -> ChartPage:
    """Any altair chart as an offline page (the report's inlined Vega): shows inline in Jupyter
    with no network, where altair's own renderer would load Vega from a CDN.

    >>> import altair as alt
    >>> chart_page(alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")).height
    420
    """
    spec = chart.to_dict()
    return ChartPage(_chart_template().render(spec=spec, vega_js=Markup(_asset(VEGA_JS))))


def render_page(data: ReportData, plots: list[Chart], views: list[ViewLink], source: str) -> str:
    """The page's HTML for gathered data and charts."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    waiting = sum(
        n for status, n in data.stats["listed_papers_by_s2_status"].items()
        if status == "not tried" or status.startswith("retry")
    )  # fmt: skip
    hint = (
        f"{waiting:,} listed papers were not reached: `kg enrich` tries them again."
        if waiting
        else ""
    )
    return _template().render(
        title=TITLE,
        summary=f"{source} · written {now}",
        data=data,
        charts=plots,
        specs={c.id: c.spec for c in plots if c.marks},
        views=views,
        hint_enrich=hint,
        term_titles=TERM_TITLES,
        vega_js=Markup(_asset(VEGA_JS)),
    )


def _view_links(data: ReportData, views_dir: str | Path | None) -> list[ViewLink]:
    links = []
    for view in ALL_VIEWS:
        label = VIEW_LABELS.get(view, view)
        command = f"kg viz {view}"
        if view == "ego":
            if data.top_paper is None:
                continue
            label = f"ego view of {data.top_paper['title']}"
            command = f"kg viz ego --paper {shlex.quote(data.top_paper['key'])}"
        path = Path(views_dir) / f"{view}.html" if views_dir is not None else None
        href = path.name if path is not None and path.exists() else None
        links.append(ViewLink(label, href, command))
    return links


@cache
def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    if "</script" in text.lower():  # inlined into <script>: a closing tag would end it early
        raise ValueError(f"{name} contains a closing tag and cannot be inlined")
    return text


_CHART_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>chart</title></head>
<body style="margin:0;font-family:system-ui,sans-serif"><div id="chart"></div>
<script>{{ vega_js }}</script>
<script>vegaEmbed("#chart", {{ spec|tojson }}, {renderer: "svg", actions: false}).then(function () {
  document.body.setAttribute("data-drawn", "1"); }).catch(function (e) { console.error(e); });</script>
</body></html>"""


@cache
def _chart_template():
    return Environment(autoescape=True).from_string(_CHART_PAGE)


@cache
def _template():
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html"]))
    return env.get_template("report.html")


__all__ = [
    "report",
    "write_report",
    "render_page",
    "chart_page",
    "Report",
    "ChartPage",
    "ReportData",
    "gather",
]
