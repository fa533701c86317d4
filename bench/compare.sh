#!/usr/bin/env bash
# Before/after on a busy machine: starts two published builds side by side on the same fleet and measures
# them in turn, scenario by scenario (keep-alive, -t2 -c16), each next to a 5 s `/alive` of its own, so both
# see the same load from other work. Reports req/s, the server's CPU time per request and its share of /alive's,
# p99 and RSS. Writes bench/results/<date>-<N>-vessels-compare.md. Not part of CI.
# With --history both get a year of voyage history (bench/lib.sh seed_history, ~1 million events) and the rows of
# issue 13: the signed-in home, a vessel page with its timeline, the history API (1,000 events), a push with events.
# Usage: bench/compare.sh <before publish dir> <after publish dir> [--vessels N] [--only home,list,...] [--history]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
# Bash 5.2 puts the matched text in place of "&" in ${var//pattern/replacement}; the history path holds a literal "&".
shopt -u patsub_replacement 2>/dev/null || true

[ $# -ge 2 ] || { echo "usage: $0 <before publish dir> <after publish dir> [--vessels N] [--only scenario,...]" >&2; exit 2; }
builds=("$1" "$2")
shift 2
vessels=120
only=""
history=no
duration="${BENCH_DURATION:-10s}"
while [ $# -gt 0 ]; do
  case "$1" in
    --vessels) vessels="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --history) history=yes; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a base pid cookie detail idle timeline history_path
for i in 0 1; do
  BENCH_PUBLISHED="${builds[$i]}" bench_setup "$vessels"
  base[$i]=$BASE; pid[$i]=$APP_PID; cookie[$i]=$COOKIE; detail[$i]=$DETAIL_ID; idle[$i]=$IDLE_RSS
  if [ "$history" = yes ]; then
    seed_history "$WORK/data/hosvessel.db"
    # The vessel with a voyage (the push named it) and a year of history.
    name=$(sqlite3 "$WORK/data/hosvessel.db" "SELECT vessel_key FROM voyages ORDER BY id LIMIT 1")
    timeline[$i]=$(sqlite3 "$WORK/data/hosvessel.db" "SELECT id FROM vessels WHERE name_key = '$name'")
    history_path[$i]="/api/voyages/history?vessel_name=$(printf %s "$name" | sed 's/ /%20/g')&limit=1000"
    export BENCH_PUSH_A="$PUSH_BODY" BENCH_PUSH_B="$WORK/push-100-b.json"
    sed 's/"eta":"2026-03-21 04:00"/"eta":"2026-03-21 09:00"/g' "$PUSH_BODY" >"$BENCH_PUSH_B"
  fi
  # bench_setup's own trap only knows the app it started last.
  trap 'kill "${pid[@]}" 2>/dev/null || true' EXIT
done
export BENCH_PUSH_BODY="$PUSH_BODY" BENCH_API_KEY="$API_KEY"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
# Runs wrk against app $1 and prints "req/s cpu-µs-per-request p99".
measure() {
  local app="$1" path="$2" seconds="$3"; shift 3
  local before out
  before=$(cpu_ticks "${pid[$app]}")
  out=$(wrk -t2 -c16 --latency "$@" -d"$seconds" "${base[$app]}$path" 2>&1)
  local used=$(( $(cpu_ticks "${pid[$app]}") - before ))
  echo "$out" | awk -v t="$used" -v hz="$hz" '
    /requests in/ { n = $1 } /Requests\/sec/ { r = $2 } $1 == "99%" { p = $2 } /Non-2xx/ { bad = $5 }
    END { printf "%.0f %.0f %s%s\n", r, (n > 0 ? t * 1000000 / hz / n : 0), p, (bad ? " (" bad " non-2xx)" : "") }'
}

# name | label | path | header (cookie, key or no) | extra wrk args
scenarios=(
  "home|\`GET /\`|/|no|"
  "list|\`GET /vessel/list\`|/vessel/list|cookie|"
  "search|\`GET /vessel/list?name=$COMMON_WORD&page=2\`|/vessel/list?name=$COMMON_WORD&page=2|cookie|"
  "detail|\`GET /vessel/{id}\`|/vessel/{id}|cookie|"
  "voyage|\`GET /voyage\`|/voyage|cookie|"
  "push|\`POST /api/voyage\` (100 items)|/api/voyage|no|-s bench/voyage-push.lua"
)
if [ "$history" = yes ]; then
  scenarios+=(
    "fleethome|\`GET /\` signed in (fleet panels)|/|cookie|"
    "timeline|\`GET /vessel/{timeline}\` with timeline + ETA chart|/vessel/{timeline}|cookie|"
    "history|\`GET /api/voyages/history\` (1,000 events)|{history}|key|"
    "pushevents|\`POST /api/voyage\` (100 items, 100 events each)|/api/voyage|no|-s bench/fleet-push.lua"
  )
fi
rows=()
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name label path header extra <<<"$scenario"
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  cells=()
  for app in 0 1; do
    target="${path//\{id\}/${detail[$app]}}"
    target="${target//\{timeline\}/${timeline[$app]:-}}"
    target="${target//\{history\}/${history_path[$app]:-}}"
    args=($extra)
    case "$header" in
      cookie) args+=(-H "Cookie: ${cookie[$app]}") ;;
      key) args+=(-H "X-API-Key: $API_KEY") ;;
    esac
    wrk -t2 -c16 "${args[@]}" -d3s "${base[$app]}$target" >/dev/null 2>&1 || true
    read -r alive_rps alive_cpu _ < <(measure "$app" /alive 5s)
    read -r rps cpu p99 < <(measure "$app" "$target" "$duration" "${args[@]}")
    echo "== $name, build $app: $rps req/s ($alive_rps for /alive), $cpu µs CPU/req ($alive_cpu for /alive), p99 $p99"
    share=$(awk -v r="$rps" -v a="$alive_rps" 'BEGIN { printf "%.1f%%", (a > 0 ? 100 * r / a : 0) }')
    cpu_share=$(awk -v c="$cpu" -v a="$alive_cpu" 'BEGIN { printf "%.1f%%", (c > 0 ? 100 * a / c : 0) }')
    cells+=("$(printf "%'d" "$rps")" "$share" "$cpu" "$cpu_share" "$p99")
  done
  rows+=("| $label | ${cells[0]} | ${cells[5]} | ${cells[1]} | ${cells[6]} | ${cells[2]} | ${cells[7]} | ${cells[3]} | ${cells[8]} | ${cells[4]} | ${cells[9]} |")
done
sleep 5
rss() { awk -v f="$2" '$1 == f":" { printf "%.0f", $2 / 1024 }' "/proc/${pid[$1]}/status"; }

suffix=""
[ "$history" = yes ] && suffix="-history"
result="bench/results/$(date -u +%Y-%m-%d)-${vessels}-vessels${suffix}-compare.md"
{
  echo "# Before/after, side by side: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores, $(uname -sr); before: \`${builds[0]}\`, after: \`${builds[1]}\` (commit $(git rev-parse --short HEAD))"
  echo "- Both builds run at once on their own copy of the same fleet ($vessels vessels, 100 voyages$([ "$history" = yes ] && echo ", a year of history: ~1 million voyage_events")), Production, loopback;"
  echo "  each scenario is measured on one, then the other: \`wrk -t2 -c16 -d$duration\` after a 3 s warm-up, next to a 5 s \`/alive\`"
  echo "- Load average (1/5/15 min) before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- CPU µs/req: the server's own CPU time over the run divided by the requests served; its share is /alive's over this row's"
  echo "- RSS MiB, before build: idle ${idle[0]}, peak $(rss 0 VmHWM), end $(rss 0 VmRSS); after build: idle ${idle[1]}, peak $(rss 1 VmHWM), end $(rss 1 VmRSS)"
  echo
  echo "| scenario | req/s before | req/s after | share of /alive before | after | CPU µs/req before | after | CPU share of /alive before | after | p99 before | after |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >"$result"
echo
cat "$result"
