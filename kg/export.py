"""Export a knowledge base: GraphML, JSON, a directory of CSV files, or BibTeX of the listed papers.

Everything is read with plain Cypher over the store interface, one statement per label and
relationship type generated from :mod:`kg.model`, so the same code exports the embedded store
and Neo4j.

>>> import tempfile
>>> from kg.examples import example_graph
>>> out = Path(tempfile.mkdtemp()) / "graph.json"
>>> export(example_graph(), "json", out).nodes
11
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.graph import Graph
from kg.model import NODE_MODELS, RELATIONSHIP_MODELS, Node, Paper, Relationship
from kg.schema import properties, property_type

EXPORT_FORMATS = ("graphml", "json", "csv", "neo4j-import", "bibtex")
_SUFFIXES = {".graphml": "graphml", ".json": "json", ".bib": "bibtex", ".bibtex": "bibtex"}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    path: str
    nodes: int
    relationships: int


def format_from_path(path: str | Path) -> str | None:
    """The export format an output path's suffix implies ("graph.graphml" -> "graphml")."""
    return _SUFFIXES.get(Path(path).suffix.lower())


# --- reading ------------------------------------------------------------------------------------


def read_nodes(kb: Graph, model: type[Node]) -> list[dict[str, Any]]:
    """Every node of ``model``'s label as a dict of its stored properties, ordered by key."""
    columns = ", ".join(f"n.{p} AS {p}" for p in properties(model))
    return kb.cypher(f"MATCH (n:{model.label}) RETURN {columns} ORDER BY n.key")


def read_relationships(kb: Graph, model: type[Relationship]) -> list[dict[str, Any]]:
    """Every relationship of ``model``'s type as ``{"src", "dst", **properties}``."""
    columns = "".join(f", r.{p} AS {p}" for p in properties(model))
    return kb.cypher(
        f"MATCH (a:{model.source_label})-[r:{model.type}]->(b:{model.target_label}) "
        f"RETURN a.key AS src, b.key AS dst{columns} ORDER BY src, dst"
    )


def _present(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None}


def to_networkx(kb: Graph) -> nx.MultiDiGraph:
    """The whole graph as a networkx MultiDiGraph; node ids are ``"<Label>:<key>"``.

    Node attributes are ``label`` plus the stored properties; edge attributes ``type`` plus the
    relationship's properties. Null properties are left out.
    """
    graph = nx.MultiDiGraph()
    for model in NODE_MODELS:
        for row in read_nodes(kb, model):
            graph.add_node(f"{model.label}:{row['key']}", label=model.label, **_present(row))
    for model in RELATIONSHIP_MODELS:
        for row in read_relationships(kb, model):
            src, dst = row.pop("src"), row.pop("dst")
            graph.add_edge(
                f"{model.source_label}:{src}",
                f"{model.target_label}:{dst}",
                type=model.type,
                **_present(row),
            )
    return graph


# --- writers ------------------------------------------------------------------------------------


def _graphml_value(value: Any) -> Any:
    # GraphML has no list type: lists are stored as JSON text, readable back with json.loads
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def export_graphml(kb: Graph, path: str | Path) -> ExportSummary:
    graph = to_networkx(kb)
    for _, data in graph.nodes(data=True):
        data.update({k: _graphml_value(v) for k, v in data.items()})
    for _, _, data in graph.edges(data=True):
        data.update({k: _graphml_value(v) for k, v in data.items()})
    nx.write_graphml(graph, str(path), named_key_ids=True)
    return ExportSummary("graphml", str(path), graph.number_of_nodes(), graph.number_of_edges())


def export_json(kb: Graph, path: str | Path) -> ExportSummary:
    """``{"nodes": [{"label", "key", "properties"}], "relationships": [{"type", "src", "dst", ...}]}``."""
    nodes = [
        {
            "label": model.label,
            "key": row["key"],
            "properties": _present({k: v for k, v in row.items() if k != "key"}),
        }
        for model in NODE_MODELS
        for row in read_nodes(kb, model)
    ]
    rels = []
    for model in RELATIONSHIP_MODELS:
        for row in read_relationships(kb, model):
            src, dst = row.pop("src"), row.pop("dst")
            rels.append(
                {
                    "type": model.type,
                    "src_label": model.source_label,
                    "src": src,
                    "dst_label": model.target_label,
                    "dst": dst,
                    "properties": _present(row),
                }
            )
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"nodes": nodes, "relationships": rels}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return ExportSummary("json", str(path), len(nodes), len(rels))


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row.get(c)) for c in columns])


def export_csv(kb: Graph, directory: str | Path) -> ExportSummary:
    """One file per label (``Paper.csv``: key and properties) and per type (``CITES.csv``:
    src, dst and properties); list properties as JSON text."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    nodes = rels = 0
    for model in NODE_MODELS:
        rows = read_nodes(kb, model)
        _write_csv(directory / f"{model.label}.csv", properties(model), rows)
        nodes += len(rows)
    for model in RELATIONSHIP_MODELS:
        rows = read_relationships(kb, model)
        _write_csv(directory / f"{model.type}.csv", ["src", "dst", *properties(model)], rows)
        rels += len(rows)
    return ExportSummary("csv", str(directory), nodes, rels)


# --- neo4j-admin database import full ------------------------------------------------------------

#: between the elements of a list value; the unit separator appears in no title or name
ARRAY_DELIMITER = "\x1f"
NEO4J_IMPORT_ARGS = "import.args"
_IMPORT_TYPES = {str: "", int: ":long", float: ":double", bool: ":boolean"}


def _import_header(model: type[Node] | type[Relationship], prop: str) -> str:
    scalar, is_list = property_type(model, prop)
    kind = _IMPORT_TYPES[scalar]
    return f"{prop}{kind or ':string'}[]" if is_list else f"{prop}{kind}"


def _import_field(value: Any) -> str:
    # Empty and unquoted is null (the property is not set); a quoted "" is the empty string.
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _write_import_csv(
    path: Path, header: list[str], columns: list[str], rows: list[dict[str, Any]]
) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(_import_field(row.get(c)) for c in columns) + "\n")


def export_neo4j_import(kb: Graph, directory: str | Path) -> ExportSummary:
    """CSV files with the headers ``neo4j-admin database import full`` reads (``key:ID(Paper)``,
    ``:START_ID(Paper)``, ``year:long``, ``fields_of_study:string[]``, ...) and ``import.args``
    naming them with the options they need; run from the directory::

        neo4j-admin database import full --overwrite-destination @import.args neo4j

    Each label is its own ID space, so keys only need to be unique per label. Starting the store
    on the imported database creates the constraints and indexes. The format has no empty list
    (an empty array field imports as null), so an empty list property is left unset.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    # --nodes and --relationships take any number of files: a plain option ends them, so that
    # the database name after @import.args is not read as one more file.
    args: list[str] = []
    nodes = rels = 0
    for model in NODE_MODELS:
        rows = read_nodes(kb, model)
        columns = properties(model)
        header = [
            f"key:ID({model.label})" if c == "key" else _import_header(model, c) for c in columns
        ]
        _write_import_csv(directory / f"{model.label}.csv", header, columns, rows)
        args.append(f"--nodes={model.label}={model.label}.csv")
        nodes += len(rows)
    for model in RELATIONSHIP_MODELS:
        rows = read_relationships(kb, model)
        columns = properties(model)
        header = [
            f":START_ID({model.source_label})",
            f":END_ID({model.target_label})",
            *(_import_header(model, c) for c in columns),
        ]
        _write_import_csv(directory / f"{model.type}.csv", header, ["src", "dst", *columns], rows)
        args.append(f"--relationships={model.type}={model.type}.csv")
        rels += len(rows)
    args += ["--id-type=string", "--multiline-fields=true", "--array-delimiter=U+001F"]
    (directory / NEO4J_IMPORT_ARGS).write_text("\n".join(args) + "\n", encoding="utf-8")
    return ExportSummary("neo4j-import", str(directory), nodes, rels)


# --- BibTeX -------------------------------------------------------------------------------------

_KEY_CHARS = re.compile(r"[^A-Za-z0-9]+")
_STOP = {"a", "an", "the", "on", "of", "for", "in", "and", "to", "with", "towards", "is"}


def _bib_text(value: str) -> str:
    # A brace that does not balance ends a BibTeX value early; the others are kept.
    depth, out = 0, []
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    text = "".join(out)
    return text + "}" * depth


def _citation_key(paper: dict[str, Any], authors: list[str], taken: set[str]) -> str:
    """ "vaswani2017attention": first author's last name, year, first significant title word."""
    last = (
        _KEY_CHARS.sub("", authors[0].split()[-1]).lower() if authors and authors[0].split() else ""
    )
    words = [
        w for w in _KEY_CHARS.sub(" ", (paper.get("title") or "").lower()).split() if w not in _STOP
    ]
    base = f"{last}{paper.get('year') or ''}{words[0] if words else ''}" or _KEY_CHARS.sub(
        "", paper["key"]
    )
    key, suffix = base, ord("a")
    while key in taken:
        key = f"{base}{chr(suffix)}" if suffix <= ord("z") else f"{base}{suffix}"
        suffix += 1
    taken.add(key)
    return key


def listed_papers(kb: Graph) -> list[tuple[dict[str, Any], list[str]]]:
    """Listed papers (``listed = true``) with their author names in order."""
    columns = ", ".join(f"p.{c} AS {c}" for c in properties(Paper))
    papers = kb.cypher(f"MATCH (p:Paper) WHERE p.listed = true RETURN {columns} ORDER BY p.key")
    authored = kb.cypher(
        "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) WHERE p.listed = true "
        "RETURN p.key AS paper, a.name AS name, r.position AS position ORDER BY paper, position"
    )
    names: dict[str, list[str]] = {}
    for row in authored:
        if row["name"]:
            names.setdefault(row["paper"], []).append(row["name"])
    return [(p, names.get(p["key"], [])) for p in papers]


def bibtex_entries(papers: list[tuple[dict[str, Any], list[str]]]) -> str:
    """BibTeX text for ``(paper properties, author names)`` pairs, written by bibtexparser."""
    import bibtexparser
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    taken: set[str] = set()
    for paper, authors in papers:
        fields: list[tuple[str, Any]] = [
            ("title", f"{{{paper['title']}}}" if paper.get("title") else None),
            ("author", " and ".join(authors) or None),
            ("year", paper.get("year")),
            ("journal" if paper.get("venue") else "howpublished", paper.get("venue")),
            ("doi", paper.get("doi")),
            ("eprint", paper.get("arxiv_id")),
            ("archiveprefix", "arXiv" if paper.get("arxiv_id") else None),
            (
                "url",
                paper.get("url")
                or (
                    f"https://arxiv.org/abs/{paper['arxiv_id']}" if paper.get("arxiv_id") else None
                ),
            ),
            ("abstract", paper.get("abstract")),
            ("note", f"Semantic Scholar {paper['s2_id']}" if paper.get("s2_id") else None),
        ]
        entry = Entry(
            "article" if paper.get("venue") else "misc",
            _citation_key(paper, authors, taken),
            [Field(k, _bib_text(str(v))) for k, v in fields if v not in (None, "")],
        )
        library.add(entry)
    return bibtexparser.write_string(library)


def export_bibtex(kb: Graph, path: str | Path) -> ExportSummary:
    papers = listed_papers(kb)
    Path(path).write_text(bibtex_entries(papers), encoding="utf-8")
    return ExportSummary("bibtex", str(path), len(papers), 0)


_WRITERS = {
    "graphml": export_graphml,
    "json": export_json,
    "csv": export_csv,
    "neo4j-import": export_neo4j_import,
    "bibtex": export_bibtex,
}


def export(kb: Graph, format: str, out: str | Path) -> ExportSummary:
    """Write the graph in ``format`` (one of :data:`EXPORT_FORMATS`) to ``out``."""
    if format not in _WRITERS:
        raise ValueError(
            f"unknown export format {format!r}: expected one of {', '.join(EXPORT_FORMATS)}"
        )
    return _WRITERS[format](kb, out)


__all__ = [
    "EXPORT_FORMATS",
    "ExportSummary",
    "bibtex_entries",
    "export",
    "export_bibtex",
    "export_csv",
    "export_graphml",
    "export_json",
    "export_neo4j_import",
    "format_from_path",
    "listed_papers",
    "read_nodes",
    "read_relationships",
    "to_networkx",
]
