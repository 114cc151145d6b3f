#!/usr/bin/env bash
# Prints the time to fill, scroll, sort and search 10 000 rows in the main window (Xvfb), and the
# main loop's lateness while their figures change at the engine's rate.
#   bash bench/ui-rows.sh     DFS_BENCH_ROWS=50000 bash bench/ui-rows.sh     DFS_BENCH_COLUMNS=name bash bench/ui-rows.sh
#   DFS_BENCH_STEPS=10 bash bench/ui-rows.sh   (shorter scroll phases)   DFS_BENCH_SEED_SECONDS=30 (longer seeding phases)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/bundle.sh
ROOT=$PWD
# Xvfb has no GPU: GL would be Mesa's software rasteriser, whose shader compiles swamp the
# figures; cairo is the closer stand-in. GSK_RENDERER=gl bash bench/ui-rows.sh to compare.
export GSK_RENDERER=${GSK_RENDERER:-cairo}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
bench_bundle bench/ui-rows.ts "$OUT/ui-rows.js"
# The window's templates: the resource bundle the app finds next to its own bundle.
node tools/build.mjs >/dev/null
cp dist/ie.fio.dfakeseeder.gresource "$OUT/"
tmp_home=$OUT/home
mkdir -p "$tmp_home" && mkdir -m 700 "$tmp_home/run"
XDG_CONFIG_HOME=$tmp_home/config XDG_DATA_HOME=$tmp_home/data XDG_CACHE_HOME=$tmp_home/cache XDG_STATE_HOME=$tmp_home/state XDG_RUNTIME_DIR=$tmp_home/run GSETTINGS_BACKEND=memory GTK_A11Y=none \
  NO_AT_BRIDGE=1 DFS_ROOT=$ROOT timeout 600 dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
  gjs -m "$OUT/ui-rows.js" 2>&1 | grep -vE 'dbus-daemon|portal|^$' || true
