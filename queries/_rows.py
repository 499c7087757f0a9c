"""What every query helper shares: typed rows, the one-statement runner, dialect variants,
entity parameters and the ``@helper`` mark the CLI discovers helpers by.

A helper runs one parameterised statement through :func:`run`. User values always travel as
parameters; the only things ever formatted into Cypher text are fixed fragments chosen here and
integers the helper has validated (variable-length bounds, which neither dialect accepts as a
parameter).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from kg.graph import Graph
from kg.resolve import Label, find_key

R = TypeVar("R", bound=BaseModel)
#: rows a notebook shows of a result (the DataFrame has them all)
HTML_ROWS = 50


class Row(BaseModel):
    """One typed result row."""

    model_config = ConfigDict(frozen=True)


class Rows(list[R], Generic[R]):
    """A list of typed rows that also knows its row type, so an empty result still has columns.

    >>> rows = Rows(PaperSummary, [PaperSummary(key="s2:1", title="A")])
    >>> rows.to_dataframe().columns[:2].tolist()
    ['key', 'title']
    """

    def __init__(self, model: type[R], items: Iterable[R] = ()):
        super().__init__(items)
        self.model = model

    @property
    def columns(self) -> list[str]:
        return list(self.model.model_fields)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [row.model_dump(mode="json") for row in self]

    def _repr_html_(self) -> str:
        """A table in Jupyter: one column per field, every value escaped, the first
        :data:`HTML_ROWS` rows."""
        head = "".join(f"<th>{escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(getattr(row, c))}</td>" for c in self.columns) + "</tr>"
            for row in self[:HTML_ROWS]
        )
        more = (
            f"<p>{len(self) - HTML_ROWS:,} more rows: <code>.to_dataframe()</code> has them all</p>"
            if len(self) > HTML_ROWS
            else ""
        )
        caption = f"<caption>{escape(self.model.__name__)}: {len(self):,} row{'s' if len(self) != 1 else ''}</caption>"
        return f'<table class="kg-rows">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'

    def to_dataframe(self):
        """A pandas DataFrame, one column per row field (needs the ``pandas`` extra)."""
        try:
            import pandas
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "to_dataframe() needs pandas: pip install 'citegraph-kg[pandas]'"
            ) from exc
        return pandas.DataFrame([row.model_dump() for row in self], columns=self.columns)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


@dataclass(frozen=True)
class Dialects:
    """The two variants of a statement that differs between the stores, side by side."""

    neo4j: str
    embedded: str

    def pick(self, dialect: str) -> str:
        return self.neo4j if dialect == "neo4j" else self.embedded


def run(
    kb: Graph,
    statement: str | Dialects,
    params: dict[str, Any],
    model: type[R],
) -> Rows[R]:
    """Run one statement and validate each returned record as ``model``."""
    cypher = statement.pick(kb.dialect) if isinstance(statement, Dialects) else statement
    return Rows(model, (model.model_validate(record) for record in kb.cypher(cypher, params)))


@dataclass(frozen=True)
class NullsLast:
    """A ranking led by properties that may be null, ordered nulls last, as statements run in
    turn: the rows where the first property is set (``ORDER BY`` it, which Neo4j reads from its
    index in order), then, only while ``$limit`` is not reached, the rows where it is null, led
    by the next property the same way (``$limit`` lowered to what is left). The same answer as
    one ``ORDER BY coalesce(x, -1) DESC, coalesce(y, -1) DESC`` statement, without sorting every
    node."""

    statements: tuple[str, ...]


def run_nulls_last(
    kb: Graph, ranking: NullsLast, params: dict[str, Any], model: type[R]
) -> Rows[R]:
    rows = Rows(model)
    for statement in ranking.statements:
        if len(rows) >= params["limit"]:
            break
        rows.extend(run(kb, statement, {**params, "limit": params["limit"] - len(rows)}, model))
    return rows


# --- entity parameters ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """Marks a parameter as naming a node of ``kind`` (the CLI checks it exists)."""

    kind: str


PaperRef = Annotated[str, Entity("paper")]
AuthorRef = Annotated[str, Entity("author")]
MethodRef = Annotated[str, Entity("method")]
BenchmarkRef = Annotated[str, Entity("benchmark")]


def helper(fn: Callable) -> Callable:
    """Mark ``fn`` as a query helper listed by ``kg query --list``."""
    fn.__kg_helper__ = True  # type: ignore[attr-defined]
    return fn


# --- shared rows and fragments --------------------------------------------------------------


class PaperSummary(Row):
    """The columns list-shaped paper results share."""

    key: str
    title: str | None = None
    year: int | None = None
    arxiv_id: str | None = None
    citation_count: int | None = None
    listed: bool | None = None


def paper_columns(var: str) -> str:
    """``RETURN`` items of :class:`PaperSummary` for the node bound to ``var``."""
    return ", ".join(f"{var}.{field} AS {field}" for field in PaperSummary.model_fields)


class PathRow(Row):
    """One shortest path: its length and the keys and display names of its nodes in order."""

    hops: int
    keys: list[str]
    names: list[str | None]


def path_statement(start: str, end: str, rel: str, max_hops: int, names: str) -> Dialects:
    """All shortest undirected paths between two keyed nodes, ordered by their node keys.

    ``shortestPath()`` on Neo4j and ``* SHORTEST`` on LadybugDB each return one arbitrary path
    when several tie, so both stores ask for all of them and order them the same way.
    ``max_hops`` must already be a validated int: neither dialect takes a parameter there.
    """
    if not isinstance(max_hops, int) or not 1 <= max_hops <= 30:
        raise ValueError(f"max_hops must be an integer from 1 to 30, got {max_hops!r}")
    head = f"MATCH (a:{start} {{key: $a}}) MATCH (b:{end} {{key: $b}}) "
    tail = "RETURN hops, keys, names ORDER BY order_key LIMIT $limit"
    return Dialects(
        neo4j=head
        + f"MATCH p = allShortestPaths((a)-[:{rel}*..{max_hops}]-(b)) "
        + "WITH length(p) AS hops, [x IN nodes(p) | x.key] AS keys, "
        + f"[x IN nodes(p) | {names.format(x='x')}] AS names "
        + "WITH hops, keys, names, reduce(s = head(keys), k IN tail(keys) | s + ' ' + k) AS order_key "
        + tail,
        embedded=head
        + f"MATCH p = (a)-[:{rel}* ALL SHORTEST 1..{max_hops}]-(b) "
        + "WITH length(p) AS hops, list_transform(nodes(p), x -> x.key) AS keys, "
        + f"list_transform(nodes(p), y -> {names.format(x='y')}) AS names "
        + "WITH hops, keys, names, list_to_string(' ', keys) AS order_key "
        + tail,
    )


def key_of(kb: Graph, label: Label, ref: str | None) -> str | None:
    """The key of the node ``ref`` names (:func:`kg.resolve.find_key`), None when it names
    none: a helper given an unknown reference answers with no rows."""
    if ref is None or not ref.strip():
        return None
    return find_key(kb, label, ref)


def check_limit(limit: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive integer, got {limit!r}")
    return limit
