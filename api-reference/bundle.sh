#!/usr/bin/env bash
# Puts Redoc's standalone bundle (bundles/redoc.standalone.js of the npm package redoc, pinned below with the sha512
# the registry publishes for it) and its licence into OUT, for the API reference page. `npm pack` fetches the one
# tarball (no dependencies: the standalone bundle holds them) into WORK, or takes it from npm's cache. Fails without
# npm: the page is part of every service's jar.
set -euo pipefail
VERSION=2.5.4
INTEGRITY="sha512-M6jWhG1qoBnH6TFmzJnstyCZ87HmOY/UzDm78mHiYihEdlV/YcS9ogOo1NlElnJMeLsyxHFe2yFc4sNjHTrABQ=="
WORK="$1"
OUT="$2"
TARBALL="$WORK/redoc-$VERSION.tgz"
if [ ! -f "$OUT/redoc.standalone.js" ] || ! cmp -s "$WORK/installed" <(echo "$VERSION $INTEGRITY"); then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: cannot bundle Redoc $VERSION for the API reference page (install Node.js and npm)" >&2
    exit 1
  fi
  mkdir -p "$WORK" "$OUT"
  if [ ! -f "$TARBALL" ]; then
    (cd "$WORK" && npm pack "redoc@$VERSION" --prefer-offline --silent >/dev/null)
  fi
  ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
  if [ "$ACTUAL" != "$INTEGRITY" ]; then
    echo "redoc-$VERSION.tgz is not the pinned package: $ACTUAL" >&2
    rm -f "$TARBALL"
    exit 1
  fi
  tar -xzf "$TARBALL" -C "$WORK" package/bundles/redoc.standalone.js package/LICENSE
  cp "$WORK/package/bundles/redoc.standalone.js" "$OUT/redoc.standalone.js"
  cp "$WORK/package/LICENSE" "$OUT/LICENSE"
  echo "$VERSION $INTEGRITY" > "$WORK/installed"
fi
echo "Redoc $VERSION bundled for the API reference page"
