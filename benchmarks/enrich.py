"""S2 enrichment against the local fake S2 server: requests made vs the minimum, and papers/s.

    python -m benchmarks.enrich                      # 1,000 papers by arXiv id, 20 refs, 50 citations
    python -m benchmarks.enrich --titles --papers 200 --concurrency 1

Pace limit off, fresh temporary cache; a second run over the same cache shows the cached speed.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from kg.keys import paper_key
from kg.model import Paper
from loaders.s2 import EnrichOptions, enrich, plan_requests
from tests.s2.fake_s2 import FakeS2, build_corpus, listed_title


def listing(n: int, titles: bool) -> list[Paper]:
    if titles:
        return [
            Paper(
                key=paper_key(title=listed_title(i)),
                title=listed_title(i),
                year=2024,
                author_count=3,
            )
            for i in range(n)
        ]
    return [
        Paper(key=paper_key(arxiv_id=f"2401.{i:05d}"), arxiv_id=f"2401.{i:05d}", listed=True)
        for i in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=1000)
    ap.add_argument("--refs", type=int, default=20)
    ap.add_argument("--cits", type=int, default=50)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument(
        "--titles", action="store_true", help="title-only listing (one /match per paper)"
    )
    args = ap.parse_args()

    t0 = time.perf_counter()
    corpus = build_corpus(args.papers, refs_per_paper=args.refs, cits_per_paper=args.cits)
    papers = listing(args.papers, args.titles)
    print(f"corpus: {len(corpus.papers):,} papers built in {time.perf_counter() - t0:.1f}s")
    with FakeS2(corpus) as s2, tempfile.TemporaryDirectory() as cache:
        options = EnrichOptions(
            api_url=s2.url, cache_dir=cache, pace=0, concurrency=args.concurrency, seed=1
        )
        print(f"planned requests: {plan_requests(papers, options):,}")
        for label in ("cold cache", "warm cache"):
            s2.reset()
            start = time.perf_counter()
            result = enrich(papers, options)
            seconds = time.perf_counter() - start
            r = result.report
            ratio = r.requests_made / r.minimum_requests if r.minimum_requests else 0.0
            print(
                f"{label}: {r.resolved:,}/{r.papers:,} papers resolved; requests made {r.requests_made:,} "
                f"(server saw {len(s2.log):,}) vs minimum {r.minimum_requests:,} (x{ratio:.2f}); "
                f"cache hits {r.cache_hits:,}; {r.cites:,} CITES, {r.authored:,} AUTHORED, "
                f"{r.outside_papers:,} outside papers; {seconds:.1f}s, {r.papers / seconds:,.1f} papers/s, "
                f"{r.requests_made / seconds:,.1f} requests/s"
            )


if __name__ == "__main__":
    main()
