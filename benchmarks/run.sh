#!/usr/bin/env bash
# One command, one report: builds the benchmarks, runs the JMH minting suite, and writes
# benchmarks/results/latest.md (every figure, its ratio to its floor, the machine, the JDK, the date).
# FORKS, WARMUPS and ITERATIONS tune the run (defaults: 1, 3, 5 one-second rounds per benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
mkdir -p benchmarks/results
cp="benchmarks/target/classes:$(ls benchmarks/target/lib/*.jar | tr '\n' ':')"
java -cp "$cp" org.openjdk.jmh.Main MintingBenchmark -f "${FORKS:-1}" -wi "${WARMUPS:-3}" -i "${ITERATIONS:-5}" -w 1s -r 1s \
  -rf json -rff benchmarks/results/jmh.json
java -cp "$cp" dev.vizgate.benchmarks.Report benchmarks/results/jmh.json benchmarks/results/latest.md
