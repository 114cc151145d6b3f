import Adw from 'gi://Adw';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gdk from 'gi://Gdk?version=4.0';
import Gtk from 'gi://Gtk?version=4.0';

import { APP_ID, dataDir } from '../lib/config.ts';
import { checkCollectionNow } from '../lib/garbageCollection.ts';
import { GuardedMainLoop } from '../lib/GuardedMainLoop.ts';
import { addCommandLineOptions, handleLocalOptions } from './commandLine.ts';
import type { AppController } from './AppController.ts';
import { AppDBus } from './AppDBus.ts';
import { RunningApp } from './RunningApp.ts';
import { StatisticsWindow } from '../view/statistics/StatisticsWindow.ts';
import { MainWindow } from '../view/MainWindow.ts';
import { RemoteAccessPage } from '../view/RemoteAccessPage.ts';
import { showAboutWindow } from '../view/AboutWindow.ts';

/**
 * The windowed application. Single instance through GApplication: a second launch activates
 * (or opens files in) the first one, which presents its window.
 */
export class GuiApplication extends Adw.Application {
  static {
    GObject.registerClass({ GTypeName: 'DfsGuiApplication' }, this);
  }

  readonly #dbus = new AppDBus();
  /** From startup (the primary instance only) to shutdown. */
  #running: RunningApp | null = null;
  #window: MainWindow | null = null;
  /** hold() calls not yet released: with the windows, what keeps GApplication's loop running. */
  #holds = 0;
  /**
   * The loop that runs inside run()'s own (as the headless app's does): the 1.74 collection trap
   * cannot stop the engine. It returns when run()'s would: on quit(), or once no window and no
   * hold of ours is left.
   */
  readonly #loop = new GuardedMainLoop(checkCollectionNow, () => this.#holds > 0 || this.get_windows().length > 0);

  constructor() {
    super({ application_id: APP_ID, flags: Gio.ApplicationFlags.HANDLES_OPEN });
    addCommandLineOptions(this);
    this.connect('handle-local-options', (app, options: GLib.VariantDict) => handleLocalOptions(options, app));
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
    // Run from the source tree, the app icon is not installed in any theme yet.
    const display = Gdk.Display.get_default();
    if (display && typeof __PKGDATADIR__ !== 'string') {
      Gtk.IconTheme.get_for_display(display).add_search_path(`${dataDir()}/icons`);
    }
    this.#installActions();
    this.#running = new RunningApp(this, this.get_dbus_connection() ? this.#dbus : null, {
      hideWindows: () => this.hideWindows(),
      userIsLooking: () => {
        const window = this.get_active_window();
        return Boolean(window?.get_visible() && window.is_active);
      },
    });
    RemoteAccessPage.controls = this.#running.remote;
    // Once run() iterates its loop (the window is up by then), this idle takes over the iterating.
    this.#loop.runSoon();
  }

  override hold(): void {
    this.#holds++;
    super.hold();
  }

  override release(): void {
    this.#holds = Math.max(0, this.#holds - 1);
    super.release();
  }

  /** Ends the guarded loop too (the quit sequence calls this). */
  override quit(): void {
    this.#loop.stop();
    super.quit();
  }

  override vfunc_activate(): void {
    if (this.#running?.desktop.activatedInBackground()) return;
    this.#ensureWindow().present();
    this.#running?.desktop.background.windowShown();
  }

  override vfunc_open(files: Gio.File[]): void {
    this.#ensureWindow().present();
    this.#running?.desktop.background.windowShown();
    this.#running?.controller.addTorrentFiles(files);
  }

  override vfunc_shutdown(): void {
    this.#running?.stop();
    super.vfunc_shutdown();
  }

  /** The controller once started (null in a second instance, which only forwards). */
  get controller(): AppController | null {
    return this.#running?.controller ?? null;
  }

  get mainWindow(): MainWindow | null {
    return this.#window;
  }

  #ensureWindow(): MainWindow {
    if (!this.#window) {
      this.#window = new MainWindow({ application: this });
      const running = this.#running;
      if (running) {
        this.#window.attach(running.controller.readout, this);
        this.#window.attachTrackerPage(running.controller.trackerServer);
      }
      // Closing the window is a quit request; the controller hides it at once and finishes
      // the farewell announces and the save in the background.
      this.#window.connect('close-request', () => {
        // With Run in background on, closing only hides the window and seeding goes on.
        if (running?.desktop.background.keepRunningOnClose()) return true;
        void running?.controller.requestQuit('window closed');
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
    add('about', () => showAboutWindow(this.active_window));
    add('preferences', () => this.#window?.showPreferences(), ['<Primary>comma']);
    // `quit` itself is RunningApp's (both applications have it).
    this.set_accels_for_action('app.quit', ['<Primary>q']);
    add('statistics', () => this.showStatistics(), ['<Primary>i']);
    this.set_accels_for_action('win.show-help-overlay', ['<Primary>question']);
  }

  #statistics: StatisticsWindow | null = null;

  /** Opens (or raises) the Statistics window. */
  showStatistics(): StatisticsWindow | null {
    const source = this.controller?.statistics;
    if (!source) return null;
    if (!this.#statistics) {
      this.#statistics = new StatisticsWindow(source, { application: this, transient_for: this.#window });
      this.#statistics.connect('close-request', () => {
        this.#statistics = null;
        return false;
      });
    }
    this.#statistics.present();
    return this.#statistics;
  }

  /** Hides every window at once: the first step of the quit sequence. */
  hideWindows(): void {
    for (const w of this.get_windows()) w.set_visible(false);
    // Send the unmap to the display server now, not after the farewells have been started.
    Gdk.Display.get_default()?.flush();
  }
}
