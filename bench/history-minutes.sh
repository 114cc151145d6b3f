#!/usr/bin/env bash
# What a per-torrent minute tier for the last day would cost, against the history's bounds
# (16 MiB base for 10 000 torrents, 1 MB/h written for 1 000): see ARCHITECTURE.md.
#   bash bench/history-minutes.sh [TICK_SECONDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
bench_run history-minutes "${1:-3}"
