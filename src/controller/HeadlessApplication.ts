import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { APP_ID } from '../lib/config.ts';
import { GuardedMainLoop } from '../lib/GuardedMainLoop.ts';
import { logger, setEchoInfo } from '../lib/log.ts';
import { addCommandLineOptions, handleLocalOptions } from './commandLine.ts';
import { AppDBus } from './AppDBus.ts';
import { RunningApp } from './RunningApp.ts';

/**
 * Seeds with no window and no display: the same controller and model as the windowed app,
 * kept alive with hold(), and stopped through the same quit sequence on SIGINT/SIGTERM.
 */
export class HeadlessApplication extends Gio.Application {
  static {
    GObject.registerClass({ GTypeName: 'DfsHeadlessApplication' }, this);
  }

  readonly #dbus = new AppDBus();
  /** From startup to shutdown. */
  #running: RunningApp | null = null;
  /** The loop that runs inside run()'s own, so the 1.74 collection trap cannot stop the engine. */
  readonly #loop = new GuardedMainLoop();

  constructor() {
    // Without a session bus (servers, containers) registration would fail; run non-unique then.
    super({
      application_id: APP_ID,
      flags: Gio.ApplicationFlags.HANDLES_OPEN | (hasSessionBus() ? 0 : Gio.ApplicationFlags.NON_UNIQUE),
    });
    addCommandLineOptions(this);
    this.connect('handle-local-options', (_app, options: GLib.VariantDict) => handleLocalOptions(options));
  }

  // Our own interfaces go on the bus before GApplication asks for the name (AppDBus).
  override vfunc_dbus_register(connection: Gio.DBusConnection, objectPath: string): boolean {
    this.#dbus.register(connection, objectPath);
    return super.vfunc_dbus_register(connection, objectPath);
  }

  override vfunc_dbus_unregister(connection: Gio.DBusConnection, objectPath: string): void {
    this.#dbus.unregister();
    super.vfunc_dbus_unregister(connection, objectPath);
  }

  override vfunc_startup(): void {
    super.vfunc_startup();
    setEchoInfo(true);
    this.hold();
    this.#running = new RunningApp(this, this.get_dbus_connection() ? this.#dbus : null);
    logger.info('running headless; stop with Ctrl+C or SIGTERM');
    // Once run() iterates its loop, this idle takes over the iterating until quit() (a nested
    // loop: GApplication's own resumes, sees the quit and returns). See GuardedMainLoop.
    this.#loop.runSoon();
  }

  /** Ends the guarded loop too (the quit sequence calls this; nothing in C does). */
  override quit(): void {
    this.#loop.stop();
    super.quit();
  }

  override vfunc_activate(): void {
    // Nothing to show; torrents come from the torrents folder and from `open`.
  }

  override vfunc_open(files: Gio.File[]): void {
    this.#running?.controller.addTorrentFiles(files);
  }

  override vfunc_shutdown(): void {
    this.#running?.stop();
    super.vfunc_shutdown();
  }
}

function hasSessionBus(): boolean {
  try {
    Gio.bus_get_sync(Gio.BusType.SESSION, null);
    return true;
  } catch {
    return false;
  }
}
