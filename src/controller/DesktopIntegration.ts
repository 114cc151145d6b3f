import Gio from 'gi://Gio';

import { isFlatpak } from '../lib/config.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type { AppController } from './AppController.ts';
import type { AppDBus } from './AppDBus.ts';
import { BackgroundAutostart } from './BackgroundAutostart.ts';
import { BackgroundPortal } from './BackgroundPortal.ts';
import { BackgroundSeeding } from './BackgroundSeeding.ts';
import { takeBackgroundStart } from './commandLine.ts';
import { Notifier } from './Notifier.ts';
import { WatchFolder } from './WatchFolder.ts';
import { SETTINGS } from '../model/settings/index.ts';

/** What the windowed application adds (headless has no window). */
export interface WindowHooks {
  /** Hides every window (the first step of closing to the background, and of quitting). */
  hideWindows(): void;
  /** True while the user is looking at the window: torrent news shows there, not as a notification. */
  userIsLooking(): boolean;
}

export interface IntegrationHost {
  app: Gio.Application;
  controller: AppController;
  /** GUI only: its windows. */
  window?: WindowHooks;
  /** The app's own D-Bus interfaces, exported while it registered (null without a bus). */
  dbus: AppDBus | null;
}

/**
 * Everything that makes the app a desktop citizen, started with the application and stopped
 * with it: the app's D-Bus interfaces attached to the controller, desktop notifications, Run in
 * background, Start on login, the watch folder.
 */
export class DesktopIntegration {
  readonly #host: IntegrationHost;
  readonly #notifier: Notifier;
  readonly background: BackgroundSeeding;
  readonly #autostart: BackgroundAutostart;
  readonly #watch: WatchFolder;
  #autostartHandler = 0;

  constructor(host: IntegrationHost) {
    this.#host = host;
    const { app, controller } = host;
    const settings = controller.settings;
    this.#notifier = new Notifier({
      send: (id, message) => app.send_notification(id, Notifier.toGio(message)),
      withdraw: (id) => app.withdraw_notification(id),
      settings,
      trackers: {
        states: (t) => controller.readout.trackerInfos(t).map((i) => i.state),
        onChanged: (t, callback) => controller.readout.onTorrentDetailsChanged(t, callback),
      },
      userIsLooking: () => host.window?.userIsLooking() ?? false,
      // The window shows it as a toast (docs/DESKTOP.md: "these messages appear there instead").
      showInWindow: (m) => controller.notice('error', `${m.title}: ${m.body}`),
    });
    const connection = app.get_dbus_connection();
    const portal = connection && isFlatpak() ? new BackgroundPortal(connection) : null;
    this.background = new BackgroundSeeding({
      app,
      settings,
      notifier: this.#notifier,
      portal,
      hideWindows: () => host.window?.hideWindows(),
      torrentCount: () => controller.model.torrents.get_n_items(),
      autostart: () => this.#autostartWanted(),
    });
    this.#autostart = new BackgroundAutostart(portal);
    this.#watch = new WatchFolder({
      settings,
      addUris: (uris) => controller.addUris(uris),
      knownInfoHashes: () => new Set(controller.model.all().map((t: Torrent) => t.info_hash.toLowerCase())),
      report: (message) => controller.notice('error', message),
      adderReports: true,
    });
  }

  /** Call at the end of the application's startup, once the controller exists. */
  start(): void {
    const { app, controller, dbus } = this.#host;
    this.#notifier.watch(controller.model.torrents);
    dbus?.torrents.attach({
      invoke: (name, parameter) => controller.actions.invoke(name, parameter),
      present: () => app.activate(),
    });
    dbus?.settings.attach({
      settings: controller.settings,
      activateAction: (name: string) => this.#activate(name),
      torrentCount: () => controller.model.torrents.get_n_items(),
    });
    dbus?.statistics.attach(controller.statistics);
    this.#watch.start();
    // Reconcile once at start (the setting may have changed while the app was not running).
    void this.#autostart.apply(this.#autostartWanted());
    this.#autostartHandler = controller.settings.connect('changed', (_s: unknown, p: string) => {
      if (p === 'auto_start') void this.#autostart.apply(this.#autostartWanted());
    });
  }

  /** `activate`: true when it was the --background start, and no window should be shown. */
  activatedInBackground(): boolean {
    if (!takeBackgroundStart()) return false;
    this.background.startHidden();
    return true;
  }

  stop(): void {
    this.#watch.stop();
    this.#host.dbus?.unregister();
    this.#notifier.stop();
    if (this.#autostartHandler) this.#host.controller.settings.disconnect(this.#autostartHandler);
    this.#autostartHandler = 0;
  }

  #autostartWanted(): boolean {
    return this.#host.controller.settings.get(SETTINGS.auto_start);
  }

  #activate(name: string): boolean {
    const app = this.#host.app;
    if (!app.lookup_action(name)) return false;
    // A dialog needs its window on screen (it may be closed to the background).
    if (name !== 'quit' && this.#host.window) app.activate();
    app.activate_action(name, null);
    return true;
  }
}
