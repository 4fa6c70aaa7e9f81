#!/usr/bin/env bash
# Lists and figures before and after field encryption (issue 14 §6, ADR 0009): two builds of Fazhi.Web side by side on
# the same PostgreSQL cluster (one database each, demo data including the enforcement demo), the same requests,
# alternated endpoint by endpoint and round by round so that the load of a shared machine hits both alike.
#
#   source scripts/pg-start.sh
#   git archive <base> | tar -x -C /tmp/fazhi-base && dotnet build /tmp/fazhi-base/src/Fazhi.Web -c Release
#   dotnet build Fazhi.slnx -c Release
#   [FAZHI_BENCH_AFTER_DLL=<other build>] bash bench/wrk-encryption.sh /tmp/fazhi-base/src/Fazhi.Web/bin/Release/net10.0/Fazhi.Web.dll [seconds=10] [connections=8] [rounds=3]
#
# Endpoints (as 环翠区's huancui, who sees its cases): the 复议 case list (page of 20), the list searched by a full
# 身份证号 (one case, created before the runs), the enforcement record search by the same ID (none found: the index
# path), and the two figures endpoints for 1 January to today. Prints req/s and p50/p99 per run and the medians.
set -euo pipefail
base_dll=${1:?usage: wrk-encryption.sh BASE_DLL [seconds] [connections] [rounds]}
seconds=${2:-10}
connections=${3:-8}
rounds=${4:-3}
: "${FAZHI_TEST_PG:?source scripts/pg-start.sh first}"
here=$(cd "$(dirname "$0")/.." && pwd)
new_dll=${FAZHI_BENCH_AFTER_DLL:-"$here/src/Fazhi.Web/bin/Release/net10.0/Fazhi.Web.dll"} # or another build to compare with
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
pg() { python3 -c 'import sys; print(" ".join(f"{k.lower()}={v}" for k, v in (p.split("=", 1) for p in sys.argv[1].split(";") if p) if k.lower() in ("host", "port", "username", "password")).replace("username=", "user="))' "$FAZHI_TEST_PG"; }
work=$(mktemp -d /tmp/fazhi-wrkenc.XXXXXX)
pids=()
dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  for d in "${dbs[@]}"; do psql "$(pg) dbname=postgres" -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start() { # name dll → sets base_<name>
  local name=$1 dll=$2 db="fazhi_wrkenc_${1}_$(date +%s)"
  psql "$(pg) dbname=postgres" -qc "CREATE DATABASE $db" >/dev/null
  dbs+=("$db")
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$work/$name"
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 Fazhi__Security__CreateMissingKeys=true \
  Database__Provider=Postgres ConnectionStrings__Fazhi="${FAZHI_TEST_PG/Database=postgres/Database=$db}" \
  Fazhi__MigrateOnStart=true Fazhi__DataDirectory="$work/$name" Fazhi__DemoData=true Fazhi__DemoEnforcementData=true \
  Fazhi__Timers__Enabled=false Fazhi__SignInsPerMinute=1000 Fazhi__Security__RequireTwoFactor=false FAZHI_ADMIN_PASSWORD=Bench-Chief-2024 FAZHI_DEMO_PASSWORD=Bench-Demo-2024 \
    dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
  eval "url_$name=http://127.0.0.1:$port"
}
start before "$base_dll"
start after "$new_dll"
for name in before after; do
  eval "u=\$url_$name"
  for _ in $(seq 1 300); do curl -fs "$u/readyz" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "$u/readyz" >/dev/null || { cat "$work/$name.log" >&2; exit 1; }
done

id=11010519491231002X
year=$(TZ=Asia/Shanghai date +%Y)
today=$(TZ=Asia/Shanghai date +%F)
period="org=371002&from=$year-01-01&to=$today"
for name in before after; do
  eval "u=\$url_$name"
  tok=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"huancui","password":"Bench-Demo-2024"}' "$u/api/v1/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  eval "tok_$name=$tok"
  code=$(curl -s -o "$work/intake.json" -w '%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d "{\"applicantName\":\"压测申请人\",\"applicantKind\":\"自然人\",\"applicantIdNumber\":\"$id\",\"applicantPhone\":\"13912345678\",\"respondentCode\":\"371002-SCJG\",\"matter\":\"不服行政处罚决定\",\"actDate\":\"$year-01-01\",\"learnedOn\":\"$year-01-02\",\"channel\":\"窗口\",\"receivedAt\":\"${today}T09:00:00\"}" \
    "$u/api/v1/reconsideration/cases")
  [ "$code" = 201 ] || { echo "intake on $name: HTTP $code $(cat "$work/intake.json")" >&2; exit 1; }
  # 300 more cases with distinct valid IDs and phones (the demo data has almost none), so a page holds 20 encrypted IDs.
  python3 - "$u" "$tok" "$year" "$today" <<'PY'
import json, sys, urllib.request
u, tok, year, today = sys.argv[1:5]
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
for n in range(300):
    body = f"37060219{70 + n % 30:02d}0{1 + n % 9}{10 + n % 18:02d}{n:03d}"
    idn = body + "10X98765432"[sum(int(c) * w[i] for i, c in enumerate(body)) % 11]
    data = {"applicantName": f"压测{n}", "applicantKind": "自然人", "applicantIdNumber": idn, "applicantPhone": f"139{n:08d}",
            "respondentCode": "371002-SCJG", "matter": "不服行政处罚决定", "actDate": f"{year}-01-01", "learnedOn": f"{year}-01-02",
            "channel": "窗口", "receivedAt": f"{today}T09:00:00"}
    req = urllib.request.Request(u + "/api/v1/reconsideration/cases", json.dumps(data).encode(), method="POST",
                                 headers={"Authorization": "Bearer " + tok, "Content-Type": "application/json"})
    urllib.request.urlopen(req).read()
PY
  found=$(curl -fs -H "Authorization: Bearer $tok" "$u/api/v1/reconsideration/cases?q=$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  total=$(curl -fs -H "Authorization: Bearer $tok" "$u/api/v1/reconsideration/cases?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  echo "$name: $total 复议 cases visible to huancui; search by ID finds $found"
done

# CPU time of a server process (user + system, in clock ticks): unlike req/s, it hardly moves with the load that other
# processes put on a shared machine, so its ratio after/before is the steadier figure.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
endpoints=(list search records recon-stats enf-stats)
path_of() {
  case $1 in
    list) echo "/api/v1/reconsideration/cases?pageSize=20" ;;
    search) echo "/api/v1/reconsideration/cases?q=$id" ;;
    records) echo "/api/v1/enforcement/records?q=$id" ;;
    recon-stats) echo "/api/v1/reconsideration/stats?$period" ;;
    enf-stats) echo "/api/v1/enforcement/stats?$period" ;;
  esac
}
: >"$work/results.tsv"
for ep in "${endpoints[@]}"; do # warm-up (JIT, pools, caches), not counted
  for name in before after; do
    eval "u=\$url_$name; t=\$tok_$name"
    wrk -t1 -c"$connections" -d3s --timeout 5s -H "Authorization: Bearer $t" "$u$(path_of "$ep")" >/dev/null 2>&1
  done
done
for round in $(seq 1 "$rounds"); do
  for ep in "${endpoints[@]}"; do
    for name in before after; do
      eval "u=\$url_$name; t=\$tok_$name; p=\$pid_$name"
      cpu0=$(cpu_ticks "$p")
      wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s --latency -H "Authorization: Bearer $t" "$u$(path_of "$ep")" >"$work/out.txt" 2>&1
      cpu1=$(cpu_ticks "$p")
      python3 - "$round" "$ep" "$name" "$work/out.txt" "$((cpu1 - cpu0))" "$(getconf CLK_TCK)" >>"$work/results.tsv" <<'PY'
import re, sys
r, ep, name, path, ticks, hz = sys.argv[1:7]
t = open(path).read()
def ms(v):
    m = re.match(r'([\d.]+)(us|ms|s)', v); x = float(m.group(1))
    return x / 1000 if m.group(2) == 'us' else x * 1000 if m.group(2) == 's' else x
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', t).group(1))
pct = dict(re.findall(r'^\s+(50|99)%\s+(\S+)', t, re.M))
non = re.search(r'Non-2xx or 3xx responses: (\d+)', t)
n = int(re.search(r'(\d+) requests in', t).group(1))
cpu = int(ticks) * 1000 / int(hz) / max(n, 1) # the server process's own CPU (user + system) per answered request
print(f"{r}\t{ep}\t{name}\t{rps:.1f}\t{ms(pct['50']):.1f}\t{ms(pct['99']):.1f}\t{non.group(1) if non else 0}\t{cpu:.3f}")
PY
      tail -n 1 "$work/results.tsv"
    done
  done
done
echo
echo "medians over $rounds rounds ($seconds s, $connections connections each); cpu = the server's CPU ms per request:"
python3 - "$work/results.tsv" <<'PY'
import sys, statistics as st
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
print(f"{'endpoint':<12} {'build':<7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non2xx':>7} {'cpu ms':>7}")
for ep in dict.fromkeys(r[1] for r in rows):
    for name in ('before', 'after'):
        sel = [r for r in rows if r[1] == ep and r[2] == name]
        print(f"{ep:<12} {name:<7} {st.median(float(r[3]) for r in sel):>8.1f} {st.median(float(r[4]) for r in sel):>8.1f} {st.median(float(r[5]) for r in sel):>8.1f} {sum(int(r[6]) for r in sel):>7} {st.median(float(r[7]) for r in sel):>7.3f}")
print()
print("after/before, median of the per-round ratios (each round runs both builds back to back):")
for ep in dict.fromkeys(r[1] for r in rows):
    by = {}
    for r in rows:
        if r[1] == ep:
            by.setdefault(r[0], {})[r[2]] = r
    rps = [float(v['after'][3]) / float(v['before'][3]) for v in by.values() if len(v) == 2]
    cpu = [float(v['after'][7]) / float(v['before'][7]) for v in by.values() if len(v) == 2 and float(v['before'][7]) > 0]
    print(f"{ep:<12} req/s x{st.median(rps):.2f}   cpu per request x{st.median(cpu):.2f}")
PY
