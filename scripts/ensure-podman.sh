#!/usr/bin/env bash
# Installs what running the Monitor containers here needs, when missing: podman, runc, debootstrap and
# docker-compose (v1, which talks to podman's Docker API), and a containers.conf for this machine's limits
# (shared/INFRA.md: host nofile limit 20000, cgroup v1 hybrid => runc). Needs root for apt-get.
set -euo pipefail

missing=()
for tool in podman runc debootstrap docker-compose; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends podman runc debootstrap docker-compose slirp4netns \
    containernetworking-plugins uidmap iptables >/dev/null
fi

CONF=/etc/containers/containers.conf
if [ ! -e "$CONF" ]; then
  mkdir -p /etc/containers
  cat >"$CONF" <<'CONF'
# Written by the Monitor platform's scripts/ensure-podman.sh (see shared/INFRA.md, "Containers").
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
  echo "wrote $CONF"
elif ! grep -qs 'runtime *= *"runc"' "$CONF"; then
  echo "note: $CONF exists without runtime = \"runc\"; on a cgroup v1 host point CONTAINERS_CONF at a file like the one above" >&2
fi
