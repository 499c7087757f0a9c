"""Interactive HTML network views: Cypher selects a networkx graph, pyvis renders it offline.

>>> from kg.examples import example_graph
>>> page = view(example_graph(), "citations", top=500)
>>> page.html.startswith("<!DOCTYPE html>"), "Attention Is All You Need" in page.html
(True, True)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.graph import Graph
from kg.views.inline import Page
from kg.views.render import COLOR_BY, render, render_html
from kg.views.select import VIEWS, ViewError, keep_top

DEFAULT_TOP = 500
#: the views ``write_all`` writes (ego needs a centre, so it is written around the top paper)
ALL_VIEWS = ("citations", "coauthors", "methods", "communities", "ego")


def write_view(
    kb: Graph,
    name: str,
    out: str | Path,
    *,
    top: int = DEFAULT_TOP,
    color_by: str | None = None,
    **params: Any,
) -> Path:
    """Select the view ``name`` (a name in :data:`VIEWS`) with ``params``, keep the ``top`` most
    important nodes and write the page to ``out``."""
    return view(kb, name, top=top, color_by=color_by, **params).save(out)


class View(Page):
    """A network view as a page: ``.html``, ``.save(path)``, and inline display in Jupyter
    (an iframe whose scripts run; still nothing fetched from the network).

    >>> from kg.examples import example_graph
    >>> view(example_graph(), "ego", paper="Attention Is All You Need")  # doctest: +ELLIPSIS
    <View: 0... MB of HTML; .save(path) writes it>
    """

    height = 720


def view(
    kb: Graph,
    name: str,
    *,
    top: int = DEFAULT_TOP,
    color_by: str | None = None,
    **params: Any,
) -> View:
    """The view ``name`` (see :func:`write_view`) as a :class:`View` object."""
    graph, color_by = _selected(kb, name, top, color_by, params)
    return View(render_html(graph, color_by=color_by))


def _selected(kb: Graph, name: str, top: int, color_by: str | None, params: dict[str, Any]):
    if name not in VIEWS:
        raise ViewError(f"unknown view {name!r}; expected one of {', '.join(VIEWS)}")
    graph = keep_top(VIEWS[name](kb, **params), top)
    if color_by is None:
        color_by = "community" if name == "communities" else "type"
    return graph, color_by


def write_all(kb: Graph, out_dir: str | Path, *, top: int = DEFAULT_TOP) -> list[Path]:
    """Write every view to ``out_dir/<view>.html``; the ego view centres on the most-cited
    listed paper (skipped when the graph has no paper)."""
    out_dir = Path(out_dir)
    written = []
    for view in ALL_VIEWS:
        params: dict[str, Any] = {}
        if view == "ego":
            centre = _top_paper(kb)
            if centre is None:
                continue
            params = {"paper": centre}
        written.append(write_view(kb, view, out_dir / f"{view}.html", top=top, **params))
    return written


def _top_paper(kb: Graph) -> str | None:
    rows = kb.cypher(
        "MATCH (p:Paper) WHERE p.listed = true "
        "RETURN p.key AS key, p.citation_count AS c, p.upvotes AS u"
    ) or kb.cypher("MATCH (p:Paper) RETURN p.key AS key, p.citation_count AS c, p.upvotes AS u")
    if not rows:
        return None
    return max(rows, key=lambda r: (r["c"] or 0, r["u"] or 0, r["key"]))["key"]


__all__ = [
    "write_view",
    "write_all",
    "view",
    "View",
    "render",
    "keep_top",
    "VIEWS",
    "ViewError",
    "COLOR_BY",
    "DEFAULT_TOP",
]
