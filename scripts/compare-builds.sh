#!/bin/bash
# Trains the quickstart for a few steps with an earlier commit's build and with this tree's, on this machine, and says
# whether the weights, the loss curve and every evaluation metric are identical (a refactor must not move a digit).
#   bash scripts/compare-builds.sh <commit> [steps]     (default 60 steps; needs `clip-host data import all` data)
set -euo pipefail
BASE=${1:?usage: compare-builds.sh <commit> [steps]}
STEPS=${2:-60}
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'git -C "$REPO" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true' EXIT
git -C "$REPO" worktree add -q "$WORK/base" "$BASE"
(cd "$WORK/base" && dotnet build ClipHost.sln -c Debug 2>&1 | tail -1)
(cd "$REPO" && dotnet build ClipHost.sln -c Debug 2>&1 | tail -1)
export CLIPHOST_Data__Root=${CLIPHOST_Data__Root:-$REPO/data}
STEP=$(printf "step-%08d" "$STEPS")
for side in base head; do
  dll=$([ $side = base ] && echo "$WORK/base/src/Host/bin/Debug/net10.0/clip-host.dll" || echo "$REPO/src/Host/bin/Debug/net10.0/clip-host.dll")
  export CLIPHOST_Runs__Root=$WORK/runs-$side
  dotnet "$dll" train --config "$REPO/experiments/quickstart.json" --stop-after-steps "$STEPS" --no-eval | tail -1
  # Before issue 15 `eval` wrote into the run; since, only with --into-run.
  dotnet "$dll" eval --run quickstart --into-run >/dev/null 2>&1 || dotnet "$dll" eval --run quickstart >/dev/null
done
python3 - "$WORK" "$STEP" <<'PY'
import hashlib, json, os, sys
work, step = sys.argv[1], sys.argv[2]
run = lambda side: os.path.join(work, f"runs-{side}", "quickstart")
digest = lambda side: hashlib.sha256(open(os.path.join(run(side), "checkpoints", step, "model.safetensors"), "rb").read()).hexdigest()
print("weights:", "identical" if digest("base") == digest("head") else "DIFFERENT", digest("head")[:16])
curve = lambda side: [{k: r[k] for k in ("step", "loss", "lr", "logitScale")} for r in map(json.loads, open(os.path.join(run(side), "metrics.jsonl")))]
print("loss curve:", "identical" if curve("base") == curve("head") else "DIFFERENT")
for name in sorted(os.listdir(os.path.join(run("base"), "eval"))):
    m = lambda side: json.load(open(os.path.join(run(side), "eval", name)))["metrics"]
    print(name, "identical" if m("base") == m("head") else f"DIFFERENT {m('base')} {m('head')}")
PY
