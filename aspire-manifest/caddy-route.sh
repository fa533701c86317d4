#!/usr/bin/env bash
# Generated from the HosVessel app model by the AppHost publish step. Do not edit; regenerate with:
#   dotnet run --project HosVessel.AppHost -- --operation publish --step publish --output-path ../aspire-manifest
#
# Registers the HosVessel route in a running Caddy through its admin API, without touching its config file.
# The route lasts only until Caddy next loads its config file: "systemctl reload caddy" (Ubuntu's unit runs
# "caddy reload --force") or a restart drops it. For a route that survives, import the generated Caddyfile
# block into Caddy's own Caddyfile (DEPLOY.md, step 5); use this script to switch over without a reload.
# Idempotent: run it again after changing .env and the route is replaced, never duplicated.
#   route "hosvessel" exists  -> PATCH /id/hosvessel (replaced in place)
#   otherwise                  -> PUT at routes/0 of the server listening on :CADDY_HTTPS_PORT
#                                 (POST would append it behind a catch-all route, where it never matches)
# Needs only bash and curl (plus grep and awk, present on every Ubuntu). Settings come from the environment, else from .env next to this script:
#   HOS_DOMAIN        the public name, e.g. hos.example.com (required)
#   HOS_UPSTREAM      where Caddy reaches the app (default localhost:5000)
#   CADDY_ADMIN       Caddy's admin API (default http://localhost:2019; for Caddy in a container, the address
#                     its admin API is published on, e.g. http://127.0.0.1:2019 with "admin 0.0.0.0:2019")
#   CADDY_HTTPS_PORT  the listen port of the server to add the route to (default 443)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

from_env_file() {
  local line
  [ -f "$here/.env" ] || return 0
  line=$(grep -E "^$1=" "$here/.env" | tail -n 1) || return 0
  line="${line#*=}"
  line="${line%\"}"; line="${line#\"}"
  printf '%s' "$line"
}

HOS_DOMAIN="${HOS_DOMAIN:-$(from_env_file HOS_DOMAIN)}"
HOS_UPSTREAM="${HOS_UPSTREAM:-$(from_env_file HOS_UPSTREAM)}"
HOS_UPSTREAM="${HOS_UPSTREAM:-localhost:5000}"
CADDY_ADMIN="${CADDY_ADMIN:-http://localhost:2019}"
CADDY_ADMIN="${CADDY_ADMIN%/}"
CADDY_HTTPS_PORT="${CADDY_HTTPS_PORT:-443}"

if [ -z "$HOS_DOMAIN" ]; then
  echo "HOS_DOMAIN is not set: export it or put it in $here/.env" >&2
  exit 2
fi

route=$(<"$here/caddy-route.json")
route="${route//__HOS_DOMAIN__/$HOS_DOMAIN}"
route="${route//__HOS_UPSTREAM__/$HOS_UPSTREAM}"

until_reload="Note: this route lasts until Caddy reloads its config file (systemctl reload caddy, a restart). For a durable route import Caddyfile in Caddy's Caddyfile."

response=$(mktemp)
trap 'rm -f "$response"' EXIT

# caddy_api METHOD PATH [BODY]: prints the HTTP status; the body is left in $response.
caddy_api() {
  local args=(-sS -o "$response" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json')
  [ $# -ge 3 ] && args+=(--data-binary "$3")
  curl "${args[@]}" "$CADDY_ADMIN$2" || {
    echo "Cannot reach Caddy's admin API at $CADDY_ADMIN. If Caddy runs in a container, its admin API listens inside it:" >&2
    echo "publish it (ports: 127.0.0.1:2019:2019, Caddyfile global option admin 0.0.0.0:2019) and set CADDY_ADMIN." >&2
    exit 1
  }
}

fail() {
  echo "$1 (HTTP $2): $(cat "$response")" >&2
  exit 1
}

status=$(caddy_api GET "/id/hosvessel")
if [ "$status" = 200 ]; then
  status=$(caddy_api PATCH "/id/hosvessel" "$route")
  [ "$status" = 200 ] || fail "Updating route hosvessel failed" "$status"
  echo "Updated the existing route 'hosvessel': https://$HOS_DOMAIN -> $HOS_UPSTREAM (Caddy $CADDY_ADMIN)"
  echo "$until_reload" >&2
  exit 0
fi

status=$(caddy_api GET "/config/apps/http/servers")
[ "$status" = 200 ] || fail "Reading Caddy's servers failed" "$status"
# The server names are the keys of that object (srv0, srv1, ... or the operator's own); ask each for its listen list.
top_level_keys() {
  awk '{ text = text $0 "\n" } END {
    depth = 0; in_string = 0; escaped = 0; token = ""
    for (i = 1; i <= length(text); i++) {
      c = substr(text, i, 1)
      if (in_string) {
        if (escaped) { escaped = 0; token = token c }
        else if (c == "\\") { escaped = 1 }
        else if (c == "\"") { in_string = 0; last = token }
        else { token = token c }
        continue
      }
      if (c == "\"") { in_string = 1; token = "" }
      else if (c == "{" || c == "[") { depth++ }
      else if (c == "}" || c == "]") { depth-- }
      else if (c == ":" && depth == 1) { print last }
    }
  }' "$1"
}
server=""
servers_file=$(mktemp)
trap 'rm -f "$response" "$servers_file"' EXIT
cp "$response" "$servers_file"
while IFS= read -r name; do
  status=$(caddy_api GET "/config/apps/http/servers/$name/listen")
  if [ "$status" = 200 ] && grep -q ":$CADDY_HTTPS_PORT\"" "$response"; then
    server="$name"
    break
  fi
done < <(top_level_keys "$servers_file")
if [ -z "$server" ]; then
  echo "No Caddy server listens on :$CADDY_HTTPS_PORT. Servers: $(cat "$servers_file")" >&2
  exit 1
fi

status=$(caddy_api PUT "/config/apps/http/servers/$server/routes/0" "$route")
[ "$status" = 200 ] || fail "Adding route hosvessel to server $server failed" "$status"
echo "Added route 'hosvessel' first in server '$server' (:$CADDY_HTTPS_PORT): https://$HOS_DOMAIN -> $HOS_UPSTREAM (Caddy $CADDY_ADMIN)"
echo "$until_reload" >&2
