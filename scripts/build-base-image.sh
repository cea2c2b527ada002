#!/usr/bin/env bash
# Builds the local JRE base image without any registry: a Debian 12 minbase root file system with OpenJDK 17
# (debootstrap from the Debian mirror apt already uses), imported into podman as localhost/debian-jre17.
# Skips the work when the image exists. Needs root, debootstrap and podman (scripts/ensure-podman.sh).
set -euo pipefail

IMAGE="${BASE_IMAGE:-localhost/debian-jre17}"
if podman image exists "$IMAGE"; then
  echo "base image $IMAGE present"
  exit 0
fi

# The mirror apt uses here (deb822 or one-line sources), so the build works behind the same proxy or snapshot.
MIRROR="$( (grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  || true) | head -1 | awk '{print $2}')"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

ROOTFS="$(mktemp -d /var/tmp/monitor-rootfs.XXXXXX)"
trap 'rm -rf "$ROOTFS"' EXIT
echo "debootstrap bookworm from $MIRROR"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,netcat-openbsd bookworm "$ROOTFS" "$MIRROR" >/dev/null
# The user every Monitor image runs as (uid 185, as the Quarkus images do), with /deployments as its home.
chroot "$ROOTFS" useradd --system --uid 185 --gid 0 --home-dir /deployments --no-create-home monitor
# The machine's own extra certificate authorities (e.g. of a TLS-intercepting egress proxy) go into the base too, so
# that image builds and the services reach Maven Central and other HTTPS hosts exactly as the host does.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/"
  chroot "$ROOTFS" update-ca-certificates >/dev/null 2>&1 || true
  [ -f /etc/ssl/certs/java/cacerts ] && cp /etc/ssl/certs/java/cacerts "$ROOTFS/etc/ssl/certs/java/cacerts"
fi
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
tar -C "$ROOTFS" -c . | podman import -q --change 'ENV LANG=C.UTF-8' - "$IMAGE" >/dev/null
echo "base image $IMAGE built"
