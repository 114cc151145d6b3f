import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import { isFlatpak } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { logger } from '../lib/log.ts';
import { leafPaths, type Json } from '../model/settings/json.ts';
import { shippedDefaults } from '../model/settings/defaults.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { AddResult, SettingsAccess } from '../view/TorrentCommands.ts';
import { BackgroundAutostart } from './BackgroundAutostart.ts';
import { BackgroundPortal } from './BackgroundPortal.ts';
import { BackgroundSeeding } from './BackgroundSeeding.ts';
import { takeBackgroundStart } from './commandLine.ts';
import { DBusSettingsService } from './DBusSettingsService.ts';
import { DBusTorrentsService } from './DBusTorrentsService.ts';
import { Notifier } from './Notifier.ts';
import { WatchFolder } from './WatchFolder.ts';

/** What desktop integration uses of the controller (a subset of TorrentCommands). */
export interface IntegratedController {
  readonly settings?: SettingsAccess & {
    torrentStateKeys?(): string[];
    getTorrentState?(key: string): unknown;
  };
  readonly torrents?: Gio.ListModel;
  addUris?(uris: string[]): Promise<AddResult>;
  /** Shows a message to the user (a toast in the window, a log line headless). */
  notice?(kind: 'info' | 'error', message: string): void;
  addTorrentFiles?(files: Gio.File[]): unknown;
  pauseAll?(): void;
  resumeAll?(): void;
  onTorrentDetailsChanged?(torrent: Torrent, callback: () => void): () => void;
  /** The model, for the announcers' tracker states. */
  readonly model?: { workerOf(t: Torrent): { announcer?: unknown } | null } | null;
}

export interface IntegrationHost {
  app: Gio.Application;
  controller: IntegratedController;
  /** GUI only: hides every window (the first step of closing to the background). */
  hideWindows?: () => void;
  /** The app's own D-Bus interfaces, exported while it registered (null without a bus). */
  dbus?: DesktopDBus | null;
}

/** The interfaces the app adds on its object path next to GApplication's org.gtk.Actions. */
export interface DesktopDBus {
  settings: DBusSettingsService;
  torrents: DBusTorrentsService;
}

/**
 * Exports `ie.fio.dfakeseeder.Settings` and `.Torrents` from the application's dbus_register
 * hook: GApplication calls it before it asks for the bus name, so by the time anyone sees the
 * name the interfaces are there (exported at startup, a call made the moment the name appeared
 * got "No such interface"). They serve calls once DesktopIntegration.start() attached them.
 */
export function exportDesktopDBus(connection: Gio.DBusConnection, objectPath: string): DesktopDBus {
  const dbus = { settings: new DBusSettingsService(), torrents: new DBusTorrentsService() };
  // A failed export costs that interface, never the application's registration.
  for (const [what, service] of [
    ['torrents', dbus.torrents],
    ['settings', dbus.settings],
  ] as const) {
    try {
      service.export(connection, objectPath);
    } catch (e) {
      logger.warning(`could not export the D-Bus ${what} interface: ${errorMessage(e)}`);
    }
  }
  return dbus;
}

/** Undoes exportDesktopDBus (GApplication's dbus_unregister, or a second instance's). */
export function unexportDesktopDBus(dbus: DesktopDBus | null): void {
  dbus?.settings.unexport();
  dbus?.torrents.unexport();
}

/**
 * Everything that makes the app a desktop citizen, started with the application and stopped
 * with it: the `ie.fio.dfakeseeder.Settings` D-Bus interface, the remaining app actions on
 * org.gtk.Actions, desktop notifications, Run in background, Start on login, the watch folder.
 */
export class DesktopIntegration {
  readonly #host: IntegrationHost;
  readonly #notifier: Notifier;
  readonly background: BackgroundSeeding;
  #dbus: DBusSettingsService | null = null;
  #dbusTorrents: DBusTorrentsService | null = null;
  #watch: WatchFolder | null = null;
  #autostart: BackgroundAutostart | null = null;
  #autostartHandler = 0;

  constructor(host: IntegrationHost) {
    this.#host = host;
    const app = host.app;
    const settings = host.controller.settings ?? null;
    this.#notifier = new Notifier({
      send: (id, message) => app.send_notification(id, Notifier.toGio(message)),
      withdraw: (id) => app.withdraw_notification(id),
      settings,
      trackers: {
        states: (t) => {
          const announcer = host.controller.model?.workerOf(t)?.announcer as
            { trackers?: { state?: string }[] } | undefined;
          return (announcer?.trackers ?? []).map((i) => String(i.state ?? ''));
        },
        onChanged: (t, callback) => host.controller.onTorrentDetailsChanged?.(t, callback) ?? (() => undefined),
      },
      userIsLooking: () => {
        const window = (app as Partial<Gtk.Application>).get_active_window?.();
        return Boolean(window?.get_visible() && window.is_active);
      },
    });
    const connection = app.get_dbus_connection();
    const portal = connection && isFlatpak() ? new BackgroundPortal(connection) : null;
    this.background = new BackgroundSeeding({
      app,
      settings,
      notifier: this.#notifier,
      portal,
      hideWindows: () => host.hideWindows?.(),
      torrentCount: () => host.controller.torrents?.get_n_items() ?? 0,
      autostart: () => this.#setting('auto_start', false),
    });
    this.#autostart = new BackgroundAutostart(portal);
  }

  /** Call at the end of the application's startup, after the controller installed its actions. */
  start(): void {
    const { app, controller } = this.#host;
    this.#installMissingActions();
    if (controller.torrents) this.#notifier.watch(controller.torrents);
    const dbus = this.#host.dbus ?? null;
    dbus?.torrents.attach({ addUris: (uris: string[]) => this.#addUris(uris), present: () => app.activate() });
    this.#dbusTorrents = dbus?.torrents ?? null;
    const settings = controller.settings;
    if (!settings) {
      logger.warning('no settings store: D-Bus settings, watch folder and Start on login are off');
      dbus?.settings.unexport();
      return;
    }
    if (dbus) {
      dbus.settings.attach({
        settings,
        snapshot: () => this.#snapshot(),
        activateAction: (name: string) => this.#activate(name),
        torrentCount: () => controller.torrents?.get_n_items() ?? 0,
      });
      this.#dbus = dbus.settings;
    }
    this.#watch = new WatchFolder({
      settings,
      addUris: (uris) => this.#addUris(uris),
      knownInfoHashes: () => this.#knownInfoHashes(),
      report: (message) => (controller.notice ? controller.notice('error', message) : logger.warning(message)),
      adderReports: Boolean(controller.addUris && controller.notice),
    });
    this.#watch.start();
    // Reconcile once at start (the setting may have changed while the app was not running).
    void this.#autostart?.apply(this.#setting('auto_start', false));
    this.#autostartHandler = settings.connect('changed', (_s, p) => {
      if (p === 'auto_start') void this.#autostart?.apply(this.#setting('auto_start', false));
    });
  }

  /** `activate`: true when it was the --background start, and no window should be shown. */
  activatedInBackground(): boolean {
    if (!takeBackgroundStart()) return false;
    this.background.startHidden();
    return true;
  }

  stop(): void {
    this.#watch?.stop();
    this.#watch = null;
    this.#dbus?.unexport();
    this.#dbus = null;
    this.#dbusTorrents?.unexport();
    this.#dbusTorrents = null;
    this.#notifier.unwatch();
    if (this.#autostartHandler) this.#host.controller.settings?.disconnect(this.#autostartHandler);
    this.#autostartHandler = 0;
  }

  #setting<T>(path: string, fallback: T): T {
    try {
      return (this.#host.controller.settings?.get<T>(path) as T | undefined) ?? fallback;
    } catch {
      return fallback;
    }
  }

  #activate(name: string): boolean {
    const app = this.#host.app;
    if (!app.lookup_action(name)) return false;
    // A dialog needs its window on screen (it may be closed to the background).
    if (name !== 'quit' && this.#host.hideWindows) app.activate();
    app.activate_action(name, null);
    return true;
  }

  async #addUris(uris: string[]): Promise<{ failures: { uri: string; message: string }[] }> {
    const c = this.#host.controller;
    if (c.addUris) return c.addUris(uris);
    await c.addTorrentFiles?.(uris.map((u) => Gio.File.new_for_uri(u)));
    return { failures: [] };
  }

  #knownInfoHashes(): Set<string> {
    const hashes = new Set<string>();
    const list = this.#host.controller.torrents;
    const n = list?.get_n_items() ?? 0;
    for (let i = 0; i < n; i++) {
      const t = list!.get_item(i) as Torrent | null;
      if (t?.info_hash) hashes.add(t.info_hash.toLowerCase());
    }
    return hashes;
  }

  /** The merged settings as GetSettings returns them: every known key, plus the torrents' state. */
  #snapshot(): Record<string, unknown> {
    const settings = this.#host.controller.settings!;
    const out: Record<string, unknown> = {};
    for (const path of leafPaths(shippedDefaults() as Json, '')) {
      let value: unknown;
      try {
        value = settings.get(path);
      } catch {
        continue;
      }
      const parts = path.split('.');
      let node = out;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts[parts.length - 1]] = value;
    }
    const torrents: Record<string, unknown> = {};
    for (const key of settings.torrentStateKeys?.() ?? []) torrents[key] = settings.getTorrentState?.(key);
    out.torrents = torrents;
    return out;
  }

  /**
   * The actions D-Bus callers and notifications use (org.gtk.Actions): add-uris(as), pause-all,
   * resume-all, quit, preferences. The controller installs its own first; this adds the ones it
   * did not (in headless mode most of them).
   */
  #installMissingActions(): void {
    const { app, controller } = this.#host;
    const add = (name: string, type: string | null, run: (param: GLib.Variant | null) => void): void => {
      if (app.lookup_action(name)) return;
      const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
      action.connect('activate', (_a, param: GLib.Variant | null) => run(param));
      app.add_action(action);
    };
    add('add-uris', 'as', (param) => {
      const uris = (param?.deepUnpack() as string[] | undefined) ?? [];
      void this.#addUris(uris).then((r) => {
        for (const f of r.failures) logger.warning(`${f.uri}: ${f.message}`);
      });
    });
    if (controller.pauseAll) add('pause-all', null, () => controller.pauseAll!());
    if (controller.resumeAll) add('resume-all', null, () => controller.resumeAll!());
  }
}
