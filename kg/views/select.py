"""Select each view's nodes and edges by Cypher into a networkx graph.

Every statement is a plain ``MATCH ... RETURN`` of scalar properties with labelled patterns, so it
runs unchanged on the embedded store (Kùzu dialect) and on Neo4j. A view graph's nodes are
``"<Label>:<key>"`` with attributes ``type`` (the label), ``key`` and the node's properties; its
edges carry ``type`` (relationship type) and ``influential``. ``graph.graph`` holds ``view``,
``title`` and ``notes`` (lines the page shows: why a view is empty, what was left out).

>>> from kg.examples import example_graph
>>> g = citations(example_graph())
>>> sorted(g.nodes)[:2], g.number_of_edges()
(['Paper:arxiv:1706.03762', 'Paper:arxiv:2106.09685'], 3)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

import networkx as nx

from kg.errors import InputError
from kg.graph import Graph
from kg.model import RELATIONSHIP_MODELS, Relationship
from kg.resolve import Label

#: scalar properties each label's nodes bring into a view (lists and long texts stay out)
NODE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Paper": (
        "title",
        "year",
        "venue",
        "citation_count",
        "influential_citation_count",
        "pagerank",
        "community",
        "tldr",
        "s2_id",
        "arxiv_id",
        "doi",
        "url",
        "pdf_url",
        "listed",
        "upvotes",
        "organisation",
    ),
    "Author": ("name", "s2_id", "h_index", "paper_count", "citation_count"),
    "Method": ("name",),
    "Benchmark": ("name", "kind"),
}
EXTRACTED_TYPES = ("PROPOSES", "USES", "COMPARES_WITH", "EVALUATED_ON")
_KEY_CHUNK = 1000
_AUTHORS_SHOWN = 8


class ViewError(InputError):
    """A view cannot be built as asked (unknown view, no node matching --paper, ...)."""


def node_id(label: str, key: str) -> str:
    """The id a node has in a view graph: keys are unique per label only.

    >>> node_id("Paper", "s2:abc")
    'Paper:s2:abc'
    """
    return f"{label}:{key}"


# --- the views ------------------------------------------------------------------------------


def citations(kb: Graph, *, with_references: int = 0) -> nx.DiGraph:
    """Listed papers and the citations between them, plus the ``with_references`` outside
    papers the listed ones cite most."""
    graph = _new_graph("citations", "Citations between the listed papers")
    listed = _fetch_nodes(kb, "Paper", where="n.listed = true")
    if not listed:
        graph.graph["notes"].append("No listed papers in the graph: run `kg build LISTING` first.")
        return graph
    _add_nodes(graph, "Paper", listed)
    _add_edges(graph, _cites(kb, "a.listed = true AND b.listed = true"))
    if with_references > 0:
        top = kb.cypher(
            "MATCH (a:Paper)-[:CITES]->(b:Paper) WHERE a.listed = true "
            "AND (b.listed IS NULL OR b.listed = false) "
            "RETURN b.key AS key, count(*) AS n ORDER BY n DESC, key LIMIT $n",
            n=int(with_references),
        )
        keys = [row["key"] for row in top]
        if keys:
            graph.graph["title"] += f" and their {len(keys)} most-cited references"
            _add_nodes(graph, "Paper", _fetch_nodes(kb, "Paper", keys=keys))
            for chunk in _chunks(keys):
                _add_edges(graph, _cites(kb, "a.listed = true AND b.key IN $keys", keys=chunk))
    if graph.number_of_edges() == 0:
        any_cites = kb.cypher("MATCH (:Paper)-[r:CITES]->(:Paper) RETURN count(r) AS n")[0]["n"]
        graph.graph["notes"].append(
            "No citations between the listed papers"
            + (
                ": they cite only outside papers; add `--with-references N` to show the most-cited ones."
                if any_cites
                else ": run `kg enrich` to fetch references from Semantic Scholar."
            )
        )
    _attach_authors(kb, graph)
    return graph


def coauthors(kb: Graph) -> nx.Graph:
    """Authors joined by the papers they wrote together (edge ``weight`` = shared papers)."""
    graph = nx.Graph(view="coauthors", title="Co-authorship", notes=[])
    counts = kb.cypher(
        "MATCH (a:Author)-[:AUTHORED]->(p:Paper) RETURN a.key AS key, count(p) AS papers"
    )
    if not counts:
        graph.graph["notes"].append(
            "No authors in the graph: the listing names none; run `kg enrich` to fetch them "
            "from Semantic Scholar."
        )
        return graph
    papers = {row["key"]: row["papers"] for row in counts}
    rows = _fetch_nodes(kb, "Author", keys=list(papers))
    for row in rows:
        row["papers"] = papers.get(row["key"])
    _add_nodes(graph, "Author", rows)
    pairs = kb.cypher(
        "MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author) WHERE a.key < b.key "
        "RETURN a.key AS src, b.key AS dst, count(p) AS weight"
    )
    for row in pairs:
        graph.add_edge(
            node_id("Author", row["src"]),
            node_id("Author", row["dst"]),
            type="CO_AUTHORED",
            weight=row["weight"],
            influential=False,
        )
    if graph.number_of_edges() == 0:
        graph.graph["notes"].append("No co-authorships: every author in the graph wrote alone.")
    return graph


def methods(kb: Graph) -> nx.DiGraph:
    """Papers with the methods they propose, use or compare with and the benchmarks they
    evaluate on."""
    graph = _new_graph("methods", "Papers, methods and benchmarks")
    for model in RELATIONSHIP_MODELS:
        if model.type in EXTRACTED_TYPES:
            _add_edges(graph, _relationships(kb, model))
    if graph.number_of_nodes() == 0:
        for label in ("Method", "Benchmark"):
            _add_nodes(graph, label, _fetch_nodes(kb, label))
        graph.graph["notes"].append(
            "No papers linked to methods or benchmarks: run `kg extract` to find them in the "
            "titles and abstracts."
        )
    _fill_nodes(kb, graph)
    _attach_authors(kb, graph)
    return graph


def ego(
    kb: Graph,
    *,
    paper: str | None = None,
    author: str | None = None,
    method: str | None = None,
    depth: int = 1,
) -> nx.DiGraph:
    """The neighbourhood (``depth`` 1 or 2, every relationship type) of one paper, author or
    method, named in any form :meth:`kg.graph.Graph.resolve` accepts (key, id, URL,
    DOI, title, name or alias)."""
    given = [
        (label, value)
        for label, value in (("Paper", paper), ("Author", author), ("Method", method))
        if value
    ]
    if len(given) != 1:
        raise ViewError("the ego view needs exactly one of --paper, --author or --method")
    if depth not in (1, 2):
        raise ViewError(f"--depth must be 1 or 2, not {depth}")
    label, value = given[0]
    key = kb.resolve(cast(Label, label), value).key
    centre = node_id(label, key)
    graph = _new_graph("ego", "")
    graph.add_node(centre, type=label, key=key)
    frontier: dict[str, set[str]] = {label: {key}}
    for _ in range(depth):
        found: dict[str, set[str]] = {}
        for model in RELATIONSHIP_MODELS:
            for side, other in (("a", model.target_label), ("b", model.source_label)):
                own = model.source_label if side == "a" else model.target_label
                keys = sorted(frontier.get(own, ()))
                for chunk in _chunks(keys):
                    for src, dst, attrs in _relationships(
                        kb, model, f"{side}.key IN $keys", keys=chunk
                    ):
                        if not graph.has_node(other_id := (dst if side == "a" else src)):
                            found.setdefault(other, set()).add(other_id.split(":", 1)[1])
                        graph.add_edge(src, dst, **attrs)
        frontier = found
    _fill_nodes(kb, graph)
    graph.nodes[centre]["centre"] = True
    name = graph.nodes[centre].get("title") or graph.nodes[centre].get("name") or key
    graph.graph["title"] = f"Neighbourhood of {name} (depth {depth})"
    graph.graph["pinned"] = [centre]
    if graph.number_of_edges() == 0:
        graph.graph["notes"].append(
            f"This {label.lower()} has no relationships yet: run `kg enrich` (citations, authors) "
            "or `kg extract` (methods, benchmarks)."
        )
    _attach_authors(kb, graph)
    return graph


def communities(kb: Graph) -> nx.DiGraph:
    """Papers coloured by their ``community`` (from `kg analyze`) with the citations among them."""
    graph = _new_graph("communities", "Citation communities")
    rows = _fetch_nodes(kb, "Paper", where="n.community IS NOT NULL")
    if rows:
        _add_nodes(graph, "Paper", rows)
        _add_edges(graph, _cites(kb, "a.community IS NOT NULL AND b.community IS NOT NULL"))
        found = len({row["community"] for row in rows})
        graph.graph["title"] = f"{found} citation communities"
    else:
        graph.graph["notes"].append(
            "No communities computed yet: run `kg analyze`; showing the listed papers by type."
        )
        _add_nodes(graph, "Paper", _fetch_nodes(kb, "Paper", where="n.listed = true"))
        _add_edges(graph, _cites(kb, "a.listed = true AND b.listed = true"))
    if graph.number_of_edges() == 0:
        graph.graph["notes"].append(
            "No citations among these papers: run `kg enrich` to fetch references."
        )
    _attach_authors(kb, graph)
    return graph


VIEWS: dict[str, Callable[..., nx.Graph]] = {
    "citations": citations,
    "coauthors": coauthors,
    "methods": methods,
    "ego": ego,
    "communities": communities,
}


# --- keeping the most important nodes -------------------------------------------------------


def keep_top(graph: nx.Graph, top: int) -> nx.Graph:
    """The ``top`` most important nodes of ``graph`` (by PageRank when known, else citation
    count, else listing upvotes, else degree) and the edges among them; ``notes`` says what was left out. Nodes in
    ``graph.graph["pinned"]`` are always kept.

    >>> g = nx.star_graph(4); g.graph.update(notes=[])
    >>> sorted(keep_top(g, 2).nodes)
    [0, 1]
    """
    if top <= 0 or graph.number_of_nodes() <= top:
        return graph
    by, score = rank_nodes(graph)
    pinned = [n for n in graph.graph.get("pinned", ()) if n in graph]
    ranked = sorted(graph.nodes, key=lambda n: (-score(n), str(n)))
    kept = list(dict.fromkeys(pinned + ranked))[: max(top, len(pinned))]
    sub = graph.subgraph(kept).copy()
    sub.graph.update(graph.graph)
    sub.graph["notes"] = list(graph.graph.get("notes", [])) + [
        f"Showing the {len(kept):,} most important of {graph.number_of_nodes():,} nodes (by {by}); "
        f"{graph.number_of_nodes() - len(kept):,} nodes and "
        f"{graph.number_of_edges() - sub.number_of_edges():,} edges left out. Use --top N to show more."
    ]
    return sub


def rank_nodes(graph: nx.Graph) -> tuple[str, Callable[[Any], float]]:
    """What nodes are ranked by, and the score function: PageRank if any node has one, else
    citation count, else upvotes, else degree (ties broken by degree)."""
    for prop, name in (
        ("pagerank", "PageRank"),
        ("citation_count", "citation count"),
        ("upvotes", "upvotes"),
    ):
        if any(graph.nodes[n].get(prop) is not None for n in graph):
            degree = max((d for _, d in graph.degree()), default=0) + 1
            return (
                name,
                lambda n, p=prop, d=degree: (
                    (graph.nodes[n].get(p) or 0) + graph.degree(n) / d * 1e-9
                ),
            )
    return "degree", lambda n: float(graph.degree(n))


# --- Cypher ---------------------------------------------------------------------------------


def _new_graph(view: str, title: str) -> nx.DiGraph:
    return nx.DiGraph(view=view, title=title, notes=[])


def _chunks(keys: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(keys), _KEY_CHUNK):
        yield list(keys[start : start + _KEY_CHUNK])


def _fetch_nodes(
    kb: Graph, label: str, *, keys: Sequence[str] | None = None, where: str | None = None
) -> list[dict[str, Any]]:
    columns = ", ".join(f"n.{p} AS {p}" for p in ("key", *NODE_PROPERTIES[label]))
    if keys is None:
        clause = f" WHERE {where}" if where else ""
        return kb.cypher(f"MATCH (n:{label}){clause} RETURN {columns}")
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(list(keys)):
        rows += kb.cypher(f"MATCH (n:{label}) WHERE n.key IN $keys RETURN {columns}", keys=chunk)
    return rows


def _add_nodes(graph: nx.Graph, label: str, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        attrs = {k: v for k, v in row.items() if v is not None}
        graph.add_node(node_id(label, row["key"]), type=label, **attrs)


def _fill_nodes(kb: Graph, graph: nx.Graph) -> None:
    """Load the properties of nodes that were added by an edge only."""
    by_label: dict[str, list[str]] = {}
    for n, attrs in graph.nodes(data=True):
        by_label.setdefault(n.split(":", 1)[0], []).append(attrs.get("key") or n.split(":", 1)[1])
    for label, keys in by_label.items():
        _add_nodes(graph, label, _fetch_nodes(kb, label, keys=keys))


def _relationships(
    kb: Graph, model: type[Relationship], where: str | None = None, **params: Any
) -> list[tuple[str, str, dict[str, Any]]]:
    extra = (
        ", r.is_influential AS influential, r.intents AS intents, r.contexts AS contexts"
        if model.type == "CITES"
        else ""
    )
    clause = f" WHERE {where}" if where else ""
    rows = kb.cypher(
        f"MATCH (a:{model.source_label})-[r:{model.type}]->(b:{model.target_label}){clause} "
        f"RETURN a.key AS src, b.key AS dst{extra}",
        params,
    )
    return [
        (
            node_id(model.source_label, row["src"]),
            node_id(model.target_label, row["dst"]),
            {
                "type": model.type,
                "influential": bool(row.get("influential")),
                # why the citation: S2's intents and citing sentences, for the edge tooltip
                **{k: row[k] for k in ("intents", "contexts") if row.get(k)},
            },
        )
        for row in rows
    ]


def _cites(kb: Graph, where: str, **params: Any) -> list[tuple[str, str, dict[str, Any]]]:
    from kg.model import Cites

    return _relationships(kb, Cites, where, **params)


def _add_edges(graph: nx.Graph, edges: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    for src, dst, attrs in edges:
        for n in (src, dst):
            if n not in graph:
                label, key = n.split(":", 1)
                graph.add_node(n, type=label, key=key)
        graph.add_edge(src, dst, **attrs)


def _attach_authors(kb: Graph, graph: nx.Graph) -> None:
    """Put each paper's author names (in byline order, first few) on its node for the tooltip."""
    keys = [attrs["key"] for _, attrs in graph.nodes(data=True) if attrs.get("type") == "Paper"]
    names: dict[str, list[tuple[int, str]]] = {}
    for chunk in _chunks(keys):
        for row in kb.cypher(
            "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) WHERE p.key IN $keys "
            "RETURN p.key AS paper, a.name AS name, r.position AS position",
            keys=chunk,
        ):
            if row["name"]:
                position = row["position"] if row["position"] is not None else 10**6
                names.setdefault(row["paper"], []).append((position, row["name"]))
    for key, found in names.items():
        ordered = [name for _, name in sorted(found)]
        shown = ", ".join(ordered[:_AUTHORS_SHOWN])
        if len(ordered) > _AUTHORS_SHOWN:
            shown += f" and {len(ordered) - _AUTHORS_SHOWN} more"
        graph.nodes[node_id("Paper", key)]["authors"] = shown


__all__ = [
    "VIEWS",
    "ViewError",
    "citations",
    "coauthors",
    "methods",
    "ego",
    "communities",
    "keep_top",
    "rank_nodes",
    "node_id",
]
