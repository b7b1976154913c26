#!/usr/bin/env bash
# Gateway load over loopback with wrk, keep-alive, the gateway and wrk sharing the machine's cores:
#   - GET /healthz, the HTTP floor, and POST /v1/tableau/token (API-key caller), each at full load and at half
#     of its own maximum rate (wrk 4 has no rate option; a Lua delay() per connection paces the requests);
#   - POST /v1/tableau-next/frontdoor against the Salesforce stand-in (its own process) with LATENCY_MS added to
#     every answer, so the gateway's cost over the upstream's is visible;
#   - the POST floor (PostFloorServer: Jetty as the gateway sets it up, the same request, a fixed answer, no work);
#   - the race: an Express server in the shape of Tableau's JavaScript sample (benchmarks/node, jsonwebtoken, the same
#     claims and API-key check), alternating with the gateway in every round, at full and half load;
#   - the token route again on a second gateway with the audit trail on (a JSON-lines file), alternating with the first;
#   - SOAK=<seconds>: the token route at 80% of its maximum for that long (600 for the 10-minute soak),
#     with the gateway's GC log read for the heap after each collection, first minute against last.
# Writes benchmarks/results/load.md (figures and targets); logs go to benchmarks/results/load-*.log.
# DURATION seconds per run (default 10); ROUNDS runs of each maximum, the median kept (default 3).
# AUDIT_PAIRS pairs of AUDIT_SECONDS runs (default 9 of 5 s) compare the token route with the audit trail on and off:
# the two runs of a pair are back to back, their order alternating, so this machine's drift from minute to minute
# (±30% between rounds) falls on both alike; the median of the pairs' ratios is reported, with each gateway's CPU per
# request (from /proc, user and system time over the requests it served).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else echo "load.sh: install wrk (apt-get install wrk)" >&2; exit 2; fi
fi
DURATION="${DURATION:-10}"
PORT="${PORT:-18181}"
LATENCY_MS="${LATENCY_MS:-20}"
SOAK="${SOAK:-0}"
ROUNDS="${ROUNDS:-3}"
source benchmarks/common.sh

# The External Client App's key and certificate, throw-away.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/private-key.pem" -out "$work/cert.pem" -days 1 -subj /CN=vizgate-load 2>/dev/null
java -Xmx256m -cp "$cp" dev.vizgate.benchmarks.LoadStandIn "$work/cert.pem" "$LATENCY_MS" 50 > "$work/standin.url" 2> "$results/load-standin.log" &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/standin.url" ] && break; sleep 0.2; done
standin=$(head -1 "$work/standin.url")

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
salesforce:
  token-url: $standin
  audience: https://login.salesforce.com
  consumer-key: "load-consumer-key"
  private-key: "file:$work/private-key.pem"
  certificate: "file:$work/cert.pem"
YAML
secret=$(head -c 32 /dev/urandom | base64)
LOAD_SECRET=$secret java -Xmx512m ${GATEWAY_OPTS:-} -Xlog:gc:file="$results/load-gc.log":uptime:filecount=0 \
  -jar app/target/vizgate.jar serve --config "$work/vizgate.yaml" > /dev/null 2> "$results/load-gateway.log" &
gw=$!
pids+=($gw)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
# The same gateway with the audit trail on (a JSON-lines file), to measure what recording every decision costs.
sed "s/port: $PORT,/port: $(( PORT + 3 )),/" "$work/vizgate.yaml" > "$work/audited.yaml"
printf 'audit: { key: "${LOAD_AUDIT_KEY}", node: load, file: { path: %s } }\n' "$work/audit.jsonl" >> "$work/audited.yaml"
LOAD_SECRET=$secret LOAD_AUDIT_KEY=$(head -c 32 /dev/urandom | base64) java -Xmx512m ${GATEWAY_OPTS:-} \
  -jar app/target/vizgate.jar serve --config "$work/audited.yaml" > /dev/null 2> "$results/load-audited.log" &
audited_gw=$!
pids+=($audited_gw)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$(( PORT + 3 ))/healthz" >/dev/null && break; sleep 0.2; done

# The POST floor and the Express server, each a process of its own on the same cores.
java -Xmx256m -cp "$cp" dev.vizgate.benchmarks.PostFloorServer $(( PORT + 1 )) > "$work/floor.url" 2> "$results/load-floor.log" &
pids+=($!)
(cd benchmarks/node && npm ci --ignore-scripts --no-audit --no-fund --silent)
PORT=$(( PORT + 2 )) API_KEY_SHA256=$sha SECRET=$secret node benchmarks/node/server.js > /dev/null 2> "$results/load-express.log" &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/floor.url" ] && curl -s -o /dev/null "http://127.0.0.1:$(( PORT + 2 ))/" && break; sleep 0.2; done

script() { # name route body [delay-ms]: a wrk Lua script
  {
    [ "$2" = GET ] || { echo 'wrk.method = "POST"'; echo "wrk.headers[\"Authorization\"] = \"Bearer $key\""
      echo 'wrk.headers["Content-Type"] = "application/json"'; echo "wrk.body = '$3'"; }
    # wrk waits whole milliseconds: a fractional delay is dithered between its floor and ceiling to average right
    [ -z "${4:-}" ] || printf 'local d = %s\nfunction delay() local f = math.floor(d); if math.random() < d - f then return f + 1 end; return f end\n' "$4"
    [ "$2" != FRONTDOOR ] || cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"user":"load-user-' .. (n % 50 + 1) .. '@load.example"}')
end
LUA
  } > "$work/$1.lua"
  echo "$work/$1.lua"
}
healthz="http://127.0.0.1:$PORT/healthz"
token="http://127.0.0.1:$PORT/v1/tableau/token"
floor="http://127.0.0.1:$(( PORT + 1 ))/v1/tableau/token"
express="http://127.0.0.1:$(( PORT + 2 ))/v1/tableau/token"
audited="http://127.0.0.1:$(( PORT + 3 ))/v1/tableau/token"
frontdoor="http://127.0.0.1:$PORT/v1/tableau-next/frontdoor"
token_lua=$(script token POST '{"user":"alice@example.com"}')
frontdoor_lua=$(script frontdoor FRONTDOOR '{}')

ms() { # wrk's latency text (123.45us, 1.2ms, 1.1s) in milliseconds
  awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000; printf "%.3f", v }'
}
declare -A RPS P50 P99 ERR SHARE ALL P50S
measure() { # key connections duration url [script]
  local out
  out=$(wrk -t2 -c"$2" -d"$3s" --latency ${5:+-s "$5"} "$4")
  RPS[$1]=$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")
  P50[$1]=$(ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
  P99[$1]=$(ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  local non2xx sock
  non2xx=$(awk '/Non-2xx/{print $NF}' <<<"$out")
  sock=$(awk -F'[ ,]+' '/Socket errors/{print $4+$6+$8+$10}' <<<"$out")
  ERR[$1]=$(( ${non2xx:-0} + ${sock:-0} ))
}
median_of() { # key: of the runs key#1..ROUNDS, keeps the one with the median requests/s; errors add up over all
  local runs=() i mid
  for i in $(seq 1 "$ROUNDS"); do runs+=("${RPS[$1#$i]} $1#$i"); done
  mid=$(printf '%s\n' "${runs[@]}" | sort -n | awk -v n="$ROUNDS" 'NR == int((n + 1) / 2) { print $2 }')
  RPS[$1]=${RPS[$mid]}; P50[$1]=${P50[$mid]}; P99[$1]=${P99[$mid]}; ERR[$1]=0
  for i in $(seq 1 "$ROUNDS"); do ERR[$1]=$(( ${ERR[$1]} + ${ERR[$1#$i]} )); done
  ALL[$1]=$(printf '%s\n' "${runs[@]}" | awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }')
  P50S[$1]=$(for i in $(seq 1 "$ROUNDS"); do echo "${P50[$1#$i]}"; done | paste -sd, - | sed 's/,/, /g')
}
paced() { # key base-key connections url script-base body [share] [seconds]: a share (default half) of base's maximum, paced per connection
  # Each connection waits delay() after every answer, so a cycle is delay + latency. Runs as long as the measured
  # one (3 s runs ran slower than 10 s ones, and the 10 s run overshot) estimate the latency part from the achieved
  # rate until one lands within 5% of the target (at most 4 tries); that run is the measurement. A longer run
  # (the soak) then uses the delay found.
  local share="${7:-0.5}" seconds="${8:-$DURATION}" cycle delay try got=no
  cycle=$(awk -v c="$3" -v r="${RPS[$2]}" -v s="$share" 'BEGIN { printf "%.3f", c * 1000 / (r * s) }')
  delay=$cycle
  for try in 1 2 3 4; do
    measure "$1" "$3" "$DURATION" "$4" "$(script "$1" "$5" "$6" "$delay")"
    got=$(awk -v a="${RPS[$1]}" -v r="${RPS[$2]}" -v s="$share" 'BEGIN { d = a / (r * s); print (d > 0.95 && d < 1.05) ? "yes" : "no" }')
    [ "$got" = yes ] && break
    delay=$(awk -v cyc="$cycle" -v d="$delay" -v c="$3" -v a="${RPS[$1]}" 'BEGIN { l = c * 1000 / a - d; if (l < 0) l = 0
      v = cyc - l; printf "%.3f", v < 0.2 ? 0.2 : v }')
  done
  if [ "$got" != yes ] || [ "$seconds" != "$DURATION" ]; then
    measure "$1" "$3" "$seconds" "$4" "$(script "$1" "$5" "$6" "$delay")"
  fi
  SHARE[$1]=$(awk -v a="${RPS[$1]}" -v r="${RPS[$2]}" 'BEGIN { printf "%.0f", 100 * a / r }')
}

# warm-up, not reported: the JIT sees every route first
wrk -t2 -c16 -d5s "$healthz" >/dev/null
wrk -t2 -c16 -d20s -s "$token_lua" "$token" >/dev/null # C2 was still compiling the token path after 5 s
wrk -t2 -c64 -d15s -s "$frontdoor_lua" "$frontdoor" >/dev/null # 64 connections: its path runs 20k times before C2 settles on it
wrk -t2 -c16 -d5s -s "$token_lua" "$floor" >/dev/null
wrk -t2 -c16 -d10s -s "$token_lua" "$express" >/dev/null
wrk -t2 -c16 -d20s -s "$token_lua" "$audited" >/dev/null
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"user":"alice@example.com"}' "$express")" = 200 ] \
  || { echo "load.sh: the Express server did not issue a token" >&2; exit 1; }

# This VM's speed drifts from minute to minute (shared host): each maximum is the median of ROUNDS runs, and
# the two routes' runs alternate so that drift hits both alike.
for round in $(seq 1 "$ROUNDS"); do
  measure "healthz-max#$round" 64 "$DURATION" "$healthz"
  measure "floor-max#$round" 64 "$DURATION" "$floor" "$token_lua"
  measure "token-max#$round" 64 "$DURATION" "$token" "$token_lua"
  measure "express-max#$round" 64 "$DURATION" "$express" "$token_lua"
  measure "audited-max#$round" 64 "$DURATION" "$audited" "$token_lua"
done
median_of healthz-max
median_of floor-max
median_of token-max
median_of express-max
median_of audited-max

# The audit trail's cost, paired runs: each gateway's requests/s and CPU time per request.
AUDIT_PAIRS="${AUDIT_PAIRS:-9}"
AUDIT_SECONDS="${AUDIT_SECONDS:-5}"
declare -A CPU
cpu_run() { # key pid url: one maximum run, with the CPU the process used per request served
  local before after
  before=$(ticks "$2")
  measure "$1" 64 "$AUDIT_SECONDS" "$3" "$token_lua"
  after=$(ticks "$2")
  CPU[$1]=$(awk -v t=$(( after - before )) -v hz="$tick" -v r="${RPS[$1]}" -v s="$AUDIT_SECONDS" 'BEGIN { printf "%.1f", t * 1e6 / hz / (r * s) }')
}
pair_ratios=()
for pair in $(seq 1 "$AUDIT_PAIRS"); do
  if (( pair % 2 )); then cpu_run "off#$pair" "$gw" "$token"; cpu_run "on#$pair" "$audited_gw" "$audited"
  else cpu_run "on#$pair" "$audited_gw" "$audited"; cpu_run "off#$pair" "$gw" "$token"; fi
  pair_ratios+=("$(awk -v a="${RPS[on#$pair]}" -v b="${RPS[off#$pair]}" 'BEGIN { printf "%.1f", 100 * a / b }')")
done
audit_pair_ratio=$(med "${pair_ratios[@]}")
offs=(); ons=(); cpu_offs=(); cpu_ons=()
for pair in $(seq 1 "$AUDIT_PAIRS"); do
  offs+=("${RPS[off#$pair]}"); ons+=("${RPS[on#$pair]}"); cpu_offs+=("${CPU[off#$pair]}"); cpu_ons+=("${CPU[on#$pair]}")
done
cpu_off=$(med "${cpu_offs[@]}"); cpu_on=$(med "${cpu_ons[@]}")
curl -s "http://127.0.0.1:$(( PORT + 3 ))/metrics" > "$work/audited.metrics" || true

# Where the token route's CPU goes: async-profiler (from benchmarks/target/lib) attached to the gateway for one more
# maximum run, not one of the measured ones (perf events as root, else the interval timer). PROFILE=0 skips it.
profile_md=""
if [ "${PROFILE:-1}" != 0 ] && ls benchmarks/target/lib/async-profiler-*.jar >/dev/null 2>&1; then
  jar=$(ls "$PWD"/benchmarks/target/lib/async-profiler-*.jar | head -1)
  mkdir -p "$work/ap" && (cd "$work/ap" && jar xf "$jar" linux-x64/libasyncProfiler.so) || true
  lib="$work/ap/linux-x64/libasyncProfiler.so"
  agent() { jcmd "$gw" JVMTI.agent_load "$lib" "\"$1\"" 2>&1 | grep -q 'return code: 0'; }
  profiled() { # name url [script]: one maximum run under the profiler; prints the requests it served
    rm -f "$results/profile-$1.collapsed"
    { agent "start,event=cpu,interval=1ms" || agent "start,event=itimer,interval=1ms"; } || return 0
    local out
    out=$(wrk -t2 -c64 -d"$DURATION"s ${3:+-s "$3"} "$2")
    agent "stop,file=$results/profile-$1.collapsed,collapsed" || true
    if [ -s "$results/profile-$1.collapsed" ]; then awk '/requests in/ { print $1 }' <<<"$out"; fi
  }
  if [ -f "$lib" ]; then
    # The floor the same way as the token route, so the table can say what the token route pays beyond it, part by part.
    token_served=$(profiled token "$token" "$token_lua")
    healthz_served=$(profiled healthz "$healthz")
    runs=()
    [ -z "$healthz_served" ] || runs+=(floor "$results/profile-healthz.collapsed" "$healthz_served")
    [ -z "$token_served" ] || runs+=(token "$results/profile-token.collapsed" "$token_served")
    [ ${#runs[@]} = 0 ] || profile_md=$(java -cp "$cp" dev.vizgate.benchmarks.ProfileSummary "${runs[@]}")
  fi
fi
paced healthz-half healthz-max 128 "$healthz" GET ''
paced token-half token-max 128 "$token" POST '{"user":"alice@example.com"}'
paced floor-half floor-max 128 "$floor" POST '{"user":"alice@example.com"}'
paced express-half express-max 128 "$express" POST '{"user":"alice@example.com"}'
# The frontdoor against the stand-in's own latency at the same concurrency, alternating, each the median of ROUNDS
# runs: the stand-in's token endpoint pauses the same fixed time, then refuses the unknown grant type (a 400 there
# is the expected answer).
cat > "$work/standin.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=unsupported"
LUA
for round in $(seq 1 "$ROUNDS"); do
  measure "frontdoor#$round" 8 "$DURATION" "$frontdoor" "$frontdoor_lua"
  measure "standin#$round" 8 "$DURATION" "$standin/services/oauth2/token" "$work/standin.lua"
  ERR[standin#$round]=0
done
median_of frontdoor
median_of standin
# Where the frontdoor's added time goes: the same calls to the stand-in from two JDK client set-ups and a bare socket, the gateway idle.
clients=$(java -Xmx256m -cp "$cp" dev.vizgate.benchmarks.UpstreamClients "$standin" 8 "$DURATION")
client_p50() { awk -F' *[|] *' -v n="$1" '$2 == n { print $4 }' <<<"$clients"; }

row() { echo "| $2 | $3 | ${RPS[$1]} | ${P50[$1]} | ${P99[$1]} | ${ERR[$1]} |"; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo '**missed**'; fi; }
ratio=$(awk -v a="${RPS[token-max]}" -v b="${RPS[healthz-max]}" 'BEGIN { printf "%.0f", 100 * a / b }')
post_ratio=$(awk -v a="${RPS[token-max]}" -v b="${RPS[floor-max]}" 'BEGIN { printf "%.0f", 100 * a / b }')
audit_ratio=$(awk -v a="${RPS[audited-max]}" -v b="${RPS[token-max]}" 'BEGIN { printf "%.0f", 100 * a / b }')
race=$(awk -v a="${RPS[token-max]}" -v b="${RPS[express-max]}" 'BEGIN { printf "%.2f", a / b }')
added=$(awk -v p="${P50[frontdoor]}" -v l="${P50[standin]}" 'BEGIN { printf "%.3f", p - l }')
{
  echo "## Gateway load (wrk, loopback, keep-alive)"
  echo
  echo "- date: $(date -u +%F), machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), JDK: $(java -version 2>&1 | head -1)"
  echo "- ${DURATION}s per run; 2 wrk threads share the cores with the gateway; \"half\" paces each connection to half of that route's maximum"
  echo "- the Salesforce stand-in answers after a fixed ${LATENCY_MS} ms"
  echo
  echo "| route | load | connections | requests/s | p50 ms | p99 ms | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  row healthz-max "GET /healthz (floor) | max" 64
  row token-max "POST /v1/tableau/token | max" 64
  row floor-max "POST floor (Jetty, no work) | max" 64
  row express-max "Express + jsonwebtoken (Tableau's JS sample) | max" 64
  row audited-max "POST /v1/tableau/token, audit trail on (file) | max" 64
  row healthz-half "GET /healthz (floor) | half (${SHARE[healthz-half]}% of max)" 128
  row token-half "POST /v1/tableau/token | half (${SHARE[token-half]}% of max)" 128
  row floor-half "POST floor (Jetty, no work) | half (${SHARE[floor-half]}% of max)" 128
  row express-half "Express + jsonwebtoken | half (${SHARE[express-half]}% of its max)" 128
  row frontdoor "POST /v1/tableau-next/frontdoor | ${LATENCY_MS} ms upstream" 8
  row standin "the stand-in alone (baseline) | ${LATENCY_MS} ms pause" 8
  echo
  echo "Targets:"
  echo
  echo "- token endpoint ≥ 85% of the POST floor's requests/s: ${post_ratio}% — $(verdict "$post_ratio >= 85") (medians of ${ROUNDS} alternating runs;" \
    "POST floor ${ALL[floor-max]}, token ${ALL[token-max]})"
  echo "- token endpoint against GET /healthz: ${ratio}% (healthz ${ALL[healthz-max]})"
  echo "- token endpoint with the audit trail on, at least 95% of it off: ${audit_pair_ratio}% — $(verdict "$audit_pair_ratio >= 95")" \
    "(the median of ${AUDIT_PAIRS} paired ratios of ${AUDIT_SECONDS} s runs: $(IFS=,; echo "${pair_ratios[*]}" | sed 's/,/, /g'); off ${offs[*]}, on ${ons[*]} req/s;" \
    "$(cat "$work"/audit*.jsonl | wc -l) records written, $(awk '/^vizgate_audit_dropped_total/ { s += $NF } END { print s + 0 }' "$work/audited.metrics") dropped)"
  echo "- the gateway's CPU per token request (median over those runs): ${cpu_off} µs with the audit trail off, ${cpu_on} µs on" \
    "($(awk -v a="$cpu_on" -v b="$cpu_off" 'BEGIN { printf "%+.1f µs, %+.0f%%", a - b, 100 * (a - b) / b }'));" \
    "the medians of ${ROUNDS} longer alternating runs: ${audit_ratio}% (audited ${ALL[audited-max]})"
  echo "- the race, ahead on requests/s: Vizgate ${RPS[token-max]} against Express ${RPS[express-max]} (${race}×; Express ${ALL[express-max]})" \
    "— $(verdict "${RPS[token-max]} > ${RPS[express-max]}")"
  echo "- the race, ahead on p99 at half load: Vizgate ${P99[token-half]} ms against Express ${P99[express-half]} ms" \
    "— $(verdict "${P99[token-half]} < ${P99[express-half]}")"
  echo "- token endpoint p99 ≤ 5 ms at half of max (ran at ${SHARE[token-half]}% of max): ${P99[token-half]} ms — $(verdict "${P99[token-half]} <= 5")"
  echo "- frontdoor adds ≤ 1.5 ms p50 over the stand-in's own p50 (${P50[standin]} ms for a ${LATENCY_MS} ms pause): +${added} ms — $(verdict "$added <= 1.5")" \
    "(each the run of median requests/s of ${ROUNDS} alternating runs; p50 frontdoor ${P50S[frontdoor]}, stand-in ${P50S[standin]} ms)"
  errors=0
  for k in healthz-max token-max healthz-half token-half frontdoor floor-max floor-half express-max express-half audited-max; do errors=$(( errors + ${ERR[$k]} )); done
  echo "- errors in every run: $errors"
  echo "- Express runs as Tableau's sample does, one Node process (one core for JavaScript); the gateway uses both cores"
  if [ -n "$profile_md" ]; then
    echo
    echo "### Where the token route's CPU goes, against the floor's (async-profiler, one more run of each at max, process CPU samples)"
    echo
    echo "$profile_md"
    echo
    echo "The floor's p99 at half load (${P99[healthz-half]} ms) is this shared 2-core machine's own tail with wrk on the same cores;"
    echo "the token route's p99 at half load is that tail stretched by its longer service time."
  fi
  echo
  echo "### The frontdoor's added time: the upstream client"
  echo
  echo "The stand-in called by Java clients at the same concurrency (8 threads, ${DURATION}s each, the gateway idle):"
  echo
  echo "$clients"
  echo
  jdk=$(client_p50 "JDK HttpClient (the adapter's: send, direct executor)"); sock=$(client_p50 "blocking socket (floor)")
  echo "- the JDK HttpClient, the adapter's, costs $(awk -v a="$jdk" -v b="$sock" 'BEGIN { printf "%.3f", a - b }') ms p50 over a blocking socket"
  echo "- the gateway's frontdoor p50 over the JDK client's own: $(awk -v a="${P50[frontdoor]}" -v b="$jdk" 'BEGIN { printf "%+.3f", a - b }') ms" \
    "(Jetty in, caller check, session cache, JSON out)"
} > "$results/load.md"

if [ "$SOAK" -gt 0 ]; then
  start_line=$(wc -l < "$results/load-gc.log")
  paced soak token-max 128 "$token" POST '{"user":"alice@example.com"}' 0.8 "$SOAK"
  read -r gcs minutes <<<"$(bash benchmarks/soak-heap.sh "$results/load-gc.log" "$start_line")"
  read -r -a by_minute <<<"$minutes"
  # The first minute is left out of the comparison: the heap settles there (G1 sizes its generations and the
  # long-lived objects get promoted), then it should stay level. The last, possibly partial, minute is dropped.
  second_mb=${by_minute[1]:-0}; last_mb=${by_minute[$(( ${#by_minute[@]} > 2 ? ${#by_minute[@]} - 2 : 0 ))]:-0}
  {
    echo
    echo "### Soak: token endpoint at 80% of max for ${SOAK}s (ran at ${SHARE[soak]}% of max)"
    echo
    echo "| requests/s | p50 ms | p99 ms | errors | collections | heap after GC, 2nd minute | last whole minute |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    echo "| ${RPS[soak]} | ${P50[soak]} | ${P99[soak]} | ${ERR[soak]} | $gcs | ${second_mb} MB | ${last_mb} MB |"
    echo
    echo "Mean heap after GC (MB) by minute of the soak: ${by_minute[*]}"
    echo
    echo "- 0 errors: $(verdict "${ERR[soak]} == 0")"
    echo "- flat heap (the last whole minute's mean heap after GC within 10% or 4 MB of the second minute's): $(verdict "$last_mb <= $second_mb * 1.1 || $last_mb <= $second_mb + 4")"
  } >> "$results/load.md"
fi
cat "$results/load.md"
