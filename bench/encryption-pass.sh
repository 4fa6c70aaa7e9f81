#!/usr/bin/env bash
# The start-up encryption pass (ADR 0009) on PostgreSQL: its cost when a table has N plaintext personal fields left
# from before encryption, and its cost at a start whose completion markers (sys_markers) are current.
#
#   source scripts/pg-start.sh
#   dotnet build src/Fazhi.Web -c Release
#   bash bench/encryption-pass.sh [rows=100000]
#
# One database: migrated by a first start (no demo data), then N users copied from admin with a plaintext phone number
# and no blind index (as rows written before encryption existed); the markers are removed (as on the first start after
# the upgrade that brought them). Start 2 encrypts the N values and marks every table; start 3 finds every marker current.
# Prints the pass's own log line of each start ("加密字段检查：扫描 … 用时 … ms").
set -euo pipefail
rows=${1:-100000}
: "${FAZHI_TEST_PG:?source scripts/pg-start.sh first}"
here=$(cd "$(dirname "$0")/.." && pwd)
dll="$here/src/Fazhi.Web/bin/Release/net10.0/Fazhi.Web.dll"
pg() { python3 -c 'import sys; print(" ".join(f"{k.lower()}={v}" for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if p) if k.lower() in ("host", "port", "username", "password")).replace("username=", "user="))' "$FAZHI_TEST_PG"; }
db="fazhi_encpass_$RANDOM$RANDOM"
work=$(mktemp -d /tmp/fazhi-encpass.XXXXXX)
port=$((20000 + RANDOM % 20000))
cleanup() { psql "$(pg) dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
psql "$(pg) dbname=postgres" -qc "CREATE DATABASE $db"
conn="$(python3 -c 'import sys; print(";".join(p for p in sys.argv[1].split(";") if p and not p.lower().startswith("database=")))' "$FAZHI_TEST_PG");Database=$db"

start() { # $1 = label: one start of the application, stopped once it answers /healthz
  ASPNETCORE_ENVIRONMENT=Development Database__Provider=Postgres ConnectionStrings__Fazhi="$conn" Fazhi__DataDirectory="$work" \
  Fazhi__MigrateOnStart=true Fazhi__DemoData=false Fazhi__Timers__Enabled=false FAZHI_ADMIN_PASSWORD=Bench-Pass-2024 \
    dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/$1.log" 2>&1 &
  local pid=$! t0 ready=0
  t0=$(date +%s.%N)
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ready=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  printf '%-32s start to /healthz %.1f s\n' "$1" "$(echo "$(date +%s.%N) - $t0" | bc)"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  [ "$ready" = 1 ] || { cat "$work/$1.log" >&2; exit 1; }
  grep -o '加密字段检查：.*' "$work/$1.log" | sed 's/^/    /'
}

start "1 new database"
cols=$(psql "$(pg) dbname=$db" -Atc "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'sys_users' AND column_name NOT IN ('Id')")
vals=$(python3 - "$cols" <<'PY'
import sys
out = []
for c in sys.argv[1].split(","):
    name = c.strip('"')
    out.append({"UserName": "'bench' || g", "NormalizedUserName": "'BENCH' || g", "PhoneNumber": "'138' || lpad(g::text, 8, '0')",
                "PhoneNumberIndex": "NULL", "Email": "NULL", "NormalizedEmail": "NULL", "SecurityStamp": "md5(g::text)",
                "ConcurrencyStamp": "md5(g::text)"}.get(name, c))
print(",".join(out))
PY
)
t0=$(date +%s.%N)
psql "$(pg) dbname=$db" -qc "INSERT INTO sys_users ($cols) SELECT $vals FROM sys_users, generate_series(1, $rows) g WHERE \"UserName\" = 'admin'; DELETE FROM sys_markers;"
printf '%-32s %s plaintext phone numbers inserted in %.1f s\n' "" "$rows" "$(echo "$(date +%s.%N) - $t0" | bc)"
start "2 plaintext, no markers"
echo "    still plaintext after start 2: $(psql "$(pg) dbname=$db" -Atc "SELECT count(*) FROM sys_users WHERE \"PhoneNumber\" NOT LIKE 'v%:%'")"
start "3 markers current"
