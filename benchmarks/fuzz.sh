#!/usr/bin/env bash
# Fuzzes every Jazzer target for MINUTES each (default 5; first argument overrides), one target per Maven run
# (Jazzer fuzzes one test per JVM). Findings are written into the target's regression inputs directory under
# src/test/resources/…/<Class>Inputs/<method>/, where every later `./mvnw verify` replays them; the growing corpus
# stays in <module>/.cifuzz-corpus/ (ignored by git). Exits non-zero when a target finds something.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-${MINUTES:-5}}"
seconds=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
./mvnw -B -q install -DskipTests
targets=(
  "adapters-tableau TokenVerifierFuzzTest#anyText_verifyAndDecode_endInTypedOutcomes dev.vizgate.**:io.jsonwebtoken.**:com.fasterxml.jackson.core.**"
  "adapters-tableau TokenVerifierFuzzTest#signedHostileJson_verify_acceptsOnlyTheTrustedIssuer dev.vizgate.**:io.jsonwebtoken.**:com.fasterxml.jackson.core.**"
  "adapters-keystore KeyLoadingFuzzTest#anyText_everyLoader_loadsOrRefusesWithATypedError dev.vizgate.**:org.bouncycastle.**"
  "app ConfigLoaderFuzzTest#anyYaml_loadAndWire_succeedsOrNamesTheProblem dev.vizgate.**:com.fasterxml.jackson.**:org.snakeyaml.**"
  "app GatewayFuzzTest#anyRequest_gateway_answersWithoutA500OrAStackTrace dev.vizgate.**:org.eclipse.jetty.http.**:org.eclipse.jetty.server.**"
)
failed=0
for t in "${targets[@]}"; do
  read -r module test includes <<<"$t"
  echo "== fuzzing $module $test for ${MINUTES} min"
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_INSTRUMENTATION_INCLUDES="$includes" \
      ./mvnw -B -q -pl "$module" test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false > "$module/target/fuzz-${test//#/-}.log" 2>&1; then
    echo "   FINDING: see $module/target/fuzz-${test//#/-}.log and the new file in the inputs directory"
    failed=1
  fi
  grep -E "DONE" "$module/target/fuzz-${test//#/-}.log" | tail -1 | sed 's/^/   /' || true
done
exit $failed
