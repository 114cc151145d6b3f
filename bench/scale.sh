#!/usr/bin/env bash
# How the headless app's cost grows with the number of torrents (a benchmark that prints figures;
# not a test). For each count it runs bench/idle.sh (a local opentracker with every torrent
# whitelisted, the app with a temp XDG_CONFIG_HOME) and prints one row: start → every torrent
# announced, idle CPU, RSS, quit time and the `stopped` events the tracker received, then each
# figure divided by the 1 000 row's, so growth faster than the count shows at a glance
# (linear growth: 0.1× at 100, 5× at 5 000, 10× at 10 000).
#
#   bash bench/scale.sh [IDLE_SECONDS=60] [COUNTS="100 1000 5000 10000"]
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE_SECONDS=${1:-60}
COUNTS=${2:-100 1000 5000 10000}
declare -A row
for n in $COUNTS; do
  echo "scale: $n torrents…" >&2
  line=$(bash bench/idle.sh "$n" "$IDLE_SECONDS" | grep '^RESULT ' | tail -1)
  row[$n]=${line#RESULT }
done

field() { # field ROW NAME
  local kv
  for kv in $1; do [ "${kv%%=*}" = "$2" ] && { echo "${kv#*=}"; return; }; done
  echo NA
}
ratio() { # ratio VALUE BASE
  awk -v v="$1" -v b="$2" 'BEGIN { if (v ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f×", v / b; else printf "—" }'
}

base=${row[1000]:-}
printf '\n%8s | %18s | %14s | %10s | %10s | %12s || %s\n' torrents 'all announced (ms)' 'idle CPU (%)' 'RSS (MB)' 'quit (ms)' 'stopped rcvd' \
  'ratio to 1000: announced  CPU  RSS  quit'
for n in $COUNTS; do
  r=${row[$n]}
  a=$(field "$r" all_announced_ms) c=$(field "$r" idle_cpu) m=$(field "$r" rss_mb) q=$(field "$r" quit_ms)
  s=$(field "$r" stopped)
  if [ -n "$base" ]; then
    rat="$(ratio "$a" "$(field "$base" all_announced_ms)")  $(ratio "$c" "$(field "$base" idle_cpu)")  $(ratio "$m" "$(field "$base" rss_mb)")  $(ratio "$q" "$(field "$base" quit_ms)")"
  else
    rat='(no 1000 row)'
  fi
  printf '%8s | %18s | %14s | %10s | %10s | %12s || %s\n' "$n" "$a" "$c" "$m" "$q" "$s/$n" "$rat"
done
