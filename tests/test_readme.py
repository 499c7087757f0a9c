"""README's Python API example runs as written against a freshly built graph."""

import re
from pathlib import Path

from testkit import EXAMPLE_LISTING

from kg.graph import Graph
from kg.store_embedded import EmbeddedStore
from loaders import pipeline

README = Path(__file__).resolve().parent.parent / "README.md"


def test_python_api_example_runs(tmp_path, monkeypatch, capsys):
    section = README.read_text().split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    store = EmbeddedStore(tmp_path / "kg.db")
    pipeline.build(
        Graph(store), pipeline.load_listings([EXAMPLE_LISTING]), pipeline.BuildOptions(enrich=False)
    )
    store.close()
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[0] == "6 SliceGPT: Compress Large Language Models by Deleting Rows and Columns"
