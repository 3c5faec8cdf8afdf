#!/usr/bin/env bash
# Runs every FeedHub test from a fresh clone: format check, Release build, then the test projects.
# The last line is the summed result: "N passed, N failed, N skipped".
set -uo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
results="$repo/TestResults"
rm -rf "$results"

fail() { echo "$1" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# shellcheck source=tests/services.sh
. "$repo/tests/services.sh"

dotnet format --verify-no-changes || fail "dotnet format found unformatted code (run: dotnet format)"
dotnet build FeedHub.sln -c Release -nologo || fail "build failed"

services_up

status=0
dotnet test FeedHub.sln -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
    p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
    f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
done

# CI keeps only the end of the log: name every failed test here, just above the summed result.
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -E 's/.* testName="([^"]*)".*/FAILED: \1/' || true
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the runner itself failed (crash, no results): never report that as green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
