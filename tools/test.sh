#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs the quality gates and every
# spec (unit, integration against a real opentracker, UI under Xvfb, D-Bus under
# dbus-run-session), and ends with one line `N passed, N failed[, N skipped]`.
#
#   bash tools/test.sh            everything
#   bash tools/test.sh tests/unit only the specs under that path (gates still run)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# `meson test` runs this file too; a spec that runs `meson test` (mesonInstall.spec.ts) must not
# start the whole suite again inside itself: 77 is meson's "skipped".
if [ "${DFS_FROM_MESON:-0}" = 1 ] && [ -n "${DFS_ROOT:-}" ]; then
  echo "already inside a spec run: skipped"
  exit 77
fi
# DFS_SKIP_SETUP=1 (meson test): use what is installed; tools/setup.sh lists what that must be.
if [ "${DFS_SKIP_SETUP:-0}" != 1 ]; then
  bash tools/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
fi

passed=0
failed=0
gate() {
  local name=$1
  shift
  local out
  if out=$("$@" 2>&1); then
    passed=$((passed + 1))
    echo "✓ gate: $name"
  else
    failed=$((failed + 1))
    echo "✗ gate: $name"
    echo "$out" | tail -40 | sed 's/^/    /'
  fi
}

model_is_ui_free() {
  ! grep -rnE "from ['\"]gi://(Gtk|Gdk|Adw)" src/model
}

remote_is_ui_free() {
  # The remote interface runs in the headless app too, where there is no display.
  ! grep -rnE "from ['\"]gi://(Gtk|Gdk|Adw)" src/controller/remote
}

view_has_no_io() {
  # The view shows the model; files and sockets belong to the model and controller.
  ! grep -rnE "Soup\.|Gio\.Socket|replace_contents|load_contents|Gio\.Subprocess" src/view
}

types_reject_newer_apis() {
  # Four uses of post-GNOME-43 APIs must each be a type error.
  local out
  out=$(npx tsc --noEmit -p tests/typecheck/tsconfig.json 2>&1)
  [ "$(echo "$out" | grep -c 'too-new-apis.ts.*error TS')" -eq 4 ] || { echo "$out"; return 1; }
}

validate_desktop_file() {
  local tmp
  tmp=$(mktemp -d)
  cp data/ie.fio.dfakeseeder.desktop.in "$tmp/ie.fio.dfakeseeder.desktop"
  desktop-file-validate "$tmp/ie.fio.dfakeseeder.desktop"
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

validate_metainfo() {
  local tmp
  tmp=$(mktemp -d)
  cp data/ie.fio.dfakeseeder.metainfo.xml.in "$tmp/ie.fio.dfakeseeder.metainfo.xml"
  appstreamcli validate --no-net "$tmp/ie.fio.dfakeseeder.metainfo.xml"
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

systemd_unit_verifies() {
  # The user unit meson installs, with ExecStart on a real launcher (systemd-analyze checks it
  # exists and is executable); any warning fails the gate too.
  local tmp out rc
  tmp=$(mktemp -d)
  mkdir -m 700 "$tmp/run"
  sed -e "s|@GJS@|$(command -v gjs)|" -e "s|@pkgdatadir@|$ROOT/dist|" build-aux/dfakeseeder.in >"$tmp/dfakeseeder"
  chmod +x "$tmp/dfakeseeder"
  sed -e "s|@bindir@|$tmp|" data/ie.fio.dfakeseeder.service.in >"$tmp/ie.fio.dfakeseeder.service"
  out=$(XDG_RUNTIME_DIR=$tmp/run systemd-analyze verify --user "$tmp/ie.fio.dfakeseeder.service" 2>&1)
  rc=$?
  rm -rf "$tmp"
  echo "$out"
  [ $rc -eq 0 ] && [ -z "$out" ]
}

translations_compile() {
  local po
  for po in po/*.po; do
    [ -e "$po" ] || continue
    msgfmt --check -o /dev/null "$po" || return 1
  done
}

# A string with two placeholders filled in order cannot be reordered by a translator: such
# strings use positional ones (%1$s, %2$s) filled by format() from src/lib/i18n.ts.
placeholders_are_positional() {
  ! grep -rnE "_\((['\"\`])([^'\"\`]*%[sd]){2,}" src
}

# DFS_SKIP_GATES=1 skips the gates (for quick iteration on specs); DFS_TESTS_OUT=DIR bundles the
# specs there instead of dist/, so several people can run specs from one tree at once.
OUT=${DFS_TESTS_OUT:-dist}
if [ "${DFS_SKIP_GATES:-0}" != 1 ]; then
gate "build app bundle" node tools/build.mjs
gate "typescript (tsc --noEmit, strict)" npx tsc --noEmit -p tsconfig.json
gate "types reject APIs newer than GNOME 43" types_reject_newer_apis
gate "typescript: the remote web page (web/, DOM types)" npx tsc --noEmit -p web/tsconfig.json
gate "eslint" npx eslint --max-warnings 0 .
gate "prettier formatting" npx prettier --check --no-error-on-unmatched-pattern src tests tools bench web
gate "src/model imports no Gtk/Gdk/Adw" model_is_ui_free
gate "src/view does no network or disk I/O" view_has_no_io
gate "src/controller/remote imports no Gtk/Gdk/Adw" remote_is_ui_free
gate "desktop file validates" validate_desktop_file
gate "metainfo validates" validate_metainfo
gate "translations compile (msgfmt --check)" translations_compile
gate "translatable strings with several placeholders are positional" placeholders_are_positional
gate "systemd user unit verifies (systemd-analyze verify --user)" systemd_unit_verifies
else
  node tools/build.mjs >/dev/null || { echo "✗ could not bundle the app"; exit 1; }
fi

only=()
for p in "$@"; do only+=(--only "$p"); done
spec_out=$(mktemp)
if node tools/build.mjs --tests --outdir "$OUT" "${only[@]}"; then
  # Every spec runs with its own throwaway XDG folders and session bus, on a virtual display.
  # A hung run is cut after 40 min (DFS_SPEC_TIMEOUT, seconds): a clean machine runs the suite
  # in about 8, but a loaded one (several engineers' specs at once) took over 20.
  # The display comes first: services the bus starts (xdg-desktop-portal and its GTK backend,
  # which libadwaita asks for the colour scheme) inherit its DISPLAY, so they start cleanly.
  tmp_home=$(mktemp -d)
  mkdir -m 700 "$tmp_home/run"
  XDG_CONFIG_HOME=$tmp_home/config XDG_DATA_HOME=$tmp_home/data XDG_CACHE_HOME=$tmp_home/cache \
    XDG_RUNTIME_DIR=$tmp_home/run GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 \
    DFS_ROOT=$ROOT \
    timeout "${DFS_SPEC_TIMEOUT:-2400}" xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
    bash tools/spec-session.sh gjs -m "$OUT/tests.js" 2>&1 | tee "$spec_out"
  # The document portal mounts a FUSE file system under the runtime folder; it unmounts when
  # the bus ends, but not if the run was killed (timeout), and rm must not walk into it.
  if mountpoint -q "$tmp_home/run/doc" 2>/dev/null; then fusermount -u -z "$tmp_home/run/doc" || true; fi
  rm -rf "$tmp_home"
else
  echo "✗ could not bundle the specs"
fi

line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$spec_out" | tail -1)
if [ -n "$line" ]; then
  read -r sp _ sf _ ss _ <<<"$(echo "$line" | tr -d ',')"
else
  echo "✗ the spec runner did not finish"
  sp=0 sf=1 ss=0
fi
rm -f "$spec_out"
passed=$((passed + sp))
failed=$((failed + sf))
echo "${passed} passed, ${failed} failed, ${ss:-0} skipped"
[ "$failed" -eq 0 ]
