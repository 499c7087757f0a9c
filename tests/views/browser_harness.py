"""Headless Chromium (Debian's /usr/bin/chromium, no browser download) driven by Playwright.

A page is opened from a file:// URL with every other request blocked, so a view that needs the
network shows up as a failed request or a console error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from testkit import require

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        require("Chromium", f"{CHROMIUM} is missing (`make test` installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("Playwright", "the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@dataclass
class OpenedView:
    page: object
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def counts(self) -> tuple[int, int]:
        return tuple(
            self.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        )

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where ``node_id`` is drawn, in page coordinates."""
        x, y = self.page.evaluate(
            """id => {
                const p = network.canvasToDOM(network.getPositions([id])[id]);
                const r = document.getElementById('mynetwork').getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            node_id,
        )
        return x, y


def open_view(browser, path: Path, timeout_ms: int = 30_000) -> OpenedView:
    """Open ``path`` offline and wait until vis-network has drawn the network once."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    opened = OpenedView(page)

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            opened.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("requestfailed", lambda r: opened.errors.append(f"request failed: {r.url}"))

    def dialog(d):
        opened.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgDrawn !== false", timeout=timeout_ms)
    return opened
