#!/usr/bin/env bash
# `make demo`: build the example listing into ./kg.db with no server, then write every view.
# Semantic Scholar is tried once; when it cannot be reached the listing's own data is kept and
# `kg enrich` fills the papers in later.
set -uo pipefail
cd "$(dirname "$0")/.."
KG=.venv/bin/kg
LISTING=examples/hf-daily-papers-listing.txt

echo "== kg build $LISTING --db kg.db"
$KG build "$LISTING" --db kg.db
status=$?
if [ "$status" -ge 2 ]; then
  echo "demo: kg build failed (exit $status)"; exit "$status"
fi
[ "$status" = 1 ] && echo "(kg build finished in part: see the summary above; the graph holds everything it could build)"

echo
echo "== kg stats --db kg.db"
$KG stats --db kg.db || exit $?

echo
echo "== kg viz all --db kg.db --out-dir out"
$KG viz all --db kg.db --out-dir out || exit $?

echo
echo "Done. Open:"
echo "  graph database: $(pwd)/kg.db   (kg stats / kg query / kg cypher --db kg.db)"
for f in out/*.html; do [ -e "$f" ] && echo "  view: file://$(pwd)/$f"; done
exit 0
