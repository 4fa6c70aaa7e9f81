#!/usr/bin/env bash
# The whole test suite: unit tests, integration tests on SQLite and on a throwaway PostgreSQL cluster, and the
# browser tests (Playwright + Debian Chromium). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/pg-start.sh
trap 'bash scripts/pg-stop.sh "$FAZHI_PG_DIR"' EXIT

dotnet build Fazhi.slnx -c Release -nologo -clp:ErrorsOnly
results=artifacts/test-results
rm -rf "$results"
# One project after another: the browser tests get the machine to themselves instead of racing the integration
# tests for two cores.
status=0
timings=()
for project in tests/Fazhi.UnitTests tests/Fazhi.ArchitectureTests tests/Fazhi.IntegrationTests tests/Fazhi.BrowserTests; do
  started=$(date +%s)
  dotnet test "$project" -c Release --no-build --logger trx --results-directory "$results" || status=1
  timings+=("$(basename "$project"): $(( $(date +%s) - started )) s")
done
printf 'Time per test project: %s\n' "$(IFS=';'; echo "${timings[*]}" | sed 's/;/, /g')"

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$status" = 0 ] || [ "$failed" -gt 0 ] || failed=1   # a crash without results still counts as a failure
echo "Screenshots: artifacts/screenshots/"
echo "$passed passed, $failed failed"
exit "$status"
