#!/usr/bin/env bash
# Prints what GJS alone costs to send N HTTP GETs to a local opentracker (127.0.0.1) and read
# the replies, step by step: the floor under the farewell burst of the quit sequence.
#
#   bash bench/http-floor.sh [N=1000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
bench_run http-floor "${1:-1000}" "${2:-3}"
