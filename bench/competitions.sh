#!/usr/bin/env bash
# Issue 12 over HTTP (docs/PERFORMANCE.md, "Competitions at city scale"): on a database made by `generate` with the competitions kind,
# chooses the calls (competitions-prepare: the call with most scores, a call of median size, a call on notice, the decided call with most
# awards) and the judge with most assignments, starts the Release app on it, signs in as the Bijie city bureau user and as that judge
# (POST /api/v1/auth/token, the generated password), and runs wrk warm (five calls first), one connection (wrk -t1 -c1 --latency GET) on
#   - the public pages, anonymous: /Public/Competitions (all, ?area=<city>), /Public/Competitions/Details?id=<largest>,
#     /Public/Competitions/Notice?id=<decided> and ?id=<on notice>, and their API (/api/v1/public/competitions …);
#   - the ranking with all its scores, as the city user: GET /api/v1/competitions/<largest>/ranking (every row), /Competitions/Ranking?callId=
#     (the page, 20 rows and ?size=100: all 62), the typical call's; the host's application list (API, page 1);
#   - the judge's own assignments: GET /api/v1/me/reviews and /Competitions/Judging.
# Goal of the issue: p95 < 300 ms warm for the ranking and the public pages (wrk reports p50/p75/p90/p99: p99 < 300 is the goal met).
#   bench/competitions.sh sqlite /work/benchdb/comp.db
#   bench/competitions.sh postgres "Host=127.0.0.1;Port=55433;Username=postgres;Database=wushe_bench_comp"
# Environment: PAGE_DURATION (10s), NO_BUILD=1, OUT (/tmp/wushe-competitions), APP_PORT (5231).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?database file or connection string}
PAGE_DURATION=${PAGE_DURATION:-10s}
OUT=${OUT:-/tmp/wushe-competitions}
APP_PORT=${APP_PORT:-5231}
CITY=520500000000
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
for tool in wrk jq; do command -v $tool > /dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }; done
mkdir -p "$OUT"
rm -f "$OUT/wrk.log"
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build src/Wushe -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.Bench -c Release -nologo -v q --no-dependencies > /dev/null
fi
bench() { dotnet bench/Wushe.Bench/bin/Release/net10.0/Wushe.Bench.dll "$@"; }
if [[ $provider == sqlite ]]; then
  dbarg=(--db "$target")
  app_db=(--Wushe:Database:Provider=Sqlite "--ConnectionStrings:Wushe=Data Source=$target")
  setting="SQLite WAL, synchronous=NORMAL"
else
  dbarg=(--postgres "$target")
  app_db=(--Wushe:Database:Provider=Postgres "--ConnectionStrings:Wushe=$target")
  setting="PostgreSQL"
fi
if curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/"; then echo "port $APP_PORT is in use: set APP_PORT" >&2; exit 1; fi

bench competitions-prepare "${dbarg[@]}" --out "$OUT" > /dev/null
val() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/competitions.txt"; }
largest=$(val largest); typical=$(val typical); notice=$(val notice); decided=$(val decided); judge=$(val judge)

dotnet src/Wushe/bin/Release/net10.0/Wushe.dll --urls "http://127.0.0.1:$APP_PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$APP_PORT "${app_db[@]}" \
  --Wushe:Keys:Encryption=$ENC --Wushe:Keys:Lookup=$LOOK --Logging:LogLevel:Default=Warning > "$OUT/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2> /dev/null; wait $app_pid 2> /dev/null' EXIT
app=http://127.0.0.1:$APP_PORT
for _ in $(seq 1 480); do
  curl -sf "$app/health/ready" > /dev/null && break
  kill -0 $app_pid 2> /dev/null || { cat "$OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
token() {
  curl -sf -X POST "$app/api/v1/auth/token" -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"Bench2026!\"}" | jq -r .accessToken
}
host=$(token bench.bijie)
expert=$(token "$judge")
[[ -n $host && $host != null && -n $expert && $expert != null ]] || { echo "sign-in failed" >&2; cat "$OUT/app.log" >&2; exit 1; }
echo "Competitions (issue 12), $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $setting; $target"
echo "Data: $(val describe | tr '_' ' ')"

# wrk's latency line in ms: "50%" "90%" "99%"
ms() { awk -v k="$1" '$1 == k { v = $2; print (v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v) }'; }
# page LABEL PATH [TOKEN]
page() {
  local auth=() out code
  [[ -n ${3:-} ]] && auth=(-H "Authorization: Bearer $3")
  code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$app$2")
  [[ $code == 200 ]] || { echo "GET $2 answered $code" >&2; exit 1; }
  for _ in 1 2 3 4; do curl -s -o /dev/null "${auth[@]}" "$app$2"; done
  out=$(wrk -t1 -c1 -d"$PAGE_DURATION" --latency "${auth[@]}" "$app$2")
  echo "== $1 $2" >> "$OUT/wrk.log"
  echo "$out" >> "$OUT/wrk.log"
  printf '%-58s %7s %7s %7s %7s %7s %7s %6s\n' "$1" "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$out")" "$(ms 50% <<< "$out")" "$(ms 75% <<< "$out")" \
    "$(ms 90% <<< "$out")" "$(ms 99% <<< "$out")" "$(awk '$1 == "Latency" { print "Max", $4; exit }' <<< "$out" | ms Max)" \
    "$(awk '/Non-2xx/ { print $NF }' <<< "$out" | grep . || echo 0)"
}
printf '%-58s %7s %7s %7s %7s %7s %7s %6s\n' "request (wrk -t1 -c1 -d$PAGE_DURATION, warm)" req/s p50_ms p75_ms p90_ms p99_ms max_ms non2xx
page "public list, all (page)" "/Public/Competitions"
page "public list, city (page)" "/Public/Competitions?area=$CITY"
page "public call page, largest call (page)" "/Public/Competitions/Details?id=$largest"
page "public notice, decided call (page)" "/Public/Competitions/Notice?id=$decided"
page "public notice, call on notice (page)" "/Public/Competitions/Notice?id=$notice"
page "public list (API)" "/api/v1/public/competitions"
page "public call (API)" "/api/v1/public/competitions/$largest"
page "public notice, decided call (API)" "/api/v1/public/competitions/$decided/notice"
page "ranking, largest call, every row (API)" "/api/v1/competitions/$largest/ranking" "$host"
page "ranking, typical call, every row (API)" "/api/v1/competitions/$typical/ranking" "$host"
page "ranking, largest call (page, 20 rows)" "/Competitions/Ranking?callId=$largest" "$host"
page "ranking, largest call (page, ?size=100: every row)" "/Competitions/Ranking?callId=$largest&size=100" "$host"
page "host: applications, largest call (API, page 1)" "/api/v1/competitions/$largest/applications" "$host"
page "judge: my reviews (API, page 1)" "/api/v1/me/reviews" "$expert"
page "judge: my reviews (page)" "/Competitions/Judging" "$expert"
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
