"""Render a view graph to one self-contained HTML file with pyvis.

pyvis builds the vis-network node and edge options; the page template (``assets/view.html``)
replaces pyvis's, because pyvis's loads Bootstrap and tom-select from a CDN even with
``cdn_resources='in_line'``. vis-network's JS and CSS (copied from pyvis's bundled 9.1.2) are
inlined, so the file opens with no network. Data reaches the page only as JSON through Jinja's
``tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``), and the page writes every text with
``textContent``: a title like ``<script>alert(1)</script>`` shows as text.

>>> from kg.examples import example_graph
>>> from kg.views.select import citations
>>> html = render_html(citations(example_graph()))
>>> "Attention Is All You Need" in html, "<script src=" in html
(True, False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from kg.views.layout import layout
from kg.views.select import rank_nodes

ASSETS = Path(__file__).resolve().parent / "assets"
VIS_JS = "vis-network-9.1.2.min.js"
VIS_CSS = "vis-network-9.1.2.css"
#: above this many nodes, physics is off and the precomputed positions are final
PHYSICS_LIMIT = 300
LABEL_CHARS = 32

TYPE_COLOURS = {
    "Paper": "#4e79a7",
    "Reference": "#a0cbe8",
    "Author": "#f28e2b",
    "Method": "#59a14f",
    "Benchmark": "#e15759",
}
TYPE_SHAPES = {"Paper": "dot", "Author": "diamond", "Method": "triangle", "Benchmark": "square"}
EDGE_COLOURS = {
    "CITES": "#8a96a3",
    "AUTHORED": "#f2b880",
    "CO_AUTHORED": "#f2a65a",
    "PROPOSES": "#2f7d32",
    "USES": "#8cc084",
    "COMPARES_WITH": "#b07aa1",
    "EVALUATED_ON": "#e15759",
}
INFLUENTIAL_COLOUR = "#33404d"
COMMUNITY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#d37295",
    "#8cd17d",
)
OTHER_COLOUR = "#bab0ac"
COLOR_BY = ("type", "community", "year")


@dataclass(frozen=True)
class Page:
    """What the page says around the network: heading, notes, legend."""

    title: str
    notes: list[str]
    legend: list[dict[str, str]]
    physics: bool


def render(
    graph: nx.Graph, out: str | Path, *, color_by: str = "type", title: str | None = None
) -> Path:
    """Write ``graph`` (from :mod:`kg.views.select`) as a standalone HTML page at ``out``.

    >>> import tempfile
    >>> g = nx.DiGraph(title="demo", notes=[]); g.add_node("Paper:a", type="Paper", title="A")
    >>> render(g, Path(tempfile.mkdtemp()) / "a.html").exists()
    True
    """
    html = render_html(graph, color_by=color_by, title=title)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def render_html(graph: nx.Graph, *, color_by: str = "type", title: str | None = None) -> str:
    """The standalone page of :func:`render` as a string (what notebooks show inline)."""
    if color_by not in COLOR_BY:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    network, page = build_network(graph, color_by=color_by, title=title)
    network.page = page
    return network.generate_html()


def build_network(
    graph: nx.Graph, *, color_by: str = "type", title: str | None = None
) -> tuple[_ViewNetwork, Page]:
    """The pyvis network (nodes, edges, options) and page text for ``graph``."""
    notes = list(graph.graph.get("notes", []))
    colour, legend = _colouring(graph, color_by, notes)
    size = _sizer(graph)
    positions = layout(graph)
    physics = 0 < graph.number_of_nodes() <= PHYSICS_LIMIT
    network = _ViewNetwork(directed=graph.is_directed())
    for n, attrs in graph.nodes(data=True):
        x, y = positions[n]
        network.add_node(
            n,
            label=short_label(attrs),
            shape=TYPE_SHAPES.get(attrs.get("type", ""), "dot"),
            color=colour(attrs),
            size=size(n),
            x=round(x, 1),
            y=round(y, 1),
            borderWidth=3 if attrs.get("centre") else 1,
            info=node_info(attrs),
        )
    # Edge dicts are appended directly: Network.add_edge checks membership in a list per edge,
    # quadratic at 5,000 nodes; networkx already guarantees each edge once.
    for src, dst, attrs in graph.edges(data=True):
        options = _edge_options(attrs)
        if info := edge_info(graph, src, dst, attrs):
            options["info"] = info
        network.edges.append(Edge(src, dst, graph.is_directed(), **options).options)
    legend += _edge_legend(graph)
    network.options = _options(graph.number_of_nodes(), physics, graph.is_directed())
    heading = title or graph.graph.get("title") or graph.graph.get("view", "Graph")
    if graph.number_of_nodes() == 0:
        notes.append("Nothing to show: this view has no nodes.")
    return network, Page(title=heading, notes=notes, legend=legend, physics=physics)


def short_label(attrs: dict[str, Any]) -> str:
    """The node's label on the canvas: its title or name, cut to LABEL_CHARS characters.

    >>> short_label({"title": "Attention Is All You Need, Again and Again and Again"})
    'Attention Is All You Need, Agai…'
    """
    text = str(attrs.get("title") or attrs.get("name") or attrs.get("key") or "")
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def node_info(attrs: dict[str, Any]) -> dict[str, Any]:
    """The tooltip data of a node: plain values and http(s) links only (the page escapes them)."""
    kind = attrs.get("type", "")
    info: dict[str, Any] = {
        "type": kind,
        "heading": str(attrs.get("title") or attrs.get("name") or attrs.get("key", "")),
    }
    fields = [
        ("Year", attrs.get("year")),
        ("Venue", attrs.get("venue")),
        ("Authors", attrs.get("authors")),
        ("Organisation", attrs.get("organisation")),
        ("Citations", attrs.get("citation_count")),
        ("Influential citations", attrs.get("influential_citation_count")),
        ("PageRank", round(attrs["pagerank"], 6) if attrs.get("pagerank") is not None else None),
        ("Community", attrs.get("community")),
        ("Upvotes", attrs.get("upvotes")),
        ("Papers", attrs.get("papers")),
        ("h-index", attrs.get("h_index")),
        ("Kind", attrs.get("kind")),
        ("TL;DR", attrs.get("tldr")),
        ("Key", attrs.get("key")),
    ]
    info["fields"] = [[name, str(value)] for name, value in fields if value not in (None, "")]
    info["links"] = [[name, url] for name, url in _links(attrs) if _is_web_url(url)]
    return info


def edge_info(graph: nx.Graph, src: Any, dst: Any, attrs: dict[str, Any]) -> dict[str, Any] | None:
    """The tooltip data of a citation edge with intents or citing sentences (plain text: the
    page escapes it); None for edges with nothing to say.

    >>> g = nx.DiGraph(); g.add_node("a", title="A"); g.add_node("b", title="B")
    >>> edge_info(g, "a", "b", {"type": "CITES", "intents": ["methodology"], "contexts": ["As in [4]."]})["fields"]
    [['Intents', 'methodology'], ['Context 1', 'As in [4].']]
    """
    intents, contexts = attrs.get("intents") or [], attrs.get("contexts") or []
    if attrs.get("type") != "CITES" or not (intents or contexts):
        return None
    fields = [["Intents", ", ".join(intents)]] if intents else []
    if attrs.get("influential"):
        fields.append(["Influential", "yes"])
    fields += [[f"Context {i}", str(text)] for i, text in enumerate(contexts, start=1)]
    heading = f"{short_label(graph.nodes[src])} cites {short_label(graph.nodes[dst])}"
    return {"type": "Citation", "heading": heading, "fields": fields, "links": []}


def _links(attrs: dict[str, Any]) -> list[tuple[str, str]]:
    links = []
    s2_id = attrs.get("s2_id")
    if s2_id and attrs.get("type") == "Paper":
        links.append(
            ("Semantic Scholar", f"https://www.semanticscholar.org/paper/{quote(str(s2_id))}")
        )
    elif s2_id and attrs.get("type") == "Author":
        links.append(
            ("Semantic Scholar", f"https://www.semanticscholar.org/author/{quote(str(s2_id))}")
        )
    if attrs.get("arxiv_id"):
        links.append(("arXiv", f"https://arxiv.org/abs/{quote(str(attrs['arxiv_id']), safe='/.')}"))
    if attrs.get("pdf_url"):
        links.append(("PDF", str(attrs["pdf_url"])))
    if attrs.get("doi"):
        links.append(("DOI", f"https://doi.org/{quote(str(attrs['doi']), safe='/.()-_;')}"))
    if attrs.get("url") and not s2_id:
        links.append(("Web", str(attrs["url"])))
    return links


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(("https://", "http://")) and not any(c in url for c in "\"'<> \n")


def _node_kind(attrs: dict[str, Any]) -> str:
    kind = attrs.get("type", "")
    if kind == "Paper" and not attrs.get("listed"):
        return "Reference"
    return kind


def _colouring(graph: nx.Graph, color_by: str, notes: list[str]):
    """A node -> colour function and the legend entries it needs."""
    if color_by == "community":
        found = sorted(
            {a["community"] for _, a in graph.nodes(data=True) if a.get("community") is not None}
        )
        if found:
            index = {c: i for i, c in enumerate(found)}

            def by_community(attrs):
                c = attrs.get("community")
                if c is None or index[c] >= len(COMMUNITY_COLOURS):
                    return OTHER_COLOUR
                return COMMUNITY_COLOURS[index[c]]

            legend = [
                {"label": f"community {c}", "color": COMMUNITY_COLOURS[i]}
                for i, c in enumerate(found[: len(COMMUNITY_COLOURS)])
            ]
            if len(found) > len(COMMUNITY_COLOURS) or any(
                a.get("community") is None for _, a in graph.nodes(data=True)
            ):
                legend.append({"label": "other / none", "color": OTHER_COLOUR})
            return by_community, legend
        notes.append("No node has a community: run `kg analyze`; coloured by type instead.")
    if color_by == "year":
        years = [a["year"] for _, a in graph.nodes(data=True) if isinstance(a.get("year"), int)]
        if years:
            low, high = min(years), max(years)

            def by_year(attrs):
                year = attrs.get("year")
                return _year_colour(year, low, high) if isinstance(year, int) else OTHER_COLOUR

            legend = [
                {"label": str(y), "color": _year_colour(y, low, high)}
                for y in sorted({low, (low + high) // 2, high})
            ]
            legend.append({"label": "year unknown", "color": OTHER_COLOUR})
            return by_year, legend
        notes.append("No node has a year; coloured by type instead.")
    kinds = sorted({_node_kind(a) for _, a in graph.nodes(data=True)}, key=list(TYPE_COLOURS).index)
    labels = {"Paper": "listed paper", "Reference": "other paper"}
    legend = [
        {
            "label": labels.get(k, k.lower()),
            "color": TYPE_COLOURS[k],
            "shape": TYPE_SHAPES.get("Paper" if k == "Reference" else k, "dot"),
        }
        for k in kinds
    ]
    return (lambda attrs: TYPE_COLOURS.get(_node_kind(attrs), OTHER_COLOUR)), legend


def _year_colour(year: int, low: int, high: int) -> str:
    """Blue (oldest) to orange (newest)."""
    t = 0.0 if high == low else (year - low) / (high - low)
    start, end = (0x2C, 0x7B, 0xB6), (0xF4, 0x6D, 0x43)
    return "#" + "".join(f"{round(a + (b - a) * t):02x}" for a, b in zip(start, end))


def _sizer(graph: nx.Graph):
    """Node size from PageRank (or citation count, or degree), square-root scaled to 8-40 px."""
    _, score = rank_nodes(graph)
    values = {n: max(score(n), 0.0) for n in graph}
    top = max(values.values(), default=0.0) or 1.0
    return lambda n: round(8 + 32 * math.sqrt(values[n] / top), 1)


def _edge_options(attrs: dict[str, Any]) -> dict[str, Any]:
    kind = attrs.get("type", "")
    options: dict[str, Any] = {"color": EDGE_COLOURS.get(kind, OTHER_COLOUR), "width": 1}
    if attrs.get("influential"):
        options.update(color=INFLUENTIAL_COLOUR, width=3)
    if attrs.get("weight", 1) > 1:
        options["width"] = min(1 + attrs["weight"], 8)
    return options


def _edge_legend(graph: nx.Graph) -> list[dict[str, str]]:
    kinds = {a.get("type") for _, _, a in graph.edges(data=True)}
    legend = [
        {"label": k.lower().replace("_", " "), "color": EDGE_COLOURS[k], "shape": "edge"}
        for k in EDGE_COLOURS
        if k in kinds
    ]
    if any(a.get("influential") for _, _, a in graph.edges(data=True)):
        legend.append(
            {"label": "influential citation", "color": INFLUENTIAL_COLOUR, "shape": "edge-heavy"}
        )
    return legend


def _options(nodes: int, physics: bool, directed: bool) -> dict[str, Any]:
    large = nodes > 1000
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "nodes": {"font": {"size": 12, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.4}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "navigationButtons": False,
            "keyboard": False,
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 80},
            "stabilization": {"enabled": physics, "iterations": 150, "fit": True},
        },
    }


class _ViewNetwork(Network):
    """pyvis's Network with this package's offline template (see the module docstring)."""

    page: Page | None = None

    def __init__(self, directed: bool):
        super().__init__(height="100%", width="100%", directed=directed, cdn_resources="in_line")

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        page = self.page or Page(title="Graph", notes=[], legend=[], physics=False)
        self.html = _template().render(
            page=page,
            nodes=self.nodes,
            edges=self.edges,
            options=self.options,
            vis_js=Markup(_asset(VIS_JS)),
            vis_css=Markup(_asset(VIS_CSS)),
        )
        return self.html


@cache
def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    # inlined into <script>/<style>: a closing tag inside would end the element early
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} contains a closing tag and cannot be inlined")
    return text


@cache
def _template():
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html"]))
    return env.get_template("view.html")


__all__ = [
    "render",
    "render_html",
    "build_network",
    "short_label",
    "node_info",
    "Page",
    "COLOR_BY",
    "PHYSICS_LIMIT",
]
