#!/usr/bin/env bash
# Runs the given command (the spec runner) inside the spec session's D-Bus session, with what a
# desktop session has there: an unlocked keyring (gnome-keyring, its login keyring made with a
# throwaway password in the run's temporary XDG_DATA_HOME), so the app's libsecret calls are
# answered at once and never wait on a password prompt. Without gnome-keyring the command runs
# as it is (the keyring specs then say they were skipped).
set -uo pipefail
if command -v gnome-keyring-daemon >/dev/null 2>&1 && [ -n "${XDG_RUNTIME_DIR:-}" ]; then
  printf %s spec-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  # Not on the bus yet: the bus's start of the Secret Service finds it by its control socket.
  for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/keyring/control" ] && break; sleep 0.1; done
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.StartServiceByName org.freedesktop.secrets 0 >/dev/null 2>&1 || true
fi
exec "$@"
