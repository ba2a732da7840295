#!/usr/bin/env bash
# Runs the whole test suite (unit, API through the real app, browser) and ends with one line:
#   N passed, N failed[, N skipped]
#
#   bash scripts/test.sh                                  # SQLite, every test
#   bash scripts/test.sh --filter "Category!=Browser"     # extra arguments go to dotnet test
#   WUSHE_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" bash scripts/test.sh
#                                                         # the same suite on PostgreSQL (a database per run, dropped after)
#   bash scripts/test.sh --summary DIR...                 # only print the line, totalled over the TRX files in DIRs
#
# TRX results (and browser screenshots) go to WUSHE_TEST_RESULTS, default TestResults/run-<time>.
# Browser tests need Debian's chromium and fonts-wqy-microhei (.ci/run installs them).
set -uo pipefail
cd "$(dirname "$0")/.."

# Prints "N passed, N failed[, N skipped]" from the <Counters> of every TRX file under the given folders.
summary() {
    local passed=0 failed=0 skipped=0 trx counters
    get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    while IFS= read -r -d '' trx; do
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
        [ -n "$counters" ] || continue
        passed=$((passed + $(get passed)))
        failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
        # Skipped tests are not executed; the notExecuted counter stays 0 for them.
        skipped=$((skipped + $(get total) - $(get executed)))
    done < <(find "$@" -name '*.trx' -print0 2>/dev/null)
    if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
}

if [ "${1:-}" = "--summary" ]; then
    shift
    summary "$@"
    exit 0
fi

results=${WUSHE_TEST_RESULTS:-TestResults/run-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$results"
results=$(cd "$results" && pwd)
export WUSHE_TEST_ARTIFACTS=${WUSHE_TEST_ARTIFACTS:-$results}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# A hung test host is stopped after 10 minutes instead of holding CI until its own limit.
dotnet test Wushe.slnx --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 10min --blame-hang-dump-type none "$@"
status=$?

if ! find "$results" -name '*.trx' | grep -q .; then
    echo "No test results in $results: the build or the test run failed before any test ran." >&2
    [ "$status" -ne 0 ] || status=1
fi
summary "$results"
exit "$status"
