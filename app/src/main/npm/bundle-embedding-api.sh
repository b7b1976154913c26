#!/usr/bin/env bash
# Bundles Tableau's Embedding API v3 for the demo page from the npm package (pinned), as DESIGN.md asks: the
# package ships CommonJS modules, so esbuild (pinned) makes one browser script of it. Without npm on the PATH this
# does nothing, and the demo page falls back to loading the view's embed URL itself.
set -euo pipefail
EMBEDDING_API_VERSION=3.16.1
ESBUILD_VERSION=0.25.0
out_dir="$1/demo"
out="$out_dir/tableau.embedding.js"
if ! command -v npm >/dev/null 2>&1; then
  echo "bundle-embedding-api: npm is not on the PATH; the demo page will not use the Embedding API library" >&2
  exit 0
fi
if [ -f "$out" ]; then
  exit 0
fi
work="$2/npm-embedding-api"
mkdir -p "$work" "$out_dir"
cd "$work"
[ -f package.json ] || printf '{"name":"vizgate-demo-bundle","private":true}\n' > package.json
npm pack --silent "@tableau/embedding-api@${EMBEDDING_API_VERSION}" >/dev/null
npm install --silent --no-audit --no-fund --no-save "esbuild@${ESBUILD_VERSION}" "./tableau-embedding-api-${EMBEDDING_API_VERSION}.tgz" >/dev/null
echo "require('@tableau/embedding-api');" > entry.js
./node_modules/.bin/esbuild entry.js --bundle --format=iife --minify --log-level=warning --outfile="$out"
echo "bundle-embedding-api: @tableau/embedding-api ${EMBEDDING_API_VERSION} bundled into $out" >&2
