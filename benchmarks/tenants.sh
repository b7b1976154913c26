#!/usr/bin/env bash
# Many customers in one library (issue 29's scale targets), measured and written to benchmarks/results/tenants.md:
# token throughput through Tenants at 1 and at 1,000 tenants (JMH, TenantsBenchmark, alternately in one run), the rate
# budgets a token request spends in memory at 1 and 1,000 tenants (RequestBudgetsBenchmark), and the
# heap each built tenant holds (TenantHeap). FORKS, WARMUPS and ITERATIONS tune JMH (defaults 2, 3, 5 one-second rounds).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
mkdir -p benchmarks/results
cp="benchmarks/target/classes:$(ls benchmarks/target/lib/*.jar | tr '\n' ':')"
java -cp "$cp" org.openjdk.jmh.Main 'TenantsBenchmark|RequestBudgetsBenchmark' -f "${FORKS:-2}" -wi "${WARMUPS:-3}" -i "${ITERATIONS:-5}" -w 1s -r 1s \
  -rf json -rff benchmarks/results/tenants-jmh.json > /dev/null
heap=$(java -Xmx1g -cp "$cp" dev.vizgate.benchmarks.TenantHeap 1000)
java -cp "$cp" dev.vizgate.benchmarks.TenantsReport benchmarks/results/tenants-jmh.json "$heap" benchmarks/results/tenants.md
# The gateway-level figures (GatewayTenantsScale): ready time, heap per built tenant, and a tenant file's first token on
# both nodes of a two-node setup; then the token route's requests per second against a one-tenant gateway, out of
# process with wrk (tenants-load.sh, its own report).
table=$(java -Xmx2g -cp "$cp" dev.vizgate.benchmarks.GatewayTenantsScale "${TENANTS:-1000}" 2>/dev/null | sed -n '/^| figure/,$p')
{
  echo "# Tenants: many customers in one gateway"
  echo
  echo "Measured $(date -u +%FT%H:%MZ) on $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), Java 17, by" \
    "\`GatewayTenantsScale ${TENANTS:-1000}\` (as \`benchmarks/tenants.sh\` runs it): one JVM holds the Vault stand-in and the" \
    "gateways (in process, real HTTP over loopback). Each tenant's secret is read from the Vault stand-in at its first request." \
    "The token route's requests per second against a one-tenant gateway are measured out of process, in \`tenants-load.md\`."
  echo
  echo "$table"
} > benchmarks/results/tenants-gateway.md
bash benchmarks/tenants-load.sh
