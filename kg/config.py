"""Configuration from the environment (and the matching CLI flags, which win).

Secrets (``NEO4J_PASSWORD``, ``S2_API_KEY``) are held here and never printed: ``repr`` and
:meth:`Settings.describe` mask them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

from kg.errors import InputError

DEFAULT_DB = "kg.db"
_SECRETS = {"neo4j_password", "s2_api_key"}


@dataclass(frozen=True)
class Settings:
    db: str = DEFAULT_DB
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str = "neo4j"
    s2_api_key: str | None = field(default=None, repr=False)
    s2_api_url: str | None = None
    cache_dir: str | None = None
    #: the embedded store's buffer pool in bytes (``KG_BUFFER_POOL``, e.g. ``6GiB``); None: the
    #: store's default (a quarter of the machine's memory, 1 to 8 GiB)
    buffer_pool: int | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> Settings:
        """Settings from ``KG_DB``, ``NEO4J_*``, ``S2_*``, ``KG_CACHE_DIR`` and
        ``KG_BUFFER_POOL``; non-None ``overrides`` (CLI flags) win. Raises
        :class:`~kg.errors.InputError` naming a ``KG_BUFFER_POOL`` that is not a size."""
        env = os.environ if env is None else env
        values = {
            "db": env.get("KG_DB") or DEFAULT_DB,
            "neo4j_uri": env.get("NEO4J_URI") or None,
            "neo4j_user": env.get("NEO4J_USER") or "neo4j",
            "neo4j_password": env.get("NEO4J_PASSWORD") or None,
            "neo4j_database": env.get("NEO4J_DATABASE") or "neo4j",
            "s2_api_key": env.get("S2_API_KEY") or None,
            "s2_api_url": env.get("S2_API_URL") or None,
            "cache_dir": env.get("KG_CACHE_DIR") or None,
            "buffer_pool": _size(env, "KG_BUFFER_POOL"),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def db_path(self) -> Path:
        return Path(self.db)

    def describe(self) -> dict[str, str | None]:
        """Every setting with secrets masked, for `kg doctor` and logs."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = ("set" if value else "not set") if f.name in _SECRETS else value
        return out


def _size(env, name: str) -> int | None:
    try:
        return parse_size(env[name]) if env.get(name) else None
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def parse_size(text: str) -> int:
    """Bytes from ``4GiB``, ``512MB``, ``2g`` or a plain number of bytes.

    >>> parse_size("4GiB"), parse_size("512 MB"), parse_size("1073741824")
    (4294967296, 536870912, 1073741824)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", text.lower())
    if not match:
        raise ValueError(f"not a size: {text!r} (expected e.g. 4GiB, 512MB or bytes)")
    return int(float(match[1]) * 1024 ** "_kmgt".index(match[2] or "_"))
