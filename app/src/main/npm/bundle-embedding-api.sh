#!/usr/bin/env bash
# Takes the vendors' embedding libraries for the demo page from their npm packages (pinned versions).
# @salesforce/analytics-embedding-sdk ships an ES module, copied as it is. @tableau/embedding-api ships CommonJS
# modules, so esbuild (pinned) bundles it into one browser script. Without npm on the PATH this does nothing, and the
# demo page says the libraries are missing from the build.
set -euo pipefail
EMBEDDING_API_VERSION=3.16.1
ANALYTICS_SDK_VERSION=2.0.0
ESBUILD_VERSION=0.25.0
out_dir="$1/demo"
out="$out_dir/tableau.embedding.js"
if ! command -v npm >/dev/null 2>&1; then
  echo "bundle-embedding-api: npm is not on the PATH; the demo page will not use the Embedding API library" >&2
  exit 0
fi
work="$2/npm-embedding-api"
mkdir -p "$work" "$out_dir"
cd "$work"
sdk_out="$out_dir/analytics-embedding-sdk.js"
if [ ! -f "$sdk_out" ]; then
  npm pack --silent "@salesforce/analytics-embedding-sdk@${ANALYTICS_SDK_VERSION}" >/dev/null
  tar -xzf "salesforce-analytics-embedding-sdk-${ANALYTICS_SDK_VERSION}.tgz" package/dist/sdk-bundle.module.js
  cp package/dist/sdk-bundle.module.js "$sdk_out"
  echo "bundle-embedding-api: @salesforce/analytics-embedding-sdk ${ANALYTICS_SDK_VERSION} copied to $sdk_out" >&2
fi
if [ -f "$out" ]; then
  exit 0
fi
[ -f package.json ] || printf '{"name":"vizgate-demo-bundle","private":true}\n' > package.json
npm pack --silent "@tableau/embedding-api@${EMBEDDING_API_VERSION}" >/dev/null
npm install --silent --no-audit --no-fund --no-save "esbuild@${ESBUILD_VERSION}" "./tableau-embedding-api-${EMBEDDING_API_VERSION}.tgz" >/dev/null
echo "require('@tableau/embedding-api');" > entry.js
./node_modules/.bin/esbuild entry.js --bundle --format=iife --minify --log-level=warning --outfile="$out"
echo "bundle-embedding-api: @tableau/embedding-api ${EMBEDDING_API_VERSION} bundled into $out" >&2
