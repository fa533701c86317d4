#!/usr/bin/env bash
# Profiles the fleet-history scenarios: the same app and data as fleet.sh (120 vessels, a year of history),
# then for each scenario a 10 s dotnet-trace (sampled thread time) under wrk -t2 -c16, converted to Speedscope
# and summed per frame over the busy samples (bench/profile-summary.py). Traces stay in the work folder.
# Needs dotnet-trace (dotnet tool install -g dotnet-trace). Not part of CI.
# Usage: bench/profile.sh [--only home,timeline,history,push,list,search,voyage]   (BENCH_PUBLISHED=<dir> reuses a publish)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-trace >/dev/null || { echo "dotnet-trace is missing: dotnet tool install -g dotnet-trace" >&2; exit 1; }
only="${2:-home,timeline,history,push}"
[ "${1:-}" = --only ] || only="home,timeline,history,push"

bench_setup 120
db="$WORK/data/hosvessel.db"
seed_history "$db"
detail_name=$(sqlite3 "$db" "SELECT vessel_key FROM voyages ORDER BY id LIMIT 1")
detail_id=$(sqlite3 "$db" "SELECT id FROM vessels WHERE name_key = '$detail_name'")
history_path="/api/voyages/history?vessel_name=$(printf %s "$detail_name" | sed 's/ /%20/g')&limit=1000"
export BENCH_API_KEY="$API_KEY" BENCH_PUSH_A="$PUSH_BODY" BENCH_PUSH_B="$WORK/push-100-b.json"
sed 's/"eta":"2026-03-21 04:00"/"eta":"2026-03-21 09:00"/g' "$PUSH_BODY" >"$BENCH_PUSH_B"

for name in ${only//,/ }; do
  case "$name" in
    home) args=(-H "Cookie: $COOKIE"); path=/ ;;
    timeline) args=(-H "Cookie: $COOKIE"); path="/vessel/$detail_id" ;;
    history) args=(-H "X-API-Key: $API_KEY"); path="$history_path" ;;
    push) args=(-s bench/fleet-push.lua); path=/api/voyage ;;
    # The signed-in list pages, as run.sh measures them.
    list) args=(-H "Cookie: $COOKIE"); path=/vessel/list ;;
    search) args=(-H "Cookie: $COOKIE"); path="/vessel/list?name=$COMMON_WORD&page=2" ;;
    voyage) args=(-H "Cookie: $COOKIE"); path=/voyage ;;
    *) echo "unknown scenario $name" >&2; exit 2 ;;
  esac
  wrk -t2 -c16 "${args[@]}" -d3s "$BASE$path" >/dev/null 2>&1 || true
  wrk -t2 -c16 "${args[@]}" -d14s "$BASE$path" >"$WORK/wrk-$name.txt" 2>&1 &
  wrk_pid=$!
  sleep 2
  dotnet-trace collect -p "$APP_PID" --profile dotnet-sampled-thread-time --duration 00:00:00:10 \
    --format Speedscope -o "$WORK/$name.nettrace" >/dev/null
  wait "$wrk_pid"
  echo "== $name: $(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk-$name.txt") req/s while traced; load $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 bench/profile-summary.py "$WORK/$name.speedscope.json" --top 40 --match 'HosVessel|Sqlite|Dapper|Razor|Rendering|TagHelper|Json|Authentication|Antiforgery|Encod' \
    | tee "$WORK/$name-summary.txt"
done
echo "traces and summaries in $WORK"
