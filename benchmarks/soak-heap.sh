#!/usr/bin/env bash
# Reads a -Xlog:gc log from a line on and prints: collections, then the mean heap after GC (MB) for each minute
# since the first collection there. Lines look like
#   "[12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(512M) 3.456ms".
# Usage: soak-heap.sh GC_LOG START_LINE
set -euo pipefail
tail -n +"$(($2 + 1))" "$1" | awk '
  /Pause/ && match($0, /->[0-9]+M/) { t = substr($1, 2) + 0; after = substr($0, RSTART + 2, RLENGTH - 3) + 0
    if (n == 0) first = t; n++; m = int((t - first) / 60); sum[m] += after; cnt[m]++; if (m > last) last = m }
  END { printf "%d", n; for (m = 0; m <= last; m++) printf " %.1f", (cnt[m] ? sum[m] / cnt[m] : 0); printf "\n" }'
