#!/usr/bin/env bash
# Installs what running the Monitor containers here needs, when missing, then proves it works (the preflight):
#   podman, runc             the engine, and the OCI runtime this machine's cgroup v1 hybrid needs (crun cannot)
#   containernetworking-plugins, golang-github-containernetworking-plugin-dnsname
#                            podman 4.3's CNI network backend, and its DNS: without dnsname, containers on a compose
#                            network cannot resolve each other by name ("DNS resolution failed for kafka")
#   slirp4netns, uidmap, iptables   networking and published ports
#   debootstrap              the local base image without a registry (scripts/build-base-image.sh)
#   docker-compose           compose v1, which talks to podman's Docker API
#   busybox-static           the preflight's throw-away image (one static binary, no registry)
# and a containers.conf for this machine's limits (shared/INFRA.md: host nofile limit 20000, cgroup v1 hybrid =>
# runc). Needs root or sudo for apt-get. The preflight starts two throw-away containers on a fresh network: the second
# must reach the first by its name, and the first's published port must answer from the host; otherwise the script
# fails naming what is missing. MONITOR_SKIP_PREFLIGHT=1 skips it.
set -euo pipefail

if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="missing"; fi

PACKAGES=(podman runc containernetworking-plugins golang-github-containernetworking-plugin-dnsname slirp4netns uidmap
  iptables debootstrap docker-compose busybox-static)
missing=()
for package in "${PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$SUDO" = missing ]; then
    echo "[ensure-podman] missing ${missing[*]} and this user cannot install them (no root, no sudo):" >&2
    echo "[ensure-podman]   apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "[ensure-podman] installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi

CONF=/etc/containers/containers.conf
if [ ! -e "$CONF" ]; then
  $SUDO mkdir -p /etc/containers
  $SUDO tee "$CONF" >/dev/null <<'CONF'
# Written by the Monitor platform's scripts/ensure-podman.sh (see shared/INFRA.md, "Containers").
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
  echo "[ensure-podman] wrote $CONF"
elif ! grep -qs 'runtime *= *"runc"' "$CONF"; then
  echo "[ensure-podman] note: $CONF exists without runtime = \"runc\"; on a cgroup v1 host point CONTAINERS_CONF at a file like the one above" >&2
fi

[ "${MONITOR_SKIP_PREFLIGHT:-0}" = 1 ] && exit 0

# --- Preflight: what a compose stack needs of the engine, in a few seconds, with a clear message when it fails. ---
fail() {
  echo "[ensure-podman] PREFLIGHT FAILED: $*" >&2
  exit 1
}
podman info >/dev/null 2>&1 || fail "podman does not run: $(podman info 2>&1 | tail -1)"
backend="$(podman info --format '{{.Host.NetworkBackend}}' 2>/dev/null || echo cni)"
case "$backend" in
  cni) [ -x /usr/lib/cni/dnsname ] || fail "podman's network backend is CNI and the dnsname plugin is missing" \
      "(/usr/lib/cni/dnsname, package golang-github-containernetworking-plugin-dnsname): containers cannot resolve" \
      "each other by name" ;;
  netavark) [ -x /usr/lib/podman/aardvark-dns ] || fail "podman's network backend is netavark and aardvark-dns is" \
      "missing (package aardvark-dns): containers cannot resolve each other by name" ;;
esac

IMAGE=localhost/monitor-preflight:2
if ! podman image exists "$IMAGE"; then
  root="$(mktemp -d)"
  mkdir -p "$root/bin" "$root/etc" "$root/www"
  # busybox is linked statically with glibc: without an nsswitch.conf its name lookups crash
  echo "hosts: files dns" >"$root/etc/nsswitch.conf"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh httpd wget; do ln -s busybox "$root/bin/$applet"; done
  echo "preflight" >"$root/www/index.html"
  tar -C "$root" -c . | podman import -q - "$IMAGE" >/dev/null
  rm -rf "$root"
fi

run="monitor-preflight-$$"
cleanup() {
  podman rm -f -t 0 "$run-server" >/dev/null 2>&1 || true
  podman network rm -f "$run" >/dev/null 2>&1 || true
}
trap cleanup EXIT
podman network create "$run" >/dev/null || fail "podman cannot create a network"
podman run -d --name "$run-server" --network "$run" -p 8080 "$IMAGE" httpd -f -p 8080 -h /www >/dev/null \
  || fail "podman cannot start a container with a published port"

answers_from_host() {
  local port
  port="$(podman port "$run-server" 8080/tcp 2>/dev/null | head -1 | sed 's/.*://')"
  [ -n "$port" ] || return 1
  # bash's own /dev/tcp: nothing else on the host is needed (a static busybox wget crashes on some hosts)
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET / HTTP/1.0\r\n\r\n" >&3 && cat <&3' _ "$port" \
    2>/dev/null | grep -q preflight
}
deadline=$((SECONDS + 20))
until answers_from_host; do
  ((SECONDS < deadline)) || fail "a published port does not answer from the host" \
    "($(podman port "$run-server" 2>&1 | head -1)): check iptables and the CNI portmap plugin"
done
timeout 30 podman run --rm --network "$run" "$IMAGE" wget -q -O - "http://$run-server:8080/" 2>/dev/null | grep -q preflight \
  || fail "a container cannot reach another by its name on a podman network (backend $backend): install" \
    "golang-github-containernetworking-plugin-dnsname (CNI) or netavark and aardvark-dns"
echo "[ensure-podman] preflight passed: $(podman --version), $backend network backend, name resolution and published ports work"
