"""Fixtures for the S2 enrichment tests: a fake S2 server on 127.0.0.1 and a dead port."""

from __future__ import annotations

import socket

import pytest
from fake_s2 import Corpus, FakeS2, build_corpus


@pytest.fixture
def corpus() -> Corpus:
    return build_corpus(22)


@pytest.fixture
def s2(corpus):
    with FakeS2(corpus) as server:
        yield server


@pytest.fixture
def dead_url() -> str:
    """A 127.0.0.1 URL nothing listens on."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"
