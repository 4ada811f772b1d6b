#!/usr/bin/env bash
# The fp32 vs bf16-mixed comparison of docs/performance.md: the quickstart at three seeds in each precision,
# then the side-by-side table and loss curves. Needs the stores of scripts/setup.sh. About 35 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host/ClipHost.Host.csproj -c Release -nologo -v quiet
clip_host() { dotnet src/Host/bin/Release/net10.0/clip-host.dll "$@"; }
for config in experiments/precision/quickstart-*.json; do
  clip_host train --config "$config"
done
clip_host runs compare quickstart-fp32-s0 quickstart-fp32-s1 quickstart-fp32-s2 \
  quickstart-bf16-mixed-s0 quickstart-bf16-mixed-s1 quickstart-bf16-mixed-s2 --out docs/performance
