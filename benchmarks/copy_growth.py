"""How a COPY of new citations grows with the table it goes into, on LadybugDB alone.

``python -m benchmarks.copy_growth [--papers 1000000] [--chunk 20000] [--chunks 10]
[--variant real|nolist|fwd] [--pool 6]`` creates ``--papers`` Paper nodes with the real schema
(:func:`kg.schema.embedded_ddl`), then COPYs citations in chunks (``--chunk`` citing papers of
10 references each, random cited papers, the way ``kg build`` writes them in chunks of 20,000
papers). Checkpoints are turned off and run after each chunk, so the COPY and the checkpoint
that persists it are timed apart. Variants: ``real`` (the CITES table of the schema, intents and
contexts list columns filled as S2 fills them), ``nolist`` (CITES without its two list
columns), ``fwd`` (the real table stored in the forward direction only, so incoming-citation
lookups would scan). The figure to read: the checkpoint's time per chunk, the second (the first goes into an
empty table) against the last.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import ladybug
import pandas as pd

from kg import schema

REFS = 10


def _ddl(variant: str) -> list[str]:
    out = []
    for statement in schema.embedded_ddl():
        if statement.startswith("CREATE REL TABLE IF NOT EXISTS CITES"):
            if variant == "nolist":
                statement = (
                    "CREATE REL TABLE CITES(FROM Paper TO Paper, source STRING, "
                    "is_influential BOOLEAN, first_seen STRING)"
                )
            elif variant == "fwd":
                statement += " WITH (storage_direction='fwd')"
        out.append(statement)
    return out


def _chunk(keys: list[str], start: int, size: int, rnd: random.Random, variant: str):
    citing = [keys[start + i] for i in range(size) for _ in range(REFS)]
    draws = [rnd.random() for _ in citing]
    columns = {
        "from": citing,
        "to": [keys[rnd.randrange(len(keys))] for _ in citing],
        "source": ["s2"] * len(citing),
        "is_influential": [x < 0.1 for x in draws],
        "first_seen": ["2026-12-04"] * len(citing),
    }
    if variant != "nolist":
        columns["intents"] = [["background"] if x < 0.6 else [] for x in draws]
        columns["contexts"] = [[] for _ in citing]
    return pd.DataFrame(columns)


def run(papers: int, chunk: int, chunks: int, variant: str, pool_gib: float) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="kg-copy-growth-"))
    try:
        db = ladybug.Database(str(workdir / "db"), buffer_pool_size=int(pool_gib * 1024**3))
        conn = ladybug.Connection(db)
        for statement in _ddl(variant):
            conn.execute(statement)
        keys = [f"s2:{i:012d}" for i in range(papers)]
        conn.execute("COPY Paper(key) FROM $f", {"f": pd.DataFrame({"key": keys})})
        conn.execute("CALL auto_checkpoint=false")
        rnd = random.Random(1)
        print(f"{variant}: {papers:,} papers, chunks of {chunk * REFS:,} citations")
        times = []
        for n in range(chunks):
            frame = _chunk(keys, n * chunk, chunk, rnd, variant)
            columns = ", ".join(c for c in frame.columns if c not in ("from", "to"))
            t0 = time.perf_counter()
            conn.execute(f"COPY CITES({columns}) FROM $f", {"f": frame})
            t1 = time.perf_counter()
            conn.execute("CHECKPOINT")
            t2 = time.perf_counter()
            times.append((t1 - t0, t2 - t1))
            print(
                f"  chunk {n + 1:>3} (table {(n + 1) * chunk * REFS:>10,} citations): "
                f"COPY {t1 - t0:6.2f} s, checkpoint {t2 - t1:6.2f} s",
                flush=True,
            )
        # the first chunk goes into an empty table: the second is the one to grow from
        (copy0, ck0), (copy1, ck1) = times[min(1, len(times) - 1)], times[-1]
        print(
            f"{variant}: last chunk / second chunk: COPY x{copy1 / copy0:.1f}, checkpoint "
            f"x{ck1 / ck0:.1f}; total {sum(a + b for a, b in times):.1f} s"
        )
        conn.close()
        db.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=20_000, help="citing papers per chunk")
    parser.add_argument("--chunks", type=int, default=10)
    parser.add_argument(
        "--variant", choices=["real", "nolist", "fwd"], action="append", help="repeatable"
    )
    parser.add_argument("--pool", type=float, default=6.0, help="buffer pool, GiB")
    args = parser.parse_args()
    for variant in args.variant or ["real", "nolist", "fwd"]:
        run(args.papers, args.chunk, args.chunks, variant, args.pool)


if __name__ == "__main__":
    main()
