"""`make demo`'s script (tools/demo.sh) run whole on a copy of the checkout, with Semantic Scholar
unreachable: it ends with the report's path and says what it could not do."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_offline_demo_ends_with_the_report_and_says_what_it_could_not_do(dead_url, tmp_path):
    checkout = tmp_path / "checkout"
    (checkout / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "tools" / "demo.sh", checkout / "tools" / "demo.sh")
    for shared in ("examples", ".venv"):
        (checkout / shared).symlink_to(ROOT / shared)
    env = {k: v for k, v in os.environ.items() if k not in ("S2_API_KEY", "KG_DB", "NEO4J_URI")}
    env.update(S2_API_URL=dead_url, KG_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        ["bash", "tools/demo.sh"],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = done.stdout
    assert done.returncode == 0, out[-2000:] + done.stderr[-2000:]
    lines = out.strip().splitlines()
    report = checkout / "out" / "report.html"
    assert lines[-1] == f"Report: {report}" and report.stat().st_size > 100_000
    not_done = lines[lines.index("Not done:") :]
    assert not_done[1].strip() == (
        "107 of 107 listed papers not enriched (Semantic Scholar could not be reached): "
        "their citations and authors are missing"
    )
    assert "`kg enrich --db kg.db` fills them in" in not_done[2]
    # nothing was answered, so no pace (an unreachable S2 once showed "31.49 requests/s")
    assert "pace achieved" not in out
    assert not (tmp_path / "cache" / "pace.json").exists()
