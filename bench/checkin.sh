#!/usr/bin/env bash
# Issue 9 over HTTP, in one run (docs/PERFORMANCE.md, "Volunteers at city scale"): on a database made by `generate` with the
# volunteers kind, prepares the benchmark's check-in (checkin-prepare: VOLUNTEERS volunteers signed up for shifts running now,
# each with a bearer token as the app issues them, and a race shift of 50 places), starts the Release app on it and
# bench/Wushe.BareInsert beside it, and runs wrk with bench/checkin.lua — POST /api/v1/me/volunteer/attendance, every request
# another volunteer scanning their shift's QR token of this minute — against the bare POST /insert, at -t2 -c64, ROUNDS times
# (the check-ins are undone between runs: checkin-reset). Prints req/s, p99, non-2xx, the ratio and each server's CPU time per
# request. Then the race: REHEARSAL (500) other volunteers race for another shift first (the app warm for sign-ups, as in a city), then
# RACE (2,000) volunteers sign up at once for the 50-place shift (signup-race), and the database is checked.
#   bench/checkin.sh sqlite /work/bench-data/vol-city.db
#   bench/checkin.sh postgres "Host=127.0.0.1;Port=55433;Username=postgres;Database=wushe_bench_vol"
# Environment: ROUNDS (2), DURATION (10s), WARMUP (15s), VOLUNTEERS (20000), RACE (2000), NO_BUILD=1, OUT (/tmp/wushe-checkin),
# WUSHE_BENCH_POSTGRES (the bare endpoint's server; Host=127.0.0.1;Port=55433;Username=postgres), APP_PORT (5193), BARE_PORT (5197),
# APP_DLL (another build of the app; default src/Wushe/bin/Release/net10.0/Wushe.dll), PERF=1 (samples the app with `perf record -g` during the first round's check-ins and prints the top frames: $OUT/perf.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?database file or connection string}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-15s}
VOLUNTEERS=${VOLUNTEERS:-20000}
RACE=${RACE:-2000}
OUT=${OUT:-/tmp/wushe-checkin}
PG=${WUSHE_BENCH_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}
APP_PORT=${APP_PORT:-5193}
BARE_PORT=${BARE_PORT:-5197}
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT"/bare.db*
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build src/Wushe -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.BareInsert -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.Bench -c Release -nologo -v q --no-dependencies > /dev/null
fi
bench() { dotnet bench/Wushe.Bench/bin/Release/net10.0/Wushe.Bench.dll "$@"; }
pgfield() { tr ';' '\n' <<< "$PG" | sed -n "s/^$1=//Ip" | head -1; }
psqlpg() { PGPASSWORD=$(pgfield Password) psql -h "$(pgfield Host)" -p "$(pgfield Port)" -U "$(pgfield Username)" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [[ $provider == sqlite ]]; then
  dbarg=(--db "$target")
  app_db=(--Wushe:Database:Provider=Sqlite "--ConnectionStrings:Wushe=Data Source=$target")
  bare_db=(--db "$OUT/bare.db")
  setting="SQLite WAL, synchronous=NORMAL"
else
  dbarg=(--postgres "$target")
  psqlpg -d postgres -c "DROP DATABASE IF EXISTS wushe_checkin_bare WITH (FORCE)" -c "CREATE DATABASE wushe_checkin_bare"
  app_db=(--Wushe:Database:Provider=Postgres "--ConnectionStrings:Wushe=$target")
  bare_db=(--postgres "$PG;Database=wushe_checkin_bare")
  setting="PostgreSQL $(psqlpg -d postgres -c 'SHOW server_version'), fsync=$(psqlpg -d postgres -c 'SHOW fsync'), synchronous_commit=$(psqlpg -d postgres -c 'SHOW synchronous_commit')"
fi
for port in $APP_PORT $BARE_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: set APP_PORT / BARE_PORT" >&2; exit 1; fi
done

# Before the app starts: the tokens are made under the app's key ring in the database (made here when there is none yet).
bench checkin-prepare "${dbarg[@]}" --out "$OUT" --volunteers "$VOLUNTEERS"

pids=()
trap 'for p in "${pids[@]}"; do kill $p 2> /dev/null; wait $p 2> /dev/null; done' EXIT
# The background job that makes posted records final is off: it would run inside the measured seconds.
DOTNET_PerfMapEnabled=${PERF:-0} dotnet "${APP_DLL:-src/Wushe/bin/Release/net10.0/Wushe.dll}" --urls "http://127.0.0.1:$APP_PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$APP_PORT "${app_db[@]}" \
  --Wushe:Keys:Encryption=$ENC --Wushe:Keys:Lookup=$LOOK --Wushe:Volunteers:FinalizeInBackground=false --Logging:LogLevel:Default=Warning > "$OUT/app.log" 2>&1 &
pids+=($!)
dotnet bench/Wushe.BareInsert/bin/Release/net10.0/Wushe.BareInsert.dll --urls "http://127.0.0.1:$BARE_PORT" "${bare_db[@]}" > "$OUT/bare.log" 2>&1 &
pids+=($!)
wait_for() {
  for _ in $(seq 1 480); do
    curl -sf "$1" > /dev/null && return 0
    for p in "${pids[@]}"; do kill -0 "$p" 2> /dev/null || { echo "a server exited before $1 answered" >&2; cat "$OUT/app.log" "$OUT/bare.log" >&2; exit 1; }; done
    sleep 0.5
  done
  echo "$1 did not come up" >&2; cat "$OUT/app.log" "$OUT/bare.log" >&2; exit 1
}
wait_for "http://127.0.0.1:$BARE_PORT/health"
wait_for "http://127.0.0.1:$APP_PORT/health/ready"
app=http://127.0.0.1:$APP_PORT
first=$(head -1 "$OUT/volunteers.txt" | cut -d' ' -f1)
code=$(curl -s -o "$OUT/me.json" -w '%{http_code}' -H "Authorization: Bearer $first" "$app/api/v1/me")
[[ $code == 200 ]] || { echo "GET /api/v1/me with a prepared token answered $code: the tokens are not the app's" >&2; exit 3; }
echo '{}' > "$OUT/body.json"

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# load URL CONNS PID -> "req/s p99ms non2xx cpu_ms_per_request"
load() {
  local threads=$(( $2 < 2 ? 1 : 2 )) out t0 t1
  t0=$(ticks "$3")
  if [[ $1 == "$app" ]]; then
    out=$(wrk -t$threads -c$2 -d"$DURATION" --latency -s bench/checkin.lua "$1" -- "$OUT/volunteers.txt" "$OUT/codes.txt" $threads)
  else
    out=$(wrk -t$threads -c$2 -d"$DURATION" --latency -s bench/write.lua "$1" -- "" "$OUT/body.json" none)
  fi
  t1=$(ticks "$3")
  echo "$out" >> "$OUT/wrk.log"
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
       /requests in/ { n = $1 }
       /Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; ms = v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v; p99 = ms }
       /Non-2xx/ { bad = $NF }
       END { printf "%.0f %.1f %d %.3f %d\n", rps, p99, bad, n ? ticks * 1000 / hz / n : 0, n }' <<< "$out"
}

echo "Check-in (issue 9), $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $setting; $target; $VOLUNTEERS volunteers; $DURATION per run after $WARMUP of warm-up"
bench checkin-codes --out "$OUT"
wrk -t2 -c8 -d"$WARMUP" -s bench/checkin.lua "$app" -- "$OUT/volunteers.txt" "$OUT/codes.txt" 2 > "$OUT/warm.txt"
grep -E 'Requests/sec|Non-2xx' "$OUT/warm.txt" | sed 's/^/  warm-up: /'
wrk -t2 -c8 -d"$WARMUP" -s bench/write.lua "http://127.0.0.1:$BARE_PORT/insert" -- "" "$OUT/body.json" none > /dev/null
printf '%-5s %-5s %10s %9s %10s %9s %6s %8s %9s %9s %9s %8s\n' round conns bare_rps bare_p99 app_rps app_p99 ratio app_non2xx bare_cpu app_cpu cpu_ratio app_reqs
for round in $(seq 1 "$ROUNDS"); do
  for conns in 64; do
    bench checkin-reset "${dbarg[@]}" > /dev/null
    bench checkin-codes --out "$OUT"
    read -r brps bp99 _ bcpu _ <<< "$(load "http://127.0.0.1:$BARE_PORT/insert" $conns "${pids[1]}")"
    if [[ ${PERF:-0} == 1 && $round == 1 ]]; then perf record -F 499 -g -p "${pids[0]}" -o "$OUT/perf.data" -- sleep "${DURATION%s}" 2> /dev/null & perf_pid=$!; fi
    read -r arps ap99 abad acpu an <<< "$(load "$app" $conns "${pids[0]}")"
    if [[ ${PERF:-0} == 1 && $round == 1 ]]; then wait $perf_pid; perf report -i "$OUT/perf.data" --no-children --sort dso,sym --stdio 2> /dev/null | grep -v '^#' | grep -v '^$' | head -60 > "$OUT/perf.txt" || true; fi
    printf '%-5s %-5s %10s %7sms %10s %7sms %6.3f %8s %7.3fms %7.3fms %9.3f %8s\n' "$round" "$conns" "$brps" "$bp99" "$arps" "$ap99" "$(bc -l <<< "$arps / $brps")" "$abad" \
      "$bcpu" "$acpu" "$(bc -l <<< "$bcpu / $acpu")" "$an"
  done
done
bench checkin-reset "${dbarg[@]}" > /dev/null
echo
bench signup-race "${dbarg[@]}" --app "$app" --out "$OUT" --count "$RACE" --rehearsal "${REHEARSAL:-500}" || true
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
