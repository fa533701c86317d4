# Shared by run.sh and soak.sh: publish Release, start the app on loopback with a fresh data folder
# in Production, seed it through import-vessels and one voyage push, log in with curl.
# Sets: WORK, APP_PID, BASE, COOKIE, DETAIL_ID, PUSH_BODY, API_KEY, IMPORT_SECONDS, IMPORT_FILES, IDLE_RSS.

API_KEY="bench-api-key-0123456789"
ADMIN_PASSWORD="Bench-Passw0rd!"
COMMON_WORD="OCEAN"

bench_setup() {
  local vessels="$1"
  WORK="$(mktemp -d /tmp/hosvessel-bench-XXXXXX)"
  mkdir -p "$WORK/data"
  if [ -n "${BENCH_PUBLISHED:-}" ]; then
    # Reuse an earlier publish (a folder holding HosVessel.Web.dll) to save a few minutes.
    ln -s "$(cd "$BENCH_PUBLISHED" && pwd)" "$WORK/publish"
  else
    echo "== publishing Release into $WORK/publish"
    dotnet publish HosVessel.Web -c Release -o "$WORK/publish" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
      || { cat "$WORK/publish.log"; exit 1; }
  fi

  export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
  export ConnectionStrings__vessels="Data Source=$WORK/data/hosvessel.db"
  export API_KEY ADMIN_USERNAME=admin ADMIN_PASSWORD Backup__Enabled=false
  export Logging__LogLevel__Default=Warning

  echo "== seeding $vessels vessels through import-vessels"
  generate_fleet "$vessels" "$WORK/fleet"
  local started files=0
  started=$(date +%s.%N)
  for file in "$WORK"/fleet/*.json; do
    (cd "$WORK/publish" && dotnet HosVessel.Web.dll import-vessels "$file") | head -1
    files=$((files + 1))
  done
  # Wall time of every import-vessels run, process start-up included (about 0.5 s per file).
  IMPORT_SECONDS=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  IMPORT_FILES=$files

  local port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  (cd "$WORK/publish" && ASPNETCORE_URLS="$BASE" exec dotnet HosVessel.Web.dll >"$WORK/server.log" 2>&1) &
  APP_PID=$!
  trap bench_teardown EXIT
  for _ in $(seq 1 300); do
    curl -fsS "$BASE/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fsS "$BASE/health" >/dev/null || { echo "the app did not start:"; cat "$WORK/server.log"; exit 1; }
  # The dotnet host execs the app, but be sure to watch the process that listens.
  APP_PID=$(pgrep -P "$APP_PID" -f HosVessel.Web.dll || echo "$APP_PID")
  IDLE_RSS=$(rss_mib)

  PUSH_BODY="$WORK/push-100.json"
  generate_push 100 >"$PUSH_BODY"
  curl -fsS -o /dev/null -H "X-API-Key: $API_KEY" -H "Content-Type: application/json" --data-binary "@$PUSH_BODY" "$BASE/api/voyage" \
    || { echo "seeding voyages failed"; exit 1; }

  echo "== logging in with curl"
  local jar="$WORK/cookies.txt" token
  token=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/login")
  [ "$status" = "302" ] || { echo "login failed: HTTP $status"; exit 1; }
  COOKIE=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  DETAIL_ID=$(curl -fsS -H "X-API-Key: $API_KEY" "$BASE/api/vessels?name=$COMMON_WORD" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  [ -n "$DETAIL_ID" ] || { echo "no vessel id found"; exit 1; }
}

bench_teardown() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# Peak resident set of the server so far, in MiB (VmHWM from /proc).
peak_rss_mib() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }

# Writes the fleet as one JSON file (import-vessels streams files of any size), or as files of at most
# BENCH_FILE_ROWS rows (BENCH_FILE_ROWS=20000 for builds from before the streaming import, which took 10 MB per file).
# Names combine common words, so a search for OCEAN matches several pages; IMO check digits are valid;
# ship codes are B + five hex digits, so 100,000 rows still fit the six-character limit.
generate_fleet() {
  local count="$1" dir="$2"
  mkdir -p "$dir"
  awk -v count="$count" -v dir="$dir" -v per="${BENCH_FILE_ROWS:-$count}" 'BEGIN {
    split("OCEAN PACIFIC GLORY SPIRIT", first, " "); split("STAR DREAM OCEAN HOPE", second, " ")
    split("CNTR BULK TNKR LNGC", types, " "); split("KOR PAN LIB MAR", flags, " ")
    for (i = 1; i <= count; i++) {
      if ((i - 1) % per == 0) { if (file) { print "]" > file; close(file) } file = sprintf("%s/fleet-%03d.json", dir, int((i - 1) / per)); printf "[" > file; sep = "" }
      six = sprintf("%06d", 100000 + i); sum = 0
      for (d = 1; d <= 6; d++) sum += substr(six, d, 1) * (8 - d)
      printf "%s{\"name\":\"%s %s %05d\",\"imo_no\":\"%s%d\",\"ship_code\":\"B%05X\",\"ship_type\":\"%s\",\"size\":\"24K\",\"flag\":\"%s\",\"ro\":\"KR\",\"class\":\"KR\",\"tic\":\"CT1\",\"crew\":\"CM1\",\"shipyard\":\"HHI\",\"built_year\":\"2020-05\"}\n", sep, first[(i - 1) % 4 + 1], second[int((i - 1) / 4) % 4 + 1], i, six, sum % 10, i, types[i % 4 + 1], flags[i % 4 + 1] > file
      sep = ","
    }
    if (file) { print "]" > file; close(file) }
  }'
}

generate_push() {
  awk -v count="$1" 'BEGIN {
    split("OCEAN PACIFIC GLORY SPIRIT", first, " "); split("STAR DREAM OCEAN HOPE", second, " ")
    printf "["
    for (i = 1; i <= count; i++) {
      printf "%s{\"vessel_name\":\"%s %s %05d\",\"voy_no\":\"0019\",\"line\":\"FE4\",\"teu\":\"24K\",\"flag\":\"KOR\",\"captain\":\"이상필 (2026-02-05)\",\"chief_engineer\":\"문학병 (2025-10-30)\",\"safety_supervisor\":\"장성욱\",\"ops_supervisor\":\"강문수\",\"psc_inspection\":{\"mou_1\":\"Tokyo\",\"date_1\":\"2025-09-09\",\"mou_2\":\"Paris\",\"date_2\":\"2025-11-25\"},\"last_port\":{\"port\":\"SGSIN(PSA)\",\"etd\":\"2026-02-19 04:30\"},\"next_port\":{\"port\":\"GBFXT(GBR)\",\"eta\":\"2026-03-21 04:00\",\"etb\":\"2026-03-22 04:00\",\"etd\":\"2026-03-23 15:00\"},\"itinerary\":\"NLRTM / RWG(03/24) → DEHAM / CTB(03/30) → ...\"}", (i > 1 ? "," : ""), first[(i - 1) % 4 + 1], second[int((i - 1) / 4) % 4 + 1], i
    }
    print "]"
  }'
}

# A year of hourly ETA changes for every vessel (120 x 8,760 = 1,051,200 history events, a port change every
# two weeks), straight into SQLite. Used by fleet.sh and profile.sh.
seed_history() {
  local started events
  echo "== seeding a year of hourly ETA changes into voyage_events"
  started=$(date +%s)
  sqlite3 "$1" <<'SQL'
PRAGMA busy_timeout = 10000;
WITH RECURSIVE hour(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM hour WHERE n < 8760)
INSERT INTO voyage_events (vessel_key, at, seq, vessel_name, field, old_value, new_value)
SELECT v.name_key, strftime('%Y-%m-%dT%H:%M:%S.0000000+00:00', 'now', printf('-%d hours', 8761 - n)), 0, v.name_key,
       CASE WHEN n % 336 = 0 THEN 'next_port.port' ELSE 'next_port.eta' END,
       CASE WHEN n % 336 = 0 THEN 'NLRTM(RWG)' ELSE strftime('%Y-%m-%d %H:%M', 'now', printf('+%d minutes', (n - 1) % 336 * 7)) END,
       CASE WHEN n % 336 = 0 THEN 'GBFXT(GBR)' ELSE strftime('%Y-%m-%d %H:%M', 'now', printf('+%d minutes', n % 336 * 7)) END
FROM hour, vessels v
ORDER BY n;
SQL
  events=$(sqlite3 "$1" "SELECT count(*) FROM voyage_events")
  echo "   $events events in $(( $(date +%s) - started )) s; database $(du -h "$1" | cut -f1)"
}
