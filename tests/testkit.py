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


def shared_dir() -> Path:
    """The shared data folder: the repository's parent's ``shared`` (CI), else /work/shared."""
    beside = Path(__file__).resolve().parent.parent.parent / "shared"
    return beside if beside.is_dir() else Path("/work/shared")


REAL_WORLD = shared_dir() / "real-world"


def real_world(relative: str) -> Path:
    """A file of ``shared/real-world``; fails in CI (skips elsewhere) when the folder is absent."""
    path = REAL_WORLD / relative
    if not path.exists():
        require("shared/real-world", f"{path} not found")
    return path
