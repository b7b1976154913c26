#!/usr/bin/env bash
# Gateway load over loopback with wrk (Debian package `wrk`): GET /healthz as the HTTP floor against
# POST /v1/tableau/token with an API-key caller, keep-alive, at full load and at about half of it (wrk2-style rate
# limiting is not in wrk 4, so "half" is half the connections). Bounded: DURATION seconds per run (default 10).
# Writes benchmarks/results/load.md. The gateway logs go to benchmarks/results/load-gateway.log.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "load.sh: install wrk (apt-get install wrk)" >&2; exit 2; }
DURATION="${DURATION:-10}"
PORT="${PORT:-18181}"
work=$(mktemp -d)
trap 'kill "$gw" 2>/dev/null || true; rm -rf "$work"' EXIT
[ -f app/target/vizgate.jar ] || ./mvnw -B -q package -DskipTests
key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
sha=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
cat > "$work/vizgate.yaml" <<YAML
server: { bind: 127.0.0.1, port: $PORT, rate-limit: { caller-per-minute: 100000000, user-per-minute: 100000000 } }
callers: { api-keys: [ { name: load, sha256: "$sha" } ] }
tableau:
  server-url: https://tableau.example.com
  connected-app:
    client-id: "load-client"
    trust: direct
    secrets: [ { id: "s1", value: "\${LOAD_SECRET}" } ]
YAML
mkdir -p benchmarks/results
LOAD_SECRET=$(head -c 32 /dev/urandom | base64) java -Xmx512m -jar app/target/vizgate.jar serve --config "$work/vizgate.yaml" \
  > /dev/null 2> benchmarks/results/load-gateway.log &
gw=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
cat > "$work/token.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $key"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"user":"alice@example.com"}'
LUA
# warm-up, not reported
wrk -t2 -c16 -d3s "http://127.0.0.1:$PORT/healthz" >/dev/null
wrk -t2 -c16 -d3s -s "$work/token.lua" "http://127.0.0.1:$PORT/v1/tableau/token" >/dev/null
run() { # label connections url [script]
  local out
  out=$(wrk -t2 -c"$2" -d"${DURATION}s" --latency ${4:+-s "$4"} "$3")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')
  echo "| $1 | $2 | $rps | $p50 | $p99 | ${errors:-none} |"
}
{
  echo "# Gateway load (wrk, loopback, keep-alive)"
  echo
  echo "- date: $(date -u +%F), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), JDK: $(java -version 2>&1 | head -1)"
  echo "- ${DURATION}s per run, 2 wrk threads sharing the 2 cores with the gateway"
  echo
  echo "| route | connections | requests/s | p50 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---|"
  run "GET /healthz (floor)" 64 "http://127.0.0.1:$PORT/healthz"
  run "POST /v1/tableau/token" 64 "http://127.0.0.1:$PORT/v1/tableau/token" "$work/token.lua"
  run "GET /healthz (floor)" 8 "http://127.0.0.1:$PORT/healthz"
  run "POST /v1/tableau/token" 8 "http://127.0.0.1:$PORT/v1/tableau/token" "$work/token.lua"
} | tee benchmarks/results/load.md
