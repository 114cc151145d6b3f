#!/bin/bash
# Runs the real app as a user would — under Xvfb with a window manager (metacity), N torrents on
# Debian's opentracker (127.0.0.1), three on a refused tracker and three on an unresolvable one —
# and keeps what the screen shows in artifacts/screenshots/app-*.png: wide, narrow, dark, the
# dead-tracker torrents, a search, and the whole list. Not a test: pictures to look at.
#
#   bash tools/screenshots.sh [N]        (default 1000)
#
# Needs Xvfb, metacity, xdotool, ImageMagick's `import`, opentracker and dbus-run-session.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
for tool in Xvfb metacity xdotool import opentracker dbus-run-session; do
  command -v "$tool" >/dev/null || {
    echo "screenshots.sh: $tool is missing (apt install xvfb metacity xdotool imagemagick opentracker dbus)" >&2
    exit 2
  }
done

TMP=$(mktemp -d)
OUT=artifacts/screenshots
mkdir -p "$OUT"
DISPLAY_NUM=:$((90 + RANDOM % 9))
PORT=$((20000 + RANDOM % 20000))
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

node tools/build.mjs >/dev/null
TORRENTS="$TMP/config/dfakeseeder/torrents"
mkdir -p "$TORRENTS" "$TMP/ot"
# Live torrents whitelisted at the tracker; the dead ones named so a search finds them.
node bench/idle-make-torrents.mjs "$TORRENTS" "$N" "http://127.0.0.1:$PORT/announce" >"$TMP/ot/whitelist.txt"
node bench/idle-make-torrents.mjs "$TORRENTS" 3 "http://127.0.0.1:9/announce" refused >/dev/null
node bench/idle-make-torrents.mjs "$TORRENTS" 3 "http://tracker.nonexistent.invalid/announce" unresolvable >/dev/null
cat >"$TMP/ot/ot.conf" <<CONF
listen.tcp_udp 127.0.0.1:$PORT
access.whitelist /whitelist.txt
access.stats 127.0.0.1
tracker.user nobody
tracker.rootdir $TMP/ot
CONF
opentracker -f "$TMP/ot/ot.conf" >/dev/null 2>&1 &
PIDS+=($!)

Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 >/dev/null 2>&1 &
PIDS+=($!)
export DISPLAY=$DISPLAY_NUM
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
metacity --replace >/dev/null 2>&1 &
PIDS+=($!)

run_app() {
  XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache" \
    XDG_STATE_HOME="$TMP/state" dbus-run-session -- gjs -m dist/main.js >>"$TMP/app.log" 2>&1 &
  APP=$!
  PIDS+=($APP)
  WIN=''
  for _ in $(seq 200); do
    # The toplevel with a real size (GTK also maps a 1×1 helper window with the same title).
    for w in $(xdotool search --name "Fake Seeder" 2>/dev/null); do
      [ "$(xdotool getwindowgeometry "$w" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p')" -gt 100 ] && WIN=$w
    done
    [ -n "$WIN" ] && break
    sleep 0.1
  done
  [ -n "$WIN" ] || {
    echo "screenshots.sh: the window did not appear; log: $TMP/app.log" >&2
    cat "$TMP/app.log" >&2
    exit 1
  }
  xdotool windowsize "$WIN" 1280 800 windowmove "$WIN" 40 40 windowactivate "$WIN" 2>/dev/null || true
}
quit_app() {
  xdotool windowactivate "$WIN" 2>/dev/null || true
  xdotool key ctrl+q
  wait "$APP" 2>/dev/null || true
}
shot() {
  sleep "${2:-1.5}"
  import -window root -crop 1300x840+30+30 "$OUT/app-$1.png"
  echo "$OUT/app-$1.png"
}
seeding() { curl -sf "http://127.0.0.1:$PORT/stats?mode=peer" | sed -n 2p; }

run_app
for _ in $(seq 600); do [ "$(seeding)" = "$N" ] && break; sleep 0.5; done
echo "tracker sees $(seeding) of $N seeding"
shot wide 3
xdotool key ctrl+f
xdotool type --delay 40 "refused"
shot search
xdotool key Escape
xdotool key ctrl+f
xdotool type --delay 40 "unresolvable"
sleep 1
sleep 1
xdotool mousemove 430 265 click 1 # the first match (the window is at 40,40)
shot dead-tracker
xdotool key Escape
xdotool windowsize "$WIN" 600 500
shot narrow 5
xdotool windowsize "$WIN" 1280 800
quit_app

# Dark: the same library, the style chosen in settings as Preferences would.
python3 - "$TMP/config/dfakeseeder/settings.json" <<'PY'
import json, sys
p = sys.argv[1]
s = json.load(open(p))
s.setdefault('ui_settings', {})['color_scheme'] = 'dark'
json.dump(s, open(p, 'w'))
PY
run_app
sleep 5
shot dark
quit_app
