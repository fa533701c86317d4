#!/usr/bin/env bash
# Does a login's answer time tell which usernames exist? Times N logins with unknown usernames against N with the
# admin's username and a wrong password, on a Release publish (see lib.sh), and prints the medians and their ratio
# (issue 10 wants them within 2x). A benchmark, not a test: nothing here fails a build.
#   bench/login-timing.sh [--count N]          BENCH_PUBLISHED=<folder> reuses an earlier publish
# The throttle is kept on, so the script plays by it: each unknown username and each guess comes from its own
# forwarded address (loopback is a trusted proxy), and the wrong passwords come 4 at a time from a browser that
# logged in before (a known device, counted on its own) so the admin's username is never locked.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

count=40
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    *) echo "usage: $0 [--count N]"; exit 2 ;;
  esac
done

bench_setup 120
jars="$WORK/jars"
mkdir -p "$jars"

# One timed POST /login (after an untimed GET for the antiforgery token); prints seconds and the HTTP status.
timed_login() {
  local jar="$1" address="$2" username="$3" password="$4" token
  token=$(curl -fsS -c "$jar" -b "$jar" -H "X-Forwarded-For: $address" "$BASE/login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -sS -o /dev/null -w '%{time_total} %{http_code}\n' -c "$jar" -b "$jar" -H "X-Forwarded-For: $address" \
    --data-urlencode "username=$username" --data-urlencode "password=$password" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/login"
}

median_ms() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'; }

echo "== warming up"
for i in 1 2 3 4; do
  timed_login "$jars/warm-$i" "198.18.0.$i" "warm-$i" "Warm-Passw0rd-$i" >/dev/null
done

echo "== $count logins with unknown usernames"
: >"$WORK/unknown.txt"
for i in $(seq 1 "$count"); do
  read -r seconds status < <(timed_login "$jars/unknown-$i" "198.18.1.$i" "nobody-$RANDOM-$i" "Wrong-Passw0rd-$i")
  [ "$status" = "200" ] || { echo "unknown user $i: HTTP $status"; exit 1; }
  echo "$seconds" >>"$WORK/unknown.txt"
done

echo "== $count logins as admin with a wrong password (4 per known device)"
: >"$WORK/wrong.txt"
i=0
while [ "$i" -lt "$count" ]; do
  device="$jars/device-$i"
  read -r _ status < <(timed_login "$device" "198.18.2.$((i % 250))" admin "$ADMIN_PASSWORD")
  [ "$status" = "302" ] || { echo "admin login for a device cookie: HTTP $status"; exit 1; }
  # The session ends (as when the browser is closed); the device cookie stays.
  sed -i '/hosvessel.auth/d' "$device"
  for _ in 1 2 3 4; do
    [ "$i" -lt "$count" ] || break
    read -r seconds status < <(timed_login "$device" "198.18.3.$((i % 250))" admin "Wrong-Passw0rd-$i")
    [ "$status" = "200" ] || { echo "wrong password $i: HTTP $status"; exit 1; }
    echo "$seconds" >>"$WORK/wrong.txt"
    i=$((i + 1))
  done
done

unknown=$(median_ms <"$WORK/unknown.txt")
wrong=$(median_ms <"$WORK/wrong.txt")
ratio=$(awk -v a="$unknown" -v b="$wrong" 'BEGIN { r = a > b ? a / b : b / a; printf "%.2f", r }')
cat <<REPORT

| login | median (ms, $count each) |
|---|---:|
| unknown username | $unknown |
| known username, wrong password | $wrong |
| ratio (larger / smaller) | $ratio |
REPORT
