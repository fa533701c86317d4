#!/usr/bin/env bash
# Benchmark of issue 13 (home page and voyage history), apart from run.sh so the two can change separately.
# Seeds 120 vessels and 100 voyages (bench/lib.sh), then a year of hourly ETA changes for every vessel
# (120 x 8,760 = 1,051,200 history events, a port change every two weeks) straight into SQLite, and runs
# wrk (-t2 -c16 --latency, keep-alive, after a warm-up) on: the signed-in home, a vessel page with its
# timeline, the history API returning 1,000 events, a 100-item push that writes 100 events, and /alive as
# the machine's yardstick. Writes bench/results/<date>-fleet-history.md. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

duration="${BENCH_DURATION:-10s}"
command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: sudo apt-get install sqlite3" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
bench_setup 120
db="$WORK/data/hosvessel.db"

seed_history "$db"
events=$(sqlite3 "$db" "SELECT count(*) FROM voyage_events")

# The vessel with a voyage (the push named it) and the most history.
detail_name=$(sqlite3 "$db" "SELECT vessel_key FROM voyages ORDER BY id LIMIT 1")
detail_id=$(sqlite3 "$db" "SELECT id FROM vessels WHERE name_key = '$detail_name'")
history_path="/api/voyages/history?vessel_name=$(printf %s "$detail_name" | sed 's/ /%20/g')&limit=1000"
returned=$(curl -fsS -H "X-API-Key: $API_KEY" "$BASE$history_path" | grep -o '"field"' | wc -l)
echo "   history API for $detail_name returns $returned events"

export BENCH_API_KEY="$API_KEY" BENCH_PUSH_A="$PUSH_BODY" BENCH_PUSH_B="$WORK/push-100-b.json"
sed 's/"eta":"2026-03-21 04:00"/"eta":"2026-03-21 09:00"/g' "$PUSH_BODY" >"$BENCH_PUSH_B"

# name | label | path | header | extra wrk args
scenarios=(
  "alive|\`GET /alive\`|/alive|none|"
  "anonymous|\`GET /\` anonymous (run.sh's home row)|/|none|"
  "home|\`GET /\` signed in (fleet panels)|/|cookie|"
  "timeline|\`GET /vessel/{id}\` with timeline + ETA chart|/vessel/$detail_id|cookie|"
  "history|\`GET /api/voyages/history\` (1,000 events)|$history_path|key|"
  "push|\`POST /api/voyage\` (100 items, 100 events each)|/api/voyage|none|-s bench/fleet-push.lua"
)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
rows=()
alive_rps=""
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name label path header extra <<<"$scenario"
  args=(-t2 -c16 --latency $extra)
  case "$header" in
    cookie) args+=(-H "Cookie: $COOKIE") ;;
    key) args+=(-H "X-API-Key: $API_KEY") ;;
  esac
  if [ "$name" != push ] && [ "$name" != anonymous ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H "X-API-Key: $API_KEY" "$BASE$path")
    [ "$code" = 200 ] || echo "warning: $path answers $code" >&2
  fi
  wrk "${args[@]}" -d3s "$BASE$path" >/dev/null 2>&1 || true
  echo "== $name"
  ticks_before=$(cpu_ticks)
  out=$(wrk "${args[@]}" -d"$duration" "$BASE$path" 2>&1)
  ticks=$(( $(cpu_ticks) - ticks_before ))
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  # The server's own CPU time per request: what other work on the machine changes least.
  cpu_ms=$(awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "—" }')
  echo "$out" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' || true
  rps_raw=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  [ "$name" = alive ] && alive_rps="$rps_raw"
  ratio=$(awk -v a="$rps_raw" -v b="$alive_rps" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "—" }')
  rps=$(printf "%'.0f" "$rps_raw" 2>/dev/null || echo "$rps_raw")
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  bad=$(echo "$out" | awk '/Non-2xx/ { print $5 }')
  rows+=("| $label | $rps | $ratio | $cpu_ms | $p50 | $p99 | ${bad:-0} | $(peak_rss_mib) |")
done
events_after=$(sqlite3 "$db" "SELECT count(*) FROM voyage_events")

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
result="bench/results/$(date -u +%Y-%m-%d)-fleet-history.md"
{
  echo "# Benchmark, fleet home and voyage history: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores ($cpu), $(uname -sr); commit $commit"
  echo "- App: Release publish, Production, loopback; 120 vessels, 100 voyages, $events voyage_events before the push row ($events_after after)"
  echo "- Load: \`wrk -t2 -c16 -d$duration --latency\`, keep-alive, after a 3 s warm-up; wrk runs on the same machine"
  echo "- Load average (1/5/15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg). The machine is shared:"
  echo "  read the ratio to \`/alive\` (the cheapest request the app answers) next to the absolute figures"
  echo
  echo "- CPU ms/req: the server process's user+system time (/proc/PID/stat) during the run divided by its requests"
  echo
  echo "| scenario | req/s | of /alive | CPU ms/req | p50 | p99 | non-2xx/3xx | peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >"$result"
echo
cat "$result"
