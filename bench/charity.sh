#!/usr/bin/env bash
# Issue 10 over HTTP, in one run (docs/PERFORMANCE.md, "Charity resources at city scale"): on a database made by `generate` with the
# charity kind, prepares tokens for the township workers of FUNDS (200) active funds spread over the city and of the fund with most
# donations (charity-prepare), starts the Release app on it and bench/Wushe.BareInsert beside it, then
#   1. the public pages, warm, one connection at a time (wrk -t1 -c1 --latency GET): /Public/Fund/{largest}, its ?view=spending,
#      /Public/Fund/{median fund}, /Public/Funds?area=<city> and ?area=<county>;
#   2. donation recording — POST /api/v1/charity/funds/{id}/donations with a fresh Idempotency-Key (bench/charity.lua) — against the bare
#      POST /insert right before it, at -t2 -c64: "spread" (each request the next of the 200 funds) and "hot" (all 64 connections on the one
#      fund: every donation waits for that fund's row), ROUNDS times; after each run the donations of that run (its tag as donor) are counted
#      in the database against the 201s wrk saw (lost = acknowledged but absent);
#   3. the ledger check over the whole city (CheckFundLedgers): must be clean after all the concurrent posting.
#   bench/charity.sh sqlite /tmp/wushe-bench-charity/city.db
#   bench/charity.sh postgres "Host=127.0.0.1;Port=55433;Username=postgres;Database=wushe_bench_charity"
# Environment: ROUNDS (2), DURATION (10s), WARMUP (20s), PAGE_DURATION (10s), FUNDS (200), NO_BUILD=1, OUT (/tmp/wushe-charity),
# WUSHE_BENCH_POSTGRES (the bare endpoint's server; Host=127.0.0.1;Port=55433;Username=postgres), APP_PORT (5203), BARE_PORT (5207).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?database file or connection string}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
PAGE_DURATION=${PAGE_DURATION:-10s}
FUNDS=${FUNDS:-200}
OUT=${OUT:-/tmp/wushe-charity}
PG=${WUSHE_BENCH_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}
APP_PORT=${APP_PORT:-5203}
BARE_PORT=${BARE_PORT:-5207}
CITY=520500000000
COUNTY=520502000000
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT"/bare.db* "$OUT/wrk.log"
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
  psqlpg -d postgres -c "DROP DATABASE IF EXISTS wushe_charity_bare WITH (FORCE)" -c "CREATE DATABASE wushe_charity_bare"
  # Idle connections are closed within seconds: the app's pool and the bare endpoint's (each up to 64 busy at -c64) must not hold
  # 64 idle ones each while the other runs, or together they pass the server's max_connections (100 here) — "53300: too many clients".
  idle="Connection Idle Lifetime=2;Connection Pruning Interval=1"
  app_db=(--Wushe:Database:Provider=Postgres "--ConnectionStrings:Wushe=$target;$idle")
  bare_db=(--postgres "$PG;Database=wushe_charity_bare;$idle")
  setting="PostgreSQL $(psqlpg -d postgres -c 'SHOW server_version'), fsync=$(psqlpg -d postgres -c 'SHOW fsync'), synchronous_commit=$(psqlpg -d postgres -c 'SHOW synchronous_commit')"
fi
for port in $APP_PORT $BARE_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: set APP_PORT / BARE_PORT" >&2; exit 1; fi
done

bench charity-prepare "${dbarg[@]}" --out "$OUT" --funds "$FUNDS"

pids=()
trap 'for p in "${pids[@]}"; do kill $p 2> /dev/null; wait $p 2> /dev/null; done' EXIT
dotnet src/Wushe/bin/Release/net10.0/Wushe.dll --urls "http://127.0.0.1:$APP_PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$APP_PORT "${app_db[@]}" \
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
first=$(head -1 "$OUT/funds.txt" | cut -d' ' -f1)
code=$(curl -s -o "$OUT/me.json" -w '%{http_code}' -H "Authorization: Bearer $first" "$app/api/v1/me")
[[ $code == 200 ]] || { echo "GET /api/v1/me with a prepared token answered $code: the tokens are not the app's" >&2; exit 3; }
read -r largest median < "$OUT/pages.txt"
echo '{}' > "$OUT/body.json"
echo "Charity (issue 10), $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $setting; $target; $FUNDS funds spread, hot fund $largest"

# wrk's latency line in ms: "50%" "90%" "99%"
ms() { awk -v k="$1" '$1 == k { v = $2; print (v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v) }'; }

# 1. Public pages, warm (a few calls each first), one connection.
printf '%-48s %8s %8s %8s %8s %6s\n' page req/s p50_ms p90_ms p99_ms non2xx
for path in "/Public/Fund/$largest" "/Public/Fund/$largest?view=spending" "/Public/Fund/$median" "/Public/Funds?area=$CITY" "/Public/Funds?area=$COUNTY"; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$app$path"; done
  out=$(wrk -t1 -c1 -d"$PAGE_DURATION" --latency "$app$path")
  echo "$out" >> "$OUT/wrk.log"
  printf '%-48s %8s %8s %8s %8s %6s\n' "${path/$largest/<largest>}" "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<< "$out")" "$(ms 50% <<< "$out")" "$(ms 90% <<< "$out")" "$(ms 99% <<< "$out")" \
    "$(awk '/Non-2xx/ { print $NF }' <<< "$out" | grep . || echo 0)"
done
echo

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# post URL CONNS PID FILE TAG -> "req/s p99ms 201s other cpu_ms_per_request requests"
post() {
  local out t0 t1
  t0=$(ticks "$3")
  if [[ -n $4 ]]; then
    out=$(wrk -t2 -c$2 -d"$DURATION" --timeout 10s --latency -s bench/charity.lua "$1" -- "$4" 2 "$5")
  else
    out=$(wrk -t2 -c$2 -d"$DURATION" --timeout 10s --latency -s bench/write.lua "$1" -- "" "$OUT/body.json" none)
  fi
  t1=$(ticks "$3")
  echo "$out" >> "$OUT/wrk.log"
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
       /requests in/ { n = $1 }
       /Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; ms = v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v; p99 = ms }
       /^statuses:/ { split($2, a, "="); split($3, b, "="); ok = a[2]; bad = b[2] }
       END { printf "%.0f %.1f %d %d %.3f %d\n", rps, p99, ok, bad, n ? ticks * 1000 / hz / n : 0, n }' <<< "$out"
}

# 2. Donations against the bare insert.
wrk -t2 -c8 -d"$WARMUP" --timeout 10s -s bench/charity.lua "$app" -- "$OUT/funds.txt" 2 "bench-warm-$$" > "$OUT/warm.txt"
grep -E 'Requests/sec|statuses' "$OUT/warm.txt" | sed 's/^/  warm-up: /'
wrk -t2 -c8 -d"$WARMUP" -s bench/write.lua "http://127.0.0.1:$BARE_PORT/insert" -- "" "$OUT/body.json" none > /dev/null
printf '%-5s %-6s %5s %9s %8s %9s %8s %6s %7s %7s %6s %6s %8s %8s\n' round case conns bare_rps bare_p99 app_rps app_p99 ratio wrk_201 in_db lost other bare_cpu app_cpu
for round in $(seq 1 "$ROUNDS"); do
  for kind in spread hot; do
    file=$OUT/funds.txt; [[ $kind == hot ]] && file=$OUT/hot.txt
    tag="bench-$provider-$kind-$round-$$"
    read -r brps bp99 _ _ bcpu _ <<< "$(post "http://127.0.0.1:$BARE_PORT/insert" 64 "${pids[1]}" "" "")"
    sleep 10 # the bare endpoint's idle connections pruned (PostgreSQL; Npgsql closes them over a few pruning rounds)
    read -r arps ap99 aok abad acpu _ <<< "$(post "$app" 64 "${pids[0]}" "$file" "$tag")"
    read -r indb posted receipts _ <<< "$(bench charity-count "${dbarg[@]}" --tag "$tag")"
    lost=$(( aok > indb ? aok - indb : 0 ))
    sleep 10 # the app's idle connections pruned
    [[ $indb == "$posted" && $indb == "$receipts" ]] || echo "  $tag: $indb donations but $posted entries and $receipts receipt numbers" >&2
    printf '%-5s %-6s %5s %9s %6sms %9s %6sms %6.3f %7s %7s %6s %6s %6.3fms %6.3fms\n' "$round" "$kind" 64 "$brps" "$bp99" "$arps" "$ap99" "$(bc -l <<< "$arps / $brps")" \
      "$aok" "$indb" "$lost" "$abad" "$bcpu" "$acpu"
  done
done
echo

# 3. The ledger check after it all.
read -r _ _ _ _ bad secs <<< "$(bench charity-count "${dbarg[@]}" --tag none --check)"
echo "Ledger check over the city after the runs: $([[ $bad == 0 ]] && echo CLEAN || echo "$bad DISCREPANCIES") in $secs s (in the bench process, the app still running)"
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)"
