#!/usr/bin/env bash
# Installs what this machine lacks to build, test and run crimestats. Safe to repeat: each step
# checks first. Debian packages are installed only when missing, and only with root (or sudo).
#   --with-servers   also the JDK, Maven and ClickHouse server the tests start locally
#   --with-compose   also docker-compose, to check docker-compose.yml without a Docker engine
#   --with-browser   also Debian's Chromium, for the dashboard's browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

with_servers=false
with_compose=false
with_browser=false
for arg in "$@"; do
  case "$arg" in
    --with-servers) with_servers=true ;;
    --with-compose) with_compose=true ;;
    --with-browser) with_browser=true ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "[setup] need root to run: $*" >&2; return 1
  fi
}

apt_updated=false
apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "[setup] $* missing and this is not a Debian-like system: install it yourself" >&2
    return 1
  fi
  if [ "$apt_updated" = false ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=true
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v node >/dev/null; then
  echo "[setup] Node.js 20 or newer is required: https://nodejs.org/" >&2
  exit 1
fi

if [ "$with_servers" = true ]; then
  missing=()
  command -v java >/dev/null || missing+=(default-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v clickhouse >/dev/null || command -v clickhouse-server >/dev/null || missing+=(clickhouse-server)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
fi

if [ "$with_compose" = true ] && ! command -v docker-compose >/dev/null; then
  apt_install docker-compose
fi

if [ "$with_browser" = true ] && [ ! -x /usr/bin/chromium ]; then
  apt_install chromium fonts-dejavu-core
fi

if ! command -v pnpm >/dev/null; then
  # corepack would honour packageManager, but its signature check fails on mirrors without
  # signatures; npm installs the same pinned version everywhere.
  version=$(node -p "require('./package.json').packageManager.split('@')[1]")
  say "installing pnpm@$version"
  npm install -g "pnpm@$version" >/dev/null
fi

say "pnpm install"
pnpm install --frozen-lockfile --reporter=silent
