#!/usr/bin/env bash
# Builds the container images of the four services with Jib (no Docker daemon), as
# localhost/monitor/<service>:<version>, and loads them into podman when podman is here.
#
#   scripts/build-images.sh                      # offline: base = localhost/debian-jre17, made with debootstrap
#   scripts/build-images.sh --base eclipse-temurin:17-jre [--registry registry.example.com/monitor]
#
# To push to a registry instead: ./mvnw -B package -Pimages -DskipTests -Dimage.registry=... jib:build
# Extra arguments after -- go to Maven (e.g. -- -o). Packages the services first (tests skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=""
REGISTRY="localhost/monitor"
MAVEN_ARGS=()
while (($#)); do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --registry) REGISTRY="$2"; shift 2 ;;
    --) shift; MAVEN_ARGS=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

SERVICES=(survey-service scoring-service reporting-service notification-service)

if [ -z "$BASE" ]; then
  # No registry here: the base is made locally and handed to Jib as a docker-archive tar.
  scripts/build-base-image.sh
  mkdir -p target/images
  BASE_TAR="$PWD/target/images/debian-jre17.tar"
  BASE_ID="$(podman image inspect --format '{{.Id}}' localhost/debian-jre17)"
  if [ ! -f "$BASE_TAR" ] || [ "$(cat "$BASE_TAR.id" 2>/dev/null)" != "$BASE_ID" ]; then
    rm -f "$BASE_TAR"
    podman save -q --format docker-archive -o "$BASE_TAR" localhost/debian-jre17
    echo "$BASE_ID" >"$BASE_TAR.id"
  fi
  BASE="tar://$BASE_TAR"
fi

MODULES="$(IFS=,; echo "${SERVICES[*]}")"
./mvnw -B -q package -Pimages -DskipTests -pl "$MODULES" -am \
  -Dimage.base="$BASE" -Dimage.registry="$REGISTRY" \
  ${MAVEN_ARGS[@]+"${MAVEN_ARGS[@]}"}

if command -v podman >/dev/null 2>&1; then
  for service in "${SERVICES[@]}"; do
    podman load -q -i "$service/target/jib-image.tar"
  done
fi
podman images --filter "reference=$REGISTRY/*" 2>/dev/null || true
