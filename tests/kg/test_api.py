"""Library verbs equal CLI verbs: ``kg.KnowledgeGraph``'s methods do what the commands do."""

from __future__ import annotations

import json

import pytest
from testkit import EXAMPLE_LISTING

from kg import KnowledgeGraph
from kg.cli import main
from kg.errors import InputError
from kg.stats import graph_stats


class Recorder:
    """Progress (kg.progress) that logs what it is told."""

    def __init__(self):
        self.log: list[tuple[str, str]] = []

    def start(self, task, description, total=None):
        self.log.append(("start", task))

    def advance(self, task, n=1):
        self.log.append(("advance", task))

    def end(self, task):
        self.log.append(("end", task))


def cli(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    return exit_info.value.code, capsys.readouterr().out


def test_build_extract_stats_and_export_equal_the_commands(tmp_path, capsys):
    with KnowledgeGraph.open(tmp_path / "lib.db") as kb:
        report = kb.build([EXAMPLE_LISTING], enrich=False)
        found = kb.extract()
        kb.export("json", tmp_path / "lib.json")
        library = kb.stats()
    code, _ = cli(
        capsys, "build", str(EXAMPLE_LISTING), "--no-s2", "--db", str(tmp_path / "cli.db")
    )
    assert code == report.exit_code == 1  # the example listing has one entry it skips
    assert cli(capsys, "extract", "--db", str(tmp_path / "cli.db"))[0] == 0
    code, out = cli(capsys, "stats", "--json", "--db", str(tmp_path / "cli.db"))
    assert code == 0 and json.loads(out) == library
    assert found["Method"] == library["nodes"]["Method"] > 0
    cli(capsys, "export", "-o", str(tmp_path / "cli.json"), "--db", str(tmp_path / "cli.db"))
    ours, theirs = (json.loads((tmp_path / f).read_text()) for f in ("lib.json", "cli.json"))
    assert ours == theirs


def test_every_verb_runs_on_both_stores_and_reports_progress(store, tmp_path):
    kb = KnowledgeGraph(store)
    progress = Recorder()
    report = kb.build([EXAMPLE_LISTING], enrich=False, progress=progress)
    assert report.entries == 107 and len(report.problems) == 1
    started = [task for what, task in progress.log if what == "start"]
    ended = [task for what, task in progress.log if what == "end"]
    assert started == ended and "write" in started and "extract" in started
    assert kb.stats() == graph_stats(kb) and kb.stats()["nodes"]["Paper"] == 107
    summary = kb.analyze(engine="local")
    assert summary.papers == 107 and summary.engine == "local"
    assert ">107<" in kb.report().html.replace(",", "")  # the listed papers, in numbers
    assert kb.view("methods").html.startswith("<!DOCTYPE html>")
    assert {p.name for p in kb.write_views(tmp_path / "views")} >= {"citations.html", "ego.html"}
    again = kb.build([EXAMPLE_LISTING], enrich=False)
    assert kb.stats() == graph_stats(kb) and again.entries == 107


def test_a_listing_that_cannot_be_read_is_an_input_error(tmp_path):
    with KnowledgeGraph.open(tmp_path / "kg.db") as kb:
        with pytest.raises(InputError, match="nope.txt"):
            kb.build([tmp_path / "nope.txt"], enrich=False)
        with pytest.raises(InputError, match="older_than"):
            kb.enrich(refresh=True, older_than="soon")
        assert kb.stats()["nodes"]["Paper"] == 0
