#!/usr/bin/env bash
# The long fuzzing run (CI runs the same tests at a fixed seed and a few hundred cases per target):
# CLIPHOST_FUZZ_CASES cases per target (default 20000) at a random seed per target, printed; CLIPHOST_FUZZ_SEED=S
# replays a run. Failing cases land in artifacts/fuzz-findings/<target>/ in corpus form: copy one into
# tests/Engine.Tests/Fuzzing/Corpus/<target>/ (tests/Host.Tests/Fuzzing/Corpus/api/ for the API) to replay it in CI.
set -uo pipefail
cd "$(dirname "$0")/.."
export CLIPHOST_FUZZ_CASES="${CLIPHOST_FUZZ_CASES:-20000}"
export CLIPHOST_FUZZ_FINDINGS="${CLIPHOST_FUZZ_FINDINGS:-$PWD/artifacts/fuzz-findings}"
export CLIPHOST_FUZZ_FIGURES="${CLIPHOST_FUZZ_FIGURES:-$PWD/artifacts/fuzz-figures.tsv}"
mkdir -p "$(dirname "$CLIPHOST_FUZZ_FIGURES")"
: > "$CLIPHOST_FUZZ_FIGURES"
dotnet build tests/Engine.Tests/Engine.Tests.csproj -c Debug -v q -nologo | tail -2
dotnet build tests/Host.Tests/Host.Tests.csproj -c Debug -v q -nologo | tail -2
status=0
tests/Engine.Tests/bin/Debug/net10.0/Engine.Tests -class ClipHost.Engine.Tests.Fuzzing.FuzzTests || status=$?
tests/Host.Tests/bin/Debug/net10.0/Host.Tests -class ClipHost.Host.Tests.Fuzzing.ApiBodyFuzzTests || status=$?
echo
echo "| target | cases | seed | crashes | hangs | writes outside root | rejections naming what is wrong | accepted | seconds |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
sed 's/\t/ | /g; s/^/| /; s/$/ |/' "$CLIPHOST_FUZZ_FIGURES"
lscpu | grep 'Model name'
exit "$status"
