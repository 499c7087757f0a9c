"""Paths and helpers shared by the tests (a module of its own: every test directory may have a
conftest.py, so ``from conftest import`` would be ambiguous)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_LISTING = EXAMPLES / "hf-daily-papers-listing.txt"


def require(what: str, reason: str) -> None:
    """Skip with ``reason`` outside CI; fail inside it (a CI run must not skip real parts)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI: {reason}")
    pytest.skip(f"{what} unavailable: {reason}")


def shared_dir(*parts: str) -> Path:
    """A path under the shared real data (``../shared`` beside the checkout, else /work/shared),
    read at run time and never copied into the project; skips (fails in CI) when it is absent."""
    root = Path(__file__).resolve().parent.parent
    for base in (root.parent / "shared", Path("/work/shared")):
        if base.is_dir():
            path = base.joinpath(*parts)
            if not path.exists():
                require("shared data", f"{path} is missing")
            return path
    require("shared data", f"neither {root.parent / 'shared'} nor /work/shared exists")
    raise AssertionError("unreachable")
