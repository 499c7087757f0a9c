"""Semantic Scholar's bulk datasets: gzipped JSONL shards of papers, citations, authors,
abstracts and tldrs (the Datasets API lists them per release), for graphs the Graph API would
take days to fetch.

    from loaders.datasets import ImportOptions, import_datasets

    report = import_datasets(store, "s2-datasets/", ImportOptions(scope="neighbourhood"))
    print(report.rows())

:mod:`loaders.datasets.shards` reads the shards (streamed, never a whole shard in memory),
:mod:`loaders.datasets.importer` keeps what the scope asks for and writes it through the store,
:mod:`loaders.datasets.download` fetches a release's files with resume.
"""

from loaders.datasets.importer import SCOPES, ImportOptions, ImportReport, import_datasets

__all__ = ["SCOPES", "ImportOptions", "ImportReport", "import_datasets"]
