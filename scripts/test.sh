#!/usr/bin/env bash
# Every test, from a fresh machine: installs what is missing, then lint, format check, type check,
# unit tests and integration tests against a real Kafka broker and a real ClickHouse server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --with-servers "$@"

if command -v docker-compose >/dev/null; then
  echo "[test] docker-compose config -q"
  docker-compose -f docker-compose.yml config -q
fi
echo "[test] lint"
pnpm -s lint
echo "[test] typecheck + tests"
pnpm -s test
