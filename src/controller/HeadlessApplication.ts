import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { APP_ID } from '../lib/config.ts';
import { logger, setEchoInfo } from '../lib/log.ts';
import { addCommandLineOptions, handleLocalOptions } from './commandLine.ts';
import { AppController } from './AppController.ts';
import {
  type DesktopDBus,
  DesktopIntegration,
  exportDesktopDBus,
  type IntegratedController,
  unexportDesktopDBus,
} from './DesktopIntegration.ts';

// POSIX signal numbers; GLib.unix_signal_add accepts SIGHUP, SIGINT, SIGTERM, SIGUSR1/2.
const SIGINT = 2;
const SIGTERM = 15;

/**
 * Seeds with no window and no display: the same controller and model as the windowed app,
 * kept alive with hold(), and stopped through the same quit sequence on SIGINT/SIGTERM.
 */
export class HeadlessApplication extends Gio.Application {
  static {
    GObject.registerClass({ GTypeName: 'DfsHeadlessApplication' }, this);
  }

  declare controller: AppController;
  #desktop: DesktopIntegration | null = null;
  #dbus: DesktopDBus | null = null;

  constructor() {
    // Without a session bus (servers, containers) registration would fail; run non-unique then.
    super({
      application_id: APP_ID,
      flags: Gio.ApplicationFlags.HANDLES_OPEN | (hasSessionBus() ? 0 : Gio.ApplicationFlags.NON_UNIQUE),
    });
    addCommandLineOptions(this);
    this.controller = new AppController(this);
    this.connect('handle-local-options', (_app, options: GLib.VariantDict) => handleLocalOptions(options));
  }

  // Our own interfaces go on the bus before GApplication asks for the name (exportDesktopDBus).
  override vfunc_dbus_register(connection: Gio.DBusConnection, objectPath: string): boolean {
    this.#dbus = exportDesktopDBus(connection, objectPath);
    return super.vfunc_dbus_register(connection, objectPath);
  }

  override vfunc_dbus_unregister(connection: Gio.DBusConnection, objectPath: string): void {
    unexportDesktopDBus(this.#dbus);
    this.#dbus = null;
    super.vfunc_dbus_unregister(connection, objectPath);
  }

  override vfunc_startup(): void {
    super.vfunc_startup();
    setEchoInfo(true);
    this.hold();
    for (const signal of [SIGINT, SIGTERM]) {
      GLib.unix_signal_add(GLib.PRIORITY_HIGH, signal, () => {
        logger.info(`received ${signal === SIGINT ? 'SIGINT' : 'SIGTERM'}, shutting down`);
        void this.controller.requestQuit(signal === SIGINT ? 'SIGINT' : 'SIGTERM');
        return GLib.SOURCE_CONTINUE;
      });
    }
    const quit = new Gio.SimpleAction({ name: 'quit' });
    quit.connect('activate', () => void this.controller.requestQuit('app.quit'));
    this.add_action(quit);
    this.controller.startup();
    // D-Bus settings interface, app actions, notifications, watch folder.
    this.#desktop = new DesktopIntegration({
      app: this,
      controller: this.controller as unknown as IntegratedController,
      dbus: this.#dbus,
    });
    this.#desktop.start();
    logger.info('running headless; stop with Ctrl+C or SIGTERM');
  }

  override vfunc_activate(): void {
    // Nothing to show; torrents come from the torrents folder and from `open`.
  }

  override vfunc_open(files: Gio.File[]): void {
    this.controller.addTorrentFiles(files);
  }

  override vfunc_shutdown(): void {
    this.#desktop?.stop();
    this.controller.shutdownNow();
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
