"""README's Python API examples run as written: the research script builds the example listing
offline, queries, writes a view and the report, and prints a DataFrame."""

import re
import shutil
from pathlib import Path

from testkit import EXAMPLE_LISTING

README = Path(__file__).resolve().parent.parent / "README.md"


def _examples() -> list[str]:
    section = README.read_text().split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_research_script_builds_queries_views_and_frames(tmp_path, monkeypatch, capsys):
    script, cypher = _examples()
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE_LISTING, tmp_path / "examples" / "hf-daily-papers-listing.txt")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(script, "README.md", "exec"), namespace)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "107 papers listed, 1 skipped"
    count, _, name = lines[1].partition(" methods on ")
    assert name == "ImageNet" and int(count) > 0
    assert lines[2].split() == ["year", "papers"]
    assert sum(int(line.split()[1]) for line in lines[3:]) == 107
    for page in ("out/methods.html", "out/report.html"):
        assert (tmp_path / page).read_text().startswith("<!DOCTYPE html>")

    exec(compile(cypher, "README.md", "exec"), namespace)  # the script goes on
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[0] == "6 SliceGPT: Compress Large Language Models by Deleting Rows and Columns"
