import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_ID } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { logger } from '../lib/log.ts';
import { DBusService, STARTING } from './DBusService.ts';
import type { AddResult } from './TorrentActions.ts';

export const TORRENTS_INTERFACE = `${APP_ID}.Torrents`;

const INTERFACE_XML = `<node>
  <interface name="${TORRENTS_INTERFACE}">
    <method name="Add">
      <arg type="as" direction="in" name="uris"/>
      <arg type="a(sbs)" direction="out" name="results"/>
    </method>
    <method name="Activate">
      <arg type="s" direction="in" name="action"/>
      <arg type="av" direction="in" name="parameter"/>
    </method>
  </interface>
</node>`;

export { STARTING };

export interface DBusTorrentsHost {
  /** TorrentActions.invoke: runs a torrent action, rejects with an error in words. */
  invoke: (action: string, parameter: GLib.Variant | null) => Promise<unknown>;
  /** Shows the app (its window, if it has one) after files were handed to it. */
  present: () => void;
}

const FAILED = 'org.freedesktop.DBus.Error.Failed';

/**
 * `ie.fio.dfakeseeder.Torrents`: the torrent actions for callers that want an answer.
 * `Add(as uris) → a(sbs)` adds .torrent files through the `add-uris` action and answers per
 * file (uri, added, why not); `dfakeseeder FILE…` uses it to hand files to the running instance.
 * `Activate(s action, av parameter)` runs any torrent action as org.gtk.Actions.Activate does,
 * but answers: nothing when done, a D-Bus error in words when refused (`dfakeseeder --action`).
 */
export class DBusTorrentsService extends DBusService<DBusTorrentsHost> {
  constructor() {
    super(INTERFACE_XML);
  }

  AddAsync([uris]: [string[]], invocation: Gio.DBusMethodInvocation): void {
    const host = this.hostIfAttached;
    if (!host) {
      invocation.return_dbus_error(FAILED, STARTING);
      return;
    }
    host
      .invoke('add-uris', new GLib.Variant('as', uris))
      .then((value) => {
        const result = value as AddResult;
        const why = new Map(result.failures.map((f) => [f.uri, f.message]));
        const rows: [string, boolean, string][] = uris.map((uri) => [uri, !why.has(uri), why.get(uri) ?? '']);
        invocation.return_value(new GLib.Variant('(a(sbs))', [rows]));
        host.present();
      })
      .catch((e: unknown) => invocation.return_dbus_error(FAILED, errorMessage(e)));
  }

  ActivateAsync([action, parameter]: [string, GLib.Variant[]], invocation: Gio.DBusMethodInvocation): void {
    const host = this.hostIfAttached;
    if (!host) {
      invocation.return_dbus_error(FAILED, STARTING);
      return;
    }
    if (parameter.length > 1) {
      invocation.return_dbus_error('org.freedesktop.DBus.Error.InvalidArgs', 'Give at most one parameter.');
      return;
    }
    host
      .invoke(action, parameter[0] ?? null)
      .then(() => invocation.return_value(null))
      .catch((e: unknown) => {
        logger.warning(`D-Bus Activate ${action} refused: ${errorMessage(e)}`);
        invocation.return_dbus_error(FAILED, errorMessage(e));
      });
  }
}
