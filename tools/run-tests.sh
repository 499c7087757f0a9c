#!/usr/bin/env bash
# `make test`: install what the suite needs, start a real Neo4j, run pytest, stop Neo4j.
set -uo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests of the HTML views (Debian's package; no browser downloads).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium (Debian package) for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will skip (fail in CI)"
  else
    echo "warning: /usr/bin/chromium missing and not root; browser tests will skip (fail in CI)"
  fi
fi

# A real Neo4j 5 from Maven Central, embedded in a small Java launcher (no Docker here).
started_neo4j=0
if [ -z "${NEO4J_URI:-}" ]; then
  if uri=$(bash tools/neo4j-test-server/server.sh start); then
    export NEO4J_URI="$uri"
    started_neo4j=1
    echo "Neo4j test server: $NEO4J_URI"
  else
    echo "Neo4j test server could not start: Neo4j tests will skip (they fail when CI=true)"
  fi
fi

# A second one with the Graph Data Science plugin, for `kg analyze --engine gds` (its own port).
started_gds=0
GDS_PORT="${NEO4J_TEST_GDS_PORT:-17688}"
if [ -z "${NEO4J_GDS_URI:-}" ]; then
  if uri=$(NEO4J_TEST_GDS=1 NEO4J_TEST_PORT="$GDS_PORT" bash tools/neo4j-test-server/server.sh start); then
    export NEO4J_GDS_URI="$uri"
    started_gds=1
    echo "Neo4j test server with Graph Data Science: $NEO4J_GDS_URI"
  else
    echo "Neo4j test server with GDS could not start: GDS tests will skip (they fail when CI=true)"
  fi
fi

# Lint, format and type checks first (fast; the config is [tool.ruff] in pyproject.toml).
lint=0
.venv/bin/ruff check . || lint=1
.venv/bin/ruff format --check . || lint=1
# Types of the public API ([tool.mypy] files in pyproject.toml).
.venv/bin/mypy || lint=1

.venv/bin/python -m pytest "$@"
status=$?
[ "$status" = 0 ] && status=$lint

if [ "$started_neo4j" = 1 ]; then
  bash tools/neo4j-test-server/server.sh stop || true
fi
if [ "$started_gds" = 1 ]; then
  NEO4J_TEST_PORT="$GDS_PORT" bash tools/neo4j-test-server/server.sh stop || true
fi
exit $status
