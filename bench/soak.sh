#!/usr/bin/env bash
# Soak test, run on request (not in CI): 10 minutes of mixed page reads (wrk, 2 threads, 8 connections)
# plus a 100-item voyage push every 5 s, sampling the server's RSS every 30 s. Reports the 5xx count
# and RSS over time, which should stay flat. Usage: bench/soak.sh [--minutes N] [--vessels N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

minutes=10
vessels=120
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --vessels) vessels="$2"; shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--vessels N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; }

bench_setup "$vessels"
export BENCH_COOKIE="$COOKIE" BENCH_DETAIL_ID="$DETAIL_ID"
seconds=$((minutes * 60))
echo "== soaking for $minutes minutes"

wrk -t2 -c8 -d"${seconds}s" -s bench/mixed.lua "$BASE" >"$WORK/wrk.txt" 2>&1 &
wrk_pid=$!

push_failures=0
pushes=0
samples=("| elapsed | RSS MiB | peak RSS MiB |" "|---:|---:|---:|")
start=$(date +%s)
next_sample=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  elapsed=$(( $(date +%s) - start ))
  if [ "$elapsed" -ge "$next_sample" ]; then
    samples+=("| $((elapsed / 60))m$(printf '%02d' $((elapsed % 60)))s | $(rss_mib) | $(peak_rss_mib) |")
    next_sample=$((next_sample + 30))
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" \
    --data-binary "@$PUSH_BODY" "$BASE/api/voyage" || echo 000)
  pushes=$((pushes + 1))
  [ "$code" = 200 ] || push_failures=$((push_failures + 1))
  sleep 5
done
samples+=("| end | $(rss_mib) | $(peak_rss_mib) |")

echo
echo "## Soak: $minutes minutes, $vessels vessels, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
grep -E 'requests in|Requests/sec|Latency|5xx responses|Non-2xx|Socket errors' "$WORK/wrk.txt" | sed 's/^/    /'
echo
echo "- voyage pushes: $pushes, failed: $push_failures"
echo "- server log lines at warning or above: $(grep -cE '^(warn|fail|crit):' "$WORK/server.log" || true)"
echo
printf '%s\n' "${samples[@]}"
