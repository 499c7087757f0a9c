"""Doctests run on the built-in example graph: ``kb`` in a docstring is :func:`kg.examples.example_graph`,
made fresh for each docstring that names it (as networkx's examples use its ``petersen_graph``)."""

import pytest
from _pytest.doctest import DoctestItem


@pytest.fixture(autouse=True)
def _example_kb(request, doctest_namespace):
    item = request.node
    if not isinstance(item, DoctestItem) or "kb" not in {
        name
        for example in item.dtest.examples
        for name in example.source.replace("(", " ").replace(",", " ").split()
    }:
        yield
        return
    from kg.examples import example_graph

    kb = example_graph()
    doctest_namespace["kb"] = kb
    yield
    kb.close()
    del doctest_namespace["kb"]
