#!/usr/bin/env bash
# Benchmark: publishes Web in Release, starts it on loopback with a fresh data folder in Production,
# seeds it through import-vessels, then runs wrk (-t2 -c16 -d15s --latency, after a warm-up) on six
# scenarios, each with keep-alive and with "Connection: close". Writes bench/results/latest.md.
# Not part of CI. Usage: bench/run.sh [--vessels N] [--only home,list,detail,voyage,push,alive]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

vessels=120
only=""
duration="${BENCH_DURATION:-15s}"
while [ $# -gt 0 ]; do
  case "$1" in
    --vessels) vessels="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "usage: $0 [--vessels N] [--only scenario,...]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_setup "$vessels"
export BENCH_PUSH_BODY="$PUSH_BODY" BENCH_API_KEY="$API_KEY"

# name | label | path | needs login | extra wrk args
scenarios=(
  "home|\`GET /\`|/|no|"
  "list|\`GET /vessel/list?name=$COMMON_WORD&page=2\`|/vessel/list?name=$COMMON_WORD&page=2|yes|"
  "detail|\`GET /vessel/{id}\`|/vessel/$DETAIL_ID|yes|"
  "voyage|\`GET /voyage\`|/voyage|yes|"
  "push|\`POST /api/voyage\` (100 items)|/api/voyage|no|-s bench/voyage-push.lua"
  "alive|\`GET /alive\`|/alive|no|"
)

rows=()
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name label path login extra <<<"$scenario"
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  for mode in keep-alive close; do
    args=(-t2 -c16 --latency $extra)
    [ "$login" = yes ] && args+=(-H "Cookie: $COOKIE")
    [ "$mode" = close ] && args+=(-H "Connection: close")
    if [ "$name" != push ] && [ "$mode" = keep-alive ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
      [ "$code" = 200 ] || echo "warning: $path answers $code" >&2
    fi
    wrk "${args[@]}" -d3s "$BASE$path" >/dev/null 2>&1 || true
    echo "== $name ($mode)"
    out=$(wrk "${args[@]}" -d"$duration" "$BASE$path" 2>&1)
    echo "$out" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' || true
    rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%\047.0f", $2 }')
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    bad=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
    errors=$(echo "$out" | awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }')
    rows+=("| $label | $mode | $rps | $p50 | $p99 | ${bad:-0} | ${errors:-0} | $(peak_rss_mib) |")
  done
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
# Partial runs (--only) go only into their dated file, so latest.md always holds a full run.
result="bench/results/$(date -u +%Y-%m-%d)-${vessels}-vessels${only:+-$only}.md"
{
  echo "# Benchmark: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores ($cpu), $memory RAM, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version), ASP.NET Core runtime $runtime; commit $commit$dirty"
  echo "- App: Release publish, Production, loopback, fresh SQLite database seeded with $vessels vessels and 100 voyages"
  echo "- Load: \`wrk -t2 -c16 -d$duration --latency\` after a 3 s warm-up; wrk runs on the same machine"
  echo "- Load average (1/5/15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); other work on the machine skews every figure"
  echo "- Peak RSS is the server's VmHWM from /proc so far in the run (it only grows)"
  echo
  echo "| scenario | connection | req/s | p50 | p99 | non-2xx/3xx | socket errors | peak RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >"$result"
[ -n "$only" ] || cp "$result" bench/results/latest.md
echo
cat "$result"
