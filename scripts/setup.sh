#!/usr/bin/env bash
# The README's first command: install what is missing, build, import every real data set, then train and
# evaluate the quickstart CLIP (experiments/quickstart.json) on the embedded defaults, and start the service
# (in-memory job storage) with its dashboard at http://127.0.0.1:5080/hangfire.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
need_dotnet
need_npm
apt_ensure ca-certificates curl
# The word list the "english" data filter reads (/usr/share/dict/american-english).
apt_ensure wamerican

dotnet build src/Host/ClipHost.Host.csproj -c Release -nologo -v quiet
clip_host() { dotnet src/Host/bin/Release/net10.0/clip-host.dll "$@"; }

# Installs the data packages itself (npm emoji-datasource-*, emojibase-data, @iconify-json/* emoji sets; apt librsvg2-bin, openclipart, fashion-mnist).
clip_host data import all
clip_host data list

# The run "quickstart": resumes from its checkpoint if interrupted; a finished run prints its metrics (--fresh trains it again).
clip_host train --config experiments/quickstart.json

# The service, in the background: the dashboard lists the quickstart as a recurring job ("Trigger now" runs it again).
url=http://127.0.0.1:5080
if curl -fsS "$url/api/health" >/dev/null 2>&1; then
  echo "clip-host serve is already running at $url"
else
  mkdir -p runs
  nohup dotnet src/Host/bin/Release/net10.0/clip-host.dll serve >runs/serve.log 2>&1 &
  echo $! >runs/serve.pid
  for _ in $(seq 1 60); do
    curl -fsS "$url/api/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fsS "$url/api/health" >/dev/null || { tail -20 runs/serve.log; exit 1; }
fi
echo "dashboard: $url/hangfire   API: $url/api/runs   log: runs/serve.log   stop: kill \$(cat runs/serve.pid)"
