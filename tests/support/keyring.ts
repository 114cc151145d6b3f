import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { delay } from './async.ts';
import { runProcess } from './process.ts';

async function secretServiceHasOwner(): Promise<boolean> {
  const reply = (await Gio.DBus.session.call(
    'org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus',
    'NameHasOwner',
    new GLib.Variant('(s)', ['org.freedesktop.secrets']),
    null,
    Gio.DBusCallFlags.NONE,
    5000,
    null,
  )) as unknown as GLib.Variant;
  return (reply.deepUnpack() as [boolean])[0];
}

/**
 * A real Secret Service for the specs: Debian's gnome-keyring, on the spec run's session bus,
 * its login keyring created and unlocked with a throwaway password (XDG_DATA_HOME is a temp
 * folder). tools/spec-session.sh starts it with the session; started here otherwise. False
 * when gnome-keyring or secret-tool is not installed.
 */
let started: Promise<boolean> | null = null;

export function startKeyring(): Promise<boolean> {
  started ??= (async () => {
    const have = await runProcess(['sh', '-c', 'command -v gnome-keyring-daemon && command -v secret-tool']);
    if (have.status !== 0) return false;
    // tools/spec-session.sh starts it with the spec session; this is for runs without it.
    if (await secretServiceHasOwner()) return true;
    // --unlock starts the daemon with the login keyring created, unlocked and the default.
    // It is not on the bus yet: the bus's own start of the service then finds it by its
    // control socket and hands it the bus name (as in a desktop session after PAM).
    const r = await runProcess([
      'sh',
      '-c',
      'printf %s spec-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1',
    ]);
    const control = GLib.build_filenamev([GLib.get_user_runtime_dir(), 'keyring', 'control']);
    const until = GLib.get_monotonic_time() + 10_000_000;
    while (!GLib.file_test(control, GLib.FileTest.EXISTS)) {
      if (GLib.get_monotonic_time() > until) return false;
      await delay(50);
    }
    await Gio.DBus.session.call(
      'org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus',
      'StartServiceByName',
      new GLib.Variant('(su)', ['org.freedesktop.secrets', 0]),
      null,
      Gio.DBusCallFlags.NONE,
      10000,
      null,
    );
    if (r.status !== 0) return false;
    const deadline = GLib.get_monotonic_time() + 10_000_000;
    while (!(await secretServiceHasOwner())) {
      if (GLib.get_monotonic_time() > deadline) return false;
      await delay(50);
    }
    return true;
  })();
  return started;
}

/** `secret-tool lookup id ID` (any schema): the stored secret, or null. */
export async function keyringSecret(id: string): Promise<string | null> {
  const r = await runProcess(['secret-tool', 'lookup', 'id', id]);
  return r.status === 0 ? r.stdout : null;
}

/** Stores a secret with `secret-tool`, as the app's schema would. */
export async function storeInKeyring(id: string, secret: string): Promise<void> {
  const r = await runProcess([
    'sh',
    '-c',
    'printf %s "$1" | secret-tool store --label="spec item" xdg:schema ie.fio.dfakeseeder.Proxy id "$2"',
    'sh',
    secret,
    id,
  ]);
  if (r.status !== 0) throw new Error(`secret-tool store failed: ${r.stderr}`);
}
