"""`python -m benchmarks.extract` runs on this tree and on a git revision beside it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_extraction_benchmark_measures_a_baseline_revision_and_this_tree():
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.extract", "--abstracts", "40", "--baseline", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.index("baseline HEAD:") < out.index("this tree:")
    rates = re.findall(r"40 abstracts in [\d.]+ s wall = [\d,]+ abstracts/s", out)
    assert len(rates) == 2, out
    assert len(re.findall(r"\d+ methods, \d+ benchmarks, \d+ relationships", out)) == 2, out
