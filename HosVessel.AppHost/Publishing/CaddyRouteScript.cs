namespace HosVessel.AppHost.Publishing;

/// <summary>The bash template behind <c>caddy-route.sh</c>; <c>{{NAME}}</c> slots are filled from the model.</summary>
public static class CaddyRouteScript
{
    public const string Template = """
#!/usr/bin/env bash
{{HEADER}}
#
# Registers the HosVessel route in a running Caddy through its admin API, without touching its config file.
# Idempotent: run it again after changing .env and the route is replaced, never duplicated.
#   route "{{ROUTE_ID}}" exists  -> PATCH /id/{{ROUTE_ID}} (replaced in place)
#   otherwise                  -> PUT at routes/0 of the server listening on :CADDY_HTTPS_PORT
#                                 (POST would append it behind a catch-all route, where it never matches)
# Needs only bash and curl. Settings come from the environment, else from .env next to this script:
#   HOS_DOMAIN        the public name, e.g. hos.example.com (required)
#   HOS_UPSTREAM      where Caddy reaches the app (default {{DEFAULT_UPSTREAM}})
#   CADDY_ADMIN       Caddy's admin API (default http://localhost:2019)
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
HOS_UPSTREAM="${HOS_UPSTREAM:-{{DEFAULT_UPSTREAM}}}"
CADDY_ADMIN="${CADDY_ADMIN:-http://localhost:2019}"
CADDY_ADMIN="${CADDY_ADMIN%/}"
CADDY_HTTPS_PORT="${CADDY_HTTPS_PORT:-443}"

if [ -z "$HOS_DOMAIN" ]; then
  echo "HOS_DOMAIN is not set: export it or put it in $here/.env" >&2
  exit 2
fi

route=$(<"$here/{{ROUTE_FILE}}")
route="${route//{{DOMAIN_TOKEN}}/$HOS_DOMAIN}"
route="${route//{{UPSTREAM_TOKEN}}/$HOS_UPSTREAM}"

response=$(mktemp)
trap 'rm -f "$response"' EXIT

# caddy_api METHOD PATH [BODY]: prints the HTTP status; the body is left in $response.
caddy_api() {
  local args=(-sS -o "$response" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json')
  [ $# -ge 3 ] && args+=(--data-binary "$3")
  curl "${args[@]}" "$CADDY_ADMIN$2" || { echo "Cannot reach Caddy's admin API at $CADDY_ADMIN" >&2; exit 1; }
}

fail() {
  echo "$1 (HTTP $2): $(cat "$response")" >&2
  exit 1
}

status=$(caddy_api GET "/id/{{ROUTE_ID}}")
if [ "$status" = 200 ]; then
  status=$(caddy_api PATCH "/id/{{ROUTE_ID}}" "$route")
  [ "$status" = 200 ] || fail "Updating route {{ROUTE_ID}} failed" "$status"
  echo "Updated the existing route '{{ROUTE_ID}}': https://$HOS_DOMAIN -> $HOS_UPSTREAM (Caddy $CADDY_ADMIN)"
  exit 0
fi

status=$(caddy_api GET "/config/apps/http/servers")
[ "$status" = 200 ] || fail "Reading Caddy's servers failed" "$status"
# Caddy writes each server as "name":{"listen":[...],...}; pick the one listening on the HTTPS port.
server=""
while IFS= read -r entry; do
  if [[ "$entry" == *":$CADDY_HTTPS_PORT\""* ]]; then
    server="${entry#\"}"
    server="${server%%\"*}"
    break
  fi
done < <(grep -o '"[^"]*":{"listen":\[[^]]*\]' "$response" || true)
if [ -z "$server" ]; then
  echo "No Caddy server listens on :$CADDY_HTTPS_PORT. Servers: $(cat "$response")" >&2
  exit 1
fi

status=$(caddy_api PUT "/config/apps/http/servers/$server/routes/0" "$route")
[ "$status" = 200 ] || fail "Adding route {{ROUTE_ID}} to server $server failed" "$status"
echo "Added route '{{ROUTE_ID}}' first in server '$server' (:$CADDY_HTTPS_PORT): https://$HOS_DOMAIN -> $HOS_UPSTREAM (Caddy $CADDY_ADMIN)"
""";
}
