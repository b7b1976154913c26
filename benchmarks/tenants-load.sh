#!/usr/bin/env bash
# Issue 29's throughput figure, out of process: the token route of a gateway serving TENANTS tenants (one file each in
# a watched folder, each tenant's secret in a Vault stand-in of its own process) against a one-tenant gateway with the
# same secret store, both `vizgate serve` processes driven by wrk over loopback. The many-tenant gateway is asked for a
# random tenant per request (a wrk Lua request() over every tenant's path), the worst case for memory: each request
# finds its tenant's state where the last request did not warm it.
# PAIRS pairs of SECONDS runs (default 9 of 10 s) after a warm-up: the two runs of a pair back to back, their order
# alternating, so this machine's drift from minute to minute falls on both alike. The figure is the median of the pairs'
# ratios of requests per second; each gateway's CPU per request (user and system time from /proc over the requests it
# served) is reported beside it, as it does not depend on how wrk shared the cores.
# Writes benchmarks/results/tenants-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "tenants-load.sh: install wrk (apt-get install wrk)" >&2; exit 2; }
TENANTS="${TENANTS:-1000}"
PORT="${PORT:-18281}"
PAIRS="${PAIRS:-9}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
source benchmarks/common.sh

java -Xmx512m -cp "$cp" dev.vizgate.benchmarks.TenantsVault "$work" "$TENANTS" "$PORT" > "$work/vault.token" 2> "$work/vault.log" &
pids+=($!)
for _ in $(seq 1 150); do [ "$(wc -l < "$work/vault.token")" -ge 2 ] && break; sleep 0.2; done
token=$(sed -n 1p "$work/vault.token")
key=$(sed -n 2p "$work/vault.token") # the API key both configurations accept
VAULT_TOKEN=$token java -Xmx512m ${GATEWAY_OPTS:-} -jar app/target/vizgate.jar serve --config "$work/tenants.yaml" > /dev/null 2> "$work/many.log" &
many=$!
pids+=($many)
VAULT_TOKEN=$token java -Xmx512m ${GATEWAY_OPTS:-} -jar app/target/vizgate.jar serve --config "$work/solo.yaml" > /dev/null 2> "$work/solo.log" &
solo=$!
pids+=($solo)
for p in "$PORT" $(( PORT + 1 )); do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$p/readyz" > /dev/null && break; sleep 0.2; done
done

common='wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer '"$key"'"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '"'"'{"user":"alice@example.com"}'"'"
# Both scripts build every request in Lua the same way: wrk shares the cores with the gateways, and a request() it
# runs for one gateway only (against a static request for the other) took CPU from that gateway alone. A one-tenant
# run of this script measured 89% before both paid it alike.
lua() { # sequential|random, then the paths
  local order=$1
  shift
  printf '%s\n' "$common"
  echo 'local paths = {}'
  printf '%s\n' "$@"
  echo 'local n = 0'
  echo 'request = function()'
  if [ "$order" = sequential ]; then echo '  n = n % #paths + 1; return wrk.format(nil, paths[n])'
  else echo '  return wrk.format(nil, paths[math.random(#paths)])'; fi
  echo 'end'
}
tenant_paths="for i = 0, $(( TENANTS - 1 )) do paths[i + 1] = string.format(\"/v1/tenants/t%04d/tableau/token\", i) end"
lua random 'paths[1] = "/v1/tableau/token"' > "$work/solo.lua"
lua sequential "$tenant_paths" > "$work/first.lua"
lua random "$tenant_paths" > "$work/many.lua"
solo_url="http://127.0.0.1:$(( PORT + 1 ))"
many_url="http://127.0.0.1:$PORT"

run() { # pid url script seconds: prints "requests/s CPU-µs-per-request errors"
  local before after out rps errors
  before=$(ticks "$1")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$4s" -s "$3" "$2")
  after=$(ticks "$1")
  rps=$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")
  errors=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  awk -v t=$(( after - before )) -v hz="$tick" -v r="$rps" -v s="$4" -v e="${errors:-0}" 'BEGIN { printf "%d %.1f %d\n", r, t * 1e6 / hz / (r * s), e }'
}

# Every tenant's first token (its secret read from Vault, its parts built), then a warm-up of both: the JIT compiles
# the token path during it (the first counted pair ran at half speed after a 15 s warm-up).
read -r first_rps _ first_errors <<<"$(run "$many" "$many_url" "$work/first.lua" 15)"
for _ in 1 2; do
  run "$solo" "$solo_url" "$work/solo.lua" 15 > /dev/null
  run "$many" "$many_url" "$work/many.lua" 15 > /dev/null
done

rows=()
rps_ratios=()
cpu_ratios=()
errors=0
for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then
    s=$(run "$solo" "$solo_url" "$work/solo.lua" "$SECONDS_PER_RUN"); m=$(run "$many" "$many_url" "$work/many.lua" "$SECONDS_PER_RUN")
  else
    m=$(run "$many" "$many_url" "$work/many.lua" "$SECONDS_PER_RUN"); s=$(run "$solo" "$solo_url" "$work/solo.lua" "$SECONDS_PER_RUN")
  fi
  read -r sr sc se <<<"$s"
  read -r mr mc me <<<"$m"
  errors=$(( errors + se + me ))
  rps_ratios+=("$(awk -v a="$mr" -v b="$sr" 'BEGIN { printf "%.1f", 100 * a / b }')")
  cpu_ratios+=("$(awk -v a="$mc" -v b="$sc" 'BEGIN { printf "%.1f", 100 * b / a }')")
  rows+=("| $pair | $sr | $sc | $mr | $mc | ${rps_ratios[-1]} % | ${cpu_ratios[-1]} % |")
done
rps_median=$(med "${rps_ratios[@]}")
cpu_median=$(med "${cpu_ratios[@]}")
met=$(awk -v r="$rps_median" 'BEGIN { print (r >= 95) ? "met" : "missed" }')

{
  echo "# Tenants: the token route of a $TENANTS-tenant gateway against a one-tenant gateway"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(java -version 2>&1 | head -1), by \`benchmarks/tenants-load.sh\` (PAIRS=$PAIRS, SECONDS_PER_RUN=$SECONDS_PER_RUN, CONNECTIONS=$CONNECTIONS): two \`vizgate serve\` processes and wrk (2 threads) on the same cores, each tenant's secret read from a Vault stand-in in its own process at the tenant's first request, a random tenant per request. Pairs back to back, the order alternating."
  echo
  echo "| figure | measured | target |"
  echo "|---|---|---|"
  echo "| every tenant's first token, one after another over 4 connections (secret from Vault, parts built) | $first_rps req/s for the first 15 s, $first_errors non-2xx | |"
  echo "| $TENANTS tenants against one, requests per second: the median of the pairs' ratios | **$rps_median %** ($met) | ≥ 95 % |"
  echo "| the same by each gateway's CPU per request (one tenant's µs / $TENANTS tenants' µs): median | $cpu_median % | |"
  echo "| non-2xx answers in the counted runs | $errors | 0 |"
  echo
  echo "| pair | one tenant req/s | its CPU µs/request | $TENANTS tenants req/s | its CPU µs/request | req/s ratio | CPU ratio |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$results/tenants-load.md"
cat "$results/tenants-load.md"
