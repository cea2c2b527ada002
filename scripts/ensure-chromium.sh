#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the dashboard's browser test, unless both are there already.
# Run by the reporting-service build before its tests (./mvnw verify); a browser downloaded by a test tool cannot
# work on these machines, Debian's can. Needs root or sudo, and Debian's package mirrors.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo > /dev/null; then SUDO="sudo"; else
  echo "[ensure-chromium] Chromium is missing and this user cannot install it (no root, no sudo):" >&2
  echo "[ensure-chromium]   apt-get install chromium chromium-driver" >&2
  exit 1
fi
echo "[ensure-chromium] Installing Debian's chromium and chromium-driver (once per machine) ..."
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver > /dev/null
echo "[ensure-chromium] $(/usr/bin/chromium --version)"
