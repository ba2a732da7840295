#!/usr/bin/env bash
# A CPU profile of the app's write path (docs/PERFORMANCE.md, "Write path", third pass): starts the Release app on a
# fresh SQLite database with the demo data, warms POST /api/v1/supervisions for 20 s, then samples the process with
# `perf record -g` (999 Hz, 10 s) while wrk writes at -c64, and prints self time by library and the top inclusive frames.
#   bench/profile.sh                 # needs perf (apt-get install -y linux-perf) and wrk
# Environment: CONNS (64), APP_DLL, NO_BUILD=1, OUT (/tmp/wushe-profile).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/wushe-profile}
CONNS=${CONNS:-64}
APP_DLL=${APP_DLL:-src/Wushe/bin/Release/net10.0/Wushe.dll}
PORT=${APP_PORT:-5193}
for tool in perf wrk jq; do command -v $tool > /dev/null || { echo "$tool is missing" >&2; exit 1; }; done
mkdir -p "$OUT"; rm -f "$OUT"/app.db* "$OUT"/perf.data
[[ ${NO_BUILD:-0} == 1 ]] || dotnet build src/Wushe -c Release -nologo -v q > /dev/null
# The perf map names JIT'd methods; W^X off so that the addresses perf sees are the ones the map gives.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet "$APP_DLL" --urls "http://127.0.0.1:$PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$PORT --Wushe:Database:Provider=Sqlite \
  "--ConnectionStrings:Wushe=Data Source=$OUT/app.db" --Wushe:Keys:Encryption=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI= \
  --Wushe:Keys:Lookup=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI= --Wushe:Demo:Seed=true --Logging:LogLevel:Default=Warning > "$OUT/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2> /dev/null || true' EXIT
app=http://127.0.0.1:$PORT
for _ in $(seq 1 240); do curl -sf "$app/health/ready" > /dev/null && break; sleep 0.5; done
token=$(curl -sf -X POST "$app/api/v1/auth/token" -H 'Content-Type: application/json' -d '{"login":"bijie","password":"Wushe@2026"}' | jq -r .accessToken)
station=$(curl -sfS -H "Authorization: Bearer $token" "$app/api/v1/stations?size=10" | jq -r '.items[0].id')
printf '{"stationId":"%s","kind":"Supervision","visitedOn":"%s","supervisorName":"督导 王老师","topics":"台账与服务记录检查","findings":"服务记录不完整","followUps":"一个月内补齐"}' \
  "$station" "$(date -d '-1 day' +%F)" > "$OUT/body.json"
wrk -t2 -c8 -d20s -s bench/write.lua "$app/api/v1/supervisions" -- "$token" "$OUT/body.json" none > /dev/null
wrk -t2 -c"$CONNS" -d12s -s bench/write.lua "$app/api/v1/supervisions" -- "$token" "$OUT/body.json" none | grep 'Requests/sec' &
wrk_pid=$!
sleep 1
perf record -F 999 -g -p "$app_pid" -o "$OUT/perf.data" -- sleep 10 2> /dev/null
wait $wrk_pid
kill $app_pid; wait $app_pid 2> /dev/null || true
echo "== self time by library"
perf report -i "$OUT/perf.data" --no-children --sort dso -g none --stdio 2> /dev/null | grep -v '^#' | grep -v '^$' | head -12
echo "== inclusive, top frames"
perf report -i "$OUT/perf.data" --children --sort symbol -g none --stdio 2> /dev/null | grep -v '^#' | grep -v '^$' | cut -c1-220 | head -80
