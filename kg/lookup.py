"""Papers by identifier without a scan: the resolver's index on the embedded store.

LadybugDB indexes only primary keys, so finding a paper by its arXiv id, DOI, CorpusId, S2 id or
normalised title read every Paper (72 ms at 100,000 papers). :class:`IdentifierIndex` keeps
``identifier -> paper key`` pairs in a SQLite file beside the database (``kg.db.ids``), written by
:func:`kg.store.upsert_nodes` (every write path: the MERGE one, the bulk one, identity merges)
before the graph write. A node table in the graph would show up in every ``MATCH (n)``.

The index is a superset of the truth, and the resolver checks what it finds against the node
(:func:`kg.resolve.candidates`): an entry of a paper a crash kept out of the graph, of a node an
identity merge removed or of a title the node no longer has names no node, or one the check
rejects. Only a missing entry could hide a paper; so entries are written before the graph and
never removed, and an index that does not belong to its database file (new, or left by another
file of that name) is rebuilt from the graph on open.

    index = IdentifierIndex.beside(Path("kg.db"))
    index.papers(forms(arxiv_id="2106.09685"))   # ['arxiv:2106.09685']
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

#: the Paper properties the resolver matches, each under its own prefix
FIELDS = ("s2_id", "arxiv_id", "doi", "corpus_id", "title_norm")
_PREFIX = {"s2_id": "s2", "arxiv_id": "arxiv", "doi": "doi", "corpus_id": "corpus", "title_norm": "title"}  # fmt: skip
SUFFIX = ".ids"
_CREATES = re.compile(r"\b(CREATE|MERGE|COPY)\b", re.IGNORECASE)
#: SET of an identifier, or of a whole map (``SET n = $props``, ``SET n += $props``)
_SETS = re.compile(
    r"\bSET\b.*(\b(" + "|".join(FIELDS) + r")\b|(?<![.\w])\w+\s*\+?=)",
    re.IGNORECASE | re.DOTALL,
)


def may_set_identifiers(statement: str) -> bool:
    """Whether a statement the write paths did not index may give a paper an identifier (it
    creates or merges, or sets an identifier or a whole map): the index is then rebuilt.

    >>> may_set_identifiers("MATCH (n:Paper) SET n.cited_in_graph = 3, n.pagerank = rank")
    False
    >>> [may_set_identifiers(s) for s in ("CREATE (:Paper {key: 'x'})", "MATCH (n) SET n.doi = 'x'", "MATCH (n) SET n += $p")]
    [True, True, True]
    """
    return bool(_CREATES.search(statement) or _SETS.search(statement))


def forms(**values: Any) -> list[str]:
    """The index entries of identifier ``values`` (keyword per :data:`FIELDS`), case-folded.

    >>> forms(arxiv_id="2106.09685", doi="10.1/X", corpus_id=7, title_norm=None)
    ['arxiv:2106.09685', 'doi:10.1/x', 'corpus:7']
    """
    return [
        f"{_PREFIX[name]}:{str(value).lower()}"
        for name, value in values.items()
        if value is not None and value != ""
    ]


def paper_forms(paper: Any) -> list[str]:
    """The entries of one paper: a :class:`~kg.model.Paper` or a dict of its properties."""
    if isinstance(paper, Mapping):
        return forms(**{name: paper.get(name) for name in FIELDS})
    return forms(**{name: getattr(paper, name, None) for name in FIELDS})


def _key(paper: Any) -> str:
    return paper["key"] if isinstance(paper, Mapping) else paper.key


class IdentifierIndex:
    """``identifier -> paper key`` pairs in one SQLite file (see the module docstring)."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._stale: bool | None = None
        if read_only:
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self._db = sqlite3.connect(str(self.path), check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS ids (ident TEXT NOT NULL, paper TEXT NOT NULL, "
                "PRIMARY KEY (ident, paper)) WITHOUT ROWID"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            self._db.commit()

    @classmethod
    def beside(cls, database: Path, read_only: bool = False) -> IdentifierIndex | None:
        """The index of the database file ``database``; None when read-only and there is none."""
        path = Path(f"{database}{SUFFIX}")
        if read_only and not path.is_file():
            return None
        try:
            return cls(path, read_only)
        except sqlite3.Error:
            return None

    def belongs_to(self, database: Path) -> bool:
        """Whether the index was built for the database file now at ``database``."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'database'").fetchone()
        return row is not None and row[0] == _identity(database)

    def adopt(self, database: Path, papers: Iterable[Any]) -> None:
        """Rebuild from every stored paper (``key`` and :data:`FIELDS`) for ``database``."""
        self._db.execute("DELETE FROM ids")
        self.add(papers, commit=False)
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('database', ?)", (_identity(database),)
        )
        self._db.execute("DELETE FROM meta WHERE name = 'stale'")
        self._db.commit()
        self._stale = False

    def add(self, papers: Iterable[Any], commit: bool = True) -> None:
        """Index papers about to be written (records, or property dicts with a ``key``)."""
        rows = [(ident, _key(p)) for p in papers for ident in paper_forms(p)]
        self._db.executemany("INSERT OR IGNORE INTO ids VALUES (?, ?)", rows)
        if commit:
            self._db.commit()

    @property
    def stale(self) -> bool:
        """A statement outside the write paths may have changed identifiers (see
        :func:`may_set_identifiers`): rebuild before trusting the index."""
        if self._stale is None:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'stale'").fetchone()
            self._stale = row is not None
        return self._stale

    def mark_stale(self) -> None:
        """Before such a statement runs (so a crash after it leaves the index marked)."""
        if not self.stale:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('stale', '1')")
            self._db.commit()
            self._stale = True

    def papers(self, idents: Iterable[str]) -> list[str]:
        """Keys of the papers indexed under any of ``idents``, sorted."""
        wanted = sorted(set(idents))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self._db.execute(
            f"SELECT DISTINCT paper FROM ids WHERE ident IN ({marks}) ORDER BY paper", wanted
        )
        return [row[0] for row in rows]

    def close(self) -> None:
        self._db.close()


def _identity(database: Path) -> str:
    """The database file as itself: the same path with another file behind it differs."""
    st = os.stat(database)
    return f"{st.st_dev}:{st.st_ino}"
