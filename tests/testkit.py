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
