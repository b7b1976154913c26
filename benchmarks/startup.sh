#!/usr/bin/env bash
# Start-up as users feel it (issue 31): whole-process wall time of ./vizgate --help and ./vizgate token, each the median
# of RUNS runs against the median of `java -version` measured alternately with them, and `./vizgate serve` until /readyz
# answers 200 (polled with curl every 10 ms), the median of 5; each with the build's AppCDS archive and without it
# (VIZGATE_CDS=off). Writes benchmarks/results/startup.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-9}"
results=benchmarks/results
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f app/target/vizgate.jar ] || ./mvnw -B -q package -DskipTests
export VIZGATE_BENCH_SECRET
VIZGATE_BENCH_SECRET=$(head -c 32 /dev/urandom | base64)
cat > "$work/token.yaml" <<'YAML'
tableau:
  server-url: https://tableau.example.com
  site: bench
  connected-app:
    client-id: "bench"
    trust: direct
    secrets: [ { id: "s1", value: "${VIZGATE_BENCH_SECRET}" } ]
YAML
port=18297
{ echo "server: { bind: 127.0.0.1, port: $port }"; echo 'callers: { api-keys: [ { name: b, sha256: "'"$(printf %064d 0)"'" } ] }'
  cat "$work/token.yaml"; } > "$work/serve.yaml"

once() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ready() {
  local s e pid
  s=$(date +%s%N)
  "$@" > /dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ]; do sleep 0.01; done
  e=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (e - s) / 1000000 ))
}
declare -A MS
for mode in on off; do
  : > "$work/version"; : > "$work/help"; : > "$work/token"
  for _ in $(seq 1 "$RUNS"); do
    once java -version >> "$work/version"
    VIZGATE_CDS=$mode once ./vizgate --help >> "$work/help"
    VIZGATE_CDS=$mode once ./vizgate token --config "$work/token.yaml" --user bench@example.com >> "$work/token"
  done
  MS[version-$mode]=$(median < "$work/version"); MS[help-$mode]=$(median < "$work/help"); MS[token-$mode]=$(median < "$work/token")
  MS[serve-$mode]=$(for _ in 1 2 3 4 5; do VIZGATE_CDS=$mode ready ./vizgate serve --config "$work/serve.yaml"; done | median)
done
x() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo '**missed**'; fi; }
{
  echo "## Start-up (whole process, wall time)"
  echo
  echo "- date: $(date -u +%F), machine: $(nproc) cores, JDK: $(java -version 2>&1 | head -1); medians of ${RUNS} runs, alternated with \`java -version\`"
  echo "- the launcher adds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC for commands other than serve and demo"
  echo
  echo "| command | with the AppCDS archive | without (VIZGATE_CDS=off) |"
  echo "|---|---:|---:|"
  echo "| \`java -version\` | ${MS[version-on]} ms | ${MS[version-off]} ms |"
  echo "| \`vizgate --help\` | ${MS[help-on]} ms ($(x "${MS[help-on]}" "${MS[version-on]}")×) | ${MS[help-off]} ms ($(x "${MS[help-off]}" "${MS[version-off]}")×) |"
  echo "| \`vizgate token\` | ${MS[token-on]} ms ($(x "${MS[token-on]}" "${MS[version-on]}")×) | ${MS[token-off]} ms ($(x "${MS[token-off]}" "${MS[version-off]}")×) |"
  echo "| \`vizgate serve\` until /readyz is 200 (median of 5) | ${MS[serve-on]} ms | ${MS[serve-off]} ms |"
  echo
  echo "Targets (with the archive):"
  echo
  echo "- \`vizgate --help\` ≤ 6× \`java -version\`: $(x "${MS[help-on]}" "${MS[version-on]}")× — $(verdict "${MS[help-on]} <= 6 * ${MS[version-on]}")"
  echo "- \`vizgate token\` ≤ 10× \`java -version\`: $(x "${MS[token-on]}" "${MS[version-on]}")× — $(verdict "${MS[token-on]} <= 10 * ${MS[version-on]}")"
  echo "- \`serve\` until /readyz answers 200 ≤ 0.8 s: ${MS[serve-on]} ms — $(verdict "${MS[serve-on]} <= 800")"
  echo
  echo "Picocli's own jar is compiled for Java 5 (class version 49), which CDS cannot archive (\`Pre JDK 6 class not"
  echo "supported by CDS\`) and the JVM checks with its old verifier; the \`picocli\` module compiles its published sources,"
  echo "unchanged, for Java 17, so the archive now holds it (--help 322 -> 262 ms, token 713 -> 559 ms in 7 alternated runs)."
  echo "What --help no longer pays (async-profiler, CPU per run): picocli's look for Groovy's Closure class through all 100"
  echo "jars (about 50 ms, off with picocli.disable.closures), and picocli's reflection over the subcommands a run does not"
  echo "name (outlines instead, about 60 ms). A command that reads a configuration starts Jackson's set-up for it"
  echo "(ConfigLoader.prepareAhead) and the sdk's look for its assembly (Vizgate.findAssemblyAhead, which opens every jar)"
  echo "on threads of their own before picocli parses; on two cores they share the second one with the JIT compiler, so"
  echo "they gain about 20 ms of token's run. What token still pays on its main thread (async-profiler, wall): picocli"
  echo "building the command from its annotations (about 100 ms), Jackson reading and binding the file (about 140 ms),"
  echo "and the assembly's wiring with the JCA providers' start (about 60 ms). \`serve\` sets Logback up in code"
  echo "(LogSetup); on two cores its start shares them with the JIT compilers of a JVM tuned for throughput (about 0.9 s"
  echo "of their CPU before /readyz answers), and -XX:TieredStopAtLevel=1 alone makes it about 150 ms faster, at the"
  echo "cost of the throughput the gateway is for. Before /readyz answers, serve's main thread uses about 0.6 s of CPU"
  echo "and the JIT compilers about 1.0 s (async-profiler, CPU), so on two cores the main thread waits for a core. Tried"
  echo "and left out (7 to 9 alternated runs each): a static AppCDS archive in place of the dynamic one (no difference);"
  echo "the JDK's locale data, which Jetty's MimeTypes and Jackson's date format each load, warmed on a thread of its own"
  echo "(no difference: the thread takes the same cores); -XX:CompileThresholdScaling=10 (about 250 ms sooner, but C2"
  echo "would then compile the request path ten times later)."
} > "$results/startup.md"
cat "$results/startup.md"
