# Sourced by the benches: every XDG base directory the app writes to (settings, statistics
# history, cache, state) goes under the bench's temp dir $1, so a bench never reads or grows the
# user's own data. (Before this, each run added its torrents to ~/.local/share/dfakeseeder/history,
# and later runs loaded them all: RSS and idle CPU crept up from run to run.)
bench_isolate_xdg() {
  mkdir -p "$1/config" "$1/data" "$1/cache" "$1/state"
  export XDG_CONFIG_HOME="$1/config" XDG_DATA_HOME="$1/data" XDG_CACHE_HOME="$1/cache" XDG_STATE_HOME="$1/state"
}
