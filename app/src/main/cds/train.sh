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
# shellcheck source=training-config.sh
. "$(dirname "$0")/training-config.sh"
training_config "$work"
# The same class path as the launcher's java -jar: the jar and, through its manifest, lib/.
if ! java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$jar" dev.vizgate.app.cli.CdsTraining \
    "$work/vizgate.yaml" "$work/serve.yaml" > "$work/training.log" 2>&1 || [ ! -s "$archive" ]; then
  rm -f "$archive"
  echo "[WARNING] no AppCDS archive was made (see $work/training.log); ./vizgate starts without it" >&2
fi
exit 0
