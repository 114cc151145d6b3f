# Sourced by the bench scripts: Debian's opentracker on 127.0.0.1 for one bench run.
#   ot_start DIR PORT   DIR holds whitelist.txt (info hashes in hex, one a line) and is readable
#                       by `nobody` (opentracker chroots into it and drops to that user); sets
#                       OT_PID (the caller kills it) and returns once the tracker answers
#   ot_seeds PORT       the number of seeders it lists now
ot_start() {
  local dir=$1 port=$2
  cat >"$dir/ot.conf" <<CONF
listen.tcp_udp 127.0.0.1:$port
access.whitelist /whitelist.txt
access.stats 127.0.0.1
tracker.user nobody
tracker.rootdir $dir
CONF
  opentracker -f "$dir/ot.conf" >/dev/null 2>&1 &
  OT_PID=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/stats?mode=peer" >/dev/null && return 0; sleep 0.05; done
}

ot_seeds() { curl -sf "http://127.0.0.1:$1/stats?mode=peer" | sed -n 2p; }
