#!/usr/bin/env bash
# The README's second command (and CI's): install what the tests need, build, run every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_dotnet
need_npm
# Real data for the import tests; the tests would install them too, but one apt run up front is faster.
# PostgreSQL for the multi-host tests (started here, reached over its local socket); Chromium for the dashboard test;
# wamerican's word list for the "english" data filter; Debian's PyTorch for the open_clip equivalence test (it runs
# /usr/bin/python3, where python3-torch installs).
apt_ensure openclipart-png openclipart-svg dataset-fashion-mnist chromium wamerican librsvg2-bin python3-torch python3-numpy
pg_ensure

log=$(mktemp)
status=0
results=$(mktemp -d)
dotnet test ClipHost.sln -c Debug --report-xunit-ctrf --results-directory "$results" 2>&1 | tee "$log" || status=$?
# CI time is a budget (aim: under 30 minutes): name where it goes, the slowest tests and classes (tests of one
# class run one after another, so a class's sum is its share of the wall clock).
python3 scripts/slowest-tests.py "$results" || true
rm -rf "$results"

# The native LibTorch bundle is ~1 GB per project that carries it: keep those few.
echo "build output size: $(du -sch src/*/bin tests/*/bin 2>/dev/null | tail -1 | cut -f1)"

# One closing line that any reader understands, summed over the test applications.
total=$(grep -E '^\s+total: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
if [ "$total" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "no tests ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
