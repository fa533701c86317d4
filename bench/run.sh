#!/usr/bin/env bash
# Benchmark: publishes Web in Release, starts it on loopback with a fresh data folder in Production,
# seeds it through import-vessels, then runs wrk (-t2 -c16 -d15s --latency, after a warm-up) on each
# scenario, with keep-alive and with "Connection: close". Every req/s is also given as a share of
# `GET /alive`, measured for 5 s just before it in the same mode: other work on this 2-core machine moves
# the absolute figures, the shares much less; the server's CPU time per request least of all. Writes bench/results/<date>-<N>-vessels[-label].md, and
# latest.md for a full 120-vessel run. Not part of CI.
# Usage: bench/run.sh [--vessels N] [--only alive,home,list,search,search-pages,detail,voyage,push] [--label NAME]
# With more than 1,000 vessels the default set is the fleet-size rows: alive, home, list, search, search-pages, detail.
# search-pages varies the search's words and pages (bench/search-pages.lua), so a cache of pages cannot answer it.
# BENCH_DURATION (15s) and BENCH_MODES ("keep-alive close") shorten runs, for example to compare runtime settings.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

vessels=120
only=""
label=""
duration="${BENCH_DURATION:-15s}"
while [ $# -gt 0 ]; do
  case "$1" in
    --vessels) vessels="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    *) echo "usage: $0 [--vessels N] [--only scenario,...] [--label NAME]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; }
partial="$only"
if [ -z "$only" ] && [ "$vessels" -gt 1000 ]; then only="alive,home,list,search,search-pages,detail"; fi
if [ -n "$only" ] && [[ ",$only," != *",alive,"* ]]; then only="alive,$only"; fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_setup "$vessels"
export BENCH_PUSH_BODY="$PUSH_BODY" BENCH_API_KEY="$API_KEY"

# name | label | path | needs login | extra wrk args. /alive also gets a row of its own.
scenarios=(
  "alive|\`GET /alive\`|/alive|no|"
  "home|\`GET /\`|/|no|"
  "list|\`GET /vessel/list\`|/vessel/list|yes|"
  "search|\`GET /vessel/list?name=$COMMON_WORD&page=2\`|/vessel/list?name=$COMMON_WORD&page=2|yes|"
  "search-pages|search, varying: 4 common words in 32 spellings, pages 2–21 (\`bench/search-pages.lua\`)|/vessel/list?name=$COMMON_WORD&page=2|yes|-s bench/search-pages.lua"
  "detail|\`GET /vessel/{id}\`|/vessel/$DETAIL_ID|yes|"
  "voyage|\`GET /voyage\`|/voyage|yes|"
  "push|\`POST /api/voyage\` (100 items)|/api/voyage|no|-s bench/voyage-push.lua"
)

declare -A alive_rps alive_cpu
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
rows=()
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name label_md path login extra <<<"$scenario"
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  for mode in ${BENCH_MODES:-keep-alive close}; do
    args=(-t2 -c16 --latency $extra)
    [ "$login" = yes ] && args+=(-H "Cookie: $COOKIE")
    [ "$mode" = close ] && args+=(-H "Connection: close")
    if [ "$name" != push ] && [ "$mode" = keep-alive ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
      [ "$code" = 200 ] || echo "warning: $path answers $code" >&2
    fi
    wrk "${args[@]}" -d3s "$BASE$path" >/dev/null 2>&1 || true
    if [ "$name" != alive ]; then
      # The yardstick right next to the figure, so load from other work drifts between them as little as possible.
      yardstick=(-t2 -c16)
      [ "$mode" = close ] && yardstick+=(-H "Connection: close")
      alive_rps[$mode]=$(wrk "${yardstick[@]}" -d5s "$BASE/alive" 2>&1 | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    fi
    echo "== $name ($mode)"
    cpu_before=$(cpu_ticks)
    out=$(wrk "${args[@]}" -d"$duration" "$BASE$path" 2>&1)
    cpu_used=$(( $(cpu_ticks) - cpu_before ))
    echo "$out" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' || true
    raw=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    # Server CPU time per request: what the code costs, whatever else the machine is doing.
    cpu_us=$(awk -v t="$cpu_used" -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", t * 1000000 / hz / n; else print 0 }')
    [ "$name" = alive ] && alive_rps[$mode]="$raw" && alive_cpu[$mode]="$cpu_us"
    cpu_share=$(awk -v c="$cpu_us" -v a="${alive_cpu[$mode]:-0}" 'BEGIN { if (c > 0 && a > 0) printf "%.1f%%", 100 * a / c; else print "-" }')
    rps=$(printf "%'d" "${raw:-0}")
    share=$(awk -v r="${raw:-0}" -v a="${alive_rps[$mode]:-0}" 'BEGIN { if (a > 0) printf "%.1f%% of %\047d", 100 * r / a, a; else print "-" }')
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
    bad=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
    errors=$(echo "$out" | awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }')
    rows+=("| $label_md | $mode | $rps | $share | $cpu_us | $cpu_share | $p50 | $p99 | ${bad:-0} | ${errors:-0} | $(peak_rss_mib) |")
  done
done
# End RSS: what the server keeps once the load stops (after a short pause for the GC to settle).
sleep 5
end_rss=$(rss_mib)
peak_rss=$(peak_rss_mib)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
gc_env=$(env | grep -E '^DOTNET_([Gg][Cc]|Tiered|TC_|ReadyToRun)' | sort | tr '\n' ' ' || true)
# Partial runs (--only) go only into their dated file, so latest.md always holds a full run.
result="bench/results/$(date -u +%Y-%m-%d)-${vessels}-vessels${partial:+-${partial//,/-}}${label:+-$label}.md"
{
  echo "# Benchmark: $(date -u '+%Y-%m-%d %H:%M UTC')${label:+ ($label)}"
  echo
  echo "- Machine: $(nproc) cores ($cpu), $memory RAM, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version), ASP.NET Core runtime $runtime; commit $commit$dirty${BENCH_PUBLISHED:+; published build $BENCH_PUBLISHED}"
  echo "- App: Release publish, Production, loopback, fresh SQLite database seeded with $vessels vessels and 100 voyages${gc_env:+; environment: $gc_env}"
  echo "- Load: \`wrk -t2 -c16 -d$duration --latency\` after a 3 s warm-up; wrk runs on the same machine"
  echo "- Load average (1/5/15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); other work on the machine skews every absolute figure, so compare the share of \`/alive\`"
  echo "- Import: $vessels vessels in $IMPORT_FILES file(s) took $IMPORT_SECONDS s (import-vessels wall time, process start-up included)"
  echo "- RSS: idle after start $IDLE_RSS MiB, peak (VmHWM) $peak_rss MiB, end (5 s after the load) $end_rss MiB"
  echo
  echo "- CPU µs/req is the server's own CPU time (utime + stime from /proc) over the run divided by the requests served;"
  echo "  its share is /alive's CPU per request over this row's: the share of /alive's rate this page reaches when the CPU is the limit."
  echo "  It moves far less with other work on the machine than req/s does."
  echo
  echo "| scenario | connection | req/s | share of /alive (its req/s) | CPU µs/req | CPU share of /alive | p50 | p99 | non-2xx/3xx | socket errors | peak RSS MiB so far |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >"$result"
[ -n "$partial$label" ] || [ "$vessels" != 120 ] || cp "$result" bench/results/latest.md
echo
cat "$result"
