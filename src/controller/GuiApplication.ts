import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gdk from 'gi://Gdk?version=4.0';
import Gtk from 'gi://Gtk?version=4.0';

import { APP_ID, dataDir } from '../lib/config.ts';
import { addCommandLineOptions, handleLocalOptions } from './commandLine.ts';
import { AppController } from './AppController.ts';
import { watchQuitSignals } from './shutdown/quitSignals.ts';
import {
  type DesktopDBus,
  DesktopIntegration,
  exportDesktopDBus,
  type IntegratedController,
  unexportDesktopDBus,
} from './DesktopIntegration.ts';
import { logger } from '../lib/log.ts';
import { MainWindow } from '../view/MainWindow.ts';
import { showAboutWindow } from '../view/AboutWindow.ts';

/**
 * The windowed application. Single instance through GApplication: a second launch activates
 * (or opens files in) the first one, which presents its window.
 */
export class GuiApplication extends Adw.Application {
  static {
    GObject.registerClass({ GTypeName: 'DfsGuiApplication' }, this);
  }

  declare controller: AppController;
  #window: MainWindow | null = null;
  #unwatchQuitSignals: (() => void) | null = null;
  #desktop: DesktopIntegration | null = null;
  #dbus: DesktopDBus | null = null;

  constructor() {
    super({ application_id: APP_ID, flags: Gio.ApplicationFlags.HANDLES_OPEN });
    addCommandLineOptions(this);
    this.controller = new AppController(this);
    this.connect('handle-local-options', (app, options: GLib.VariantDict) => handleLocalOptions(options, app));
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
    // Run from the source tree, the app icon is not installed in any theme yet.
    const display = Gdk.Display.get_default();
    if (display && typeof __PKGDATADIR__ !== 'string') {
      Gtk.IconTheme.get_for_display(display).add_search_path(`${dataDir()}/icons`);
    }
    this.#installActions();
    // A windowed app gets SIGINT/SIGTERM too (Ctrl+C in a terminal, logout, `kill`).
    this.#unwatchQuitSignals = watchQuitSignals((name) => {
      logger.info(`received ${name}, shutting down`);
      void this.controller.requestQuit(name);
    });
    this.controller.startup();
    // D-Bus settings interface, notifications, background seeding, watch folder.
    this.#desktop = new DesktopIntegration({
      app: this,
      controller: this.controller as unknown as IntegratedController,
      dbus: this.#dbus,
      hideWindows: () => this.hideWindows(),
    });
    this.#desktop.start();
  }

  override vfunc_activate(): void {
    if (this.#desktop?.activatedInBackground()) return;
    this.#ensureWindow().present();
    this.#desktop?.background.windowShown();
  }

  override vfunc_open(files: Gio.File[]): void {
    this.#ensureWindow().present();
    this.#desktop?.background.windowShown();
    this.controller.addTorrentFiles(files);
  }

  override vfunc_shutdown(): void {
    this.#unwatchQuitSignals?.();
    this.#unwatchQuitSignals = null;
    this.#desktop?.stop();
    this.controller.shutdownNow();
    super.vfunc_shutdown();
  }

  get mainWindow(): MainWindow | null {
    return this.#window;
  }

  #ensureWindow(): MainWindow {
    if (!this.#window) {
      this.#window = new MainWindow({ application: this });
      this.#window.attach(this.controller);
      // Closing the window is a quit request; the controller hides it at once and finishes
      // the farewell announces and the save in the background.
      this.#window.connect('close-request', () => {
        // With Run in background on, closing only hides the window and seeding goes on.
        if (this.#desktop?.background.keepRunningOnClose()) return true;
        void this.controller.requestQuit('window closed');
        return true;
      });
    }
    return this.#window;
  }

  #installActions(): void {
    const add = (name: string, callback: () => void, accels: string[] = []): void => {
      const action = new Gio.SimpleAction({ name });
      action.connect('activate', callback);
      this.add_action(action);
      if (accels.length) this.set_accels_for_action(`app.${name}`, accels);
    };
    const addUris = new Gio.SimpleAction({ name: 'add-uris', parameter_type: new GLib.VariantType('as') });
    addUris.connect('activate', (_a, param: GLib.Variant | null) => {
      const uris = (param?.deepUnpack() as string[] | undefined) ?? [];
      this.controller.addTorrentFiles(uris.map((u) => Gio.File.new_for_uri(u)));
    });
    this.add_action(addUris);
    add('quit', () => void this.controller.requestQuit('app.quit'), ['<Primary>q']);
    add('about', () => showAboutWindow(this.active_window));
    add('preferences', () => this.#window?.showPreferences(), ['<Primary>comma']);
    this.set_accels_for_action('win.show-help-overlay', ['<Primary>question']);
  }

  /** Hides every window at once: the first step of the quit sequence. */
  hideWindows(): void {
    for (const w of this.get_windows()) (w as Gtk.Window).set_visible(false);
    // Send the unmap to the display server now, not after the farewells have been started.
    Gdk.Display.get_default()?.flush();
  }
}
