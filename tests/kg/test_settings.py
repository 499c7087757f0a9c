"""Settings from the environment, and the embedded store's buffer pool they size."""

from __future__ import annotations

import pytest

from kg.config import Settings, parse_size
from kg.errors import InputError, StoreError
from kg.store_embedded import EmbeddedStore, default_buffer_pool


def test_buffer_pool_from_the_environment():
    assert Settings.from_env({"KG_BUFFER_POOL": "6GiB"}).buffer_pool == 6 * 1024**3
    assert Settings.from_env({"KG_BUFFER_POOL": "1.5g"}).buffer_pool == 3 * 512 * 1024**2
    assert Settings.from_env({}).buffer_pool is None
    with pytest.raises(InputError, match="KG_BUFFER_POOL: not a size: 'lots'"):
        Settings.from_env({"KG_BUFFER_POOL": "lots"})


def test_parse_size_refuses_what_is_not_a_size():
    for text in ("", "GiB", "-1GiB", "4 XB"):
        with pytest.raises(ValueError, match="not a size"):
            parse_size(text)


def test_the_default_pool_is_between_one_and_eight_gib():
    assert 1024**3 <= default_buffer_pool() <= 8 * 1024**3


def test_a_full_buffer_pool_says_how_to_make_it_larger(tmp_path):
    store = EmbeddedStore(tmp_path / "kg.db", buffer_pool_size=8 * 1024**2)
    try:
        with pytest.raises(StoreError) as caught:
            store.run(
                "UNWIND range(1, 2000000) AS i "
                "CREATE (:Paper {key: 'p' + string(i), title: 'a title ' + string(i)})"
            )
    finally:
        store.close()
    message = str(caught.value)
    assert "buffer pool is full" in message
    assert "the buffer pool is 8 MiB: set KG_BUFFER_POOL, e.g. KG_BUFFER_POOL=2GiB" in message
