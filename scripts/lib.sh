# Shared helpers for the set-up and test scripts. Sourced, not run.

# apt_ensure PKG...: installs the Debian packages that are not installed yet (root, or sudo when present).
apt_ensure() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/cliphost-apt.log 2>&1; then
    $sudo apt-get update -q >>/tmp/cliphost-apt.log 2>&1
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/cliphost-apt.log 2>&1 \
      || { tail -20 /tmp/cliphost-apt.log; return 1; }
  fi
}

# need_dotnet: the .NET 10 SDK is a prerequisite (README); fail with a clear message without it.
need_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { echo "the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
}

# need_npm: npm fetches the emoji data sets.
need_npm() {
  command -v npm >/dev/null 2>&1 || apt_ensure nodejs npm
}

# pg_ensure: installs PostgreSQL when missing, starts its cluster, and gives the current OS user a superuser role
# reachable over the local socket (peer authentication), which the PostgreSQL tests use.
pg_ensure() {
  apt_ensure postgresql
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    $sudo pg_createcluster "$version" main >/dev/null
  fi
  pg_lsclusters -h | grep -q "^$version main .* online" || $sudo pg_ctlcluster "$version" main start
  local user as_postgres
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then as_postgres="runuser -u postgres --"; else as_postgres="sudo -u postgres"; fi
  (cd /tmp && $as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'") | grep -q 1 \
    || (cd /tmp && $as_postgres createuser --superuser "$user")
}
