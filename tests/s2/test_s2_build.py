"""`kg build` and `kg enrich` end to end: listing file -> local S2 server -> embedded store."""

from __future__ import annotations

import json

import pytest

from kg import KnowledgeGraph
from kg.cli import main
from kg.stats import graph_stats


def kg(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return exit_info.value.code or 0, out.out + out.err


def stats(db) -> dict:
    with KnowledgeGraph.open(db, read_only=True) as kb:
        return graph_stats(kb)


@pytest.fixture
def listing(tmp_path):
    path = tmp_path / "papers.txt"
    # paper 0's arXiv id, 2401.00000, is a placeholder no listing accepts: it is listed by DOI
    lines = ["https://doi.org/10.1000/l0\n"]
    path.write_text(
        "".join(lines + [f"https://arxiv.org/abs/2401.{i:05d}v2\n" for i in range(1, 6)])
    )
    return path


def test_build_enriches_into_the_graph_and_rebuild_asks_nothing(
    s2, corpus, listing, tmp_path, capsys
):
    db, cache = tmp_path / "kg.db", tmp_path / "cache"
    flags = ["--db", str(db), "--s2-api-url", s2.url, "--cache", str(cache), "--pace", "0"]
    code, out = kg(capsys, "build", str(listing), *flags)
    assert code == 0, out
    first_requests = len(s2.log)
    # 1 batch + 1 author batch + one references and one citations page per paper
    assert first_requests == 1 + 1 + 6 + 6
    graph = stats(db)
    assert graph["nodes"]["Paper"] == 6 + 6 * (3 + 4)  # listed + outside references and citations
    assert graph["relationships"]["CITES"] == 6 * (3 + 4)
    assert graph["relationships"]["AUTHORED"] == 6 * 3
    assert graph["nodes"]["Author"] == len(
        {a for i in range(6) for a in range(100_000 + i, 100_003 + i)}
    )
    assert graph["listed_papers_by_s2_status"] == {"ok": 6}

    s2.reset()
    code, out = kg(capsys, "build", str(listing), *flags)
    assert code == 0 and len(s2.log) == 0
    assert "0 requests planned" in out
    assert stats(db) == graph


def test_unreachable_build_keeps_the_listing_and_enrich_fills_it_in(
    s2, dead_url, listing, tmp_path, capsys
):
    db, cache = tmp_path / "kg.db", tmp_path / "cache"
    code, out = kg(
        capsys,
        "build",
        str(listing),
        "--db",
        str(db),
        "--s2-api-url",
        dead_url,
        "--cache",
        str(cache),
    )
    assert code == 1
    assert "unreachable" in out and "6 listed papers not enriched" in out
    assert stats(db)["listed_papers_by_s2_status"] == {"retry:unreachable": 6}

    code, out = kg(
        capsys,
        "enrich",
        "--db",
        str(db),
        "--s2-api-url",
        s2.url,
        "--cache",
        str(cache),
        "--pace",
        "0",
    )
    assert code == 0, out
    graph = stats(db)
    assert graph["listed_papers_by_s2_status"] == {"ok": 6}
    assert graph["nodes"]["Paper"] == 6 + 6 * 7 and graph["relationships"]["CITES"] == 42

    code, out = kg(capsys, "enrich", "--db", str(db))
    assert code == 0 and "nothing to do" in out


def test_api_key_never_printed(s2, listing, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "sekret-key-123")
    code, out = kg(capsys, "build", str(listing), "--db", str(tmp_path / "kg.db"), "--s2-api-url", s2.url,
                   "--cache", str(tmp_path / "c"), "--pace", "0")  # fmt: skip
    assert code == 0 and "sekret" not in out
    assert s2.log and all(r.api_key == "sekret-key-123" for r in s2.log)
    code, out = kg(capsys, "doctor", "--db", str(tmp_path / "kg.db"), "--s2-api-url", s2.url)
    assert "sekret" not in out and json.dumps("sekret") not in out
