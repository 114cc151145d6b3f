#!/usr/bin/env bash
# Prints the memory every torrent's speed history costs (issue 18 item 10): N rings filled to
# their 5 minutes at the default 9 s tick and at 1 s.
#   bash bench/speed-history.sh [N=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
bench_run speed-history "${1:-10000}"
