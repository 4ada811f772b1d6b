#!/usr/bin/env bash
# The fault figures of docs/reliability.md (Faults): SIGKILL at seeded random points of `data import`, `data filter`,
# `train` and `eval` (TRIALS per verb, 20 by default; CI runs the same tests with 2), then the PostgreSQL outage and
# the full-disk checkpoint. Prints the figures table. Needs root (the disk-full test mounts a small tmpfs) and
# PostgreSQL's binaries (scripts/test.sh installs them). About 15 minutes on 2 cores with TRIALS=20.
#   bash scripts/faults.sh            # 20 trials per verb, seed 14
#   TRIALS=5 SEED=3 bash scripts/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_dotnet
apt_ensure postgresql

dotnet build tests/Host.Tests/Host.Tests.csproj -c Debug -nologo -v quiet
tests=tests/Host.Tests/bin/Debug/net10.0/Host.Tests
report=$(mktemp)
status=0
CLIPHOST_FAULT_TRIALS=${TRIALS:-20} CLIPHOST_FAULT_SEED=${SEED:-14} CLIPHOST_FAULT_REPORT=$report \
  "$tests" -class "ClipHost.Host.Tests.Faults.SigkillFaultTests" || status=$?
"$tests" -class "ClipHost.Host.Tests.Faults.PostgresOutageTests" -class "ClipHost.Host.Tests.Faults.CheckpointDiskFullTests" || status=$?

echo
echo "CPU: $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(nproc) cores; trials per verb ${TRIALS:-20}, seed ${SEED:-14}"
echo "| verb | trials | killed mid-run | killed at (ms after start) | uninterrupted run (ms) | re-run completed | bit-identical | half-written found |"
echo "|---|---|---|---|---|---|---|---|"
cat "$report"
rm -f "$report"
[ "$status" -eq 0 ] && echo "faults: all passed" || echo "faults: FAILED (see above)"
exit "$status"
