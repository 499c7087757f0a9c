"""Graphs built before titles and names of every script had keys of their own (issue 10).

The old normaliser kept only the ASCII letters of a title or name, so a title in another script
had no key and a mixed one was stored as a fragment (``title_norm = "sora 2 openai"``), and an
author "Иван Petrov" was keyed ``name:petrov``. Latin-script titles and names normalise as they
always did, so only text with other scripts can be stale. :func:`renormalise` brings such a
graph up to date before a build writes to it: a paper's ``title_norm`` is recomputed (its key
stays, identity finds papers by ``title_norm``), and an author keyed by a stale name key moves to
the current one, with its AUTHORED relationships. Every step is idempotent, so an interrupted
run is finished by the next build.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.keys import author_key, normalise_title
from kg.model import Author, Authored
from kg.store import GraphStore, upsert_nodes, upsert_relationships


@dataclass
class Renormalised:
    titles: int = 0
    authors: int = 0


def renormalise(store: GraphStore) -> Renormalised:
    """Recompute stale title norms and author name keys of ``store`` (see the module docstring)."""
    done = Renormalised()
    rows = store.run(
        "MATCH (p:Paper) WHERE p.title IS NOT NULL "
        "RETURN p.key AS key, p.title AS title, p.title_norm AS norm"
    )
    for row in rows:
        if row["title"].isascii():
            continue
        norm = normalise_title(row["title"])
        if norm != row["norm"]:
            store.run(
                "MATCH (p:Paper {key: $key}) SET p.title_norm = $norm",
                {"key": row["key"], "norm": norm},
            )
            done.titles += 1
    rows = store.run(
        "MATCH (a:Author) WHERE a.key STARTS WITH 'name:' AND a.name IS NOT NULL "
        "RETURN a.key AS key, a.name AS name"
    )
    for row in rows:
        if row["name"].isascii():
            continue
        try:
            key = author_key(name=row["name"])
        except ValueError:
            continue
        if key != row["key"]:
            _move_author(store, row["key"], key)
            done.authors += 1
    return done


def _move_author(store: GraphStore, old: str, new: str) -> None:
    columns = ", ".join(f"a.{f} AS {f}" for f in Author.model_fields if f != "key")
    [props] = store.run(f"MATCH (a:Author {{key: $key}}) RETURN {columns}", {"key": old})
    upsert_nodes(store, [Author(key=new, **{k: v for k, v in props.items() if v is not None})])
    rels = store.run(
        "MATCH (a:Author {key: $key})-[r:AUTHORED]->(p:Paper) "
        "RETURN p.key AS dst, r.position AS position, r.source AS source",
        {"key": old},
    )
    upsert_relationships(
        store,
        [Authored(src=new, **{k: v for k, v in r.items() if v is not None}) for r in rels],
    )
    store.run("MATCH (a:Author {key: $key}) DETACH DELETE a", {"key": old})
