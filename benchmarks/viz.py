"""How long `kg viz` takes to select, lay out and write a view, and the browser to draw it.

    python -m benchmarks.viz [--sizes 500,2000,5000] [--refs 4] [--keep DIR]

For each size N, the synthetic graph of N papers (every paper marked listed, so the citations
view holds all N) is loaded into a temporary embedded store; the citations view is selected by
Cypher, rendered with ``--top N``, and opened from its file:// URL in headless Chromium
(/usr/bin/chromium) with the network blocked. "drawn" is the page's ``window.kgDrawn``: ms from
navigation start to vis-network's first ``afterDrawing``, when the network can be panned,
zoomed and clicked.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from kg.graph import KnowledgeGraph
from kg.model import Paper
from kg.store import upsert_nodes, upsert_relationships
from kg.store_embedded import EmbeddedStore
from kg.views.render import render
from kg.views.select import citations, keep_top

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def build_store(path: Path, papers: int, refs: int) -> KnowledgeGraph:
    nodes, rels = generate(papers, refs, seed=0)
    for i, node in enumerate(n for n in nodes if isinstance(n, Paper)):
        node.listed = True
        node.community = i % 9
    store = EmbeddedStore(path, buffer_pool_size=512 * 1024**2)
    upsert_nodes(store, nodes)
    upsert_relationships(store, rels)
    return KnowledgeGraph(store)


def draw_time_ms(browser, html: Path) -> tuple[float, float]:
    """(ms from navigation start to first draw, wall ms from goto to first draw)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort()
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(html.resolve().as_uri())
    page.wait_for_function("window.kgDrawn !== false", timeout=120_000)
    wall = (time.perf_counter() - start) * 1000
    drawn = page.evaluate("window.kgDrawn")
    context.close()
    if errors:
        raise RuntimeError(f"{html.name}: page errors {errors}")
    return drawn, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--refs", type=int, default=4, help="citations per synthetic paper")
    parser.add_argument("--keep", type=Path, help="write the HTML files here instead of a temp dir")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        print(
            f"{'nodes':>6} {'edges':>7} {'select s':>9} {'render s':>9} {'HTML MB':>8} {'drawn ms':>9} {'goto->drawn ms':>15}"
        )
        for size in sizes:
            kb = build_store(Path(tmp) / f"kg-{size}.db", size, args.refs)
            t0 = time.perf_counter()
            graph = keep_top(citations(kb), size)
            t1 = time.perf_counter()
            html = render(graph, out_dir / f"citations-{size}.html", color_by="community")
            t2 = time.perf_counter()
            kb.close()
            drawn, wall = draw_time_ms(browser, html)
            print(
                f"{graph.number_of_nodes():>6} {graph.number_of_edges():>7} {t1 - t0:>9.2f} {t2 - t1:>9.2f} "
                f"{html.stat().st_size / 1e6:>8.2f} {drawn:>9.0f} {wall:>15.0f}",
                flush=True,
            )
        browser.close()


if __name__ == "__main__":
    main()
