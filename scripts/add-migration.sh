#!/usr/bin/env bash
# Adds a migration NAME for both providers (every model change needs both; a test fails otherwise).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Wushe --context ${p}AppDb --output-dir Data/Migrations/$p
done
