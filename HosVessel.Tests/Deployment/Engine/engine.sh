#!/usr/bin/env bash
# A private Docker engine for the deployment test: Debian's dockerd with its own socket, its state under a
# cache folder, and stand-in base images (this machine's .NET on a debootstrap root) tagged with the official
# names the Dockerfile uses, because the real images cannot be pulled here.
#
#   engine.sh start <run-dir>   start dockerd; prints DOCKER_HOST=unix://<run-dir>/docker.sock
#   engine.sh images            build the stand-in base images unless the cached ones match this machine's .NET
#   engine.sh stop <run-dir>    stop dockerd by its pid; remove docker0, bridges and iptables rules it made;
#                               restore ip_forward and the FORWARD policy
#
# Cache (reused between runs, built from nothing when absent): ${HOSVESSEL_ENGINE_CACHE:-/var/cache/hosvessel-engine}
# Needs root and the Debian packages docker.io and debootstrap (test.sh installs them).
set -euo pipefail

cache="${HOSVESSEL_ENGINE_CACHE:-/var/cache/hosvessel-engine}"
dotnet_root="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
sdk_image="mcr.microsoft.com/dotnet/sdk:10.0"
runtime_image="mcr.microsoft.com/dotnet/aspnet:10.0"

fail() { echo "engine: $*" >&2; exit 1; }

require_tools() {
  [ "$(id -u)" -eq 0 ] || fail "must run as root (dockerd, debootstrap and iptables need it)"
  local tool
  for tool in dockerd docker debootstrap iptables ip tar flock; do
    command -v "$tool" >/dev/null || fail "'$tool' is missing: install the Debian packages docker.io and debootstrap (./test.sh does)"
  done
}

# Removes what a dockerd leaves behind: its bridges, its iptables chains and the rules that jump to them.
clean_network() {
  local link table rule chain
  for link in $(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E '^(docker0|br-[0-9a-f]{12})$' || true); do
    ip link delete "$link" 2>/dev/null || true
  done
  for table in filter nat; do
    while read -r -a rule; do
      iptables -t "$table" -D "${rule[@]:1}" 2>/dev/null || true
    done < <(iptables -t "$table" -S | grep -E '^-A (PREROUTING|INPUT|FORWARD|OUTPUT|POSTROUTING) .*(DOCKER|docker0|br-[0-9a-f]{12})' || true)
    for chain in $(iptables -t "$table" -S | awk '/^-N DOCKER/ {print $2}'); do
      iptables -t "$table" -F "$chain"
    done
    for chain in $(iptables -t "$table" -S | awk '/^-N DOCKER/ {print $2}'); do
      iptables -t "$table" -X "$chain"
    done
  done
  if [ -f "$cache/host-network.before" ]; then
    # shellcheck disable=SC1091
    . "$cache/host-network.before"
    sysctl -qw "net.ipv4.ip_forward=$ip_forward"
    iptables -P FORWARD "$forward_policy"
    rm -f "$cache/host-network.before"
  fi
}

start() {
  local run="$1"
  require_tools
  mkdir -p "$cache" "$run"
  exec 9>"$cache/lock"
  flock -n 9 || fail "another engine run holds $cache/lock (pid $(cat "$cache/dockerd.pid" 2>/dev/null || echo '?')); stop it first"
  if pgrep -x dockerd >/dev/null; then
    fail "a dockerd is already running here (pid $(pgrep -x dockerd | tr '\n' ' ')); this test starts its own and would fight over docker0 and iptables"
  fi
  # A run killed before its stop leaves the bridge and rules behind; clear them before recording the host's state.
  clean_network
  printf 'ip_forward=%s\nforward_policy=%s\n' "$(cat /proc/sys/net/ipv4/ip_forward)" \
    "$(iptables -S FORWARD | awk '$1 == "-P" {print $3}')" > "$cache/host-network.before"

  # The lock fd (9) stays open in dockerd, so the cache is ours for as long as the engine lives.
  dockerd --data-root "$cache/docker" --exec-root "$run/exec" -H "unix://$run/docker.sock" \
    --pidfile "$run/dockerd.pid" --default-ulimit nofile=20000:20000 --default-ulimit nproc=32768:32768 \
    >"$run/dockerd.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$cache/dockerd.pid"
  export DOCKER_HOST="unix://$run/docker.sock"
  for _ in $(seq 1 120); do
    if docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
      # Containers left by a killed run would come back through their restart policy.
      docker ps -aq | xargs -r docker rm -f >/dev/null
      echo "DOCKER_HOST=$DOCKER_HOST"
      echo "DOCKERD_PID=$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  clean_network
  fail "dockerd did not start. Its log ($run/dockerd.log):
$(tail -n 30 "$run/dockerd.log")"
}

stop() {
  local run="$1" pid=""
  [ -f "$run/dockerd.pid" ] && pid=$(cat "$run/dockerd.pid")
  [ -n "$pid" ] || { [ -f "$cache/dockerd.pid" ] && pid=$(cat "$cache/dockerd.pid"); }
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  # dockerd stops the containerd it started; a shim outlives it only if dockerd was killed.
  local shim
  for shim in $(pgrep -f "containerd-shim.*$run/exec" || true); do kill -KILL "$shim" 2>/dev/null || true; done
  umount -R "$run/exec" 2>/dev/null || true
  clean_network
  rm -f "$cache/dockerd.pid"
  rm -rf "$run/exec"
}

# The debootstrap root shared by both stand-ins: ICU and tzdata as in the official images, user app 1654.
rootfs() {
  local root="$cache/rootfs"
  [ -f "$root/.complete" ] && return 0
  rm -rf "$root" "$root.partial"
  # The machine's own Debian mirror, as apt is configured here.
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | awk '$1 == "URIs:" || $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }' \
    | grep -v security | head -n 1 || true)
  [ -n "$mirror" ] || fail "no Debian mirror found in /etc/apt/sources.list*"
  echo "engine: debootstrap bookworm from $mirror" >&2
  debootstrap --variant=minbase --include=ca-certificates,libicu72,tzdata bookworm "$root.partial" "$mirror" \
    >"$cache/debootstrap.log" 2>&1 || fail "debootstrap failed; see $cache/debootstrap.log"
  chroot "$root.partial" groupadd --gid 1654 app
  chroot "$root.partial" useradd --no-log-init --uid 1654 --gid 1654 --create-home app
  rm -rf "$root.partial"/var/cache/apt/archives/*.deb "$root.partial"/usr/share/doc "$root.partial"/usr/share/man
  ln -sf /usr/share/dotnet/dotnet "$root.partial/usr/bin/dotnet"
  touch "$root.partial/.complete"
  mv "$root.partial" "$root"
}

# image NAME STAMP DOTNET_PARTS...: imports rootfs + the host's CA certificates + the given parts of .NET.
import_image() {
  local name="$1" stamp="$2"; shift 2
  if [ "$(docker image inspect --format '{{index .Config.Labels "hosvessel.standin"}}' "$name" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  echo "engine: importing stand-in $name" >&2
  local certs
  certs=$(mktemp -d)
  # Dereferenced: the host's /etc/ssl/certs links into folders the image does not have.
  cp -rL /etc/ssl/certs "$certs/certs"
  local top
  top=$(cd "$cache/rootfs" && ls -A | grep -vx '.complete')
  # Three sources, told apart by their member names: rootfs top-level names, "certs", and "./<part>" of .NET.
  # shellcheck disable=SC2086
  tar -c --exclude=etc/ssl/certs \
      --transform 'flags=rhS;s,^certs,etc/ssl/certs,' --transform 'flags=rhS;s,^\./,usr/share/dotnet/,' \
      -C "$cache/rootfs" $top -C "$certs" certs -C "$dotnet_root" "${@/#/./}" \
    | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
        --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
        --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
        --change 'ENV APP_UID=1654' \
        --change 'ENV ASPNETCORE_HTTP_PORTS=8080' \
        --change "LABEL hosvessel.standin=$stamp" \
        - "$name" >/dev/null
  rm -rf "$certs"
}

images() {
  require_tools
  [ -n "${DOCKER_HOST:-}" ] || fail "DOCKER_HOST is not set (run: eval \"\$(engine.sh start <dir>)\")"
  rootfs
  local runtime sdk
  runtime=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -n 1)
  sdk=$(ls "$dotnet_root/sdk" | sort -V | tail -n 1)
  import_image "$runtime_image" "aspnet-$runtime" dotnet host shared
  import_image "$sdk_image" "sdk-$sdk-$runtime" dotnet host shared sdk packs sdk-manifests templates
}

case "${1:-}" in
  start) start "${2:?run folder}" ;;
  stop) stop "${2:?run folder}" ;;
  images) images ;;
  clean) clean_network ;;
  *) fail "usage: engine.sh start <run-dir> | images | stop <run-dir> | clean" ;;
esac
