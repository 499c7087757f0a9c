"""How long `kg viz` takes to select, lay out and write a view, and the browser to draw it;
and how long `kg report` takes on a large graph.

    python -m benchmarks.viz [--sizes 500,2000,5000] [--refs 4] [--keep DIR]
    python -m benchmarks.viz --report 100000 [--refs 4] [--report-db DIR]

For each size N, the synthetic graph of N papers (every paper marked listed, so the citations
view holds all N) is loaded into a temporary embedded store; the citations view is selected by
Cypher, rendered with ``--top N``, and opened from its file:// URL in headless Chromium
(/usr/bin/chromium) with the network blocked. "drawn" is the page's ``window.kgDrawn``: ms from
navigation start to vis-network's first ``afterDrawing``, when the network can be panned,
zoomed and clicked.

``--report N`` builds the synthetic graph of N papers (10% listed, as generated) with PageRank and
communities (``analyze``), then times the report: its statements ("gather"), the Vega-Lite specs
("charts"), the page ("render", written to disk), a second whole report in the same process ("kg
report"), the command ``kg report`` in a fresh process ("command": start-up included; "its CPU s" its CPU
time, less noisy on a shared machine), and the
browser from navigation to every plot drawn. ``--report-db DIR`` keeps (and reuses) the store, which takes minutes to build.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from kg import KnowledgeGraph
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
    parser.add_argument(
        "--report", type=int, help="time `kg report` on a graph of this many papers instead"
    )
    parser.add_argument("--report-db", type=Path, help="keep (and reuse) the --report store here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from playwright.sync_api import sync_playwright

    if args.report:
        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            db = args.report_db or Path(tmp) / "kg.db"
            out_dir = args.keep or Path(tmp)
            out_dir.mkdir(parents=True, exist_ok=True)
            report_timing(args.report, args.refs, db, out_dir, browser)
            browser.close()
        return

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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report_timing(papers: int, refs: int, db: Path, out_dir: Path, browser) -> None:
    from kg.report import render_page
    from kg.report import report as report_page
    from kg.report.charts import charts
    from kg.report.data import gather
    from queries.analytics import analyze

    fresh = not db.exists()
    if fresh:
        nodes, rels = generate(papers, refs, seed=0)
        t = time.perf_counter()
        store = EmbeddedStore(db, buffer_pool_size=1024**3)
        upsert_nodes(store, nodes)
        upsert_relationships(store, rels)
        kb = KnowledgeGraph(store)
        analyze(kb)
        print(
            f"built and analysed {papers:,} papers in {time.perf_counter() - t:.0f} s", flush=True
        )
    else:
        kb = KnowledgeGraph(EmbeddedStore(db, buffer_pool_size=1024**3))
    t0 = time.perf_counter()
    data = gather(kb)
    t1 = time.perf_counter()
    plots = charts(data)
    t2 = time.perf_counter()
    html = render_page(data, plots, [], repr(kb.store))
    path = out_dir / f"report-{papers}.html"
    path.write_text(html, encoding="utf-8")
    t3 = time.perf_counter()
    whole = time.perf_counter()
    report_page(kb).save(out_dir / "report-again.html")  # what `kg report` does, end to end
    whole = time.perf_counter() - whole
    kb.close()
    # the command itself, in a fresh process: start-up (imports, opening the store) included
    command, cpu = time.perf_counter(), _children_cpu()
    kg = Path(sys.executable).with_name("kg")
    subprocess.run(
        [str(kg), "report", "--db", str(db), "--out", str(out_dir / "report-cli.html")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    command, cpu = time.perf_counter() - command, _children_cpu() - cpu
    drawn, wall = draw_time_ms(browser, path)
    print(
        f"{'papers':>7} {'gather s':>9} {'charts s':>9} {'render s':>9} {'kg report s':>12} {'command s':>10} {'its CPU s':>10} {'HTML MB':>8} {'drawn ms':>9} {'goto->drawn ms':>15}"
    )
    print(
        f"{data.stats['nodes']['Paper']:>7} {t1 - t0:>9.2f} {t2 - t1:>9.2f} {t3 - t2:>9.2f} {whole:>12.2f} "
        f"{command:>10.2f} {cpu:>10.2f} {path.stat().st_size / 1e6:>8.2f} {drawn:>9.0f} {wall:>15.0f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
