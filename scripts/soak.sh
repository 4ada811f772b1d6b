#!/usr/bin/env bash
# The long soak of docs/reliability.md (Soak): 200 small jobs (trainings, imports, filters) through the public API onto
# two `clip-host serve` processes sharing one PostgreSQL database; checks each job ran exactly once and each host's
# RSS, open files and threads stayed flat, then prints the figures. CI runs the same test with 24 jobs.
# CLIPHOST_SOAK_JOBS sets the count; CLIPHOST_SOAK_REPORT where the figures go (default runs/soak-report.md).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_dotnet
pg_ensure
export CLIPHOST_SOAK_JOBS=${CLIPHOST_SOAK_JOBS:-200}
export CLIPHOST_SOAK_REPORT
CLIPHOST_SOAK_REPORT=$(realpath -m "${CLIPHOST_SOAK_REPORT:-runs/soak-report.md}")
mkdir -p "$(dirname "$CLIPHOST_SOAK_REPORT")"
dotnet build tests/Host.Tests/Host.Tests.csproj -c Debug -nologo -v quiet
lscpu | grep 'Model name'
start=$(date +%s)
tests/Host.Tests/bin/Debug/net10.0/Host.Tests -class 'ClipHost.Host.Tests.Soak.SoakTests'
echo "soak of $CLIPHOST_SOAK_JOBS jobs passed in $(( $(date +%s) - start )) s; figures in $CLIPHOST_SOAK_REPORT:"
cat "$CLIPHOST_SOAK_REPORT"
