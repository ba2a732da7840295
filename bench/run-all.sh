#!/usr/bin/env bash
# Generates the three scales on SQLite (and the city on PostgreSQL when WUSHE_BENCH_POSTGRES
# holds a base connection string, e.g. "Host=127.0.0.1;Port=55433;Username=postgres") and
# measures each (the station reads, the households of issue 7, the needs and projects of issue 8). Output: one log per run in ${OUT:-/tmp/wushe-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/wushe-bench}
REPS=${REPS:-100}
mkdir -p "$OUT"
dotnet build bench/Wushe.Bench -c Release -nologo -v q
bench() { dotnet run -c Release --no-build --project bench/Wushe.Bench -- "$@"; }
for scale in township county city; do
  bench generate --scale "$scale" --db "$OUT/$scale.db" | tee "$OUT/generate-$scale-sqlite.txt"
  bench measure --db "$OUT/$scale.db" --reps "$REPS" | tee "$OUT/measure-$scale-sqlite.txt"
  bench households --db "$OUT/$scale.db" --reps "${HOUSEHOLD_REPS:-20}" | tee "$OUT/households-$scale-sqlite.txt"
  bench projects --db "$OUT/$scale.db" --reps "${PROJECT_REPS:-20}" | tee "$OUT/projects-$scale-sqlite.txt"
done
if [[ -n "${WUSHE_BENCH_POSTGRES:-}" ]]; then
  pg="$WUSHE_BENCH_POSTGRES;Database=wushe_bench_city"
  bench generate --scale city --postgres "$pg" | tee "$OUT/generate-city-postgres.txt"
  bench measure --postgres "$pg" --reps "$REPS" | tee "$OUT/measure-city-postgres.txt"
  bench households --postgres "$pg" --reps "${HOUSEHOLD_REPS:-20}" | tee "$OUT/households-city-postgres.txt"
  bench projects --postgres "$pg" --reps "${PROJECT_REPS:-20}" | tee "$OUT/projects-city-postgres.txt"
fi
