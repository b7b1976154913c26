# Sourced by load.sh and tenants-load.sh (from the repository's root): a work folder removed on exit with the processes
# listed in pids, the gateway's jar and the benchmarks' class path (built when missing), a process's CPU time in clock
# ticks (user and system, from /proc), and the median of numbers.
results=benchmarks/results
mkdir -p "$results"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
[ -f app/target/vizgate.jar ] && [ -d benchmarks/target/lib ] || ./mvnw -B -q package -DskipTests
cp="benchmarks/target/classes:$(ls benchmarks/target/lib/*.jar | tr '\n' ':')"
tick=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
med() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
