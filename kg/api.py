"""``KnowledgeGraph``: the handle research scripts open, with one method per `kg` command.

Each `kg` command is a thin layer over one method here, so a script does what the command does
and gets the same report back as an object:

=====================  ==========================================
``kg build``           :meth:`KnowledgeGraph.build`
``kg enrich``          :meth:`KnowledgeGraph.enrich`
``kg extract``         :meth:`KnowledgeGraph.extract`
``kg analyze``         :meth:`KnowledgeGraph.analyze`
``kg export``          :meth:`KnowledgeGraph.export`
``kg stats``           :meth:`KnowledgeGraph.stats`
``kg viz``             :meth:`KnowledgeGraph.view`, :meth:`KnowledgeGraph.write_views`
``kg report``          :meth:`KnowledgeGraph.report`
``kg import``          :meth:`KnowledgeGraph.import_datasets`
=====================  ==========================================

Long work reports to an optional ``progress`` (see :mod:`kg.progress`); nothing here needs rich.

>>> from kg.examples import example_graph
>>> kb = KnowledgeGraph(example_graph().store)
>>> kb.stats()["nodes"]
{'Paper': 4, 'Author': 3, 'Method': 2, 'Benchmark': 2}
>>> kb.view("citations").html[:15]
'<!DOCTYPE html>'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import export as exporting
from kg.errors import InputError
from kg.graph import Graph
from kg.model import Paper
from kg.progress import Progress
from kg.stats import graph_stats
from kg.views import DEFAULT_TOP, View, view, write_all
from loaders import pipeline
from loaders.datasets import ImportOptions, ImportReport, import_datasets
from loaders.listing import Listing, load_listing
from loaders.s2 import EnrichOptions
from loaders.s2.refresh import parse_age, refresh_options
from queries import analytics

if TYPE_CHECKING:
    from kg.report import Report


class KnowledgeGraph(Graph):
    """A knowledge base on the embedded store (a directory) or on Neo4j, with the `kg`
    commands as methods. ``KnowledgeGraph.open("kg.db")`` opens (or creates) one."""

    def build(
        self,
        listings: Sequence[str | Path | Listing],
        *,
        format: str | None = None,
        listing_year: int | None = None,
        enrich: bool | EnrichOptions = True,
        extract: bool = True,
        progress: Progress | None = None,
        before_enrich: Callable[[Sequence[Paper], EnrichOptions], None] | None = None,
    ) -> pipeline.BuildReport:
        """`kg build`: read ``listings`` (files, or listings already read), enrich them from
        Semantic Scholar (``enrich``: False for none, or the :class:`EnrichOptions` to use),
        extract methods and benchmarks, and write it all. Running it again changes nothing.

        A file that cannot be read at all raises :class:`~kg.errors.InputError` before anything
        is written; entries it skips are on the report (``report.problems``).
        """
        read = [
            item
            if isinstance(item, Listing)
            else load_listing(item, format=format, listing_year=listing_year)
            for item in listings
        ]
        options = pipeline.BuildOptions(
            enrich=enrich is not False,
            extract=extract,
            s2=enrich if isinstance(enrich, EnrichOptions) else EnrichOptions(),
        )
        return pipeline.build(self, read, options, progress, before_enrich)

    def enrich(
        self,
        options: EnrichOptions | None = None,
        *,
        refresh: bool = False,
        older_than: str | float = "7d",
        progress: Progress | None = None,
        before_enrich: Callable[[Sequence[Paper], EnrichOptions], None] | None = None,
    ) -> pipeline.BuildReport:
        """`kg enrich`: fill in the listed papers S2 has not enriched yet; with ``refresh``, ask
        again about those whose cached answers are older than ``older_than`` (seconds, or an age
        such as ``"7d"``). ``report.todo == 0`` means there was nothing to do."""
        options = options or EnrichOptions()
        if refresh:
            try:
                age = parse_age(older_than) if isinstance(older_than, str) else older_than
            except ValueError as exc:
                raise InputError(f"older_than: {exc}") from None
            options = refresh_options(options, age)
        return pipeline.enrich(
            self, options, refresh=refresh, progress=progress, before_enrich=before_enrich
        )

    def extract(self) -> Counter:
        """`kg extract`: extract methods, benchmarks and results again from the stored papers,
        replacing the earlier extraction; returns what was found per label and type."""
        return pipeline.reextract(self)

    def analyze(
        self, *, seed: int = analytics.DEFAULT_SEED, top: int = 10, engine: str = "auto"
    ) -> analytics.Summary:
        """`kg analyze`: PageRank and communities, written on the papers."""
        return analytics.analyze(self, seed=seed, top=top, engine=engine)

    def export(self, format: str, out: str | Path) -> exporting.ExportSummary:
        """`kg export`: ``format`` is one of :data:`kg.export.EXPORT_FORMATS`."""
        return exporting.export(self, format, out)

    def stats(self) -> dict[str, dict[str, int]]:
        """`kg stats`: counts per label and type, listed papers per year and S2 state."""
        return graph_stats(self)

    def view(
        self, name: str, *, top: int = DEFAULT_TOP, color_by: str | None = None, **params: Any
    ) -> View:
        """`kg viz NAME`: the network view as a page (``.save(path)``, inline in Jupyter);
        ``params`` are the view's own (``paper=``, ``depth=`` for ``ego`` and so on)."""
        return view(self, name, top=top, color_by=color_by, **params)

    def write_views(self, out_dir: str | Path = "out", *, top: int = DEFAULT_TOP) -> list[Path]:
        """`kg viz all`: every view written to ``out_dir``."""
        return write_all(self, out_dir, top=top)

    def report(self, views_dir: str | Path | None = None) -> Report:
        """`kg report`: the report page (``.save(path)``, inline in Jupyter); views found in
        ``views_dir`` are linked."""
        from kg.report import report  # altair takes a second to import: only when asked

        return report(self, views_dir=views_dir)

    def import_datasets(
        self,
        directory: str | Path,
        *,
        scope: str = "neighbourhood",
        progress: Progress | None = None,
    ) -> ImportReport:
        """`kg import s2-datasets`: S2 dataset shards under ``directory``, around the listed
        papers (``scope``: listed, neighbourhood or all)."""
        return import_datasets(self, directory, ImportOptions(scope=scope), progress)
