#!/usr/bin/env bash
# Takes the vendors' embedding libraries for the demo page from their npm packages, pinned by the committed
# package-lock.json (versions and integrity hashes; npm ci refuses a package whose hash differs), installed with
# --ignore-scripts (no install script of any package runs during the build). @salesforce/analytics-embedding-sdk ships
# an ES module, copied as it is; @tableau/embedding-api ships CommonJS modules, so esbuild (pinned in the same lock)
# bundles it into one browser script. What ends up in the jar is then checked against bundles.sha256: a different
# file fails the build. Without npm on the PATH this does nothing, and the demo page says the libraries are missing.
# To update a version: change package.json, run npm install --package-lock-only --ignore-scripts here, rebuild, check
# the demo, and record the new files' sha256sum in bundles.sha256.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  # Loud on purpose: the build succeeds (the library and the gateway need no npm), but the demo would show no views.
  {
    echo "[WARNING] ================================================================================="
    echo "[WARNING] bundle-embedding-api: npm is not on the PATH, so this build carries neither Tableau's"
    echo "[WARNING] Embedding API (@tableau/embedding-api) nor Salesforce's analytics embedding SDK."
    echo "[WARNING] vizgate demo will start, but its page cannot show any Tableau or Tableau Next view."
    echo "[WARNING] Fix: install npm (Debian/Ubuntu: apt-get install npm; or Node.js from nodejs.org) and rebuild."
    echo "[WARNING] ================================================================================="
  } >&2
  exit 0
fi
mkdir -p "$1/demo" "$2/npm-embedding-api"
out_dir="$(cd "$1/demo" && pwd)"
work="$(cd "$2/npm-embedding-api" && pwd)"
if [ -f "$out_dir/tableau.embedding.js" ] && [ -f "$out_dir/analytics-embedding-sdk.js" ] && [ -d "$out_dir/licenses" ] \
    && (cd "$out_dir" && sha256sum --quiet -c "$here/bundles.sha256" >/dev/null 2>&1); then
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$work/"
cd "$work"
npm ci --ignore-scripts --no-audit --no-fund --silent >/dev/null
cp node_modules/@salesforce/analytics-embedding-sdk/dist/sdk-bundle.module.js "$out_dir/analytics-embedding-sdk.js"
# Each bundle ships with its own licence and notices (not Apache-2.0; see NOTICE at the repository's root).
mkdir -p "$out_dir/licenses"
cp node_modules/@salesforce/analytics-embedding-sdk/LICENSE.md "$out_dir/licenses/analytics-embedding-sdk-LICENSE.md"
cp node_modules/@salesforce/analytics-embedding-sdk/NOTICE.md "$out_dir/licenses/analytics-embedding-sdk-NOTICE.md"
cp node_modules/@tableau/embedding-api/LICENSE.md "$out_dir/licenses/tableau-embedding-api-LICENSE.md"
echo "require('@tableau/embedding-api');" > entry.js
./node_modules/.bin/esbuild entry.js --bundle --format=iife --minify --log-level=warning --outfile="$out_dir/tableau.embedding.js"
if ! (cd "$out_dir" && sha256sum --quiet -c "$here/bundles.sha256"); then
  rm -f "$out_dir/tableau.embedding.js" "$out_dir/analytics-embedding-sdk.js"
  echo "bundle-embedding-api: the bundled files differ from app/src/main/npm/bundles.sha256; refusing to ship them" >&2
  exit 1
fi
echo "bundle-embedding-api: @tableau/embedding-api and @salesforce/analytics-embedding-sdk bundled from the lock file and verified" >&2
