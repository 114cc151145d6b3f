import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../lib/promisify.ts';
import { logger } from '../lib/log.ts';
import { errorMessage } from '../lib/errors.ts';

export interface BackgroundRequest {
  /** Shown by the desktop when it asks the user. */
  reason: string;
  /** Also start the app when the user logs in. */
  autostart: boolean;
  /** What the desktop runs at login (inside the sandbox). */
  commandline: string[];
}

export interface BackgroundAnswer {
  background: boolean;
  autostart: boolean;
}

/** How long the user has to answer the desktop's question before we take it as "no". */
const ANSWER_TIMEOUT_MS = 120_000;

/**
 * The xdg-desktop-portal Background interface: inside a sandbox (Flatpak) this is how an app
 * asks to keep running without a window and to be started at login.
 */
export class BackgroundPortal {
  readonly #connection: Gio.DBusConnection;
  readonly #busName: string;

  /** `busName` is the portal's; specs give their own stand-in. */
  constructor(connection: Gio.DBusConnection, busName = 'org.freedesktop.portal.Desktop') {
    this.#connection = connection;
    this.#busName = busName;
  }

  /** Asks the portal; resolves with what the user (or the desktop's policy) allowed. */
  request(request: BackgroundRequest): Promise<BackgroundAnswer> {
    const token = `dfs${GLib.random_int_range(0, 0x7fffffff)}`;
    const sender = (this.#connection.get_unique_name() ?? '').replace(/^:/, '').replace(/\./g, '_');
    const handle = `/org/freedesktop/portal/desktop/request/${sender}/${token}`;
    return new Promise((resolve) => {
      let timer = 0;
      let done = false;
      // Subscribe before calling, so a quick answer cannot be missed.
      const subscription = this.#connection.signal_subscribe(
        this.#busName,
        'org.freedesktop.portal.Request',
        'Response',
        handle,
        null,
        Gio.DBusSignalFlags.NO_MATCH_RULE,
        (_c, _sender, _path, _iface, _signal, params: GLib.Variant) => {
          const [response, results] = params.deepUnpack() as [number, Record<string, GLib.Variant>];
          finish({
            background: response === 0 && Boolean(results.background?.deepUnpack()),
            autostart: response === 0 && Boolean(results.autostart?.deepUnpack()),
          });
        },
      );
      const finish = (answer: BackgroundAnswer): void => {
        if (done) return;
        done = true;
        this.#connection.signal_unsubscribe(subscription);
        if (timer) GLib.source_remove(timer);
        resolve(answer);
      };
      timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, ANSWER_TIMEOUT_MS, () => {
        timer = 0;
        finish({ background: false, autostart: false });
        return GLib.SOURCE_REMOVE;
      });
      const options = {
        handle_token: new GLib.Variant('s', token),
        reason: new GLib.Variant('s', request.reason),
        autostart: new GLib.Variant('b', request.autostart),
        commandline: new GLib.Variant('as', request.commandline),
        'dbus-activatable': new GLib.Variant('b', false),
      };
      this.#connection
        .call(
          this.#busName,
          '/org/freedesktop/portal/desktop',
          'org.freedesktop.portal.Background',
          'RequestBackground',
          new GLib.Variant('(sa{sv})', ['', options]),
          new GLib.VariantType('(o)'),
          Gio.DBusCallFlags.NONE,
          -1,
          null,
        )
        .catch((e: unknown) => {
          logger.warning(`the Background portal is not available: ${errorMessage(e)}`);
          finish({ background: false, autostart: false });
        });
    });
  }
}
