"""The hand checks of unlabelled extracted results: each file covers its own half only, and
--eval prints the checked precision for both halves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from loaders.extract.evaluate import CHECKED, pwc_sets

ROOT = Path(__file__).resolve().parents[2]


def test_each_checked_file_holds_ids_of_its_own_half_only() -> None:
    sets = pwc_sets()
    for name, path in CHECKED.items():
        ids = {p["id"] for p in sets[name]}
        checked = json.loads(path.read_text("utf-8"))["checked"]
        assert checked and all(c["id"] in ids for c in checked), name
        assert all(isinstance(c["correct"], bool) for c in checked)


def test_cli_prints_the_hand_checked_precision_of_the_tuning_half() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "loaders.extract", "--eval", "--set", "pwc-results-tune"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "pwc-results-tune" in out and "hand-checked" in out
