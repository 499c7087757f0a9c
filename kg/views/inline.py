"""Pages shown inside Jupyter: an ``<iframe srcdoc>`` so the page's own scripts run (a notebook
does not run scripts inserted as HTML output), still with nothing fetched from the network.

>>> iframe("<p>a & b</p>", height=100)
'<iframe srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;" sandbox="allow-scripts allow-popups" style="width: 100%; height: 100px; border: 1px solid #d9dee3; border-radius: 4px"></iframe>'
"""

from __future__ import annotations

from html import escape

DEFAULT_HEIGHT = 640


def iframe(page: str, height: int = DEFAULT_HEIGHT) -> str:
    """``page`` (a whole HTML document) as an iframe for a notebook cell.

    The sandbox lets scripts run but gives the frame an origin of its own: the page cannot
    reach the notebook, its cookies or its kernel."""
    return (
        f'<iframe srcdoc="{escape(page, quote=True)}" sandbox="allow-scripts allow-popups" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d9dee3; border-radius: 4px"></iframe>'
    )


class Page:
    """A self-contained HTML page that saves to a file and shows itself inline in Jupyter.

    >>> page = Page("<!DOCTYPE html><title>x</title>")
    >>> page._repr_html_().startswith("<iframe srcdoc=")
    True
    """

    height = DEFAULT_HEIGHT

    def __init__(self, html: str, height: int | None = None):
        self.html = html
        if height is not None:
            self.height = height

    def save(self, path):
        """Write the page to ``path`` (parents created) and return the path."""
        from pathlib import Path

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html, encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        return iframe(self.html, self.height)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__}: {len(self.html) / 1e6:.2f} MB of HTML; .save(path) writes it>"
        )


__all__ = ["iframe", "Page", "DEFAULT_HEIGHT"]
