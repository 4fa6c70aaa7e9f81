#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (idempotent): Chromium and a CJK font for the
# browser tests, and the pinned .NET local tools. PostgreSQL 15 is expected to be installed already (not running).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fonts=$(fc-list 2>/dev/null || true)   # not piped into grep -q: with pipefail, SIGPIPE would fail the check
grep -qi 'cjk\|wqy' <<<"$fonts" || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
dotnet tool restore >/dev/null
