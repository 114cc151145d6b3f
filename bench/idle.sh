#!/usr/bin/env bash
# Idle cost and start-up time of the headless app with many seeding torrents (a benchmark that
# prints figures; not a test). Starts Debian's opentracker on 127.0.0.1 with every generated
# torrent whitelisted, runs `gjs -m dist/main.js --headless` with a temp XDG_CONFIG_HOME holding
# N torrents, and prints:
#   - time from start until the tracker lists every torrent with one seeder (first announces)
#   - CPU (% of one core, from /proc/<pid>/stat) and RSS over IDLE_SECONDS of seeding
#   - the time the app took to quit on SIGTERM
#
#   bash bench/idle.sh [N=1000] [IDLE_SECONDS=60]
# The last line is machine-readable for bench/scale.sh:
#   RESULT n=… announced=… all_announced_ms=… idle_cpu=… rss_mb=… quit_ms=… stopped=…
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/opentracker.sh
. bench/lib/isolate.sh
N=${1:-1000}
IDLE_SECONDS=${2:-60}
PORT=$((20000 + RANDOM % 20000))
TMP=$(mktemp -d /tmp/dfs-bench-idle-XXXXXX)
OT=$TMP/ot
mkdir -p "$OT" "$TMP/config/dfakeseeder/torrents"
chmod 755 "$TMP" "$OT"
APP_PID=
OT_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$OT_PID" ] && kill "$OT_PID" 2>/dev/null || true
  [ -n "${DFS_BENCH_KEEP:-}" ] && cp "$TMP/app.log" "$DFS_BENCH_KEEP" 2>/dev/null; rm -rf "$TMP"
}
trap cleanup EXIT
bench_isolate_xdg "$TMP"

node tools/build.mjs >/dev/null
node bench/idle-make-torrents.mjs "$TMP/config/dfakeseeder/torrents" "$N" "http://127.0.0.1:$PORT/announce" >"$OT/whitelist.txt"
ot_start "$OT" "$PORT"

seeds() { ot_seeds "$PORT"; }
now_ms() { date +%s%3N; }
clk=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

# Its own session bus, so it never talks to a desktop's running instance.
start=$(now_ms)
dbus-run-session -- bash -c 'echo $$ >"$0/app.pid"; exec env DISPLAY= WAYLAND_DISPLAY= gjs -m dist/main.js --headless 2>"$0/app.log"' "$TMP" &
RUNNER=$!
for _ in $(seq 100); do [ -s "$TMP/app.pid" ] && break; sleep 0.02; done
APP_PID=$(cat "$TMP/app.pid")

first_all=
deadline=$(($(now_ms) + 300000))
while [ "$(now_ms)" -lt "$deadline" ]; do
  s=$(seeds || echo 0)
  if [ "${s:-0}" -ge "$N" ]; then first_all=$(($(now_ms) - start)); break; fi
  sleep 0.05
done
announced=$(seeds || echo 0)
startup_cpu=$(awk -v t="$(cpu_ticks "$APP_PID")" -v hz="$clk" -v ms="$(($(now_ms) - start))" 'BEGIN { printf "%.0f", 100 * (t / hz) / (ms / 1000) }')

# Let start-up work finish, then measure a quiet stretch of seeding.
sleep 5
t0=$(cpu_ticks "$APP_PID"); w0=$(now_ms)
rss_max=0
for _ in $(seq "$IDLE_SECONDS"); do
  sleep 1
  r=$(rss_kb "$APP_PID"); [ "$r" -gt "$rss_max" ] && rss_max=$r
done
t1=$(cpu_ticks "$APP_PID"); w1=$(now_ms)
cpu=$(awk -v t="$((t1 - t0))" -v hz="$clk" -v ms="$((w1 - w0))" 'BEGIN { printf "%.2f", 100 * (t / hz) / (ms / 1000) }')
rss=$(rss_kb "$APP_PID")

q0=$(now_ms)
kill -TERM "$APP_PID"
wait "$RUNNER" 2>/dev/null || true
quit_ms=$(($(now_ms) - q0))
APP_PID=
after=$(seeds || echo '?')
# The tracker drops a peer from its seeder count when it receives that peer's `stopped`.
stopped_received='?'
[ "$after" != '?' ] && stopped_received=$((announced - after))

printf '\n%-46s %s\n' "headless app, $N torrents, opentracker 127.0.0.1" "value"
printf '%-46s %s\n' "----------------------------------------------" "-----------"
printf '%-46s %s\n' "torrents the tracker saw as seeding" "$announced / $N"
printf '%-46s %s\n' "start → every torrent announced (ms)" "${first_all:-not reached in 300 s}"
printf '%-46s %s\n' "CPU during start-up (% of one core)" "$startup_cpu"
printf '%-46s %s\n' "idle CPU over ${IDLE_SECONDS} s (% of one core)" "$cpu"
printf '%-46s %s\n' "RSS at end of idle (MB)" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-46s %s\n' "peak RSS during idle (MB)" "$(awk -v k="$rss_max" 'BEGIN { printf "%.1f", k / 1024 }')"
printf '%-46s %s\n' "SIGTERM → exit (ms)" "$quit_ms"
printf '%-46s %s\n' "seeders left on the tracker after quit" "$after"
echo
grep -E 'SHUTDOWN PHASE BREAKDOWN|shutdown phase drain' "$TMP/app.log" | sed 's/^/app: /' || true
printf '%-46s %s\n' "app log lines (errors)" "$(wc -l <"$TMP/app.log") ($(grep -ciE 'warn|error|critical' "$TMP/app.log" || true))"
printf 'RESULT n=%s announced=%s all_announced_ms=%s idle_cpu=%s rss_mb=%s quit_ms=%s stopped=%s\n' \
  "$N" "$announced" "${first_all:-NA}" "$cpu" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "$quit_ms" "$stopped_received"
