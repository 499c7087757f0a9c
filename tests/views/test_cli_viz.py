"""`kg viz` on a real embedded database directory, through the typer app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner
from view_graphs import listed_only_graph, small_graph

import kg.cli.viz  # noqa: F401  (registers the command)
from kg.cli import UserError, app, exit_code
from kg.errors import NotFoundError
from kg.store_embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]


def make_db(path: Path, build) -> Path:
    store = EmbeddedStore(path, buffer_pool_size=256 * 1024 * 1024)
    build(store)
    store.close()
    return path


def test_viz_all_writes_every_view_of_the_demo_listing(tmp_path):
    db = make_db(tmp_path / "kg.db", listed_only_graph)
    result = CliRunner().invoke(
        app, ["viz", "all", "--db", str(db), "--out-dir", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    names = {"citations", "coauthors", "methods", "communities", "ego"}
    assert {p.stem for p in (tmp_path / "out").glob("*.html")} == names
    printed = result.output.split()
    assert sorted(Path(p).stem for p in printed) == sorted(names)
    assert "run `kg enrich`" in (tmp_path / "out" / "citations.html").read_text()


def test_viz_one_view_with_options(tmp_path):
    db = make_db(tmp_path / "kg.db", small_graph)
    out = tmp_path / "ego.html"
    result = CliRunner().invoke(
        app,
        [
            "viz",
            "ego",
            "--author",
            "Ada Lovelace",
            "--depth",
            "2",
            "--top",
            "3",
            "--color",
            "year",
            "--db",
            str(db),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Neighbourhood of Ada Lovelace (depth 2)" in html
    assert "Showing the 3 most important of 8 nodes" in html


def test_viz_errors_are_user_errors(tmp_path):
    db = make_db(tmp_path / "kg.db", small_graph)
    result = CliRunner().invoke(app, ["viz", "ego", "--paper", "Nope", "--db", str(db)])
    assert isinstance(result.exception, NotFoundError) and "no paper matches 'Nope'" in str(
        result.exception
    )
    assert exit_code(result.exception) == 1
    result = CliRunner().invoke(app, ["viz", "citations", "--author", "x", "--db", str(db)])
    assert isinstance(result.exception, UserError)


def test_viz_open_hands_the_file_uri_to_the_default_browser(tmp_path):
    db = make_db(tmp_path / "kg.db", small_graph)
    seen = tmp_path / "opened.txt"
    fake_browser = tmp_path / "browser.py"
    fake_browser.write_text(f"import sys; open({str(seen)!r}, 'a').write(sys.argv[1] + '\\n')\n")
    env = {**os.environ, "BROWSER": f"{sys.executable} {fake_browser} %s", "PYTHONPATH": str(ROOT)}
    out = tmp_path / "c.html"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import kg.cli.viz; from kg.cli import app; app()",
            "viz",
            "citations",
            "--db",
            str(db),
            "--out",
            str(out),
            "--open",
        ],
        env=env,
        check=True,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert seen.read_text().split() == [out.resolve().as_uri()]
