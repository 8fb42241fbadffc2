#!/usr/bin/env bash
# Every test, from a fresh machine: installs what is missing, then lint, format check, type check,
# unit tests and integration tests against a real Kafka broker and a real ClickHouse server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --with-servers --with-browser "$@"

if command -v docker-compose >/dev/null; then
  echo "[test] docker-compose config -q"
  docker-compose -f docker-compose.yml config -q
fi
echo "[test] lint"
pnpm -s lint
echo "[test] typecheck"
pnpm -s typecheck
echo "[test] unit and integration tests"
mkdir -p test-results
status=0
pnpm -s vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
# One plain closing line that any CI reads, whatever the runner printed above it.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit "$status"
