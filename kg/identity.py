"""Paper identity: one real paper is one node, however and in whatever order it was reached.

A paper is known by its identifiers (S2 paperId, arXiv id, DOI, CorpusId) and its normalised
title. Before papers are written, :func:`resolve_papers` gives each record the key of the node
that is the same paper (in the store or earlier in the same batch), merges records that turn out
to be one paper, and merges store nodes that a newly learnt identifier shows to be the same.

The rules:

- **Ids agree: one paper.** A record that shares an S2 id, arXiv id, DOI or CorpusId with a node
  is that node; nodes that one record's ids point to are merged into one.
- **Same title is not enough by itself.** A record joins a node of equal normalised title only
  when nothing contradicts: no S2 id, arXiv id, DOI or CorpusId that differs, years at most one
  apart, and author lists that share a surname (when both are known). A title joins at most one
  node, so two different papers of one title are never merged through a third record.
- **Keys.** A new node keeps the key its record proposes (``title:<normalised title>`` when it
  has no id). When that key already belongs to a different paper of the same title, the new node
  gets ``title:<normalised title>~<first author's surname> <year>`` (``~2``, ``~3``... if that is
  taken too), so both papers keep their own node and rebuilding finds each again by the rules
  above, not by key.
- **Authors are not pooled.** A paper's listing authors come from the first record of a batch
  that names them; a later record of the same paper does not add its list.

Records a listing proposes carry a *proposed* key (:func:`proposed_key`): it is only a proposal,
so two entries of one title are two records until the rules decide. Any other record's key that
is already stored names its node (enrichment writes back the papers it read).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from kg import counts
from kg.keys import normalise_title
from kg.model import RELATIONSHIP_MODELS, Authored, Paper, Relationship
from kg.store import GraphStore, upsert_nodes, upsert_relationships

_STRONG = ("s2_id", "arxiv_id", "doi", "corpus_id")
#: separates a proposed key from the number of the entry that proposed it (cannot occur in a key)
_PROPOSED = "\x1f"


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


def proposed_key(key: str, entry: int) -> str:
    """The key listing entry number ``entry`` proposes: ``key`` until identity decides.

    >>> proposed_key("title:deep nets", 3) == "title:deep nets" + chr(31) + "3"
    True
    """
    return f"{key}{_PROPOSED}{entry}"


def _proposal(key: str) -> str | None:
    """The key a proposed key proposes; None for a key that is not a proposal."""
    head, sep, _ = key.partition(_PROPOSED)
    return head if sep else None


def surname(name: str | None) -> str | None:
    """The word an author list is compared by: the last word of the normalised name.

    >>> surname("Ashish Vaswani"), surname("Jan van der Berg"), surname("张三")
    ('vaswani', 'berg', '张三')
    """
    norm = normalise_title(name)
    return norm.rsplit(" ", 1)[-1] if norm else None


@dataclass(frozen=True)
class Profile:
    """What identity compares: a paper's ids, title, year and its authors' surnames."""

    key: str
    s2_id: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    corpus_id: int | None = None
    title: str | None = None
    year: int | None = None
    #: surnames of the authors, empty when unknown; the first author's apart
    surnames: frozenset[str] = frozenset()
    first_surname: str | None = None

    @classmethod
    def of(cls, paper: Paper, authors: Iterable[str] = ()) -> Profile:
        names = [s for s in (surname(a) for a in authors) if s]
        return cls(
            key=paper.key,
            s2_id=paper.s2_id,
            arxiv_id=paper.arxiv_id,
            doi=paper.doi,
            corpus_id=paper.corpus_id,
            title=paper.title_norm or normalise_title(paper.title),
            year=paper.year,
            surnames=frozenset(names),
            first_surname=names[0] if names else None,
        )

    def contradiction(self, other: Profile) -> str | None:
        """Why ``other`` cannot be the same paper, or None when nothing says so.

        >>> a = Profile("a", title="t", year=2013, surnames=frozenset({"cesar"}))
        >>> a.contradiction(replace(a, key="b", surnames=frozenset({"baltazar"})))
        'no author in common'
        >>> a.contradiction(replace(a, key="b", year=2014)) is None
        True
        """
        for name in _STRONG:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine and theirs and str(mine).lower() != str(theirs).lower():
                return f"different {name}"
        if self.year and other.year and abs(self.year - other.year) > 1:
            return "years more than one apart"
        if self.surnames and other.surnames and not self.surnames & other.surnames:
            return "no author in common"
        return None

    def learn(self, paper: Paper, other: Profile) -> Profile:
        """This node's profile once ``paper`` (described by ``other``) is merged into it: what
        ``paper`` says, and what the node already held where it says nothing.

        >>> stored = Profile("s2:a", doi="10.1/x", title="t", year=2020)
        >>> learnt = stored.learn(Paper(key="s2:a", s2_id="a", title="T"), Profile("s2:a"))
        >>> learnt.s2_id, learnt.doi, learnt.year
        ('a', '10.1/x', 2020)
        """
        new = Profile.of(paper)
        return replace(
            self,
            **{f: v for f in (*_STRONG, "title", "year") if (v := getattr(new, f)) is not None},
            surnames=self.surnames | other.surnames,
            first_surname=self.first_surname or other.first_surname,
        )


@dataclass
class IdentityIndex:
    """The papers known so far (the store's and those resolved): identifier -> node key."""

    nodes: dict[str, Profile] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)
    by_title: dict[str, list[str]] = field(default_factory=dict)
    #: stored nodes whose authors are not read yet (see :meth:`read_authors`)
    unread: set[str] = field(default_factory=set)

    @classmethod
    def from_store(cls, store: GraphStore, titles: Iterable[str] | None = None) -> IdentityIndex:
        """The store's papers, with the author surnames of those whose normalised title is in
        ``titles`` (all papers when None), the only ones a title comparison can need; the rest
        are read when a later write needs them (:meth:`read_authors`). One index serves every
        write of a run that writes papers only through it."""
        index = cls()
        frame = store.frame(
            "MATCH (p:Paper) RETURN p.key AS key, p.s2_id AS s2_id, p.arxiv_id AS arxiv_id, "
            "p.doi AS doi, p.corpus_id AS corpus_id, p.title_norm AS title, p.year AS year"
        )
        if len(frame):
            columns = [frame[c].tolist() for c in ("key", *_STRONG, "title", "year")]
            for key, s2, arxiv, doi, corpus, title, year in zip(*columns):
                index.add(
                    Profile(
                        key,
                        _text(s2),
                        _text(arxiv),
                        _text(doi),
                        _int(corpus),
                        _text(title),
                        _int(year),
                    )
                )
        index.unread = set(index.nodes)
        if titles is None:
            index._read(store, None)
        else:
            index.read_authors(store, titles)
        return index

    def read_authors(self, store: GraphStore, titles: Iterable[str | None]) -> None:
        """Read the stored authors of the nodes that records of ``titles`` may be compared
        with, where not read yet."""
        keys = {k for t in titles if t for k in self.by_title.get(t, ()) if k in self.unread}
        if keys:
            self._read(store, sorted(keys))

    def _read(self, store: GraphStore, keys: list[str] | None) -> None:
        """Add the stored authors of the nodes ``keys`` (all when None) to their profiles."""
        for key, names in _stored_authors(store, keys).items():
            if (profile := self.nodes.get(key)) is not None:
                stored = Profile.of(Paper.model_construct(key=key), names)
                self.nodes[key] = replace(
                    profile,
                    surnames=profile.surnames | stored.surnames,
                    first_surname=stored.first_surname or profile.first_surname,
                )
        self.unread = set() if keys is None else self.unread.difference(keys)

    def add(self, profile: Profile) -> None:
        """Know ``profile`` (or what it adds to the node of its key)."""
        self.nodes[profile.key] = profile
        for name in _STRONG:
            if value := getattr(profile, name):
                self.by_id.setdefault(f"{name}:{str(value).lower()}", profile.key)
        if profile.title:
            keys = self.by_title.setdefault(profile.title, [])
            if profile.key not in keys:
                keys.append(profile.key)

    def fold(self, keep: str, drop: str) -> None:
        """``drop`` turned out to be ``keep``: its identifiers point to ``keep`` from now on."""
        for ident, key in self.by_id.items():
            if key == drop:
                self.by_id[ident] = keep
        for keys in self.by_title.values():
            if drop in keys:
                keys.remove(drop)
                if keep not in keys:
                    keys.append(keep)
        self.nodes.pop(drop, None)

    def matches(self, record: Profile, authoritative: bool = False) -> list[str]:
        """Keys of known nodes that are this record's paper, best first, without repeats.

        ``authoritative``: the record's own key, when known, names its node.
        """
        keys: list[str] = []
        if authoritative and record.key in self.nodes:
            keys.append(record.key)
        for name in _STRONG:
            value = getattr(record, name)
            key = self.by_id.get(f"{name}:{str(value).lower()}") if value else None
            if key is not None and key not in keys:
                keys.append(key)
        chosen = [self.nodes[k] for k in keys if k in self.nodes]
        for key in self.by_title.get(record.title or "", ()):
            if key in keys:
                continue
            candidate = self.nodes[key]
            if all(candidate.contradiction(p) is None for p in (record, *chosen)):
                keys.append(key)
                break  # a title joins one node: two papers of one title stay two
        return keys

    def free_key(self, record: Profile, key: str) -> str:
        """``key`` for a new node, or a disambiguated title key when a different paper has it."""
        if key not in self.nodes:
            return key
        words = " ".join(str(w) for w in (record.first_surname, record.year) if w)
        base = f"{key}~{words}" if words else key
        candidate, n = base, 2
        while candidate in self.nodes:
            candidate, n = f"{base}~{n}", n + 1
        return candidate


def _stored_authors(store: GraphStore, keys: list[str] | None) -> dict[str, list[str]]:
    """Author names of the stored papers ``keys`` (or all), in author order."""
    match = "MATCH (a:Author)-[r:AUTHORED]->(p:Paper) "
    if keys is not None:
        match = "UNWIND $keys AS k MATCH (a:Author)-[r:AUTHORED]->(p:Paper {key: k}) "
    rows = store.run(
        match + "RETURN p.key AS paper, a.name AS name, a.key AS author, r.position AS position",
        {"keys": keys} if keys is not None else None,
    )
    rows.sort(key=lambda r: (r["paper"], r["position"] if r["position"] is not None else 1 << 30))
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["paper"], []).append(row["name"] or _name_of_key(row["author"]))
    return out


def _text(value: Any) -> str | None:
    """A DataFrame cell of a string column (a null may come back as NaN)."""
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    """A DataFrame cell of an integer column (a null integer comes back as NaN)."""
    return None if value is None or value != value else int(value)


def _name_of_key(author_key: str) -> str | None:
    return author_key.removeprefix("name:") if author_key.startswith("name:") else None


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
    index: IdentityIndex,
    papers: Iterable[Paper],
    relationships: Iterable[Relationship] = (),
    author_names: Mapping[str, str] | None = None,
) -> Resolution:
    """Canonical keys for ``papers`` and the relationship endpoints that name them.

    The AUTHORED relationships among ``relationships`` say who wrote each record (names from
    ``author_names``, author key -> name, else from ``name:`` keys), for the title rules.
    """
    rels = list(relationships)
    authors = _record_authors(rels, author_names or {})
    rename: dict[str, str] = {}
    by_key: dict[str, Paper] = {}
    merged_nodes: list[tuple[str, str]] = []
    for paper in papers:
        proposal = _proposal(paper.key)
        record = Profile.of(paper, authors.get(paper.key, ()))
        keys = list(
            dict.fromkeys(rename.get(k, k) for k in index.matches(record, proposal is None))
        )
        key = keys[0] if keys else index.free_key(record, proposal or paper.key)
        for other in keys[1:]:
            merged_nodes.append((key, other))
            rename[other] = key
            index.fold(key, other)
            if other in by_key:  # resolved earlier in this batch
                _merge_into(by_key, key, by_key.pop(other))
        rename[paper.key] = key
        _merge_into(by_key, key, paper)
        known = index.nodes.get(key)
        record = replace(record, key=key)
        index.add(known.learn(by_key[key], record) if known else record)
    return Resolution(list(by_key.values()), _renamed(rels, rename), merged_nodes)


def _merge_into(by_key: dict[str, Paper], key: str, paper: Paper) -> None:
    if paper.key != key:
        paper = paper.model_copy(update={"key": key})
    by_key[key] = merge_records(by_key[key], paper) if key in by_key else paper


def _record_authors(rels: list[Relationship], names: Mapping[str, str]) -> dict[str, list[str]]:
    """Record key -> its authors' names in order, from the AUTHORED relationships."""
    authored = sorted(
        (r for r in rels if isinstance(r, Authored)),
        key=lambda r: r.position if r.position is not None else 1 << 30,
    )
    out: dict[str, list[str]] = {}
    for rel in authored:
        name = names.get(rel.src) or _name_of_key(rel.src)
        if name:
            out.setdefault(rel.dst, []).append(name)
    return out


def _renamed(rels: list[Relationship], rename: dict[str, str]) -> list[Relationship]:
    """Relationships with canonical paper endpoints; a paper's AUTHORED list from one record."""
    out = []
    authors_from: dict[str, str] = {}  # paper key -> the record whose authors it keeps
    for rel in rels:
        src = rename.get(rel.src, rel.src) if rel.source_label == "Paper" else rel.src
        dst = rename.get(rel.dst, rel.dst) if rel.target_label == "Paper" else rel.dst
        if rel.source_label == rel.target_label and src == dst:
            continue  # two records of one paper citing each other
        if isinstance(rel, Authored) and authors_from.setdefault(dst, rel.dst) != rel.dst:
            continue  # a second record of this paper: its author list is not added
        out.append(
            rel
            if (src, dst) == (rel.src, rel.dst)
            else rel.model_copy(update={"src": src, "dst": dst})
        )
    return out


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
