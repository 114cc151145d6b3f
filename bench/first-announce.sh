#!/usr/bin/env bash
# Time from start to every torrent's first successful announce, for a few list sizes
# (bench/idle.sh with a short idle stretch). Prints one table per size.
#
#   bash bench/first-announce.sh [SIZES="100 500 1000"]
set -euo pipefail
cd "$(dirname "$0")/.."
for n in ${1:-100 500 1000}; do
  bash bench/idle.sh "$n" 5
done
