#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the Debian packages the tests drive
# (Caddy, docker-compose, Chromium, and Docker's engine with debootstrap for the engine test),
# then the whole xunit suite, then prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

# fonts-nanum: without a Korean font Chromium draws Hangul as boxes in the screenshots.
# docker.io + debootstrap: HosVessel.Tests/Deployment/Engine starts its own dockerd (engine.sh) on stand-in base images.
packages=(caddy docker-compose docker.io debootstrap chromium fonts-nanum sqlite3)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt_get=(apt-get)
  [ "$(id -u)" -eq 0 ] || apt_get=(sudo apt-get)
  "${apt_get[@]}" update -qq
  # No recommends: nothing the tests do not drive (docker.io's recommends would add apparmor, git helpers, etc.).
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Caddy's Debian package starts a system service on :80; the tests run their own Caddy instances.
# docker.io's units would start a system dockerd; the engine test starts its own and refuses to share.
if command -v systemctl >/dev/null 2>&1; then
  for unit in caddy docker.service docker.socket; do
    if systemctl is-active --quiet "$unit" 2>/dev/null; then systemctl stop "$unit" || true; fi
  done
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test HosVessel.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
  echo "$passed passed, $failed failed, $((total - executed)) skipped"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
