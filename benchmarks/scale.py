"""A field-sized build, end to end: listing -> S2 (warm cache) -> extraction -> embedded store ->
analyze -> every query helper.

    python -m benchmarks.scale --papers 100000 --refs 10 [--keep DIR]

It writes a synthetic listing of ``--papers`` Semantic Scholar ids and fills an S2 response cache
with S2-shaped records for them: each paper's record (three authors), its reference list of
``--refs`` papers (nine in ten listed, earlier ones preferred, one in ten outside the list,
:data:`OUTSIDE_SHARE` of the listing) and its authors. The cache is checked to answer the whole
run (the request plan must be 0). Then it builds the listing into a new embedded store with the
pipeline `kg build` runs (:func:`loaders.pipeline.build`, offline, references without the
citation lists, which here hold the same edges again), runs :func:`queries.analytics.analyze`
and calls every helper of :mod:`benchmarks.queries` ``--reps`` times. It prints the build time by
stage, the analyze time, the peak RSS of the process and the median latency of every helper.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import orjson

from benchmarks.queries import measure, workload
from kg import KnowledgeGraph
from kg.config import Settings
from kg.graph import Graph
from kg.store_embedded import EmbeddedStore
from loaders import pipeline
from loaders.listing import Listing
from loaders.s2 import EnrichOptions
from loaders.s2.cache import CACHE_FILE, ResponseCache
from loaders.s2.cache_plan import page_key
from loaders.s2.client import item_key
from loaders.s2.convert import AUTHOR_FIELDS, EDGE_FIELDS, PAPER_FIELDS
from loaders.s2.run import plan_requests

#: outside papers (cited, not listed) per listed paper
OUTSIDE_SHARE = 0.1
AUTHORS_PER_PAPER = 3
_WORDS = (
    "graph neural sparse attention diffusion retrieval contrastive latent reasoning agent "
    "transformer robust efficient scalable multimodal language vision policy reward memory"
).split()
_INTENTS = ("background", "methodology", "result")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def s2_id(i: int) -> str:
    """The 40-hex S2 paper id of synthetic paper ``i`` (outside papers come after the listed)."""
    return f"{i:040x}"


def author_id(i: int) -> str:
    return f"synauthor{i:07d}"


def references(rng: random.Random, papers: int, refs: int) -> list[list[int]]:
    """Paper indexes each listed paper cites: earlier ones preferred (old papers gather the
    citations), one in ten an outside paper (indexes from ``papers`` on)."""
    outside = max(1, int(papers * OUTSIDE_SHARE))
    rand = rng.random
    out = []
    for i in range(papers):
        pool = i if i > 2 * refs else papers
        chosen: set[int] = set()
        while len(chosen) < refs:
            if rand() < 0.1:
                chosen.add(papers + int(outside * rand()))
            elif (j := int(pool * rand() ** 2)) != i:
                chosen.add(j)
        out.append(sorted(chosen))
    return out


def record(i: int, papers: int, cited: int, refs: int, authors: list[int]) -> dict:
    """The S2 record of paper ``i`` (every field :data:`PAPER_FIELDS` asks for)."""
    a, b = _WORDS[i % len(_WORDS)], _WORDS[(i * 7 + 3) % len(_WORDS)]
    year = 2000 + i * 25 // max(papers, 1)
    return {
        "paperId": s2_id(i),
        "corpusId": 10_000_000 + i,
        "externalIds": {"CorpusId": 10_000_000 + i},
        "title": f"Synthetic paper {i}: {a} {b} methods",
        "abstract": f"We propose {a.title()}{b.title()}Net, a {a} {b} model, and evaluate it on the {b.title()}Bench benchmark.",
        "year": year,
        "publicationDate": f"{year}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}",
        "venue": ("NeurIPS", "ICML", "ACL", "arXiv")[i % 4],
        "citationCount": cited,
        "influentialCitationCount": cited // 10,
        "referenceCount": refs,
        "fieldsOfStudy": ["Computer Science"],
        "s2FieldsOfStudy": [],
        "tldr": None,
        "openAccessPdf": None,
        "url": f"https://www.semanticscholar.org/paper/{s2_id(i)}",
        "authors": [{"authorId": author_id(x), "name": f"Author Synth{x}"} for x in authors],
    }


def write_inputs(workdir: Path, papers: int, refs: int, seed: int) -> tuple[Path, Path]:
    """The listing file and a warm S2 cache directory for the synthetic corpus, written by a
    child process: the reference lists and records it builds (~1 GiB at a million papers) are
    not the build's memory, and the build reads the listing and the cache as `kg build` would."""
    context = multiprocessing.get_context("fork")  # the child needs nothing the parent loaded
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_write_inputs, workdir, papers, refs, seed).result()


def _write_inputs(workdir: Path, papers: int, refs: int, seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed)
    cited_lists = references(rng, papers, refs)
    total = papers + max(1, int(papers * OUTSIDE_SHARE))
    cited = [0] * total
    for row in cited_lists:
        for j in row:
            cited[j] += 1
    # each paper's JSON as a reference item names it, encoded once: a paper is cited ten times
    # on average, and building and encoding it afresh each time was most of the generation
    # (1,037 s at a million papers)
    cited_json = [
        _cited_json(record(j, papers, cited[j], refs if j < papers else 0, []))
        for j in range(total)
    ]
    n_authors = max(AUTHORS_PER_PAPER, papers // 2)
    listing = workdir / "listing.txt"
    listing.write_text("".join(f"{s2_id(i)}\n" for i in range(papers)))
    cache_dir = workdir / "cache"
    ResponseCache(cache_dir / CACHE_FILE).close()  # the schema
    db = sqlite3.connect(str(cache_dir / CACHE_FILE))
    db.execute("PRAGMA synchronous=OFF")  # a crash here leaves nothing to keep
    now = time.time()

    def rows():
        for i in range(papers):
            authors = sorted(
                {int(n_authors * rng.random() ** 1.5) for _ in range(AUTHORS_PER_PAPER)}
            )
            rec = record(i, papers, cited[i], len(cited_lists[i]), authors)
            yield item_key("paper", rec["paperId"], PAPER_FIELDS), "paper", orjson.dumps(rec)
            data = []
            for k, j in enumerate(cited_lists[i]):
                r = rng.random()
                intents = f'["{_INTENTS[k % 3]}"]' if r < 0.6 else "[]"
                influential = "true" if r < 0.1 else "false"
                data.append(
                    f'{{"isInfluential":{influential},"intents":{intents},"citedPaper":'
                    f"{cited_json[j]}}}"
                )
            page = '{"offset":0,"data":[' + ",".join(data) + "]}"
            yield page_key(rec["paperId"], "references", 0, 1000), "references", page
        for x in range(n_authors):
            body = {"authorId": author_id(x), "name": f"Author Synth{x}", "aliases": None, "affiliations": [],
                    "hIndex": x % 40, "paperCount": 1 + x % 90, "citationCount": x % 5000}  # fmt: skip
            yield item_key("author", author_id(x), AUTHOR_FIELDS), "author", orjson.dumps(body)

    batch = []
    for key, kind, body in rows():
        batch.append((key, kind, now, body if isinstance(body, str) else body.decode()))
        if len(batch) >= 20_000:
            db.executemany("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)", batch)
            db.commit()  # one transaction a batch: the cache is in WAL mode, which would hold it all
            batch.clear()
    db.executemany("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)", batch)
    db.commit()
    db.close()
    return listing, cache_dir


def _cited_json(rec: dict) -> str:
    return orjson.dumps({f: rec[f] for f in EDGE_FIELDS if f in rec}).decode()


class Stages:
    """Wall time of each build stage, from the pipeline's progress tasks (:mod:`kg.progress`).

    Time goes to the task started last of those not yet ended (S2's tasks all end together when
    the run is over; the writes of each chunk of S2's answers run inside them). The log line of
    each start gives the RSS then and the peak so far."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._open: list[tuple[str, str]] = []  # (task, stage name), innermost last
        self._since = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._open:
            name = self._open[-1][1]
            self.seconds[name] = self.seconds.get(name, 0.0) + now - self._since
        self._since = now

    def start(self, task: str, description: str, total: int | None = None) -> None:
        self._tick()
        name = re.sub(r"\b\d[\d,]*\s", "", description).split(" of ")[0]
        self._open.append((task, name))
        log(f"  {description}... (RSS {rss_gib():.2f} GiB, peak so far {peak_rss_gib():.2f} GiB)")

    def advance(self, task: str, n: int = 1) -> None:
        pass

    def end(self, task: str) -> None:
        self._tick()
        self._open = [(t, n) for t, n in self._open if t != task]


def planned_requests(listing: Listing, cache_dir: Path) -> int:
    """The requests a build of ``listing`` would make, planned in a forked process: the plan
    holds every cached record at once (GiBs at a million papers), which is not the build's
    memory, and the peak RSS printed is this process's."""
    papers = [e.paper for e in listing.entries]
    options = EnrichOptions(cache_dir=str(cache_dir), citations=False)
    context = multiprocessing.get_context("fork")  # the child has the papers without a copy
    answer, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(plan_requests(papers, options)))
    child.start()
    sender.close()
    try:
        return answer.recv()
    except EOFError:
        raise SystemExit(f"planning the requests failed (exit code {child.exitcode})") from None
    finally:
        child.join()


def rss_gib() -> float:
    """This process's resident memory now (Linux; 0 elsewhere)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1024**3
    except OSError:
        return 0.0


def peak_rss_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=10)
    parser.add_argument("--reps", type=int, default=11)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--keep", type=Path, help="work in this directory and keep it (default: a temporary one)"
    )
    parser.add_argument("--skip-analyze", action="store_true")
    parser.add_argument(
        "--pool",
        type=float,
        metavar="GIB",
        help="the embedded store's buffer pool in GiB (default: the store's, see KG_BUFFER_POOL)",
    )
    parser.add_argument(
        "--chunk-papers",
        type=int,
        default=EnrichOptions.chunk_papers,
        help="listed papers whose S2 answers are converted and written together",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        log(f"writing the listing and a warm S2 cache for {args.papers:,} papers...")
        listing_path, cache_dir = write_inputs(workdir, args.papers, args.refs, args.seed)
        prepare = time.perf_counter() - started
        s2 = EnrichOptions(
            cache_dir=str(cache_dir),
            offline=True,
            citations=False,
            pace=0,
            chunk_papers=args.chunk_papers,
        )
        listings = pipeline.load_listings([listing_path])
        planned = planned_requests(listings[0], cache_dir)
        if planned:
            raise SystemExit(
                f"the warm cache leaves {planned} requests to make: it does not match the client's keys"
            )
        log(f"inputs ready in {prepare:.0f} s; the cache answers every request (plan: 0)")

        pool = int(args.pool * 1024**3) if args.pool else Settings.from_env().buffer_pool
        store = EmbeddedStore(workdir / "kg.db", buffer_pool_size=pool)
        kb = KnowledgeGraph(store)
        log(f"buffer pool: {store.buffer_pool_size / 1024**3:.1f} GiB")
        stages = Stages()
        started = time.perf_counter()
        report = pipeline.build(
            Graph(store), listings, pipeline.BuildOptions(s2=s2), progress=stages
        )
        build_s = time.perf_counter() - started
        papers_n = store.run("MATCH (p:Paper) RETURN count(p) AS n")[0]["n"]
        cites_n = store.run("MATCH ()-[r:CITES]->() RETURN count(r) AS n")[0]["n"]
        log(
            f"built {papers_n:,} papers, {cites_n:,} citations in {build_s:.0f} s "
            f"(enriched {report.enrichment.resolved if report.enrichment else 0:,})"
        )

        analyze_s = None
        if not args.skip_analyze:
            from queries import analytics

            started = time.perf_counter()
            analytics.analyze(kb)
            analyze_s = time.perf_counter() - started
            log(f"analyze: {analyze_s:.1f} s")

        latencies = {}
        calls = workload(
            args.papers,
            paper_key=lambda i: f"s2:{s2_id(i)}",
            author_key=lambda i: f"s2:{author_id(i)}",
            external_id=lambda i: f"CorpusId:{10_000_000 + i}",
            full_title=lambda i: record(i, args.papers, 0, 0, [])["title"],
        )
        for name, call, _ in calls:
            latencies[name] = statistics.median(measure(kb, call, args.reps))
            log(f"  {name}: {latencies[name]:.1f} ms")
        store.close()

    print(
        f"Scale run: {args.papers:,} listed papers, {args.refs} references each "
        f"({papers_n:,} Paper nodes, {cites_n:,} CITES), embedded store\n"
    )
    print("| stage | seconds |\n|---|---|")
    for stage, seconds in stages.seconds.items():
        print(f"| {stage} | {seconds:.1f} |")
    print(f"| between the stages | {build_s - sum(stages.seconds.values()):.1f} |")
    print(f"| **build total** | **{build_s:.1f}** |")
    print(f"| analyze | {analyze_s:.1f} |" if analyze_s is not None else "| analyze | skipped |")
    print(
        f"\npeak RSS: {peak_rss_gib():.2f} GiB (input generation {prepare:.0f} s, not in the build time)\n"
    )
    print("| helper | median ms |\n|---|---|")
    for name, ms in latencies.items():
        print(f"| {name} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
