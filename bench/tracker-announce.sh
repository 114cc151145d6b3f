#!/usr/bin/env bash
# Prints announce throughput of the tracker layer against a local opentracker (127.0.0.1):
# `started` for N torrents under the announce cap, then the `stopped` farewells.
#
#   bash bench/tracker-announce.sh [COUNTS=100,1000] [CAP=16]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
bench_bundle bench/tracker-announce.ts "$OUT/tracker-announce.js"
timeout 600 gjs -m "$OUT/tracker-announce.js" "${1:-100,1000}" "${2:-16}"
