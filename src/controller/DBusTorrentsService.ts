import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { APP_ID } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';

export const TORRENTS_INTERFACE = `${APP_ID}.Torrents`;

const INTERFACE_XML = `<node>
  <interface name="${TORRENTS_INTERFACE}">
    <method name="Add">
      <arg type="as" direction="in" name="uris"/>
      <arg type="a(sbs)" direction="out" name="results"/>
    </method>
  </interface>
</node>`;

/** The answer to a call that arrives before the application has finished starting. */
export const STARTING = 'D’ Fake Seeder is still starting; try again in a moment.';

export interface DBusTorrentsHost {
  addUris: (uris: string[]) => Promise<{ failures: { uri: string; message: string }[] }>;
  /** Shows the app (its window, if it has one) after files were handed to it. */
  present: () => void;
}

/**
 * `ie.fio.dfakeseeder.Torrents.Add(as uris) → a(sbs)`: adds .torrent files and answers per file
 * (uri, added, why not). `dfakeseeder FILE…` uses it to hand files to the running instance and
 * print what became of each one; GApplication's `open` cannot answer.
 */
export class DBusTorrentsService {
  #host: DBusTorrentsHost | null = null;
  readonly #exported: Gio.DBusExportedObject;
  #isExported = false;

  constructor() {
    this.#exported = Gio.DBusExportedObject.wrapJSObject(INTERFACE_XML, this);
  }

  /**
   * Exported while the application registers, before it owns its bus name (a call made the
   * moment the name appears must find the object); calls are served once attach() ran.
   */
  export(connection: Gio.DBusConnection, objectPath: string): void {
    this.#exported.export(connection, objectPath);
    this.#isExported = true;
  }

  /** Called at the end of startup, when the controller can add torrents. */
  attach(host: DBusTorrentsHost): void {
    this.#host = host;
  }

  unexport(): void {
    if (!this.#isExported) return;
    this.#isExported = false;
    this.#exported.unexport();
  }

  AddAsync([uris]: [string[]], invocation: Gio.DBusMethodInvocation): void {
    if (!this.#host) {
      invocation.return_dbus_error('org.freedesktop.DBus.Error.Failed', STARTING);
      return;
    }
    const host = this.#host;
    host
      .addUris(uris)
      .then((result) => {
        const why = new Map(result.failures.map((f) => [f.uri, f.message]));
        const rows: [string, boolean, string][] = uris.map((uri) => [uri, !why.has(uri), why.get(uri) ?? '']);
        invocation.return_value(new GLib.Variant('(a(sbs))', [rows]));
        host.present();
      })
      .catch((e: unknown) => invocation.return_dbus_error('org.freedesktop.DBus.Error.Failed', errorMessage(e)));
  }
}
