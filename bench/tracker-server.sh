#!/usr/bin/env bash
# Announces a second that the built-in tracker answers over HTTP and over UDP while the app seeds
# N torrents, side by side with Debian's opentracker measured in the same run on the same machine
# (a benchmark that prints figures; not a test). Everything on 127.0.0.1.
#
#   bash bench/tracker-server.sh [N=1000] [SECONDS=8] [CONCURRENCY=32]
#
# - opentracker on 127.0.0.1 (the app's N torrents and the load's 1000 hashes whitelisted);
# - the app headless (`gjs -m dist/main.js --headless`, its own session bus, a temp
#   XDG_CONFIG_HOME) seeding N torrents that announce to opentracker, with its built-in tracker on;
# - once every torrent has announced, bench/tracker-load.py drives each tracker in turn for
#   SECONDS over HTTP (a fresh connection per announce) and over UDP (BEP 15), and the script
#   prints announces a second for both and the ratio built-in / opentracker, and for scale what
#   a bare Soup.Server in GJS answers (bench/soup-floor.ts: a fixed reply, no tracker logic).
# The load generator is Python: on a busy machine it, not opentracker, can be the limit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/opentracker.sh
. bench/lib/isolate.sh
N=${1:-1000}
SECONDS_EACH=${2:-8}
CONCURRENCY=${3:-32}
OT_PORT=$((20000 + RANDOM % 10000))
OUR_PORT=$((30000 + RANDOM % 10000))
TMP=$(mktemp -d /tmp/dfs-bench-tracker-XXXXXX)
OT=$TMP/ot
mkdir -p "$OT" "$TMP/config/dfakeseeder/torrents"
chmod 755 "$TMP" "$OT"
APP_PID=
OT_PID=
cleanup() {
  if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then
    # Let it finish its quit (farewells, last save) before its folder goes.
    for _ in $(seq 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.05; done
  fi
  [ -n "$OT_PID" ] && kill "$OT_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
bench_isolate_xdg "$TMP"

node tools/build.mjs >/dev/null
node bench/idle-make-torrents.mjs "$TMP/config/dfakeseeder/torrents" "$N" "http://127.0.0.1:$OT_PORT/announce" >"$OT/whitelist.txt"
python3 -c "import os; [print(os.urandom(20).hex()) for _ in range(1000)]" >"$TMP/load-hashes.txt"
cat "$TMP/load-hashes.txt" >>"$OT/whitelist.txt"
ot_start "$OT" "$OT_PORT"

cat >"$TMP/config/dfakeseeder/settings.json" <<JSON
{ "tracker_settings": { "enabled": true, "http_port": $OUR_PORT, "udp_port": $OUR_PORT } }
JSON

dbus-run-session -- bash -c 'echo $$ >"$0/app.pid"; exec env DISPLAY= WAYLAND_DISPLAY= gjs -m dist/main.js --headless 2>"$0/app.log"' "$TMP" &
for _ in $(seq 100); do [ -s "$TMP/app.pid" ] && break; sleep 0.02; done
APP_PID=$(cat "$TMP/app.pid")

seeds() { ot_seeds "$OT_PORT"; }
deadline=$(($(date +%s) + 300))
while [ "$(date +%s)" -lt "$deadline" ]; do
  [ "$(seeds || echo 0)" -ge "$N" ] && break
  sleep 0.2
done
echo "app seeding: $(seeds || echo 0) of $N torrents announced to opentracker"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$OUR_PORT/scrape" >/dev/null && break; sleep 0.05; done
sleep 2

# libsoup's own floor in GJS (a Soup.Server that only returns a fixed reply), for scale.
source bench/bundle.sh
bench_bundle bench/soup-floor.ts "$TMP/soup-floor.js"
FLOOR_PORT=$((40000 + RANDOM % 10000))
gjs -m "$TMP/soup-floor.js" "$FLOOR_PORT" &
FLOOR_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$FLOOR_PORT/" >/dev/null && break; sleep 0.05; done

rate() { python3 bench/tracker-load.py "$1" "$2" "$SECONDS_EACH" "$CONCURRENCY" "$TMP/load-hashes.txt"; }
declare -A R
for mode in http udp; do
  for who in opentracker builtin; do
    port=$OT_PORT; [ "$who" = builtin ] && port=$OUR_PORT
    line=$(rate "$mode" "$port")
    echo "$who $line"
    R[$who-$mode]=$(echo "$line" | sed -n 's/.*rate=\([0-9]*\).*/\1/p')
  done
done
line=$(rate http "$FLOOR_PORT")
echo "soup-floor $line"
R[floor-http]=$(echo "$line" | sed -n 's/.*rate=\([0-9]*\).*/\1/p')
kill "$FLOOR_PID" 2>/dev/null || true
kill -0 "$APP_PID" 2>/dev/null && echo "the app is still running (it seeded $N torrents throughout)"

echo
printf '%-6s %14s %14s %10s\n' proto opentracker built-in ratio
for mode in http udp; do
  o=${R[opentracker-$mode]:-0}; b=${R[builtin-$mode]:-0}
  printf '%-6s %12s/s %12s/s %10s\n' "$mode" "$o" "$b" "$(awk -v b="$b" -v o="$o" 'BEGIN { if (o > 0) printf "%.3f", b / o; else print "n/a" }')"
done
echo "libsoup's floor in GJS (fixed reply, no tracker): ${R[floor-http]:-0}/s over HTTP"
echo "RESULT n=$N http_ot=${R[opentracker-http]:-0} http_ours=${R[builtin-http]:-0} udp_ot=${R[opentracker-udp]:-0} udp_ours=${R[builtin-udp]:-0}"
