"""Paper identity: one real paper is one node, however and in whatever order it was reached.

A paper is known by its identifiers (S2 paperId, arXiv id, DOI, CorpusId, normalised title).
Before papers are written, :func:`resolve_papers` gives each one the key of the node that already
holds any of its identifiers (in the store or earlier in the same batch), merges records that turn
out to be one paper, and merges store nodes that a newly learnt identifier shows to be the same.
A title only joins two records when their S2 ids do not disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg import counts
from kg.model import RELATIONSHIP_MODELS, Paper, Relationship, normalise_title
from kg.store import GraphStore, upsert_nodes, upsert_relationships

_STRONG = ("s2_id", "arxiv_id", "doi", "corpus_id")


def identifiers(paper: Paper) -> list[str]:
    """Identifiers of a paper, strongest first.

    >>> identifiers(Paper(key="x", arxiv_id="2401.00001", title="A Title"))
    ['arxiv_id:2401.00001', 'title:a title']
    """
    out = [f"{name}:{str(value).lower()}" for name in _STRONG if (value := getattr(paper, name))]
    title = paper.title_norm or normalise_title(paper.title)
    if title:
        out.append(f"title:{title}")
    return out


@dataclass
class _Known:
    key: str
    s2_id: str | None


@dataclass
class IdentityIndex:
    """Identifier -> node key, for the store's papers and those resolved so far."""

    by_id: dict[str, _Known] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: GraphStore) -> IdentityIndex:
        index = cls()
        rows = store.run(
            "MATCH (p:Paper) RETURN p.key AS key, p.s2_id AS s2_id, p.arxiv_id AS arxiv_id, "
            "p.doi AS doi, p.corpus_id AS corpus_id, p.title_norm AS title_norm"
        )
        for row in rows:
            paper = Paper.model_construct(**row)
            index.add(paper)
        return index

    def add(self, paper: Paper) -> None:
        for ident in identifiers(paper):
            self.by_id.setdefault(ident, _Known(paper.key, paper.s2_id))

    def matches(self, paper: Paper) -> list[str]:
        """Keys of known nodes that are this paper, best match first, without repeats."""
        keys: list[str] = []
        for ident in identifiers(paper):
            known = self.by_id.get(ident)
            if known is None or known.key in keys:
                continue
            if (
                ident.startswith("title:")
                and paper.s2_id
                and known.s2_id not in (None, paper.s2_id)
            ):
                continue  # same title, different S2 papers
            keys.append(known.key)
        return keys


def merge_records(first: Paper, second: Paper) -> Paper:
    """One record from two of the same paper: ``first``'s values win, gaps filled from ``second``;
    a paper listed by either stays listed."""
    merged = {**second.model_dump(exclude_none=True), **first.model_dump(exclude_none=True)}
    if first.listed or second.listed:
        merged["listed"] = True
    return Paper(**merged)


@dataclass
class Resolution:
    papers: list[Paper]
    relationships: list[Relationship]
    #: store nodes found to be one paper: (kept key, merged-away key)
    merged_nodes: list[tuple[str, str]]


def resolve_papers(
    index: IdentityIndex, papers: Iterable[Paper], relationships: Iterable[Relationship] = ()
) -> Resolution:
    """Canonical keys for ``papers`` and the relationship endpoints that name them."""
    rename: dict[str, str] = {}
    by_key: dict[str, Paper] = {}
    merged_nodes: list[tuple[str, str]] = []
    for paper in papers:
        keys = list(dict.fromkeys(rename.get(k, k) for k in index.matches(paper)))
        key = keys[0] if keys else paper.key
        for other in keys[1:]:
            merged_nodes.append((key, other))
            rename[other] = key
        rename[paper.key] = key
        record = paper.model_copy(update={"key": key})
        by_key[key] = merge_records(by_key[key], record) if key in by_key else record
        index.add(by_key[key])
    rels = []
    for rel in relationships:
        src = rename.get(rel.src, rel.src) if rel.source_label == "Paper" else rel.src
        dst = rename.get(rel.dst, rel.dst) if rel.target_label == "Paper" else rel.dst
        if rel.source_label == rel.target_label and src == dst:
            continue  # two records of one paper citing each other
        rels.append(rel.model_copy(update={"src": src, "dst": dst}))
    return Resolution(list(by_key.values()), rels, merged_nodes)


def merge_paper_nodes(store: GraphStore, keep: str, drop: str) -> None:
    """Fold the stored paper ``drop`` into ``keep``: properties (``keep``'s win), then every
    relationship, then delete ``drop``. Each step is idempotent, so an interrupted merge is
    finished by running it again."""
    if keep == drop:
        return
    fields = [f for f in Paper.model_fields]
    columns = ", ".join(f"p.{f} AS {f}" for f in fields)
    found = {
        row["key"]: row
        for row in store.run(
            f"MATCH (p:Paper) WHERE p.key IN $keys RETURN {columns}", {"keys": [keep, drop]}
        )
    }
    if drop not in found:
        return
    if keep in found:
        upsert_nodes(store, [merge_records(Paper(**found[keep]), Paper(**found[drop]))])
    else:
        upsert_nodes(store, [Paper(**{**found[drop], "key": keep})])
    for model in RELATIONSHIP_MODELS:
        _move_relationships(store, model, keep, drop)
    store.run("MATCH (p:Paper {key: $key}) DETACH DELETE p", {"key": drop})
    # The moved edges were counted from both ends until `drop` went.
    counts.refresh(store, "Paper", [keep])
    counts.refresh_around_papers(store, [keep])


def _move_relationships(store: GraphStore, model: type[Relationship], keep: str, drop: str) -> None:
    props = [f for f in model.model_fields if f not in ("src", "dst")]
    columns = ", ".join(f"r.{p} AS {p}" for p in props)
    moved: list[Relationship] = []
    if model.source_label == "Paper":
        for row in store.run(
            f"MATCH (a:Paper {{key: $key}})-[r:{model.type}]->(b:{model.target_label}) "
            f"RETURN b.key AS dst, {columns}",
            {"key": drop},
        ):
            if row["dst"] not in (keep, drop):
                moved.append(model(src=keep, **_present(row)))
    if model.target_label == "Paper":
        for row in store.run(
            f"MATCH (a:{model.source_label})-[r:{model.type}]->(b:Paper {{key: $key}}) "
            f"RETURN a.key AS src, {columns}",
            {"key": drop},
        ):
            if row["src"] not in (keep, drop):
                moved.append(model(dst=keep, **_present(row)))
    upsert_relationships(store, moved)


def _present(row: dict) -> dict:
    return {k: v for k, v in row.items() if v is not None}
