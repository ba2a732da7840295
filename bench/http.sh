#!/usr/bin/env bash
# Load over HTTP: starts the Release build of the app on a generated database (loopback only),
# signs in as the generated Bijie bureau user, and runs wrk (bounded, 10 s per run) on the
# area tree and the coverage endpoints, then on the household reads of issue 7 that the build has
# (HOUSEHOLD_PATHS; a path that answers 404/405 is reported as missing and skipped); stops the app at the end.
#   bench/http.sh sqlite /tmp/wushe-bench/city.db
#   bench/http.sh postgres "Host=127.0.0.1;Port=55433;Username=postgres;Database=wushe_bench_city"
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite or postgres}
target=${2:?database file or connection string}
PORT=${PORT:-5099}
DURATION=${DURATION:-10s}
# The keys the generator sealed phone numbers with (BenchDb.cs).
ENC=d3VzaGUtYmVuY2gtZW5jcnlwdGlvbi1rZXktMDAwMzI=
LOOK=d3VzaGUtYmVuY2gtbG9va3VwLWtleS0wMDAwMDAwMzI=
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
dll=src/Wushe/bin/Release/net10.0/Wushe.dll
[[ -f $dll ]] || dotnet build src/Wushe -c Release -nologo -v q
if [[ $provider == sqlite ]]; then conn="Data Source=$target"; db=Sqlite; else conn=$target; db=Postgres; fi

log=$(mktemp)
dotnet "$dll" --urls "http://127.0.0.1:$PORT" --Wushe:PublicBaseUrl=http://127.0.0.1:$PORT --Wushe:Database:Provider=$db --ConnectionStrings:Wushe="$conn" \
  --Wushe:Keys:Encryption=$ENC --Wushe:Keys:Lookup=$LOOK --Logging:LogLevel:Default=Warning > "$log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break
  kill -0 $app 2> /dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

token=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"login":"bench.bijie","password":"Bench2026!"}' | jq -r .accessToken)
[[ -n $token && $token != null ]] || { echo "sign-in failed" >&2; cat "$log"; exit 1; }
auth="Authorization: Bearer $token"

echo "App: $dll on $db ($target); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Issue 7: the household list, a name search (龙怡), an ID-tail search, overdue per county and the service summary, as the
# city user (override with HOUSEHOLD_PATHS).
read -r -a household_paths <<< "${HOUSEHOLD_PATHS:-/api/v1/households?size=20 /api/v1/households?keyword=%E9%BE%99%E6%80%A1&size=20 /api/v1/households?idTail=1234&size=20 /api/v1/households/overdue-by-township /api/v1/service-records/summary}"
for path in "/api/v1/areas?parent=520500000000" "/api/v1/stations/coverage?area=520500000000" "${household_paths[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$PORT$path")
  if [[ $path == /api/v1/households* && $code =~ ^(404|405)$ ]]; then echo "== GET $path: $code (not in this build), skipped"; continue; fi
  [[ $code == 200 ]] || { echo "GET $path answered $code" >&2; exit 1; }
  curl -s -H "$auth" "http://127.0.0.1:$PORT$path" > /dev/null   # warm
  for conns in 1 16; do
    threads=$(( conns < 2 ? 1 : 2 ))
    echo "== GET $path  (wrk -t$threads -c$conns -d$DURATION)"
    wrk -t$threads -c$conns -d"$DURATION" --latency -H "$auth" "http://127.0.0.1:$PORT$path" \
      | grep -E 'Latency|50%|99%|Requests/sec|Non-2xx|Socket errors'
  done
done
