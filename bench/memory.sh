#!/usr/bin/env bash
# Where the server's memory goes: publishes (or reuses BENCH_PUBLISHED), seeds N vessels (bench/lib.sh), prints the
# resident set by mapping (bench/smaps.py) idle, then after a short load of the run.sh pages and the push, and at
# 100,000 vessels after the signed-in home page and its search, which read the whole register.
# Usage: bench/memory.sh [--vessels N]. Environment variables (DOTNET_GC*, ...) reach the server. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
vessels=120
[ "${1:-}" = --vessels ] && vessels="$2"
duration="${BENCH_DURATION:-8s}"
bench_setup "$vessels"
breakdown() {
  echo "== $1: VmRSS $(rss_mib) MiB, VmHWM $(peak_rss_mib) MiB, threads $(ls "/proc/$APP_PID/task" | wc -l)"
  python3 bench/smaps.py "$APP_PID" "${TOP:-8}"
}
breakdown "idle (after start, one push, login)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
load() {
  local label="$1" path="$2"; shift 2
  local before out
  before=$(cpu_ticks)
  out=$(wrk -t2 -c16 -d"$duration" "$@" "$BASE$path" 2>&1)
  local n; n=$(echo "$out" | awk '/requests in/ { print $1 }')
  echo "   $label: $(echo "$out" | awk '/Requests\/sec/ { printf "%.0f req/s", $2 }'), $(awk -v t="$(( $(cpu_ticks) - before ))" -v n="${n:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", t * 1000000 / hz / n; else print "-" }') CPU µs/req, VmHWM $(peak_rss_mib) MiB"
}
export BENCH_PUSH_BODY="$PUSH_BODY" BENCH_API_KEY="$API_KEY"
timed() {
  local took
  took=$(curl -s -o /dev/null -w "HTTP %{http_code} in %{time_total} s" -H "Cookie: $COOKIE" "$BASE$2")
  echo "   $1: $took, VmHWM $(peak_rss_mib) MiB"
}
timed "first signed-in home (reads the fleet)" /
timed "signed-in home search ($COMMON_WORD), one request" "/?q=$COMMON_WORD"
if [ "$vessels" -gt 1000 ]; then
  load "signed-in home" / -H "Cookie: $COOKIE"
  load "signed-in home search (${COMMON_WORD})" "/?q=$COMMON_WORD" -H "Cookie: $COOKIE"
else
  load "signed-in home" / -H "Cookie: $COOKIE"
  load "list" /vessel/list -H "Cookie: $COOKIE"
  load "search page 2" "/vessel/list?name=$COMMON_WORD&page=2" -H "Cookie: $COOKIE"
  load "detail" "/vessel/$DETAIL_ID" -H "Cookie: $COOKIE"
  load "voyage" /voyage -H "Cookie: $COOKIE"
  load "push" /api/voyage -s bench/voyage-push.lua
fi
sleep 5
breakdown "after the load (5 s later)"
