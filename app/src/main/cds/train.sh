#!/usr/bin/env bash
# Makes app/target/vizgate.jsa, the AppCDS archive the ./vizgate launcher hands the JVM (-XX:SharedArchiveFile): a
# dynamic archive of the classes that --help, token, inspect and serve load, written at the end of one training run of the
# built jar (CdsTraining). The JVM then maps those classes instead of loading and verifying them at every start.
# Never fails the build: without the archive the launcher runs as before, and the JVM ignores an archive that no longer
# matches the jar (Xshare:auto). Argument: the module's target directory.
set -uo pipefail
target=$1
jar="$target/vizgate.jar"
archive="$target/vizgate.jsa"
work="$target/cds"
rm -rf "$work" "$archive"
mkdir -p "$work"
cat > "$work/vizgate.yaml" <<'YAML'
tableau:
  server-url: https://tableau.example.com
  site: training
  connected-app:
    client-id: "cds-training"
    trust: direct
    secrets: [ { id: "s1", value: "${CDS_SECRET}" } ]
YAML
# The gateway, on a port of its own, with the same Connected App; the API key's SHA-256 is that of CdsTraining.API_KEY.
key_sha=$(printf %s cds-training-api-key | sha256sum | cut -d' ' -f1)
{ echo "server: { bind: 127.0.0.1, port: 0 }"; echo "callers: { api-keys: [ { name: training, sha256: \"$key_sha\" } ] }"
  cat "$work/vizgate.yaml"; } > "$work/serve.yaml"
# The same class path as the launcher's java -jar: the jar and, through its manifest, lib/.
if ! java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" dev.vizgate.app.cli.CdsTraining \
    "$work/vizgate.yaml" "$work/serve.yaml" > "$work/training.log" 2>&1 || [ ! -s "$archive" ]; then
  rm -f "$archive"
  echo "[WARNING] no AppCDS archive was made (see $work/training.log); ./vizgate starts without it" >&2
fi
exit 0
