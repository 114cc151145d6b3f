#!/usr/bin/env bash
# The statistics history's CPU and disk cost per hour with N torrents seeding (default 1000):
# a shortened run on a simulated clock (HOURS simulated hours, default 3), extrapolated per hour.
#   bash bench/history.sh [TORRENTS] [HOURS] [TICK_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/bundle.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bench_run history "$dir" "${1:-1000}" "${2:-3}" "${3:-3}"
