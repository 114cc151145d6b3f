import Gio from 'gi://Gio';
import type GLib from 'gi://GLib';

import { APP_NAME } from '../lib/config.ts';
import { dbusError } from './dbusError.ts';

/** The answer to a call that arrives before the application has finished starting. */
export const STARTING = `${APP_NAME} is still starting; try again in a moment.`;

/**
 * The lifecycle both of the app's own D-Bus interfaces share. Each is exported while the
 * application registers, before it owns its bus name (a call made the moment the name appears
 * must find it), and serves calls once attach() gave it its host at the end of start-up; before
 * that a call is answered with STARTING.
 */
export class DBusService<Host> {
  readonly #exported: Gio.DBusExportedObject;
  #host: Host | null = null;
  #isExported = false;

  /** `interfaceXml` describes the interface; its methods are this object's (wrapJSObject). */
  constructor(interfaceXml: string) {
    this.#exported = Gio.DBusExportedObject.wrapJSObject(interfaceXml, this);
  }

  export(connection: Gio.DBusConnection, objectPath: string): void {
    this.#exported.export(connection, objectPath);
    this.#isExported = true;
  }

  /** Called at the end of start-up, when the host can serve calls. */
  attach(host: Host): void {
    this.#host = host;
    this.attached(host);
  }

  unexport(): void {
    if (this.#host) this.detached(this.#host);
    this.#host = null;
    if (!this.#isExported) return;
    this.#isExported = false;
    this.#exported.unexport();
  }

  /** What a subclass connects when attached (signals to re-emit, say). */
  protected attached(_host: Host): void {}

  /** Undoes attached(). */
  protected detached(_host: Host): void {}

  /** The host, or the STARTING error for the caller (thrown from a method, D-Bus answers it). */
  protected get host(): Host {
    if (!this.#host) throw dbusError('FAILED', STARTING);
    return this.#host;
  }

  protected get hostIfAttached(): Host | null {
    return this.#host;
  }

  protected emitSignal(name: string, parameters: GLib.Variant): void {
    this.#exported.emit_signal(name, parameters);
  }
}
