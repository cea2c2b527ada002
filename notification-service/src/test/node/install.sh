#!/usr/bin/env bash
# Installs the Node verifier of the Standard Webhooks interop test (StandardWebhooksInteropTest) into TARGET with
# `npm ci` (the exact versions of package-lock.json). Without node and npm it says so and installs nothing; the test
# then skips its npm part with the same message and still verifies with the Java library.
set -euo pipefail
SOURCE="$(cd "$(dirname "$0")" && pwd)"
TARGET="$1"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not found: the npm standardwebhooks verifier is not installed; StandardWebhooksInteropTest skips its npm part"
  exit 0
fi
mkdir -p "$TARGET"
cp "$SOURCE/package.json" "$SOURCE/package-lock.json" "$SOURCE/verify.js" "$TARGET/"
cd "$TARGET"
if [ -d node_modules/standardwebhooks ] && cmp -s package-lock.json node_modules/.package-lock.json.installed; then
  echo "npm standardwebhooks verifier already installed in $TARGET"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
cp package-lock.json node_modules/.package-lock.json.installed
echo "npm standardwebhooks verifier installed in $TARGET ($(node --version))"
