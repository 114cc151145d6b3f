#!/usr/bin/env bash
# Prints what GJS alone costs to send N HTTP GETs to a local opentracker (127.0.0.1) and read
# the replies, step by step: the floor under the farewell burst of the quit sequence.
#
#   bash bench/http-floor.sh [N=1000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
npx esbuild bench/http-floor.ts --bundle --format=esm --target=firefox102 --platform=neutral \
  --main-fields=module,main --external:'gi://*' --external:system --external:gettext --log-level=warning \
  --define:__VERSION__='"bench"' --define:__PKGDATADIR__=undefined --define:__LOCALEDIR__=undefined \
  --outfile="$OUT/http-floor.js"
timeout 600 gjs -m "$OUT/http-floor.js" "${1:-1000}" "${2:-3}"
