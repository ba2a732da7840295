#!/usr/bin/env bash
# Issue 12 over HTTP (docs/PERFORMANCE.md, "Competitions at city scale"): on a database made by `generate` with the competitions kind,
# chooses the calls (competitions-prepare: the call with most scores, a call of median size, a call on notice, the decided call with most
# awards) and the judge with most assignments, starts the Release app on it, signs in as the Bijie city bureau user and as that judge
# (POST /api/v1/auth/token, the generated password), and runs wrk warm (five calls first), one connection (wrk -t1 -c1 --latency GET) on
#   - the public pages, anonymous: /Public/Competitions (all, ?area=<city>), /Public/Competitions/Details?id=<largest>,
#     /Public/Competitions/Notice?id=<decided> and ?id=<on notice>, and their API (/api/v1/public/competitions …);
#   - the ranking with all its scores, as the city user: GET /api/v1/competitions/<largest>/ranking (every row), /Competitions/Ranking?callId=
#     (the page, 20 rows and ?size=100: all 62), the typical call's; the host's application list (API, page 1);
#   - the judge's own assignments: GET /api/v1/me/reviews and /Competitions/Judging;
#   - the awards (city user): the list (API page 1, and the page /Competitions/Awards), the award with the longest ledger (API and page),
#     the decided call's figures (API and page), the host's notice of the call on notice with most objections (API and page);
# then 2. judges scoring at the deadline against bench/Wushe.BareInsert's POST /insert right before it, ROUNDS times:
#   POST /api/v1/me/reviews/{scoreId}/score (bench/scoring.lua: each request the next assignment, as its judge, a fresh Idempotency-Key),
#   "panel" — the call under review with most assignments, its judges (-t2 -c7: the panel of seven at once) — and "all" — every call under
#   review (-t2 -c32); after each run the assignments it scored are counted in the database (competitions-count).
# Goal of the issue: p95 < 300 ms warm for the ranking and the public pages (wrk reports p50/p75/p90/p99: p99 < 300 is the goal met).
#   bench/competitions.sh sqlite /work/benchdb/comp.db
#   bench/competitions.sh postgres "Host=127.0.0.1;Port=55433;Username=postgres;Database=wushe_bench_comp"
# Environment: PAGE_DURATION (10s), DURATION (10s), WARMUP (10s), ROUNDS (2), NO_BUILD=1, OUT (/tmp/wushe-competitions), APP_PORT (5231),
# BARE_PORT (5232), WUSHE_BENCH_POSTGRES (the bare endpoint's server; Host=127.0.0.1;Port=55433;Username=postgres; database wushe_bench_comp2_bare).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?database file or connection string}
PAGE_DURATION=${PAGE_DURATION:-10s}
OUT=${OUT:-/tmp/wushe-competitions}
APP_PORT=${APP_PORT:-5231}
BARE_PORT=${BARE_PORT:-5232}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-2}
PG=${WUSHE_BENCH_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}
CITY=520500000000
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
for tool in wrk jq; do command -v $tool > /dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }; done
mkdir -p "$OUT"
rm -f "$OUT/wrk.log" "$OUT"/bare.db*
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build src/Wushe -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.BareInsert -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.Bench -c Release -nologo -v q --no-dependencies > /dev/null
fi
pgfield() { tr ';' '\n' <<< "$PG" | sed -n "s/^$1=//Ip" | head -1; }
psqlpg() { PGPASSWORD=$(pgfield Password) psql -h "$(pgfield Host)" -p "$(pgfield Port)" -U "$(pgfield Username)" -v ON_ERROR_STOP=1 -qAt "$@"; }
bench() { dotnet bench/Wushe.Bench/bin/Release/net10.0/Wushe.Bench.dll "$@"; }
if [[ $provider == sqlite ]]; then
  dbarg=(--db "$target")
  app_db=(--Wushe:Database:Provider=Sqlite "--ConnectionStrings:Wushe=Data Source=$target")
  bare_db=(--db "$OUT/bare.db")
  setting="SQLite WAL, synchronous=NORMAL"
else
  dbarg=(--postgres "$target")
  psqlpg -d postgres -c "DROP DATABASE IF EXISTS wushe_bench_comp2_bare WITH (FORCE)" -c "CREATE DATABASE wushe_bench_comp2_bare"
  # Idle connections closed within seconds, so that the app's pool and the bare endpoint's never hold max_connections between them.
  idle="Connection Idle Lifetime=2;Connection Pruning Interval=1"
  app_db=(--Wushe:Database:Provider=Postgres "--ConnectionStrings:Wushe=$target;$idle")
  bare_db=(--postgres "$PG;Database=wushe_bench_comp2_bare;$idle")
  setting="PostgreSQL $(psqlpg -d postgres -c 'SHOW server_version'), fsync=$(psqlpg -d postgres -c 'SHOW fsync'), synchronous_commit=$(psqlpg -d postgres -c 'SHOW synchronous_commit')"
fi
for port in $APP_PORT $BARE_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: set APP_PORT / BARE_PORT" >&2; exit 1; fi
done

bench competitions-prepare "${dbarg[@]}" --out "$OUT" > /dev/null
val() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/competitions.txt"; }
largest=$(val largest); typical=$(val typical); notice=$(val notice); decided=$(val decided); judge=$(val judge); award=$(val award); objected=$(val objected)

dotnet src/Wushe/bin/Release/net10.0/Wushe.dll --urls "http://127.0.0.1:$APP_PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$APP_PORT "${app_db[@]}" \
  --Wushe:Keys:Encryption=$ENC --Wushe:Keys:Lookup=$LOOK --Logging:LogLevel:Default=Warning > "$OUT/app.log" 2>&1 &
app_pid=$!
dotnet bench/Wushe.BareInsert/bin/Release/net10.0/Wushe.BareInsert.dll --urls "http://127.0.0.1:$BARE_PORT" "${bare_db[@]}" > "$OUT/bare.log" 2>&1 &
bare_pid=$!
trap 'kill $app_pid $bare_pid 2> /dev/null; wait $app_pid $bare_pid 2> /dev/null' EXIT
app=http://127.0.0.1:$APP_PORT
bare=http://127.0.0.1:$BARE_PORT
for url in "$app/health/ready" "$bare/health"; do
  for _ in $(seq 1 480); do
    curl -sf "$url" > /dev/null && break
    kill -0 $app_pid 2> /dev/null && kill -0 $bare_pid 2> /dev/null || { cat "$OUT/app.log" "$OUT/bare.log" >&2; exit 1; }
    sleep 0.5
  done
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
if [[ -n $award && $award != 00000000-0000-0000-0000-000000000000 ]]; then
  page "host: awards, city (API, page 1)" "/api/v1/competitions/awards" "$host"
  page "host: awards, city (page)" "/Competitions/Awards" "$host"
  page "award with the longest ledger (API)" "/api/v1/competitions/awards/$award" "$host"
  page "award with the longest ledger (page)" "/Competitions/Award?id=$award" "$host"
  page "figures, decided call (API)" "/api/v1/competitions/$decided/figures" "$host"
  page "figures, decided call (page)" "/Competitions/Figures?callId=$decided" "$host"
  page "host notice with objections (API)" "/api/v1/competitions/$objected/notice" "$host"
  page "host notice with objections (page)" "/Competitions/Notice?callId=$objected" "$host"
fi
echo

# 2. Judges scoring against the bare insert, in the same run (none when no call is under review by the real clock).
if [[ ! -s $OUT/panel.txt ]]; then
  echo "No assignment to score (no call under review past its deadline today): the write comparison is skipped."
  echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# post URL CONNS PID FILE TAG -> "req/s p50ms p99ms 2xx other cpu_ms_per_request"
post() {
  local out t0 t1
  t0=$(ticks "$3")
  if [[ -n $4 ]]; then
    out=$(wrk -t2 -c$2 -d"$DURATION" --timeout 10s --latency -s bench/scoring.lua "$1" -- "$4" 2 "$5")
  else
    out=$(wrk -t2 -c$2 -d"$DURATION" --timeout 10s --latency -s bench/write.lua "$1" -- "" "$OUT/body.json" none)
  fi
  t1=$(ticks "$3")
  echo "== POST $1 -c$2 ${4:-bare}" >> "$OUT/wrk.log"
  echo "$out" >> "$OUT/wrk.log"
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
       function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v }
       /requests in/ { n = $1 }
       /Requests\/sec/ { rps = $2 }
       $1 == "50%" { p50 = ms($2) }
       $1 == "99%" { p99 = ms($2) }
       /Non-2xx/ { non = $NF }
       /^statuses:/ { split($2, a, "="); split($3, b, "="); ok = a[2]; bad = b[2] }
       END { if (ok == "") { ok = n - non; bad = non + 0 } printf "%.0f %.1f %.1f %d %d %.3f\n", rps, p50, p99, ok, bad, n ? ticks * 1000 / hz / n : 0 }' <<< "$out"
}
echo '{}' > "$OUT/body.json"
wrk -t2 -c7 -d"$WARMUP" --timeout 10s -s bench/scoring.lua "$app" -- "$OUT/review.txt" 2 "warm$$" > "$OUT/warm.txt"
grep -E 'Requests/sec|statuses' "$OUT/warm.txt" | sed 's/^/  warm-up (app): /'
wrk -t2 -c7 -d"$WARMUP" -s bench/write.lua "$bare/insert" -- "" "$OUT/body.json" none > /dev/null
echo "Scoring: $(val scoring | tr '_' ' ')"
printf '%-5s %-6s %5s %9s %8s %8s %9s %8s %8s %6s %7s %7s %6s %8s %8s\n' round case conns bare_rps bare_p50 bare_p99 app_rps app_p50 app_p99 ratio app_200 scored other bare_cpu app_cpu
for round in $(seq 1 "$ROUNDS"); do
  for kind in panel all; do
    file=$OUT/panel.txt; conns=7; [[ $kind == all ]] && { file=$OUT/review.txt; conns=32; }
    tag="b$round$kind$$"
    read -r brps bp50 bp99 _ _ bcpu <<< "$(post "$bare/insert" $conns $bare_pid "" "")"
    sleep 5 # idle connections pruned (PostgreSQL)
    read -r arps ap50 ap99 aok abad acpu <<< "$(post "$app" $conns $app_pid "$file" "$tag")"
    scored=$(bench competitions-count "${dbarg[@]}" --tag "$tag")
    sleep 5
    printf '%-5s %-6s %5s %9s %6sms %6sms %9s %6sms %6sms %6.3f %7s %7s %6s %6.3fms %6.3fms\n' "$round" "$kind" $conns "$brps" "$bp50" "$bp99" "$arps" "$ap50" "$ap99" \
      "$(bc -l <<< "$arps / $brps")" "$aok" "$scored" "$abad" "$bcpu" "$acpu"
  done
done
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
