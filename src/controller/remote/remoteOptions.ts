import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { configDir } from '../../lib/config.ts';
import { errorMessage } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { SettingsStore } from '../../model/settings/index.ts';
import { PasswordVault } from './PasswordVault.ts';
import { SecretKeyring } from './SecretKeyring.ts';

let remoteRequested = false;

/** True when this run was started with `--remote`. */
export function remoteRequestedOnCommandLine(): boolean {
  return remoteRequested;
}

/**
 * `--remote` (remote access on for this run, whatever settings.json says) and
 * `--set-remote-password` (reads one line from standard input, stores it hashed, exits): what a
 * headless user needs to turn remote access on without the window.
 */
export function addRemoteOptions(app: Gio.Application): void {
  app.add_main_option(
    'remote',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Turn on remote access (web page and JSON API) for this run; a password must be set'),
    null,
  );
  app.add_main_option(
    'set-remote-password',
    0,
    GLib.OptionFlags.NONE,
    GLib.OptionArg.NONE,
    _('Read a remote-access password from standard input, store it hashed, and exit'),
    null,
  );
  app.connect('handle-local-options', (_app, options: GLib.VariantDict) => {
    if (options.contains('remote')) remoteRequested = true;
    if (options.contains('set-remote-password')) return setPasswordFromStdin();
    return -1;
  });
}

/** Runs until the password is stored; start-up only (a nested main loop, before the app's). */
function setPasswordFromStdin(): number {
  printerr(_('New remote-access password (at least 8 characters), then Enter:'));
  const input = new Gio.DataInputStream({ base_stream: new Gio.UnixInputStream({ fd: 0, close_fd: false }) });
  const [line] = input.read_line_utf8(null);
  const password = (line ?? '').replace(/\r$/, '');
  const settings = SettingsStore.open(configDir());
  const vault = new PasswordVault(settings, new SecretKeyring());
  const loop = new GLib.MainLoop(null, false);
  let status = 0;
  vault
    .set(password)
    .then(() => {
      settings.saveSync();
      print(
        vault.inKeyring
          ? _('The remote-access password is stored (hashed) in your keyring.')
          : _('The remote-access password is stored (hashed) in settings.json.'),
      );
    })
    .catch((e) => {
      printerr(`dfakeseeder: ${errorMessage(e)}`);
      status = 1;
    })
    .finally(() => loop.quit());
  loop.run();
  return status;
}
