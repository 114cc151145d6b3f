. "$(dirname "${BASH_SOURCE[0]}")/lib/isolate.sh"

# Sourced by the bench scripts: bundles a bench driver (TypeScript) into an ESM file for GJS,
# as tools/build.mjs does for the app.
#   bench_bundle bench/NAME.ts OUTFILE
bench_bundle() {
  npx esbuild "$1" --bundle --format=esm --target=firefox102 --platform=neutral \
    --main-fields=module,main --external:'gi://*' --external:system --external:gettext --external:cairo \
    --loader:.ui=text --loader:.css=text --define:__PKGDATADIR__=undefined --define:__LOCALEDIR__=undefined \
    --define:__VERSION__='"bench"' --log-level=warning --outfile="$2"
}

# Bundles bench/NAME.ts and runs it with GJS (no display, its own temp XDG dirs), passing it the
# remaining arguments.
#   bench_run NAME [ARG...]
bench_run() {
  local name=$1 out status=0
  shift
  out=$(mktemp -d)
  bench_bundle "bench/$name.ts" "$out/$name.js"
  (bench_isolate_xdg "$out/home" && timeout 600 gjs -m "$out/$name.js" "$@") || status=$?
  rm -rf "$out"
  return "$status"
}
