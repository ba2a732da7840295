#!/usr/bin/env bash
# The write path against the bare stack, in one run (docs/PERFORMANCE.md, "Write path"):
# builds the Release app and bench/Wushe.BareInsert, starts both on fresh databases (the app with the
# demo data, signed in as the Bijie bureau user), and runs wrk with bench/write.lua: POST
# /api/v1/supervisions (one station lookup, one insert, one audit row) against POST /insert of the
# bare endpoint (one insert transaction, no auth, no EF), at -t2 -c64 and -t1 -c1, ROUNDS times.
# Prints req/s, p99 and the app/bare ratio per round, and each server's CPU time per request (cpu_ratio = bare/app).
#   bench/write.sh sqlite            # WAL + synchronous=NORMAL on both sides
#   bench/write.sh postgres          # also pgbench's one-row insert on the same server
# After the rounds, FLOOR=1 (default) measures GET /api/v1/me, the cheapest authenticated endpoint, against the bare insert.
# MODE=visit (issue 7): instead of supervisions, records visits — POST /api/v1/households/{id}/visits as the 市西街道 station
# worker (shixi) — spread over HOUSEHOLDS (200) households registered first through POST /api/v1/households (bench/visit.lua
# gives each wrk thread its own share, so no two requests in flight touch one household); the body is VISIT_BODY (a JSON
# file) or a default visit. A visit is one household read, a visit, its participant, its service record and beneficiaries,
# the household's roll-up and the audit rows, in one transaction: compare it with the supervision's one insert.
# MODE=project (issue 8): records a project's delivery — POST /api/v1/projects/{id}/activities as the demo's organization staff
# (PROJECT_USER, org.staff of 七星关区社工服务中心) on the in-progress project of its organization (or PROJECT_ID) — a group service
# of today with 5 residents of the project's area, taken in turn from up to 100 (its participants, else read through the households
# API), and 党工/社工/志工 counts (bench/project.lua);
# records on one project never refuse each other (the project row does not change), so every request uses the same project.
# The body is PROJECT_BODY (a JSON file) or that default. A record is the project and scope reads, the residents' check, the
# activity, its service record and beneficiaries, the service roll-ups and the audit rows, in one transaction.
# Environment: ROUNDS (2), DURATION (10s), WARMUP (20s per endpoint: the app is measured after tiered
# compilation has settled, as it runs in production; a just-started app is several times slower), KEYED=1 (every app request with a fresh Idempotency-Key),
# NO_BUILD=1, APP_DLL (another build of the app, e.g. the one before a change), OUT (/tmp/wushe-write), WUSHE_BENCH_POSTGRES (Host=127.0.0.1;Port=55433;Username=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
KEYED=${KEYED:-0}
MODE=${MODE:-supervision}
HOUSEHOLDS=${HOUSEHOLDS:-200}
OUT=${OUT:-/tmp/wushe-write}
PG=${WUSHE_BENCH_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}
APP_PORT=${APP_PORT:-5191}
BARE_PORT=${BARE_PORT:-5198}
APP_DLL=${APP_DLL:-src/Wushe/bin/Release/net10.0/Wushe.dll}
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT"/app.db* "$OUT"/bare.db* "$OUT"/pgbench_log*
if [[ ${NO_BUILD:-0} != 1 ]]; then
  dotnet build src/Wushe -c Release -nologo -v q > /dev/null
  dotnet build bench/Wushe.BareInsert -c Release -nologo -v q > /dev/null
fi

pgfield() { tr ';' '\n' <<< "$PG" | sed -n "s/^$1=//Ip" | head -1; }
psqlpg() { PGPASSWORD=$(pgfield Password) psql -h "$(pgfield Host)" -p "$(pgfield Port)" -U "$(pgfield Username)" -v ON_ERROR_STOP=1 -qAt "$@"; }
if [[ $provider == sqlite ]]; then
  app_db=(--Wushe:Database:Provider=Sqlite "--ConnectionStrings:Wushe=Data Source=$OUT/app.db")
  bare_db=(--db "$OUT/bare.db")
  setting="SQLite WAL, synchronous=NORMAL"
else
  for d in wushe_write wushe_write_bare; do psqlpg -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" -c "CREATE DATABASE $d"; done
  app_db=(--Wushe:Database:Provider=Postgres "--ConnectionStrings:Wushe=$PG;Database=wushe_write")
  bare_db=(--postgres "$PG;Database=wushe_write_bare")
  setting="PostgreSQL $(psqlpg -d postgres -c 'SHOW server_version'), fsync=$(psqlpg -d postgres -c 'SHOW fsync'), synchronous_commit=$(psqlpg -d postgres -c 'SHOW synchronous_commit')"
fi

# A port already answering would be measured in place of ours (another app, another session's): refuse to start.
for port in $APP_PORT $BARE_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: set APP_PORT / BARE_PORT" >&2; exit 1; fi
done
pids=()
trap 'for p in "${pids[@]}"; do kill $p 2> /dev/null; wait $p 2> /dev/null; done' EXIT
dotnet "$APP_DLL" --urls "http://127.0.0.1:$APP_PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$APP_PORT "${app_db[@]}" \
  --Wushe:Keys:Encryption=$ENC --Wushe:Keys:Lookup=$LOOK --Wushe:Demo:Seed=true --Logging:LogLevel:Default=Warning > "$OUT/app.log" 2>&1 &
pids+=($!)
dotnet bench/Wushe.BareInsert/bin/Release/net10.0/Wushe.BareInsert.dll --urls "http://127.0.0.1:$BARE_PORT" "${bare_db[@]}" > "$OUT/bare.log" 2>&1 &
pids+=($!)
wait_for() {
  for _ in $(seq 1 240); do
    curl -sf "$1" > /dev/null && return 0
    for p in "${pids[@]}"; do kill -0 "$p" 2> /dev/null || { echo "a server exited before $1 answered" >&2; cat "$OUT/app.log" "$OUT/bare.log" >&2; exit 1; }; done
    sleep 0.5
  done
  echo "$1 did not come up" >&2; cat "$OUT/app.log" "$OUT/bare.log" >&2; exit 1
}
wait_for "http://127.0.0.1:$BARE_PORT/health"
wait_for "http://127.0.0.1:$APP_PORT/health/ready"

app=http://127.0.0.1:$APP_PORT
token=$(curl -sf -X POST "$app/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"login":"bijie","password":"Wushe@2026"}' | jq -r .accessToken)
[[ -n $token && $token != null ]] || { echo "sign-in failed" >&2; exit 1; }
station=$(curl -sfS -H "Authorization: Bearer $token" "$app/api/v1/stations?size=10" | jq -r '.items[0].id')
printf '{"stationId":"%s","kind":"Supervision","visitedOn":"%s","supervisorName":"督导 王老师","topics":"台账与服务记录检查","findings":"服务记录不完整","followUps":"一个月内补齐"}' \
  "$station" "$(date -d '-1 day' +%F)" > "$OUT/body.json"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary @"$OUT/body.json" "$app/api/v1/supervisions")
[[ $code == 201 ]] || { echo "POST /api/v1/supervisions answered $code" >&2; exit 1; }
key=$([[ $KEYED == 1 ]] && echo key || echo none)
app_url="$app/api/v1/supervisions"
if [[ $MODE == visit ]]; then
  # The station worker of 市西街道 records visits; the households are registered here, in the demo's 市西街道第1社区.
  token=$(curl -sf -X POST "$app/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d '{"login":"shixi","password":"Wushe@2026"}' | jq -r .accessToken)
  [[ -n $token && $token != null ]] || { echo "sign-in as shixi failed" >&2; exit 1; }
  : > "$OUT/ids.txt"
  for i in $(seq 1 "$HOUSEHOLDS"); do
    printf '{"areaCode":"520502001001","address":"市西街道测试路%d号","members":[{"name":"测试户主%d","sex":"Female","birthDate":"1948-03-%02d","relation":"Head"}]}' \
      "$i" "$i" $(( i % 28 + 1 )) > "$OUT/household.json"
    curl -sfS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @"$OUT/household.json" \
      "$app/api/v1/households" | jq -r .id >> "$OUT/ids.txt"
  done
  if [[ -n ${VISIT_BODY:-} ]]; then cp "$VISIT_BODY" "$OUT/body.json"
  else
    printf '{"visitedOn":"%s","method":"InPerson","livingConditions":"居住环境整洁，生活基本自理","health":"身体状况稳定","safety":"无安全隐患","needsFound":"","services":["LifeCare"],"servicesNote":"","followUps":""}' \
      "$(TZ=Asia/Shanghai date +%F)" > "$OUT/body.json"   # today in China: the households are registered today
  fi
  code=$(curl -s -o "$OUT/first-visit.txt" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/body.json" "$app/api/v1/households/$(head -1 "$OUT/ids.txt")/visits")
  [[ $code == 201 ]] || { echo "POST /api/v1/households/{id}/visits answered $code: $(head -c 400 "$OUT/first-visit.txt") (is RecordVisit on this build? is the body its Request? see VISIT_BODY)" >&2; exit 3; }
  app_url=$app
fi
if [[ $MODE == project ]]; then
  bureau=$token
  user=${PROJECT_USER:-org.staff}
  token=$(curl -sf -X POST "$app/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$user\",\"password\":\"Wushe@2026\"}" | jq -r .accessToken)
  [[ -n $token && $token != null ]] || { echo "sign-in as $user failed" >&2; exit 1; }
  project=${PROJECT_ID:-$(curl -sfS -H "Authorization: Bearer $token" "$app/api/v1/projects?status=InProgress&size=10" | jq -r '.items[0].id')}
  [[ -n $project && $project != null ]] || { echo "$user has no project in progress (set PROJECT_ID)" >&2; exit 3; }
  echo "$project" > "$OUT/ids.txt"
  # The residents a record registers: those the record form offers (the participants), else residents of the project's area read
  # by the bureau user (bijie) through the households API — up to 100, and bench/project.lua registers 5 of them per record in
  # turn, so one person does not pile up thousands of services (the service roll-ups read a person's earlier services of the year).
  curl -sfS -H "Authorization: Bearer $token" "$app/api/v1/projects/$project/participants" | jq -r '.[].id' > "$OUT/residents.txt"
  if [[ ! -s $OUT/residents.txt ]]; then
    area=$(curl -sfS -H "Authorization: Bearer $token" "$app/api/v1/projects/$project" | jq -r .areaCode)
    for h in $(curl -sfS -H "Authorization: Bearer $bureau" "$app/api/v1/households?area=$area&size=50" | jq -r '.items[].id'); do
      curl -sfS -H "Authorization: Bearer $bureau" "$app/api/v1/households/$h" | jq -r '.members[] | select(.status == "Active") | .id'
    done > "$OUT/residents.all"
    awk 'NR <= 100' "$OUT/residents.all" > "$OUT/residents.txt"
  fi
  residents=$(awk 'NR <= 5' "$OUT/residents.txt" | jq -R . | jq -cs .)
  if [[ -n ${PROJECT_BODY:-} ]]; then cp "$PROJECT_BODY" "$OUT/body.json"
  else
    printf '{"kind":"GroupService","heldOn":"%s","title":"互助小组活动","place":"社区活动室","partyWorkers":1,"socialWorkers":2,"volunteers":2,"staffNames":"","residentIds":%s,"headCount":%d,"notes":""}' \
      "$(TZ=Asia/Shanghai date +%F)" "$residents" "$([[ $residents == '[]' ]] && echo 20 || echo 0)" > "$OUT/body.json"
  fi
  code=$(curl -s -o "$OUT/first-record.txt" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/body.json" "$app/api/v1/projects/$project/activities")
  [[ $code == 201 ]] || { echo "POST /api/v1/projects/$project/activities answered $code: $(head -c 400 "$OUT/first-record.txt")" >&2; exit 3; }
  echo "recording on project $project as $user; body $(head -c 300 "$OUT/body.json"); residents in turn: $(wc -l < "$OUT/residents.txt")"
  app_url=$app
fi

# CPU time (user + system, in clock ticks) the process PID has used so far
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# wrk URL TOKEN CONNS PID -> "req/s p99ms non2xx cpu_ms_per_request"
# CPU per request (the server process's own CPU time over the requests it answered) hardly moves when other
# work shares the machine, unlike req/s and p99: on a busy machine it is the figure to compare.
load() {
  local threads=$(( $3 < 2 ? 1 : 2 )) out t0 t1
  t0=$(ticks "$4")
  if [[ $MODE == visit && $1 == "$app_url" ]]; then
    out=$(wrk -t$threads -c$3 -d"$DURATION" --latency -s bench/visit.lua "$1" -- "$2" "$OUT/body.json" "$OUT/ids.txt" $threads)
  elif [[ $MODE == project && $1 == "$app_url" ]]; then
    out=$(wrk -t$threads -c$3 -d"$DURATION" --latency -s bench/project.lua "$1" -- "$2" "$OUT/body.json" "$(cat "$OUT/ids.txt")" "$OUT/residents.txt")
  else
    out=$(wrk -t$threads -c$3 -d"$DURATION" --latency -s bench/write.lua "$1" -- "$2" "$OUT/body.json" "$key")
  fi
  t1=$(ticks "$4")
  awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
       /requests in/ { n = $1 }
       /Requests\/sec/ { rps = $2 }
       $1 == "99%" { v = $2; ms = v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v ~ /s$/ ? v * 1000 : v; p99 = ms }
       /Non-2xx/ { bad = $NF }
       END { printf "%.0f %.1f %d %.3f\n", rps, p99, bad, n ? ticks * 1000 / hz / n : 0 }' <<< "$out"
}
# pgbench's one-row insert (autocommit: one transaction), same payload, on the bare database -> "tps p99ms"
pgload() {
  local threads=$(( $1 < 2 ? 1 : 2 )) tps
  printf "INSERT INTO bare (at, payload) VALUES (now(), '%s');\n" "$(cat "$OUT/body.json")" > "$OUT/pgbench.sql"
  rm -f "$OUT"/pgbench_log*
  tps=$(cd "$OUT" && PGPASSWORD=$(pgfield Password) pgbench -h "$(pgfield Host)" -p "$(pgfield Port)" -U "$(pgfield Username)" \
    -n -j$threads -c$1 -T"${DURATION%s}" -f pgbench.sql -l wushe_write_bare 2> /dev/null | awk '/^tps/ { print $3 }')
  printf '%.0f %s\n' "$tps" "$(cat "$OUT"/pgbench_log* | awk '{ print $3 }' | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int(NR * 0.99)] / 1000 }')"
}

echo "Write path ($MODE), $APP_DLL, $(date -u +%FT%TZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $setting; Idempotency-Key: $key; $DURATION per run after $WARMUP of warm-up"
if [[ $MODE == visit ]]; then   # warm both
  wrk -t2 -c8 -d"$WARMUP" -s bench/visit.lua "$app_url" -- "$token" "$OUT/body.json" "$OUT/ids.txt" 2 > /dev/null
elif [[ $MODE == project ]]; then
  wrk -t2 -c8 -d"$WARMUP" -s bench/project.lua "$app_url" -- "$token" "$OUT/body.json" "$(cat "$OUT/ids.txt")" "$OUT/residents.txt" > /dev/null
else
  wrk -t2 -c8 -d"$WARMUP" -s bench/write.lua "$app_url" -- "$token" "$OUT/body.json" "$key" > /dev/null
fi
wrk -t2 -c8 -d"$WARMUP" -s bench/write.lua "http://127.0.0.1:$BARE_PORT/insert" -- "" "$OUT/body.json" "$key" > /dev/null
printf '%-5s %-5s %10s %9s %10s %9s %6s %8s %9s %9s %9s' round conns bare_rps bare_p99 app_rps app_p99 ratio app_non2xx bare_cpu app_cpu cpu_ratio
[[ $provider == postgres ]] && printf ' %10s %9s %9s' pgbench_tps pgb_p99 app/pgb
echo
for round in $(seq 1 "$ROUNDS"); do
  for conns in 64 1; do
    read -r brps bp99 _ bcpu <<< "$(load "http://127.0.0.1:$BARE_PORT/insert" "" $conns "${pids[1]}")"
    read -r arps ap99 abad acpu <<< "$(load "$app_url" "$token" $conns "${pids[0]}")"
    printf '%-5s %-5s %10s %7sms %10s %7sms %6.3f %8s %7.3fms %7.3fms %9.3f' "$round" "$conns" "$brps" "$bp99" "$arps" "$ap99" "$(bc -l <<< "$arps / $brps")" "$abad" \
      "$bcpu" "$acpu" "$(bc -l <<< "$bcpu / $acpu")"
    if [[ $provider == postgres ]]; then
      read -r ptps pp99 <<< "$(pgload $conns)"
      printf ' %10s %7sms %9.3f' "$ptps" "$pp99" "$(bc -l <<< "$arps / $ptps")"
    fi
    echo
  done
done

# The floor of any authenticated endpoint of the app: GET /api/v1/me (bearer token, session check, the user's
# claims as JSON; no database work: the security stamp is cached). A write cannot be cheaper than this, so its
# ratio to the bare insert bounds what the write's ratio can reach.
if [[ ${FLOOR:-1} == 1 ]]; then
  printf 'function init(args) token = args[1] end\nfunction request() return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token }, nil) end\n' > "$OUT/get.lua"
  wrk -t2 -c8 -d5s -s "$OUT/get.lua" "$app/api/v1/me" -- "$token" > /dev/null
  floor_load() {
    local t0 t1 out
    t0=$(ticks "${pids[0]}")
    out=$(wrk -t2 -c64 -d"$DURATION" --latency -s "$OUT/get.lua" "$app/api/v1/me" -- "$token")
    t1=$(ticks "${pids[0]}")
    awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '/requests in/ { n = $1 } /Requests\/sec/ { rps = $2 }
      $1 == "99%" { v = $2; p99 = v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v * 1000 }
      END { printf "%.0f %.1f %.3f\n", rps, p99, n ? ticks * 1000 / hz / n : 0 }' <<< "$out"
  }
  read -r frps fp99 fcpu <<< "$(floor_load)"
  read -r brps _ _ bcpu <<< "$(load "http://127.0.0.1:$BARE_PORT/insert" "" 64 "${pids[1]}")"
  printf 'floor: GET /api/v1/me at 64 conns: %s req/s, p99 %sms, %sms CPU per request; bare insert %s req/s, %sms CPU; me / bare %.3f\n' \
    "$frps" "$fp99" "$fcpu" "$brps" "$bcpu" "$(bc -l <<< "$frps / $brps")"
fi

