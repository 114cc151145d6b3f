#!/usr/bin/env bash
# Hostile trackers against the tracker layer, on 127.0.0.1 (docs/ARCHITECTURE.md, "fair cap"):
#  - healthy torrents' time to `started` on Debian's opentracker while 150 torrents keep
#    announcing to a tracker that never answers (HTTP, then UDP); target: under 5 s;
#  - the process's RSS before and after a UDP flood of stray datagrams from a tracker's port
#    (default one minute at a million a minute); target: within 20 MB of before.
# Needs opentracker and python3 (the flooder). Prints figures; asserts nothing.
#
#   bash bench/hostile.sh [FLOOD_SECONDS=60] [DATAGRAMS_PER_MINUTE=1000000] [PARTS=starvation,flood]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
bench_run hostile "${1:-60}" "${2:-1000000}" "${3:-starvation,flood}"
