#!/usr/bin/env bash
# Figures under a morning's load: wrk against the two stats endpoints, /api/v1/metrics and /readyz in the same run,
# on PostgreSQL with the demo data. Needs wrk (Debian: apt-get install wrk) and a cluster from scripts/pg-start.sh:
#
#   source scripts/pg-start.sh
#   dotnet build Fazhi.slnx -c Release
#   bash bench/wrk-figures.sh [seconds=30] [connections=200]
#   bash scripts/pg-stop.sh "$FAZHI_PG_DIR"
#
# The connections are shared out at once: 30% each to the two stats endpoints, 20% to /api/v1/metrics and 20% to
# /readyz, so /readyz is measured under the same load as the figures. wrk's timeout is 2 s (as in issue 13).
set -euo pipefail
seconds=${1:-30}
connections=${2:-200}
: "${FAZHI_TEST_PG:?source scripts/pg-start.sh first}"
here=$(cd "$(dirname "$0")/.." && pwd)
dll="$here/src/Fazhi.Web/bin/Release/net10.0/Fazhi.Web.dll"
[ -f "$dll" ] || { echo "build first: dotnet build Fazhi.slnx -c Release" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

pg() { python3 -c 'import sys; print(" ".join(f"{k.lower()}={v}" for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if p) if k.lower() in ("host", "port", "username", "password")).replace("username=", "user="))' "$FAZHI_TEST_PG"; }
db="fazhi_wrk_$(date +%s)"
psql "$(pg) dbname=postgres" -qc "CREATE DATABASE $db" >/dev/null
work=$(mktemp -d /tmp/fazhi-wrk.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  psql "$(pg) dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
Database__Provider=Postgres ConnectionStrings__Fazhi="${FAZHI_TEST_PG/Database=postgres/Database=$db}" \
Fazhi__MigrateOnStart=true Fazhi__DataDirectory="$work" Fazhi__DemoData=true Fazhi__DemoEnforcementData=true \
Fazhi__Timers__Enabled=false Fazhi__SignInsPerMinute=1000 Fazhi__Security__RequireTwoFactor=false FAZHI_ADMIN_PASSWORD=Bench-Chief-2024 FAZHI_DEMO_PASSWORD=Bench-Demo-2024 \
  dotnet "$dll" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 180); do
  curl -fs "$base/readyz" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done

token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base/api/v1/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
admin=$(token admin Bench-Chief-2024)
year=$(TZ=Asia/Shanghai date +%Y)
today=$(TZ=Asia/Shanghai date +%F)
period="org=371002&from=$year-01-01&to=$today"
recon="$base/api/v1/reconsideration/stats?$period"
enforcement="$base/api/v1/enforcement/stats?$period"
metrics="$base/api/v1/metrics?$period"
for url in "$recon" "$enforcement" "$metrics"; do
  curl -fs -o /dev/null -H "Authorization: Bearer $admin" "$url" || { echo "not 200: $url" >&2; exit 1; }
done
echo "demo data: $(curl -fs -H "Authorization: Bearer $admin" "$enforcement" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["current"]["records"]["total"], "enforcement records,")') \
$(curl -fs -H "Authorization: Bearer $admin" "$recon" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a["current"]["received"], "复议 applications received in", a["from"], "…", a["to"])')"

share() { python3 -c "print(max(1, round($connections * $1)))"; }
run() { # name url connections
  wrk -t1 -c"$3" -d"${seconds}s" --timeout 2s --latency -H "Authorization: Bearer $admin" "$2" >"$work/$1.txt" 2>&1
}
run recon "$recon" "$(share 0.3)" & w1=$!
run enforcement "$enforcement" "$(share 0.3)" & w2=$!
run metrics "$metrics" "$(share 0.2)" & w3=$!
run readyz "$base/readyz" "$(share 0.2)" & w4=$!
wait "$w1" "$w2" "$w3" "$w4" || true

printf '%-12s %6s %10s %9s %9s %9s %8s %8s\n' endpoint conns 'req/s' p50 p90 p99 non2xx errors
for name in recon enforcement metrics readyz; do
  f="$work/$name.txt"
  python3 - "$name" "$f" <<'PY'
import re, sys
name, path = sys.argv[1], sys.argv[2]
t = open(path).read()
conns = re.search(r'(\d+) connections', t).group(1)
rps = re.search(r'Requests/sec:\s+([\d.]+)', t).group(1)
pct = dict(re.findall(r'^\s+(50|90|99)%\s+(\S+)', t, re.M))
non = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
err = re.search(r'Socket errors: (.*)', t)
print(f"{name:<12} {conns:>6} {rps:>10} {pct.get('50','?'):>9} {pct.get('90','?'):>9} {pct.get('99','?'):>9} {non.group(1) if non else 0:>8} {err.group(1) if err else 'none'}")
PY
done
