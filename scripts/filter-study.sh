#!/usr/bin/env bash
# The data-filter study (docs/data-filters.md): the quickstart's model trained at one budget of samples seen on the
# top 20/40/60/80/100% of the emoji + clip-art pool by CLIP score, the teacher being the quickstart run (trained on
# emoji names only). Each cut is an ordinary run (resumable, evaluated); the side-by-side table is printed and written
# to runs/filter-study-sweep/comparison.md. Run after scripts/setup.sh (which imports the data and trains the teacher).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host/ClipHost.Host.csproj -c Release -nologo -v quiet
clip_host() { dotnet src/Host/bin/Release/net10.0/clip-host.dll "$@"; }

clip_host train --config experiments/quickstart.json --no-eval
[ -f data/stores/pool/manifest.json ] || clip_host data merge pool emoji openclipart
clip_host train --config experiments/filter-study.json --sweep 'data.filters[0].options.topPercent=20,40,60,80,100'
