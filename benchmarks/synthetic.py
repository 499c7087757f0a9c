"""A deterministic synthetic citation graph built from the :mod:`kg.model` classes.

Used by the ingest, query and view benchmarks and by the parity tests: the same ``(papers, refs,
seed)`` always gives the same nodes and relationships, in the same order.

>>> nodes, rels = generate(papers=100, refs=5)
>>> sum(isinstance(r, Cites) for r in rels)
500
"""

from __future__ import annotations

import random

from kg import schema
from kg.model import (
    NODE_MODELS,
    RELATIONSHIP_MODELS,
    Author,
    Authored,
    Benchmark,
    Cites,
    ComparesWith,
    EvaluatedOn,
    Method,
    Node,
    Paper,
    Proposes,
    Relationship,
    Uses,
)
from kg.store import GraphStore

AUTHORS_PER_PAPER = 3
LISTED_SHARE = 0.1
FIRST_YEAR = 2000
YEARS = 25

_WORDS = (
    "graph neural sparse attention diffusion retrieval contrastive latent reasoning agent "
    "transformer robust efficient scalable multimodal language vision policy reward memory "
    "token quantised federated causal spectral adaptive hierarchical generative dense"
).split()
_FIELDS = ("Computer Science", "Mathematics", "Linguistics", "Biology", "Physics")
_INTENTS = ("background", "methodology", "result")
_METRICS = ("accuracy", "f1", "bleu", "exact match")


def paper_key_of(i: int) -> str:
    return f"s2:syn{i:07d}"


def author_key_of(i: int) -> str:
    return f"s2:synauthor{i:07d}"


def generate(papers: int, refs: int, seed: int = 0) -> tuple[list[Node], list[Relationship]]:
    """Nodes (papers, authors, methods, benchmarks) and relationships of a synthetic graph.

    Paper ``i`` is younger than paper ``j < i``; each paper cites ``refs`` distinct other papers
    (earlier ones preferred, so old papers gather most citations), has three authors drawn from
    ``papers // 2`` (prolific authors preferred), and some propose, use and evaluate methods and
    benchmarks. About 10% are ``listed``.
    """
    if papers < 2 or refs < 0 or refs >= papers:
        raise ValueError(f"need papers >= 2 and 0 <= refs < papers, got {papers=}, {refs=}")
    rng = random.Random(seed)
    cites = _citations(rng, papers, refs)
    cited_by = [0] * papers
    for rel in cites:
        cited_by[int(rel.dst[6:])] += 1
    nodes: list[Node] = [_paper(rng, i, papers, cited_by[i], refs) for i in range(papers)]

    n_authors = max(AUTHORS_PER_PAPER, papers // 2)
    nodes.extend(
        Author(key=author_key_of(i), s2_id=f"synauthor{i:07d}", name=_name(i))
        for i in range(n_authors)
    )
    methods = [f"method {w}" for w in _WORDS[: max(3, min(len(_WORDS), papers // 100))]]
    benchmarks = [f"bench {w}" for w in _WORDS[: max(2, min(len(_WORDS), papers // 200))]]
    nodes.extend(Method(key=m, name=m.title()) for m in methods)
    nodes.extend(
        Benchmark(key=b, name=b.upper(), kind=("dataset", "benchmark")[k % 2])
        for k, b in enumerate(benchmarks)
    )

    rels: list[Relationship] = list(cites)
    rels.extend(_authorship(rng, papers, n_authors))
    rels.extend(_extracted(rng, papers, methods, benchmarks))
    return nodes, rels


def _paper(rng: random.Random, i: int, papers: int, cited: int, refs: int) -> Paper:
    a, b = rng.choice(_WORDS), rng.choice(_WORDS)
    title = f"Synthetic paper {i}: {a} {b} methods"
    year = FIRST_YEAR + i * YEARS // papers
    return Paper(
        key=paper_key_of(i),
        s2_id=f"syn{i:07d}",
        arxiv_id=f"{year % 100:02d}{(i % 12) + 1:02d}.{i:05d}" if i % 3 == 0 else None,
        title=title,
        title_norm=title.lower().replace(":", ""),
        abstract=f"We study {a} {b} models. Paper number {i} of a synthetic corpus.",
        year=year,
        publication_date=f"{year}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}",
        venue=("NeurIPS", "ICML", "ACL", "arXiv")[i % 4],
        citation_count=cited,
        reference_count=refs,
        fields_of_study=[_FIELDS[i % len(_FIELDS)]],
        listed=rng.random() < LISTED_SHARE,
    )


def _name(i: int) -> str:
    first = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "John")[i % 8]
    return f"{first} Synth{i}"


def _citations(rng: random.Random, papers: int, refs: int) -> list[Cites]:
    out: list[Cites] = []
    rand = rng.random
    keys = [paper_key_of(i) for i in range(papers)]
    for i in range(papers):
        chosen: set[int] = set()
        # Young papers pick among earlier ones, skewed to the oldest (random()**2); the first
        # few have too few predecessors and pick among all papers.
        pool = i if i > 2 * refs else papers
        while len(chosen) < refs:
            j = int(pool * rand() ** 2)
            if j != i:
                chosen.add(j)
        src = keys[i]
        for j in sorted(chosen):
            r = rand()
            out.append(
                Cites(
                    src=src,
                    dst=keys[j],
                    source="s2",
                    is_influential=r < 0.1,
                    intents=[_INTENTS[int(r * 30) % 3]] if r < 0.6 else [],
                )
            )
    return out


def _authorship(rng: random.Random, papers: int, n_authors: int) -> list[Authored]:
    out: list[Authored] = []
    rand = rng.random
    for i in range(papers):
        chosen: list[int] = []
        while len(chosen) < AUTHORS_PER_PAPER:
            a = int(n_authors * rand() ** 1.5)
            if a not in chosen:
                chosen.append(a)
        dst = paper_key_of(i)
        out.extend(
            Authored(src=author_key_of(a), dst=dst, source="s2", position=pos)
            for pos, a in enumerate(chosen)
        )
    return out


def _extracted(
    rng: random.Random, papers: int, methods: list[str], benchmarks: list[str]
) -> list[Relationship]:
    out: list[Relationship] = []
    for i in range(papers):
        key = paper_key_of(i)
        r = rng.random()
        if r < 0.05:
            out.append(
                Proposes(
                    src=key,
                    dst=rng.choice(methods),
                    source="extract:synthetic",
                    evidence=f"we propose in paper {i}",
                    confidence=0.9,
                )
            )
        if r < 0.3:
            for m in rng.sample(methods, 2 if r < 0.1 else 1):
                out.append(
                    Uses(
                        src=key,
                        dst=m,
                        source="extract:synthetic",
                        evidence="we use",
                        confidence=0.7,
                    )
                )
        if 0.25 <= r < 0.35:
            out.append(
                ComparesWith(
                    src=key,
                    dst=rng.choice(methods),
                    source="extract:synthetic",
                    evidence="we compare with",
                    confidence=0.6,
                )
            )
        if r < 0.2:
            bench = rng.choice(benchmarks)
            for metric in rng.sample(_METRICS, 2 if r < 0.05 else 1):
                out.append(
                    EvaluatedOn(
                        src=key,
                        dst=bench,
                        source="extract:synthetic",
                        metric=metric,
                        value=round(50 + 50 * rng.random(), 2),
                        unit="%",
                        evidence=f"{metric} on {bench}",
                        confidence=0.8,
                    )
                )
    return out


# --- reading a graph back, to compare stores and builds --------------------------------------


def counts(store: GraphStore) -> dict[str, int]:
    """Nodes per label and relationships per type in ``store`` (both dialects).

    >>> counts(store)  # doctest: +SKIP
    {'Paper': 100, 'Author': 50, ..., 'CITES': 500, ...}
    """
    out = {}
    for node in NODE_MODELS:
        out[node.label] = store.run(f"MATCH (n:{node.label}) RETURN count(n) AS n")[0]["n"]
    for rel in RELATIONSHIP_MODELS:
        out[rel.type] = store.run(f"MATCH ()-[r:{rel.type}]->() RETURN count(r) AS n")[0]["n"]
    return out


def snapshot(store: GraphStore) -> dict[str, list[tuple]]:
    """Every node and relationship with all its model properties, sorted: two stores (or two
    builds) hold the same graph exactly when their snapshots are equal."""
    out: dict[str, list[tuple]] = {}
    for node in NODE_MODELS:
        props = schema.properties(node)
        columns = ", ".join(f"n.{p} AS {p}" for p in props)
        rows = store.run(f"MATCH (n:{node.label}) RETURN {columns}")
        out[node.label] = sorted(_freeze(row, props) for row in rows)
    for rel in RELATIONSHIP_MODELS:
        props = ["src", "dst", *schema.properties(rel)]
        columns = ", ".join(["a.key AS src", "b.key AS dst"] + [f"r.{p} AS {p}" for p in props[2:]])
        rows = store.run(f"MATCH (a)-[r:{rel.type}]->(b) RETURN {columns}")
        out[rel.type] = sorted(_freeze(row, props) for row in rows)
    return out


def _freeze(row: dict, props: list[str]) -> tuple:
    # None sorts apart from values (repr), lists become tuples so rows can be sorted and compared.
    return tuple(repr(tuple(v) if isinstance(v, list) else v) for v in (row[p] for p in props))
