"""The build says what happened per file: format (and encoding), entries read, papers stored,
merged with an earlier entry, skipped grouped by reason with their first lines."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.graph import Graph
from loaders import pipeline

NO_S2 = pipeline.BuildOptions(enrich=False, extract=False)
RIS = (
    "TY  - JOUR\nTI  - Attention Is All You Need\nUR  - https://arxiv.org/abs/1706.03762\nER  - \n\n"
    "TY  - JOUR\nTI  - Attention Is All You Need (preprint)\nUR  - https://arxiv.org/abs/1706.03762v2\nER  - \n\n"
    "TY  - JOUR\nTI  - Deep Residual Learning for Image Recognition\nDO  - 10.1109/CVPR.2016.90\nER  - \n"
)
IDS = "1706.03762\n2305.00000\nhttps://doi.org/10.1109/CVPR.2016.90\n2401.12345\n2306.00000\n2402.54321\n"


def _files(tmp_path):
    (tmp_path / "refs.ris").write_text(RIS, encoding="utf-8")
    (tmp_path / "ids.txt").write_bytes(IDS.encode("utf-16"))
    return [tmp_path / "refs.ris", tmp_path / "ids.txt"]


def test_per_file_counts(store, tmp_path):
    listings = pipeline.load_listings(_files(tmp_path))
    report = pipeline.build(Graph(store), listings, NO_S2)
    ris, ids = report.files
    assert (ris.listing.read, ris.stored, ris.merged) == (3, 2, 1)
    # 1706.03762 and the DOI were listed by the RIS file; 2401.12345 and 2402.54321 are new
    assert (ids.listing.read, ids.stored, ids.merged) == (4, 2, 2)
    assert ids.listing.label == "ids, utf-16"
    assert [p.line for p in ids.listing.problems] == [2, 5]
    assert report.exit_code == 1
    rows = store.run("MATCH (p:Paper) RETURN count(p) AS n")
    assert rows[0]["n"] == 4


def test_kg_build_prints_the_summary_per_file(tmp_path, capsys):
    files = _files(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(
            ["build", *map(str, files), "--db", str(tmp_path / "kg.db"), "--no-s2", "--no-extract"]
        )
    assert info.value.code == 1
    captured = capsys.readouterr()
    out = captured.out
    assert "ris: 3 entries read, 2 papers stored, 1 merged with an earlier entry, 0 skipped" in out
    assert (
        "ids, utf-16: 4 entries read, 2 papers stored, 2 merged with an earlier entry, 2 skipped"
        in out
    )
    assert (
        "    skipped 2 x malformed arXiv id: expected YYMM.NNNN (until 2014) or YYMM.NNNNN (lines 2, 5)"
        in out
    )
    err = captured.err
    assert (
        f"skipped 2 x malformed arXiv id: expected YYMM.NNNN (until 2014) or YYMM.NNNNN ({files[1]}:2, {files[1]}:5)"
        in err
    )
    assert "note: read as utf-16 (not UTF-8)" in err
