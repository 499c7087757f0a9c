"""The resolver: what a user typed, turned into the one node it names.

:func:`resolve` (also ``kb.resolve(label, text)``) answers with the node or raises
:class:`~kg.errors.NotFoundError` ("no benchmark matches 'X'") or
:class:`~kg.errors.AmbiguousError` ("3 papers match 'X': ..., use an id"). Every lookup of the
query helpers, the views and the CLI goes through it, so each accepts the same references:

- Paper: key, S2 paper id or URL, arXiv id or URL (abs, pdf, html), Hugging Face paper URL,
  DOI or doi.org URL (any case), ``CorpusId:N``, or the title (after
  :func:`kg.keys.normalise_title`).
- Author: key, S2 author id, name or alias (case-insensitive).
- Method / Benchmark: key, name or alias, in any spelling that has the same key
  (:func:`kg.keys.method_key`, :func:`kg.keys.benchmark_key`): case, hyphens, spaces, plurals,
  version suffixes.

Matches are ranked: the exact key first, then ids and names, then titles and aliases; only the
best rank counts, and several nodes there are ambiguous.

>>> from kg.examples import example_graph
>>> kb = example_graph()
>>> resolve(kb, "Method", "low-rank adaptations").key
'lora'
>>> resolve(kb, "Paper", "https://huggingface.co/papers/2106.09685").title
'LoRA: Low-Rank Adaptation of Large Language Models'
>>> resolve(kb, "Benchmark", "CIFAR 11")
Traceback (most recent call last):
...
kg.errors.NotFoundError: no benchmark matches 'CIFAR 11'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from kg import lookup
from kg.errors import AmbiguousError, NotFoundError
from kg.identifiers import Identifier, MalformedIdentifier, parse_identifier
from kg.keys import (
    author_key,
    fold,
    method_key,
    normalise_title,
    paper_key,
    raw_benchmark_key,
)
from kg.model import NODE_BY_LABEL, Node

if TYPE_CHECKING:
    from kg.graph import Graph

Label = Literal["Paper", "Author", "Method", "Benchmark"]
LABELS: tuple[Label, ...] = ("Paper", "Author", "Method", "Benchmark")

_KEY, _ID, _WEAK, _SPELLING = 0, 1, 2, 3
#: one token with a digit: may be an S2 author id (they are numeric), never a person's name
_ID_LIKE = re.compile(r"\S*\d\S*")


def resolve(kb: Graph, label: Label, text: str) -> Node:
    """The one ``label`` node ``text`` names (see the module docs for the accepted forms)."""
    found = candidates(kb, label, text)
    if not found:
        raise NotFoundError(label, text.strip())
    best = [node for rank, node in found if rank == found[0][0]]
    if len(best) > 1:
        raise AmbiguousError(label, text.strip(), [_describe(n) for n in best])
    return best[0]


def resolve_key(kb: Graph, label: Label, text: str) -> str:
    """The key of :func:`resolve`'s node."""
    return resolve(kb, label, text).key


def _by_key(kb: Graph, label: Label, text: str) -> Node | None:
    """The node whose key is ``text``, or the key its identifier mints (``2106.09685`` ->
    ``arxiv:2106.09685``, author ``1739581`` -> ``s2:1739581``): primary-key lookups, where the
    ranked statement of :func:`candidates` scans the label (~200 ms at 150,000 papers on the
    embedded store). A node with that key is the node the identifier names: identity keeps one
    node per paper, and an author with an S2 id is keyed by it."""
    if label not in _LOOKUPS or not text.strip():
        return None
    for key in _implied_keys(label, text.strip()):
        rows = kb.cypher(
            f"MATCH (n:{label} {{key: $ref}}) RETURN properties(n) AS node", {"ref": key}
        )
        if rows:
            return _node(label, rows[0]["node"])
    return None


def _implied_keys(label: Label, text: str) -> list[str]:
    """``text`` itself, then for a paper the keys its identifier would have minted, for an
    author given by what may be a bare S2 author id (one token with a digit) the key it mints.

    >>> _implied_keys("Paper", "https://arxiv.org/abs/2106.09685v2")
    ['https://arxiv.org/abs/2106.09685v2', 'arxiv:2106.09685']
    >>> _implied_keys("Author", "1739581")
    ['1739581', 's2:1739581']
    """
    keys = [text]
    if label == "Author" and _ID_LIKE.fullmatch(text):
        keys.append(author_key(s2_id=text))
    if label == "Paper":
        try:
            ident = parse_identifier(text)
        except MalformedIdentifier:
            ident = None
        if ident is not None:  # exactly one field is set: the key it mints
            keys.append(
                paper_key(
                    s2_id=ident.s2_id,
                    arxiv_id=ident.arxiv_id,
                    doi=ident.doi,
                    corpus_id=ident.corpus_id,
                )
            )
    return list(dict.fromkeys(keys))


def _node(label: str, props: dict[str, Any]) -> Node:
    model = NODE_BY_LABEL[label]
    return model.model_validate({k: v for k, v in props.items() if k in model.model_fields})


def find_key(kb: Graph, label: Label, text: str) -> str | None:
    """:func:`resolve_key`, or None when nothing matches (ambiguity still raises)."""
    try:
        return resolve_key(kb, label, text)
    except NotFoundError:
        return None


def candidates(
    kb: Graph, label: Label, text: str, *, use_index: bool = True
) -> list[tuple[int, Node]]:
    """Every ``label`` node ``text`` could name, as (rank, node), best rank first, then key.

    A paper is looked up through an index of its identifiers (:func:`_indexed_papers`);
    ``use_index=False`` reads every paper instead, the answer the index must give."""
    if label not in _LOOKUPS:
        raise ValueError(f"unknown label {label!r}; expected one of {', '.join(LABELS)}")
    text = text.strip()
    if not text:
        return []
    keyed = _by_key(kb, label, text)
    if keyed is not None:  # the exact key is the best rank, and keys are unique
        return [(_KEY, keyed)]
    statement, params = _LOOKUPS[label](text, kb.dialect)
    if label == "Paper" and use_index:
        keys = _indexed_papers(kb, params)
        if keys is not None:  # only the papers an index names are checked, not every one
            statement = (
                "UNWIND $keys AS k MATCH (n:Paper {key: k}) WITH n "
                + statement.removeprefix("MATCH (n:Paper) ")
            )
            params["keys"] = keys
    rows = kb.cypher(statement, params) if params.get("keys", True) else []
    if not rows and label in _SPELLINGS:
        rows = _by_spelling(kb, label, text)
    ranked: dict[str, tuple[int, Node]] = {}
    for row in rows:
        node = _node(label, row["node"])
        if node.key not in ranked or row["rank"] < ranked[node.key][0]:
            ranked[node.key] = (row["rank"], node)
    return sorted(ranked.values(), key=lambda pair: (pair[0], pair[1].key))


# --- one statement per label ----------------------------------------------------------------


def _alias_match(var: str, dialect: str) -> str:
    """``var``'s aliases include ``$lower``, case-insensitively."""
    if dialect == "neo4j":
        return f"$lower IN [x IN coalesce({var}.aliases, []) | toLower(x)]"
    return f"list_contains(list_transform({var}.aliases, x -> lower(x)), $lower)"


def _paper(text: str, dialect: str) -> tuple[str, dict[str, Any]]:
    try:
        ident = parse_identifier(text) or Identifier()
    except MalformedIdentifier:  # shaped like an id but not one: still a key or a title
        ident = Identifier()
    params = {
        "ref": text,
        "s2": ident.s2_id or "",
        "arxiv": ident.arxiv_id or "",
        "doi": ident.doi or "",
        "corpus": ident.corpus_id if ident.corpus_id is not None else -1,
        "norm": normalise_title(text) or "",
    }
    statement = (
        "MATCH (n:Paper) WHERE n.key = $ref OR n.s2_id = $ref OR n.s2_id = $s2 "
        "OR n.arxiv_id = $arxiv OR toLower(n.doi) = $doi OR n.corpus_id = $corpus "
        "OR n.title_norm = $norm "
        f"RETURN properties(n) AS node, CASE WHEN n.key = $ref THEN {_KEY} "
        f"WHEN n.title_norm = $norm AND NOT (n.s2_id = $ref OR n.s2_id = $s2 "
        f"OR n.arxiv_id = $arxiv OR toLower(n.doi) = $doi OR n.corpus_id = $corpus) THEN {_WEAK} "
        f"ELSE {_ID} END AS rank"
    )
    return statement, params


#: Neo4j: each identifier the Paper statement matches (parameter, predicate on its index)
_PAPER_SEEKS = (
    ("ref", "n.s2_id = $ref"),
    ("s2", "n.s2_id = $s2"),
    ("arxiv", "n.arxiv_id = $arxiv"),
    ("doi", "n.doi = $doi"),
    ("norm", "n.title_norm = $norm"),
)


def _neo4j_papers(kb: Graph, params: dict[str, Any]) -> list[str]:
    seeks = [where for name, where in _PAPER_SEEKS if params[name]]
    if params["corpus"] != -1:
        seeks.append("n.corpus_id = $corpus")
    statement = " UNION ".join(f"MATCH (n:Paper) WHERE {w} RETURN n.key AS key" for w in seeks)
    keys = {row["key"] for row in kb.cypher(statement, params)} if seeks else set()
    if params["doi"] and not keys:
        # a DOI stored in another case (the loaders store them lower-case; a script may not)
        keys = {
            row["key"]
            for row in kb.cypher(
                "MATCH (n:Paper) WHERE toLower(n.doi) = $doi RETURN n.key AS key", params
            )
        }
    return sorted(keys)


def _indexed_papers(kb: Graph, params: dict[str, Any]) -> list[str] | None:
    """Keys of the papers that may match the Paper statement's ``params``, from an index: the
    embedded store's identifier index (:mod:`kg.lookup`) or Neo4j's property indexes. None
    when the store has neither (the statement then reads every paper). A superset: the
    statement still decides."""
    paper_index = getattr(kb.store, "paper_index", None)
    index = paper_index() if paper_index is not None else None
    if index is not None:
        corpus = params["corpus"] if params["corpus"] != -1 else None
        return index.papers(
            lookup.forms(s2_id=params["ref"])
            + lookup.forms(
                s2_id=params["s2"],
                arxiv_id=params["arxiv"],
                doi=params["doi"],
                corpus_id=corpus,
                title_norm=params["norm"],
            )
        )
    if kb.dialect == "neo4j":
        return _neo4j_papers(kb, params)
    return None


def _author(text: str, dialect: str) -> tuple[str, dict[str, Any]]:
    norm = normalise_title(text)
    params = {"ref": text, "lower": text.lower(), "name_key": author_key(name=norm) if norm else ""}
    statement = (
        "MATCH (n:Author) WHERE n.key = $ref OR n.key = $name_key OR n.s2_id = $ref "
        f"OR toLower(n.name) = $lower OR {_alias_match('n', dialect)} "
        f"RETURN properties(n) AS node, CASE WHEN n.key = $ref THEN {_KEY} "
        f"WHEN n.key = $name_key OR n.s2_id = $ref OR toLower(n.name) = $lower THEN {_ID} "
        f"ELSE {_WEAK} END AS rank"
    )
    return statement, params


def _named(label: str, keys: Callable[[str], list[str]]):
    def lookup(text: str, dialect: str) -> tuple[str, dict[str, Any]]:
        params = {"ref": text, "keys": list(dict.fromkeys(keys(text))), "lower": text.lower()}
        statement = (
            f"MATCH (n:{label}) WHERE n.key IN $keys OR toLower(n.name) = $lower "
            f"OR {_alias_match('n', dialect)} "
            f"RETURN properties(n) AS node, CASE WHEN n.key = $ref THEN {_KEY} "
            f"WHEN n.key IN $keys OR toLower(n.name) = $lower THEN {_ID} ELSE {_WEAK} END AS rank"
        )
        return statement, params

    return lookup


def _method_keys(text: str) -> list[str]:
    return [text, method_key(text), fold(text)]


def _benchmark_keys(text: str) -> list[str]:
    return [text, raw_benchmark_key(text), fold(text)]


_LOOKUPS = {
    "Paper": _paper,
    "Author": _author,
    "Method": _named("Method", _method_keys),
    "Benchmark": _named("Benchmark", _benchmark_keys),
}
#: labels whose names and aliases also match in any spelling with the same key
_SPELLINGS: dict[str, Callable[[str], list[str]]] = {
    "Method": _method_keys,
    "Benchmark": _benchmark_keys,
}


def _by_spelling(kb: Graph, label: str, text: str) -> list[dict[str, Any]]:
    """Nodes with a name or alias that folds to the same key as ``text`` ("low rank adaptation"
    for the alias "Low-Rank Adaptation"): a scan of the label's names, made only when the
    indexed lookup found nothing."""
    wanted = {k for k in _SPELLINGS[label](text)[1:] if k}
    keys = [
        row["key"]
        for row in kb.cypher(
            f"MATCH (n:{label}) RETURN n.key AS key, n.name AS name, n.aliases AS aliases"
        )
        if any(
            set(_SPELLINGS[label](form)[1:]) & wanted
            for form in [row["name"] or "", *(row["aliases"] or [])]
            if form
        )
    ]
    if not keys:
        return []
    return kb.cypher(
        f"MATCH (n:{label}) WHERE n.key IN $keys RETURN properties(n) AS node, {_SPELLING} AS rank",
        {"keys": keys},
    )


def _describe(node: Node) -> str:
    name = getattr(node, "title", None) or getattr(node, "name", None)
    year = getattr(node, "year", None)
    if name and year:
        return f"{node.key} ({name}, {year})"
    return f"{node.key} ({name})" if name else node.key


__all__ = ["Label", "LABELS", "resolve", "resolve_key", "find_key", "candidates"]
