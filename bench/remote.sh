#!/usr/bin/env bash
# Remote access costs (a benchmark that prints figures; not a test). With N torrents seeding to
# Debian's opentracker on 127.0.0.1, runs the headless app twice — remote access off, then on —
# and prints:
#   - list latency: GET /api/v1/torrents?limit=N (every torrent), median and p95 over 20 requests
#     spaced 0.3 s apart (every row read afresh), and 20 back to back
#   - events a second delivered to a connected page (an SSE client: curl -N on /api/v1/events),
#     and torrent updates a second inside them
#   - CPU (% of one core, /proc/<pid>/stat) over SECONDS: remote off; on with no page; on with one
#     page connected — and the cost of remote access (on + page − off)
# Targets (issue 13): list < 50 ms, idle cost < 0.5 % of a core.
#
#   bash bench/remote.sh [N=1000] [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/opentracker.sh
. bench/lib/isolate.sh
N=${1:-1000}
SECS=${2:-30}
PORT=$((20000 + RANDOM % 20000))
RPORT=$((40000 + RANDOM % 20000))
TMP=$(mktemp -d /tmp/dfs-bench-remote-XXXXXX)
OT=$TMP/ot
mkdir -p "$OT" "$TMP/config/dfakeseeder/torrents"
chmod 755 "$TMP" "$OT"
APP_PID= OT_PID= SSE_PID=
cleanup() {
  [ -n "$SSE_PID" ] && kill "$SSE_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$OT_PID" ] && kill "$OT_PID" 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT

node tools/build.mjs >/dev/null
node bench/idle-make-torrents.mjs "$TMP/config/dfakeseeder/torrents" "$N" "http://127.0.0.1:$PORT/announce" >"$OT/whitelist.txt"
ot_start "$OT" "$PORT"

bench_isolate_xdg "$TMP"
export DISPLAY= WAYLAND_DISPLAY= DBUS_SESSION_BUS_ADDRESS=disabled:
echo 'bench remote password' | gjs -m dist/main.js --set-remote-password >/dev/null 2>&1
# An API token for the bench, stored the way Preferences stores one (only its SHA-256).
TOKEN=dfs_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
HASH=$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)
settings() { # enabled(true|false)
  node -e '
    const fs = require("fs"); const [f, on, port, entry] = process.argv.slice(1);
    const s = JSON.parse(fs.readFileSync(f, "utf8"));
    s.remote = { ...s.remote, enabled: on === "true", port: Number(port), tokens: [entry] };
    fs.writeFileSync(f, JSON.stringify(s));' "$TMP/config/dfakeseeder/settings.json" "$1" "$RPORT" "bench\$0\$$HASH\$bench"
}

seeds() { ot_seeds "$PORT"; }
now_ms() { date +%s%3N; }
clk=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
cpu_over() { # seconds → % of one core used by the app meanwhile
  local t0 w0 t1 w1
  t0=$(cpu_ticks "$APP_PID"); w0=$(now_ms)
  sleep "$1"
  t1=$(cpu_ticks "$APP_PID"); w1=$(now_ms)
  awk -v t="$((t1 - t0))" -v hz="$clk" -v ms="$((w1 - w0))" 'BEGIN { printf "%.2f", 100 * (t / hz) / (ms / 1000) }'
}
start_app() {
  gjs -m dist/main.js --headless 2>"$TMP/app.log" &
  APP_PID=$!
  local deadline=$(($(now_ms) + 300000))
  while [ "$(now_ms)" -lt "$deadline" ] && [ "$(seeds || echo 0)" -lt "$N" ]; do sleep 0.2; done
  sleep 5 # start-up work settles
}
stop_app() {
  kill -TERM "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  # The tracker forgets us on `stopped`; wait for it so the next run announces afresh.
  for _ in $(seq 100); do [ "$(seeds || echo 0)" -eq 0 ] && break; sleep 0.1; done
}

# 1. Remote access off.
settings false
start_app
cpu_off=$(cpu_over "$SECS")
if ss -ltn 2>/dev/null | grep -q ":$RPORT "; then echo "remote access is off, yet port $RPORT listens!"; exit 1; fi
stop_app

# 2. Remote access on: no page, then one page connected.
settings true
start_app
grep -q "remote access: listening" "$TMP/app.log" || { echo "remote access did not start:"; tail -5 "$TMP/app.log"; exit 1; }
BASE=http://127.0.0.1:$RPORT
cpu_on=$(cpu_over "$SECS")
curl -s -N -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/events" >"$TMP/events.txt" &
SSE_PID=$!
sleep 3 # the snapshot
: >"$TMP/events.txt.mark"
before_lines=$(grep -c '^event:' "$TMP/events.txt" || true)
before_updates=$(grep -A1 '^event: torrents' "$TMP/events.txt" | grep -o '"hash"' | wc -l || true)
cpu_page=$(cpu_over "$SECS")
after_lines=$(grep -c '^event:' "$TMP/events.txt" || true)
after_updates=$(grep -A1 '^event: torrents' "$TMP/events.txt" | grep -o '"hash"' | wc -l || true)
kill "$SSE_PID" 2>/dev/null || true
SSE_PID=

# List latency, every torrent in one page: spaced out (every row read afresh), then back to back
# (rows younger than 250 ms are reused).
latency() { # pause-seconds → "median p95" in ms over 20 requests
  local times=() sorted
  for _ in $(seq 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/torrents?limit=$N")")
    sleep "$1"
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$(echo "$sorted" | sed -n 10p | awk '{printf "%.1f", $1 * 1000}') $(echo "$sorted" | sed -n 19p | awk '{printf "%.1f", $1 * 1000}')"
}
read -r p50 p95 <<<"$(latency 0.3)"
read -r b50 b95 <<<"$(latency 0)"
rows=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/torrents?limit=$N" | grep -o '"hash"' | wc -l)
stop_app

events=$(awk -v a="$after_lines" -v b="$before_lines" -v s="$SECS" 'BEGIN { printf "%.2f", (a - b) / s }')
updates=$(awk -v a="$after_updates" -v b="$before_updates" -v s="$SECS" 'BEGIN { printf "%.0f", (a - b) / s }')
cost=$(awk -v a="$cpu_page" -v b="$cpu_off" 'BEGIN { printf "%.2f", a - b }')
echo "remote access with $N torrents seeding (2 cores shared; figures over ${SECS} s)"
echo "  list latency, GET /api/v1/torrents?limit=$N ($rows rows): median ${p50} ms, p95 ${p95} ms   (target < 50 ms)"
echo "    back to back (rows reused within 250 ms): median ${b50} ms, p95 ${b95} ms"
echo "  event stream to one page: ${events} events/s carrying ${updates} torrent updates/s"
echo "  CPU: remote off ${cpu_off} %, on without a page ${cpu_on} %, on with one page ${cpu_page} % of a core"
echo "  cost of remote access with a page connected: ${cost} % of a core   (target < 0.5 %)"
echo "RESULT n=$N list_p50_ms=$p50 list_p95_ms=$p95 burst_p50_ms=$b50 events_per_s=$events updates_per_s=$updates cpu_off=$cpu_off cpu_on=$cpu_on cpu_page=$cpu_page cost=$cost"
