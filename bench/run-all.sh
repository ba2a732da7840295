#!/usr/bin/env bash
# Generates the three scales on SQLite (and the city on PostgreSQL when WUSHE_BENCH_POSTGRES
# holds a base connection string, e.g. "Host=127.0.0.1;Port=55433;Username=postgres") and
# measures each (the station reads, the households of issue 7, the needs and projects of issue 8, the volunteers of issue 9:
# `volunteers`, then bench/checkin.sh — check-in against the bare insert over HTTP and the 2,000-volunteer sign-up race — on the city;
# the charity resources of issue 10: `charity` — public fund pages, area totals, 慈善资金统计, home figures, the city's ledger check — then
# bench/charity.sh — donation recording against the bare insert over HTTP, spread over 200 funds and all on one fund — on the city;
# the workforce of issue 11: `workforce` — exam and training figures, the register, a person's record, new talents, station staffing, and
# the 10,000-row exam results import, rolled back after each run; the competitions of issue 12: `competitions` — a call's ranking with all its
# scores, the public list, call page and notice, the host's and the judge's lists, the awards, an award's ledger, a call's figures, the host's
# notice with objections — then bench/competitions.sh, the same over HTTP on the city and judges scoring against the bare insert in the same run).
# HOUR_RECORDS (10000000) sets the city's hour records (1000000 generates and measures in about a tenth of the time). Output: one log per run in ${OUT:-/tmp/wushe-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/wushe-bench}
REPS=${REPS:-100}
mkdir -p "$OUT"
dotnet build bench/Wushe.Bench -c Release -nologo -v q
dotnet build bench/Wushe.BareInsert -c Release -nologo -v q
bench() { dotnet run -c Release --no-build --project bench/Wushe.Bench -- "$@"; }
for scale in township county city; do
  bench generate --scale "$scale" --db "$OUT/$scale.db" --hour-records "${HOUR_RECORDS:-10000000}" | tee "$OUT/generate-$scale-sqlite.txt"
  bench measure --db "$OUT/$scale.db" --reps "$REPS" | tee "$OUT/measure-$scale-sqlite.txt"
  bench households --db "$OUT/$scale.db" --reps "${HOUSEHOLD_REPS:-20}" | tee "$OUT/households-$scale-sqlite.txt"
  bench projects --db "$OUT/$scale.db" --reps "${PROJECT_REPS:-20}" | tee "$OUT/projects-$scale-sqlite.txt"
  bench volunteers --db "$OUT/$scale.db" --reps "${VOLUNTEER_REPS:-20}" | tee "$OUT/volunteers-$scale-sqlite.txt"
  bench charity --db "$OUT/$scale.db" --reps "${CHARITY_REPS:-20}" | tee "$OUT/charity-$scale-sqlite.txt"
  bench workforce --db "$OUT/$scale.db" --reps "${WORKFORCE_REPS:-20}" --import 3 | tee "$OUT/workforce-$scale-sqlite.txt"
  bench competitions --db "$OUT/$scale.db" --reps "${COMPETITION_REPS:-100}" | tee "$OUT/competitions-$scale-sqlite.txt"
done
NO_BUILD=1 OUT="$OUT/checkin-sqlite" bench/checkin.sh sqlite "$OUT/city.db" | tee "$OUT/checkin-city-sqlite.txt"
NO_BUILD=1 OUT="$OUT/charity-sqlite" bench/charity.sh sqlite "$OUT/city.db" | tee "$OUT/charity-http-city-sqlite.txt"
NO_BUILD=1 OUT="$OUT/competitions-sqlite" bench/competitions.sh sqlite "$OUT/city.db" | tee "$OUT/competitions-http-city-sqlite.txt"
if [[ -n "${WUSHE_BENCH_POSTGRES:-}" ]]; then
  pg="$WUSHE_BENCH_POSTGRES;Database=wushe_bench_city"
  bench generate --scale city --postgres "$pg" --hour-records "${HOUR_RECORDS:-10000000}" | tee "$OUT/generate-city-postgres.txt"
  bench measure --postgres "$pg" --reps "$REPS" | tee "$OUT/measure-city-postgres.txt"
  bench households --postgres "$pg" --reps "${HOUSEHOLD_REPS:-20}" | tee "$OUT/households-city-postgres.txt"
  bench projects --postgres "$pg" --reps "${PROJECT_REPS:-20}" | tee "$OUT/projects-city-postgres.txt"
  bench volunteers --postgres "$pg" --reps "${VOLUNTEER_REPS:-20}" | tee "$OUT/volunteers-city-postgres.txt"
  bench charity --postgres "$pg" --reps "${CHARITY_REPS:-20}" | tee "$OUT/charity-city-postgres.txt"
  bench workforce --postgres "$pg" --reps "${WORKFORCE_REPS:-20}" --import 3 | tee "$OUT/workforce-city-postgres.txt"
  bench competitions --postgres "$pg" --reps "${COMPETITION_REPS:-100}" | tee "$OUT/competitions-city-postgres.txt"
  NO_BUILD=1 OUT="$OUT/checkin-postgres" bench/checkin.sh postgres "$pg" | tee "$OUT/checkin-city-postgres.txt"
  NO_BUILD=1 OUT="$OUT/charity-postgres" bench/charity.sh postgres "$pg" | tee "$OUT/charity-http-city-postgres.txt"
  NO_BUILD=1 OUT="$OUT/competitions-postgres" bench/competitions.sh postgres "$pg" | tee "$OUT/competitions-http-city-postgres.txt"
fi
