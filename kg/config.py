"""Configuration from the environment (and the matching CLI flags, which win).

Secrets (``NEO4J_PASSWORD``, ``S2_API_KEY``) are held here and never printed: ``repr`` and
:meth:`Settings.describe` mask them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

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

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> Settings:
        """Settings from ``KG_DB``, ``NEO4J_*``, ``S2_*`` and ``KG_CACHE_DIR``; non-None
        ``overrides`` (CLI flags) win."""
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
