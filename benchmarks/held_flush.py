"""Where one flush of held citations spends its time, against the citations already stored.

``python -m benchmarks.held_flush [--papers 1000000] [--stored 0,4000000,8000000] [--flush 2000000]
[--pool 6] [--keep DIR] [--apart] [--profile] [--lists]`` writes ``--papers`` listed Paper nodes
(and a tenth as many outside papers after them) into an embedded store, COPYs the references of the
first listed papers into CITES until it holds each ``--stored`` figure (in COPYs of ``--flush``,
the way a build's flushes fill it; a base store is kept per figure), then times one flush of the
next ``--flush`` references through the real write path
(:func:`kg.store.upsert_relationship_columns`, as :meth:`kg.spool.EdgeSpool.flush` calls it, inside
:func:`kg.counts.deferred` as in a build), stage by stage: endpoint offsets (``_endpoints``), the
edge frame (``_edge_ids``, ``_fold_rows``), the split against stored edges (``_split_stored``, of
it the ``_stored_edges`` read), the COPY's frame, the COPY statement, the reopen after it, the
MERGE of changed edges and the counts. The references are those of ``benchmarks.scale`` (ten a
paper, earlier papers preferred, one in ten outside the listing). ``--apart`` turns the automatic
checkpoint off so the COPY and its checkpoint are timed apart; ``--profile`` prints LadybugDB's
``PROFILE`` of the stored-edges read. ``--keep DIR`` keeps the base stores there for the next run.
The figure to read: each stage at the largest ``--stored`` against the smallest.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from benchmarks.scale import OUTSIDE_SHARE, peak_rss_gib, rss_gib, s2_id
from kg import bulk, counts
from kg import store as kg_store
from kg.model import Cites
from kg.store_embedded import EmbeddedStore

REFS = 10
_INTENTS = (["background"], ["methodology"], ["result"])


def paper_keys(papers: int) -> list[str]:
    """Keys of the listed papers, then of the outside ones, in the order a build writes them."""
    return [f"s2:{s2_id(i)}" for i in range(papers + int(papers * OUTSIDE_SHARE))]


def references(papers: int, first: int, count: int, seed: int = 0) -> tuple[np.ndarray, ...]:
    """(citing, cited, draw) index arrays of the references of listed papers ``first`` to
    ``first + count - 1``: ten each, earlier papers preferred, one in ten outside the listing,
    as ``benchmarks.scale`` draws them (vectorised; repeats and self-citations dropped)."""
    rng = np.random.default_rng(seed + first)
    src = np.repeat(np.arange(first, first + count), REFS)
    pool = np.where(src > 2 * REFS, src, papers)
    outside = max(1, int(papers * OUTSIDE_SHARE))
    dst = np.where(
        rng.random(len(src)) < 0.1,
        papers + (outside * rng.random(len(src))).astype(np.int64),
        (pool * rng.random(len(src)) ** 2).astype(np.int64),
    )
    keep = src != dst
    pairs = np.unique(np.stack([src[keep], dst[keep]], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1], rng.random(len(pairs))


def reference_columns(
    keys: list[str], papers: int, first: int, count: int, lists: bool = False
) -> dict:
    """The columns :meth:`kg.spool.EdgeSpool.flush` passes on for those references: object
    arrays, or with ``lists`` the lists it passed before they were arrays (the baseline)."""
    src, dst, draw = references(papers, first, count)
    columns = {
        "src": [keys[i] for i in src.tolist()],
        "dst": [keys[i] for i in dst.tolist()],
        "source": ["s2"] * len(src),
        "is_influential": (draw < 0.1).tolist(),
        "intents": [_INTENTS[k % 3] if x < 0.6 else None for k, x in enumerate(draw.tolist())],
        "contexts": [None] * len(src),
        "first_seen": [None] * len(src),
    }
    if lists:
        return columns
    return {c: np.fromiter(values, dtype=object, count=len(src)) for c, values in columns.items()}


class Timings:
    """Seconds spent in each wrapped function, summed over calls."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner, name: str, label: str | None = None) -> Callable[[], None]:
        """Time ``owner.name`` under ``label``; returns what puts the original back."""
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label or name] += time.perf_counter() - started

        setattr(owner, name, timed)
        return lambda: setattr(owner, name, original)

    @contextmanager
    def block(self, label: str):
        started = time.perf_counter()
        yield
        self.seconds[label] += time.perf_counter() - started


def _timed_store(store: EmbeddedStore, timings: Timings, apart: bool) -> None:
    """Time the store's COPY statements, checkpoints and reopens apart from its other
    statements (instance attributes: the class is left alone)."""
    run = store.run

    def timed_run(cypher, params=None):
        kind = cypher.split(None, 1)[0].upper()
        label = {"COPY": "COPY statement", "CHECKPOINT": "checkpoint"}.get(kind)
        if label is None:
            return run(cypher, params)
        with timings.block(label):
            out = run(cypher, params)
        if kind == "COPY" and apart:
            with timings.block("checkpoint"):
                run("CHECKPOINT")
        return out

    store.run = timed_run
    reopen = store._reopen

    def timed_reopen():
        with timings.block("reopen (close + open)"):
            reopen()
        if apart:
            store._conn.execute("CALL auto_checkpoint=false")

    store._reopen = timed_reopen
    if apart:
        store._conn.execute("CALL auto_checkpoint=false")


STAGES = [
    (bulk, "_stored_edge_count", "stored edge count"),
    (bulk, "_endpoints", "_endpoints"),
    (bulk, "_edge_ids", "_edge_ids"),
    (bulk, "_fold_rows", "_fold_rows"),
    (bulk, "_split_stored", "_split_stored (all)"),
    (bulk, "_stored_edges", "  _stored_edges read"),
    (bulk, "_frame", "COPY frame"),
    (kg_store, "_merge", "MERGE of changed edges"),
    (counts, "after_relationship_ends", "counts (deferred: keys kept)"),
]


def base_store(root: Path, keys: list[str], papers: int, stored: int, flush: int, pool: int):
    """The directory of a store with the papers and ``stored`` references, made once in
    ``root`` (from the largest smaller one there)."""
    path = root / f"base-{stored}"
    if path.exists():
        return path
    smaller = sorted(
        (n for p in root.glob("base-*") if (n := int(p.name[5:])) < stored), reverse=True
    )
    work = root / "building"
    shutil.rmtree(work, ignore_errors=True)
    if smaller:
        shutil.copytree(root / f"base-{smaller[0]}", work)
    have = smaller[0] if smaller else 0
    store = EmbeddedStore(work / "kg.db", buffer_pool_size=pool)
    if not smaller:
        frame = bulk._frame(
            {"key": keys, "listed": [True] * papers + [None] * (len(keys) - papers)}
        )
        store.copy("Paper", frame, ["key", "listed"])
    while have < stored:
        step = min(flush, stored - have)
        columns = reference_columns(keys, papers, have // REFS, step // REFS)
        started = time.perf_counter()
        copied = ["source", "is_influential", "intents"]
        store.copy("CITES", bulk._frame({c: columns[c] for c in ["src", "dst", *copied]}), copied)
        print(
            f"  base: COPY of {len(columns['src']):,} references into {have:,}: "
            f"{time.perf_counter() - started:.1f} s (RSS {rss_gib():.2f} GiB)",
            flush=True,
        )
        have += step
    store.close()
    work.rename(path)
    return path


def measure(
    base: Path, keys: list[str], papers: int, stored: int, flush: int, pool: int, apart: bool,
    profile: bool, lists: bool = False,
) -> dict[str, float]:  # fmt: skip
    """The stages of one flush of ``flush`` references into a copy of the store at ``base``."""
    trial = base.parent / "trial"
    shutil.rmtree(trial, ignore_errors=True)
    shutil.copytree(base, trial)
    columns = reference_columns(keys, papers, stored // REFS, flush // REFS, lists)
    store = EmbeddedStore(trial / "kg.db", buffer_pool_size=pool)
    timings = Timings()
    _timed_store(store, timings, apart)
    restore = [timings.wrap(owner, name, label) for owner, name, label in STAGES]
    if profile:
        restore.append(_profile_stored_edges(store))
    try:
        started = time.perf_counter()
        with timings.block("deferred count refresh (once a build)"):
            with counts.deferred(store):
                with timings.block("flush total"):
                    kg_store.upsert_relationship_columns(store, Cites, columns)
        total = time.perf_counter() - started
    finally:
        for undo in reversed(restore):
            undo()
    timings.seconds["deferred count refresh (once a build)"] -= timings.seconds["flush total"]
    held = store.run("MATCH ()-[r:CITES]->() RETURN count(r) AS n")[0]["n"]
    store.close()
    shutil.rmtree(trial, ignore_errors=True)
    print(
        f"stored {stored:,} -> {held:,} CITES: flush + counts {total:.1f} s "
        f"(RSS {rss_gib():.2f} GiB, peak {peak_rss_gib():.2f} GiB)",
        flush=True,
    )
    for label, seconds in timings.seconds.items():
        print(f"  {label:<40} {seconds:8.2f} s")
    return dict(timings.seconds)


def _profile_stored_edges(store: EmbeddedStore) -> Callable[[], None]:
    """Print the ``PROFILE`` of the stored-edges read the flush makes."""
    frame = store.frame

    def profiled(cypher, params=None):
        if "offset(id(" in cypher and "WHERE" in cypher:
            result = store._conn.execute("PROFILE " + cypher, params or {})
            print("\n".join(str(row[0]) for row in result.get_all()))
        return frame(cypher, params)

    store.frame = profiled
    return lambda: delattr(store, "frame")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=1_000_000)
    parser.add_argument("--stored", default="0,4000000,8000000", help="comma-separated")
    parser.add_argument("--flush", type=int, default=2_000_000, help="references a flush")
    parser.add_argument("--pool", type=float, default=6.0, help="buffer pool, GiB")
    parser.add_argument("--keep", type=Path, help="keep the base stores in this directory")
    parser.add_argument("--apart", action="store_true", help="checkpoint apart from the COPY")
    parser.add_argument("--profile", action="store_true", help="PROFILE the stored-edges read")
    parser.add_argument(
        "--lists", action="store_true", help="the flush's columns as lists (the baseline)"
    )
    args = parser.parse_args()
    pool = int(args.pool * 1024**3)
    keys = paper_keys(args.papers)
    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-held-flush-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = {}
        for stored in sorted(int(s) for s in args.stored.split(",")):
            base = base_store(root, keys, args.papers, stored, args.flush, pool)
            results[stored] = measure(
                base, keys, args.papers, stored, args.flush, pool, args.apart, args.profile,
                args.lists,
            )  # fmt: skip
        labels = list(dict.fromkeys(label for r in results.values() for label in r))
        print("\n| stage | " + " | ".join(f"{s:,} stored" for s in results) + " |")
        print("|---|" + "---|" * len(results))
        for label in labels:
            cells = " | ".join(f"{r.get(label, 0.0):.2f}" for r in results.values())
            print(f"| {label.strip()} | {cells} |")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
