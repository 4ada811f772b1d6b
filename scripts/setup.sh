#!/usr/bin/env bash
# The README's first command: install what is missing, build, import every real data set, then train and
# evaluate the quickstart CLIP (experiments/quickstart.json) on the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_dotnet
need_npm
apt_ensure ca-certificates

dotnet build src/Host/ClipHost.Host.csproj -c Release -nologo -v quiet
clip_host() { dotnet src/Host/bin/Release/net10.0/clip-host.dll "$@"; }

# Installs the data packages itself (npm emoji-datasource-*, emojibase-data; apt openclipart, fashion-mnist).
clip_host data import all
clip_host data list

# Resumes from its checkpoint if interrupted; a finished run is evaluated again without retraining.
clip_host train --config experiments/quickstart.json
