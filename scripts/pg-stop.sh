#!/usr/bin/env bash
# Stops and removes a cluster made by pg-start.sh.
dir=${1:-${FAZHI_PG_DIR:-}}
[ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ "$(id -u)" = 0 ]; then
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
else
  "$pg_bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
