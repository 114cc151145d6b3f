#!/usr/bin/env bash
# Prints the shutdown table: for 1, 5, 10, 20, 50, 100 and 1000 torrents, the ms from SIGTERM
# to the window hidden and to the process exit, and the `stopped` events the tracker received,
# once against a live local opentracker and once against a tracker that stopped answering.
#
#   bash bench/shutdown.sh                         windowed app under Xvfb, both trackers
#   bash bench/shutdown.sh --headless              the headless app instead
#   bash bench/shutdown.sh --counts 1,10 --trackers silent --budget-ms 1000
#
# Runs on its own virtual display and session bus (started inside the display, so the desktop
# portal it activates can answer as on a real desktop), binds 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
ROOT=$PWD
OUT=$(mktemp -d)
# The document portal, when something activates it, mounts itself under XDG_RUNTIME_DIR.
trap 'fusermount -u "$OUT/home/run/doc" 2>/dev/null || true; rm -rf "$OUT" 2>/dev/null || true' EXIT

node tools/build.mjs >/dev/null
bench_bundle bench/shutdown-driver.ts "$OUT/shutdown-driver.js"

tmp_home=$OUT/home
mkdir -p "$tmp_home" && mkdir -m 700 "$tmp_home/run"
# Xvfb has no GPU: GTK's GL renderer falls back to llvmpipe, whose frames take seconds on a
# busy machine and would hold the app's main loop (and the quit) back. A real desktop renders
# on the GPU; cairo is the closer stand-in here. GSK_RENDERER=gl bash bench/shutdown.sh to compare.
export GSK_RENDERER=${GSK_RENDERER:-cairo}
XDG_RUNTIME_DIR=$tmp_home/run GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 \
  DFS_ROOT=$ROOT timeout 3600 xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  gjs -m "$OUT/shutdown-driver.js" "$@"
