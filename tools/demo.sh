#!/usr/bin/env bash
# `make demo`: build the example listing into ./kg.db with no server, then write the report and
# every view. Semantic Scholar is tried once; when it cannot be reached the listing's own data is
# kept and `kg enrich` fills the papers in later.
#
# The demo bounds its S2 work: citations capped per paper and a time budget, so that without an
# API key (S2 allows 100 requests per 5 minutes) it still finishes in under 10 minutes. Whatever
# the budget leaves out is one `kg enrich --db kg.db` away.
set -uo pipefail
cd "$(dirname "$0")/.."
KG=.venv/bin/kg
LISTING=examples/hf-daily-papers-listing.txt
# the bound (tests/s2/test_s2_pacing.py runs the build with these flags against a rate-limited S2)
DEMO_S2_FLAGS=(--max-citations 100 --time-budget 480)
REPORT=out/report.html

echo "== kg build $LISTING --db kg.db ${DEMO_S2_FLAGS[*]}"
echo "(demo bound: at most 100 citations per paper and 8 minutes of Semantic Scholar requests;"
echo " \`kg enrich --db kg.db\` fetches the rest)"
$KG build "$LISTING" --db kg.db "${DEMO_S2_FLAGS[@]}"
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
$KG viz all --db kg.db --out-dir out >/dev/null || exit $?

echo
echo "== kg report --db kg.db --out $REPORT"
$KG report --db kg.db --out "$REPORT" >/dev/null || exit $?

echo
echo "Done. Open:"
echo "  report: file://$(pwd)/$REPORT"
for f in out/*.html; do [ -e "$f" ] && [ "$f" != "$REPORT" ] && echo "  view: file://$(pwd)/$f"; done
echo "  graph database: $(pwd)/kg.db   (kg stats / kg query / kg cypher --db kg.db)"
echo "  notebook: examples/research.ipynb (opens ../kg.db)"

# What the demo could not do, from the graph itself (kg stats): listed papers S2 did not enrich.
$KG stats --db kg.db --json | .venv/bin/python -c '
import json, sys
by_status = json.load(sys.stdin)["listed_papers_by_s2_status"]
listed, left = sum(by_status.values()), {s: n for s, n in by_status.items() if s != "ok"}
why = {
    "retry:unreachable": "Semantic Scholar could not be reached",
    "retry:time_budget": "the 8 minutes the demo gives Semantic Scholar ran out",
}
if not left:
    print(f"Not done: nothing; all {listed} listed papers were enriched by Semantic Scholar.")
    sys.exit()
print("Not done:")
for status, n in sorted(left.items(), key=lambda kv: -kv[1]):
    reason = why.get(status, status.replace("retry:", "not reached: ").replace("_", " "))
    print(f"  {n} of {listed} listed papers not enriched ({reason}): their citations and authors are missing")
if any(s.startswith("retry:") or s == "not tried" for s in left):
    print("  `kg enrich --db kg.db` fills them in once Semantic Scholar answers; then `kg report` again")
'
echo "Report: $(pwd)/$REPORT"
exit 0
