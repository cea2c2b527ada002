#!/usr/bin/env bash
# Lints the four OpenAPI documents of api/ with the pinned @redocly/cli (package-lock.json, `npm ci` into TARGET) and
# the rules of redocly.yaml (Redocly's recommended rules, every warning an error; .redocly.lint-ignore.yaml lists the
# reasoned exceptions). The committed documents are the live ones: each service's OpenApiDocumentTest fails when its
# live /openapi differs from its file here. Without node and npm it says so and lints nothing (as the notification-
# service's npm verifier does); the api module's compatibility test still runs.
set -euo pipefail
SOURCE="$(cd "$(dirname "$0")" && pwd)"
TARGET="$1"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node/npm not found: the OpenAPI documents in api/ are NOT linted (@redocly/cli); install Node.js >= 20.19 and npm to lint them"
  exit 0
fi
mkdir -p "$TARGET"
cp "$SOURCE/package.json" "$SOURCE/package-lock.json" "$TARGET/"
cd "$TARGET"
if ! { [ -d node_modules/@redocly/cli ] && cmp -s package-lock.json node_modules/.package-lock.json.installed; }; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.installed
fi
# No telemetry and no update check: the build talks to no one.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$SOURCE"
exec node "$TARGET/node_modules/@redocly/cli/bin/cli.js" lint --config redocly.yaml --format=stylish \
  survey-service.yaml scoring-service.yaml reporting-service.yaml notification-service.yaml
