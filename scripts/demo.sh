#!/usr/bin/env bash
# The whole pipeline on this machine, from a fresh clone: installs what is missing (pnpm and the
# project's dependencies; no servers are needed), then runs `crimestats up` with the bundled
# sample. Extra arguments go to `up`, e.g. ./scripts/demo.sh --port 9090
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec pnpm -s crimestats up "$@"
