#!/usr/bin/env bash
# Puts the AppCDS archive into the gateway's image that jib:dockerBuild just built. An archive only maps into the very
# JVM build that wrote it, with the same class path, so the training run (CdsTraining, as in train.sh) runs inside the
# image itself, as its user, with the image's class path; a layer with /app/cds/vizgate.jsa then goes on top, under the
# image's own tags. The image's java flags name that file with -Xshare:auto, so an image without it (jib:build, which
# needs no Docker engine, or a failed training here) starts exactly as before.
# Never fails the build. Arguments: the module's target directory, then the image's names (the first is trained on).
set -uo pipefail
target=$1
shift
image=$1
work="$target/cds-image"
rm -rf "$work"
mkdir -p "$work"
# shellcheck source=training-config.sh
. "$(dirname "$0")/training-config.sh"
training_config "$work"
chmod 0777 "$work" # the image's user (10001) writes the archive into it
warn() { echo "[WARNING] the gateway's image has no AppCDS archive ($1); it starts without one" >&2; exit 0; }
command -v docker > /dev/null || warn "no docker command"
docker run --rm --user 10001:10001 -v "$work:/cds" --entrypoint java "$image" \
    -XX:ArchiveClassesAtExit=/cds/vizgate.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -cp @/app/jib-classpath-file \
    dev.vizgate.app.cli.CdsTraining /cds/vizgate.yaml /cds/serve.yaml > "$work/training.log" 2>&1 || true
[ -s "$work/vizgate.jsa" ] || warn "the training run wrote none; see $work/training.log"
printf 'FROM %s\nCOPY vizgate.jsa /app/cds/vizgate.jsa\n' "$image" > "$work/Dockerfile"
printf '*\n!vizgate.jsa\n' > "$work/.dockerignore"
tags=()
for name in "$@"; do tags+=(-t "$name"); done
docker build -q "${tags[@]}" "$work" > "$work/build.log" 2>&1 || warn "docker build failed; see $work/build.log"
exit 0
