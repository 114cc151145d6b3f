#!/usr/bin/env bash
# Installs whatever is missing to build, run and test D' Fake Seeder, then the npm packages.
# Works on Debian 12 / Ubuntu 24.04 (apt) and Fedora (dnf), as root or through sudo, without
# asking questions. Safe to run again: it only installs what is not there.
set -euo pipefail
cd "$(dirname "$0")/.."

# command-to-check  debian-package  fedora-package
NEEDS=(
  "gjs gjs gjs"
  "typelib:Gtk-4.0 gir1.2-gtk-4.0 gtk4"
  "typelib:Adw-1 gir1.2-adw-1 libadwaita"
  "typelib:Soup-3.0 gir1.2-soup-3.0 libsoup3"
  "xvfb-run xvfb xorg-x11-server-Xvfb"
  "xauth xauth xorg-x11-xauth"
  "xwininfo x11-utils xwininfo"
  "dbus-run-session dbus dbus-daemon"
  "import imagemagick ImageMagick"
  "msgfmt gettext gettext"
  "meson meson meson"
  "appstreamcli appstream appstream"
  "desktop-file-validate desktop-file-utils desktop-file-utils"
  "glib-compile-schemas libglib2.0-bin glib2"
  "metacity metacity metacity"
  "xdotool xdotool xdotool"
  "xmllint libxml2-utils libxml2"
  "mktorrent mktorrent mktorrent"
  "transmission-create transmission-cli transmission-cli"
  "gdbus libglib2.0-bin glib2"
  "flatpak-builder flatpak-builder flatpak-builder"
  "opentracker opentracker opentracker"
  "stunnel4|stunnel stunnel4 stunnel"
  "openssl openssl openssl"
  "danted|sockd dante-server dante-server"
  "aria2c aria2 aria2"
  "qbittorrent-nox qbittorrent-nox qbittorrent-nox"
  "transmission-daemon transmission-daemon transmission-daemon"
  "pymod:libtorrent python3-libtorrent rb_libtorrent-python3"
  "typelib:Secret-1 gir1.2-secret-1 libsecret"
  "secret-tool libsecret-tools libsecret"
  "gnome-keyring-daemon gnome-keyring gnome-keyring"
  "glib-compile-resources libglib2.0-dev-bin glib2-devel"
  "chromium chromium chromium"
  "systemd-analyze systemd systemd"
  "node nodejs nodejs"
  "npm npm npm"
)

have() {
  case "$1" in
    *"|"*)
      local alt
      for alt in ${1//|/ }; do command -v "$alt" >/dev/null 2>&1 && return 0; done
      return 1 ;;
    pymod:*)
      [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import ${1#pymod:}" >/dev/null 2>&1 ;;
    typelib:*)
      local name="${1#typelib:}.typelib"
      for d in /usr/lib/*/girepository-1.0 /usr/lib64/girepository-1.0 /usr/lib/girepository-1.0; do
        [ -e "$d/$name" ] && return 0
      done
      return 1 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo -n"; fi

missing_deb=() missing_rpm=()
for line in "${NEEDS[@]}"; do
  read -r check deb rpm <<<"$line"
  have "$check" || { missing_deb+=("$deb"); missing_rpm+=("$rpm"); }
done

if ((${#missing_deb[@]})); then
  if command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing_deb[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # The real tracker, SOCKS server and BitTorrent clients the specs use are not packaged
    # everywhere (opentracker is not in Ubuntu); each is installed on its own so it cannot block
    # the rest, and the specs that need one say they were skipped without it.
    optional=(opentracker dante-server aria2 qbittorrent-nox transmission-daemon python3-libtorrent)
    rest=()
    for p in "${missing_deb[@]}"; do [[ " ${optional[*]} " == *" $p "* ]] || rest+=("$p"); done
    ((${#rest[@]})) && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${rest[@]}"
    for p in "${optional[@]}"; do
      if [[ " ${missing_deb[*]} " == *" $p "* ]]; then
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" \
          || echo "setup: $p is not available from apt here; the specs that need it will be skipped"
      fi
    done
  elif command -v dnf >/dev/null 2>&1; then
    echo "setup: installing ${missing_rpm[*]}"
    $SUDO dnf install -y -q --skip-unavailable "${missing_rpm[@]}" \
      || $SUDO dnf install -y -q "${missing_rpm[@]}"
  else
    echo "setup: please install: ${missing_deb[*]}" >&2
    exit 1
  fi
fi

# npm packages, exactly as locked. Reinstall only when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.dfs-lock; then
  # No install scripts: the only ones are esbuild's (an optional check; its platform package is
  # installed all the same) and node-datachannel's, the WebRTC module of the bittorrent-tracker
  # test server, which builds from GitHub and is never loaded (the specs use its /server entry).
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.dfs-lock
fi
