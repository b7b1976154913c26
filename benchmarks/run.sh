#!/usr/bin/env bash
# One command, one report: builds everything, runs the JMH minting suite (MintingBenchmark; IssuePathPieces, which
# attributes the HS256 issue path to its steps; AuditSealBenchmark, the audit writer's cost per record), then start-up
# (startup.sh) and the gateway load script, and writes
# benchmarks/results/latest.md: every figure, its ratio to its floor, the targets, the machine, the JDK, the date.
# FORKS, WARMUPS and ITERATIONS tune JMH (defaults 2, 3, 5 one-second rounds); STARTUP=0 and LOAD=0 skip those parts;
# DURATION, ROUNDS, PROFILE, LATENCY_MS and SOAK pass through to load.sh (SOAK=600 for the 10-minute soak).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
mkdir -p benchmarks/results
cp="benchmarks/target/classes:$(ls benchmarks/target/lib/*.jar | tr '\n' ':')"
# -prof gc adds the bytes allocated per token (gc.alloc.rate.norm) to every figure.
java -cp "$cp" org.openjdk.jmh.Main 'MintingBenchmark|IssuePathPieces|AuditSealBenchmark' -f "${FORKS:-2}" -wi "${WARMUPS:-3}" -i "${ITERATIONS:-5}" -w 1s -r 1s \
  -prof gc -rf json -rff benchmarks/results/jmh.json
if [ "${STARTUP:-1}" != 0 ]; then
  bash benchmarks/startup.sh > /dev/null
else
  rm -f benchmarks/results/startup.md
fi
if [ "${LOAD:-1}" != 0 ]; then
  bash benchmarks/load.sh > /dev/null
else
  rm -f benchmarks/results/load.md
fi
java -cp "$cp" dev.vizgate.benchmarks.Report benchmarks/results/jmh.json benchmarks/results/latest.md benchmarks/results/load.md \
  benchmarks/results/startup.md
