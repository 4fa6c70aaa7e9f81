#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on a free loopback port in a temp dir, for tests and benchmarks.
# Source it:   source scripts/pg-start.sh   → exports FAZHI_TEST_PG (an admin connection string) and FAZHI_PG_DIR;
# stop it with scripts/pg-stop.sh "$FAZHI_PG_DIR" (test.sh does this on exit). Docker is not needed.
set -euo pipefail
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)" >&2; return 1 2>/dev/null || exit 1; }
FAZHI_PG_DIR=$(mktemp -d /tmp/fazhi-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg=()
fazhi_here=$PWD
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$FAZHI_PG_DIR"
  as_pg=(runuser -u postgres --)
  cd /tmp   # the postgres user may not be allowed into the caller's directory
fi
chmod 700 "$FAZHI_PG_DIR"
"${as_pg[@]}" "$pg_bin/initdb" -D "$FAZHI_PG_DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$FAZHI_PG_DIR/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$FAZHI_PG_DIR/data" -l "$FAZHI_PG_DIR/log" -w \
  -o "-k $FAZHI_PG_DIR -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
cd "$fazhi_here"
export FAZHI_PG_DIR
export FAZHI_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port ($FAZHI_PG_DIR)"
