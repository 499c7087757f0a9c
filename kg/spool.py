"""Relationships of one type held back from a run of writes and written in one go at its end.

On the embedded store, appending edges to a relationship table costs time in proportion to the
edges it already holds (``python -m benchmarks.copy_growth``: the checkpoint of 200,000 new
citations grows from 0.04 s into an empty table to 7.5 s into one of 1.4M). A build that wrote
its citations chunk by chunk spent most of its time there (1,375 s of a 2,015 s build at 1M
papers); one flush of all 10M into the empty table takes 39 s (``python -m
benchmarks.held_flush``, where a flush of 2M took 7.8 s into the empty table and 322 s into one
of 4M). So :func:`loaders.pipeline.enrich_papers` spools the citations of every chunk and writes
them when S2 is done, and the papers' ``s2_status`` after them (see there for what a crash
leaves); sooner only when more are held than memory allows (:func:`default_cap`).

The held edges wait in a temporary file (pickled columns, a chunk at a time), not in memory.
Their endpoints are keys as resolved when the chunk was written; a paper merged into another
later in the run (:func:`kg.identity.merge_paper_nodes`) is told to :meth:`EdgeSpool.renamed`,
and its held edges follow it, as the stored ones do.
"""

from __future__ import annotations

import ctypes
import gc
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

from kg import bulk
from kg.model import Relationship
from kg.store import GraphStore, upsert_relationship_columns
from kg.store_embedded import machine_memory

#: bytes a held edge takes while it is written: a flush of 10M into an empty table, at 1M
#: papers, peaked at 4.5 GiB in a process holding nothing else (``benchmarks.held_flush``)
FLUSH_BYTES_PER_EDGE = 450
#: the fewest edges held before a flush, whatever the memory
MIN_CAP = 2_000_000


def default_cap() -> int:
    """How many edges a build holds before writing them: as many as a third of the machine's
    memory holds while they are written (10M and more on 16 GiB), at least :data:`MIN_CAP`."""
    total = machine_memory()
    return MIN_CAP if total is None else max(total // 3 // FLUSH_BYTES_PER_EDGE, MIN_CAP)


class EdgeSpool:
    """Holds the ``model`` relationships given to :meth:`hold` until :meth:`flush` writes them.

    >>> from kg.examples import LORA, QLORA, example_graph
    >>> from kg.model import Cites
    >>> kb = example_graph()
    >>> cites = "MATCH (:Paper {key: $a})-[r:CITES]->(:Paper {key: $b}) RETURN count(r) AS n"
    >>> spool = EdgeSpool(Cites)
    >>> spool.hold([Cites(src=LORA, dst="arxiv:2305.99999")])  # held, none left to write now
    []
    >>> kb.cypher(cites, {"a": LORA, "b": QLORA})
    [{'n': 0}]
    >>> spool.renamed(keep=QLORA, drop="arxiv:2305.99999")
    >>> spool.flush(kb.store)
    1
    >>> kb.cypher(cites, {"a": LORA, "b": QLORA})
    [{'n': 1}]
    """

    def __init__(self, model: type[Relationship], cap: int | None = None):
        self.model = model
        self.held = 0
        #: once this many are held, :attr:`full` says to flush (None: :func:`default_cap`)
        self.cap = cap or default_cap()
        self._fields = list(model.model_fields)
        self._file = tempfile.TemporaryFile(prefix="kg-edges-")
        self._renames: dict[str, str] = {}

    def hold(self, rels: Iterable[Relationship]) -> list[Relationship]:
        """Keep the ``model`` edges of ``rels``; returns the others, to write now."""
        rels = list(rels)
        mine = [r for r in rels if type(r) is self.model]
        if mine:
            columns = {f: _shared(v) for f, v in bulk.as_columns(mine, self._fields).items()}
            pickle.dump(columns, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.held += len(mine)
        return [r for r in rels if type(r) is not self.model] if mine else rels

    @property
    def full(self) -> bool:
        return self.held >= self.cap

    def renamed(self, keep: str, drop: str) -> None:
        """The paper ``drop`` was merged into ``keep``: held edges naming it name ``keep``."""
        self._renames[drop] = keep

    def flush(self, store: GraphStore) -> int:
        """Write every held edge (as :func:`kg.store.upsert_relationships` would); returns how
        many were held. The spool is empty after."""
        import numpy

        release_free_memory()  # the flush is a build's peak: start it from the smallest heap
        # object arrays, not lists: the COPY's frame takes them as they are (no second array of
        # 8 bytes a row and column: 0.4 GiB at 10M held edges)
        columns = {f: numpy.empty(self.held, dtype=object) for f in self._fields}
        seen: dict[str, dict] = {f: {} for f in self._fields}  # one object per distinct value
        self._file.seek(0)
        at = 0
        while True:
            try:
                part = pickle.load(self._file)
            except EOFError:
                break
            n = len(part["src"])
            for field, values in part.items():
                # one object a row, whatever the values (lists of one length included)
                shared = _shared(values, seen[field])
                columns[field][at : at + n] = numpy.fromiter(shared, dtype=object, count=n)
            at += n
            del part
        del seen
        self._file.close()
        self._file = tempfile.TemporaryFile(prefix="kg-edges-")
        held, self.held = self.held, 0
        if not held:
            return 0
        if self._renames:
            for end in ("src", "dst"):
                columns[end] = numpy.fromiter(map(self.key, columns[end]), dtype=object, count=held)
        upsert_relationship_columns(store, self.model, columns)
        return held

    def key(self, key: str) -> str:
        """Where ``key`` went through the merges told to :meth:`renamed` (itself if none)."""
        seen = {key}
        while key in self._renames:
            key = self._renames[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def close(self) -> None:
        self._file.close()


def release_free_memory() -> None:
    """Collect garbage, then give the pages malloc holds free back to the system (glibc's
    ``malloc_trim``; nothing elsewhere). Chunk writes leave freed frames and columns in the heap,
    which Python's memory returned but the process still holds: ~0.25 GiB at 200,000 papers."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _shared(values: Sequence[Any], seen: dict | None = None) -> list:
    """``values`` with equal strings and equal lists as one object each (``seen``: the objects
    kept so far): a spool of 10M edges holds a few million distinct keys and a handful of
    distinct intent lists, not 10M of each (the writes read the values, never change them)."""
    seen = {} if seen is None else seen
    out = []
    for value in values:
        try:
            out.append(seen.setdefault(tuple(value) if type(value) is list else value, value))
        except TypeError:  # unhashable inside a list
            out.append(value)
    return out
