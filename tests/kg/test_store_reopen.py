"""The embedded store closes and opens its database again after COPYing
:data:`~kg.store_embedded.REOPEN_AFTER_ROWS` rows, since LadybugDB holds native memory for every
row COPYed until the database is closed. Reopening changes nothing in the graph and gives that
memory back."""

from __future__ import annotations

import ctypes
import gc

from benchmarks.synthetic import counts, generate, snapshot
from kg import store_embedded
from kg.model import Author
from kg.store import upsert_nodes, upsert_relationships
from kg.store_embedded import EmbeddedStore

POOL = 128 * 1024 * 1024


def test_a_bulk_load_reopening_after_every_copy_equals_one_that_never_does(tmp_path, monkeypatch):
    nodes, rels = generate(papers=400, refs=5, seed=3)
    graphs = []
    for name, reopen_after in (("never", 10**12), ("always", 1)):
        monkeypatch.setattr(store_embedded, "REOPEN_AFTER_ROWS", reopen_after)
        store = EmbeddedStore(tmp_path / f"{name}.db", buffer_pool_size=POOL, bulk_min_rows=5)
        try:
            first = store._db
            upsert_nodes(store, nodes[:150])
            upsert_relationships(store, rels[:700])
            with store.transaction():  # no reopening inside a transaction
                upsert_nodes(store, nodes + nodes[:40])
            upsert_relationships(store, rels + rels[:60])
            assert (store._db is first) == (name == "never")
            graphs.append((counts(store), snapshot(store)))
        finally:
            store.close()
    assert graphs[0] == graphs[1]


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
    ]


def _malloc_in_use() -> int:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    gc.collect()
    return libc.mallinfo2().uordblks


def test_native_memory_a_copy_holds_is_given_back(tmp_path, monkeypatch):
    # 80,000 authors COPYed 10,000 at a time held ~250 MiB more malloc'd memory without the
    # reopening (LadybugDB 0.22), ~0 with it
    monkeypatch.setattr(store_embedded, "REOPEN_AFTER_ROWS", 10_000)
    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=POOL)
    try:
        upsert_nodes(store, [Author(key=f"s2:warm{i}", name=f"Warm {i}") for i in range(10_000)])
        before = _malloc_in_use()
        for part in range(8):
            batch = range(part * 10_000, (part + 1) * 10_000)
            upsert_nodes(store, [Author(key=f"s2:a{i}", name=f"Author {i}") for i in batch])
        grown = _malloc_in_use() - before
        assert store.run("MATCH (a:Author) RETURN count(a) AS n") == [{"n": 90_000}]
    finally:
        store.close()
    assert grown < 50 * 1024**2, f"{grown / 1024**2:.0f} MiB more in use"
