#!/usr/bin/env bash
# Prints announce throughput of the tracker layer against a local opentracker (127.0.0.1):
# `started` for N torrents under the announce cap, then the `stopped` farewells.
#
#   bash bench/tracker-announce.sh [COUNTS=100,1000] [CAP=16]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
bench_run tracker-announce "${1:-100,1000}" "${2:-16}"
