"""Doctests run on the built-in example graph: ``kb`` in a docstring is :func:`kg.examples.example_graph`,
made fresh for each docstring that names it (as networkx's examples use its ``petersen_graph``)."""

import re

import pytest
from _pytest.doctest import DoctestItem

_KB = re.compile(r"\bkb\b")


@pytest.fixture(autouse=True)
def _example_kb(request, doctest_namespace):
    item = request.node
    if not isinstance(item, DoctestItem) or not any(
        _KB.search(example.source) for example in item.dtest.examples
    ):
        yield
        return
    from kg.examples import example_graph

    kb = example_graph()
    doctest_namespace["kb"] = kb
    yield
    kb.close()
    del doctest_namespace["kb"]
