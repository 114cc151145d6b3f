import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { configDir } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { holdFromC } from '../lib/garbageCollection.ts';
import { _, format, ngettext } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { displayBasename } from '../lib/readRegularFile.ts';
import { TorrentLibrary } from '../model/library/index.ts';
import { type LibraryEntry, Model } from '../model/Model.ts';
import { SettingsStore } from '../model/settings/index.ts';
import { type ScheduledCall, TickScheduler } from '../model/torrent/TickScheduler.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { AnnouncerLanes, TrackerNetwork } from '../model/tracker/index.ts';
import { TrackerService } from '../model/trackerServer/index.ts';
import { ModelReadout } from './ModelReadout.ts';
import { ShutdownCoordinator, type ShutdownReport } from './ShutdownCoordinator.ts';
import { modelShutdownSteps } from './shutdown/modelShutdownSteps.ts';
import { StatisticsService } from './StatisticsService.ts';
import { type AddResult, TorrentActions } from './TorrentActions.ts';

/**
 * A seeding torrent's ticks while no window or event stream shows its figures: every 30 s
 * instead of every `tickspeed` (9 s by default), its announces still on time (TorrentWorker).
 */
const RESTING_TICK_SECONDS = 30;

/**
 * The composition root: builds the settings store, the tracker network, the torrents folder,
 * the Model, what the window reads (ModelReadout) and the one command surface (TorrentActions,
 * put on the application's action map); adds files; and hands the workers and the save to the
 * one quit sequence (ShutdownCoordinator). Built in the application's `startup` (the primary
 * instance only: a second launch only forwards to the first and must not open the settings).
 */
export class AppController {
  readonly settings: SettingsStore;
  readonly model: Model;
  /** What the window reads. */
  readonly readout: ModelReadout;
  /** Every torrent command, also on the application as `app.<name>`. */
  readonly actions: TorrentActions;
  /** The built-in tracker: listens only while tracker_settings.enabled is on. */
  readonly trackerServer: TrackerService;
  /** The history and app health (Statistics window, History tab, export, D-Bus). */
  readonly statistics: StatisticsService;
  readonly #library: TorrentLibrary;
  readonly #shutdown: ShutdownCoordinator;
  #loaded = false;
  #trackerLibrarySync: ScheduledCall | null = null;
  /** Files asked for (command line, `open`) before the torrents folder finished loading. */
  readonly #pendingFiles: Gio.File[] = [];
  /** Releases of the references C holds on the emitters (garbageCollection.ts, holdFromC). */
  readonly #releases: (() => void)[] = [];

  /**
   * `app` gets the torrent actions and is quit at the end of the quit sequence; `window` (the
   * windowed app only) is hidden at its start.
   */
  constructor(app: Gio.Application, window?: { hideWindows(): void }, dir = configDir()) {
    const settings = SettingsStore.open(dir);
    this.settings = settings;
    const network = new TrackerNetwork(settings);
    const library = new TorrentLibrary(GLib.build_filenamev([dir, 'torrents']));
    this.#library = library;
    const statistics = new StatisticsService({ network });
    this.statistics = statistics;
    const model = new Model({
      settings,
      createAnnouncer: (metainfo, tiers, onChanged) => new AnnouncerLanes({ metainfo, network, tiers, onChanged }),
      deleteCopy: (entry) => library.remove(entry),
      credited: (t, up, down) => statistics.credited(t, up, down),
      restingTickSeconds: RESTING_TICK_SECONDS,
    });
    this.model = model;
    this.readout = new ModelReadout(model, settings, statistics);
    statistics.installActions(app);
    const trackerServer = new TrackerService(settings);
    this.trackerServer = trackerServer;
    // They emit while the app runs; held from C, each emission costs no full collection.
    for (const o of [
      settings,
      model,
      model.counts,
      this.readout.figures,
      statistics.history,
      statistics.health,
      trackerServer,
    ])
      this.#releases.push(holdFromC(o));
    this.actions = new TorrentActions({
      model,
      addUris: (uris) => this.addUris(uris),
      notice: (kind, message) => this.notice(kind, message),
      builtInTrackerUrl: () => trackerServer.selfAnnounceUrl(),
      settings,
    });
    this.actions.addTo(app);
    this.#shutdown = new ShutdownCoordinator(
      modelShutdownSteps({
        model,
        settings,
        history: statistics,
        hideWindows: () => window?.hideWindows(),
        quit: () => app.quit(),
      }),
    );
    model.torrents.connect('items-changed', () => this.#syncTrackerLibrary());
    settings.connect('changed', (_s: unknown, path: string) => {
      model.settingChanged(path);
      trackerServer.settingChanged(path);
    });
    settings.connect('save-failed', (_s: unknown, message: string) =>
      this.notice('error', format(_('Settings could not be saved: %1$s'), message)),
    );
    model.connect('message', (_m, text) => this.notice('info', text));
  }

  /**
   * Reports the settings' problems and loads the torrents folder, starting every active
   * torrent. The folder loads asynchronously: torrents appear as they are read, and failures
   * are reported one message each.
   */
  start(): void {
    for (const p of this.settings.problems) this.notice('error', p);
    // No keyring for the proxy password (or it is gone from it): said once, at start.
    const password = this.settings.proxyPassword;
    void password.ready.then(() => password.problem && this.notice('error', password.problem));
    this.trackerServer.start();
    this.statistics.start(this.model);
    void this.#loadLibrary();
  }

  async #loadLibrary(): Promise<void> {
    try {
      const { entries, failures } = await this.#library.loadAll();
      // Each message names its file (by display name: file names are bytes, not always UTF-8).
      for (const f of failures) this.notice('error', f.message);
      if (this.#shutdown.started) return;
      this.model.addAll(entries);
      this.model.startAll();
      logger.info(`loaded ${entries.length} torrents from the torrents folder`);
    } catch (e) {
      this.notice('error', format(_('The torrents folder could not be read: %1$s'), errorMessage(e)));
      this.model.startAll();
    }
    this.#loaded = true;
    const pending = this.#pendingFiles.splice(0);
    if (pending.length) this.#noticeAdded((await this.#addFiles(pending)).added);
  }

  /** The library's torrents are the built-in tracker's "library" (its library-only filter). */
  /** The built-in tracker's view of the library, rebuilt once per burst of list changes. */
  #syncTrackerLibrary(): void {
    if (this.#trackerLibrarySync?.pending) return;
    // On the engine clock, which re-arms itself if GJS 1.74 drops a callback (TickScheduler).
    this.#trackerLibrarySync = TickScheduler.shared.after(0, () => this.#rebuildTrackerLibrary());
  }

  #rebuildTrackerLibrary(): void {
    const entries: [string, string][] = [];
    for (const s of this.model.registry.sessions()) entries.push([s.entry.metainfo.infoHashHex, s.torrent.name]);
    this.trackerServer.setLibrary(entries);
  }

  /** A message for the user (a toast in the window, a log line headless). */
  notice(kind: 'info' | 'error', message: string): void {
    this.readout.post(kind, message);
  }

  // ---- adding -----------------------------------------------------------------------------

  /** Adds .torrent files (command line, `open`); problems become notices. */
  addTorrentFiles(files: Gio.File[]): void {
    if (!this.#loaded) {
      this.#pendingFiles.push(...files);
      return;
    }
    void this.#addFiles(files).then((r) => this.#noticeAdded(r.added));
  }

  /** "Added …" for files that came from outside the window (command line, `open`). */
  #noticeAdded(added: Torrent[]): void {
    if (added.length === 1) this.notice('info', format(_('Added “%1$s”'), added[0].name));
    else if (added.length > 1)
      this.notice('info', format(ngettext('Added %1$d torrent', 'Added %1$d torrents', added.length), added.length));
  }

  /** Adds .torrent files by URI (the `add-uris` action, the watch folder); see AddResult. */
  addUris(uris: string[]): Promise<AddResult> {
    return this.#addFiles(uris.map((u) => Gio.File.new_for_uri(u)));
  }

  async #addFiles(files: Gio.File[]): Promise<AddResult> {
    const result: AddResult = { added: [], failures: [] };
    for (const file of files) {
      const name = displayBasename(file);
      try {
        const entry: LibraryEntry = await this.#library.add(file);
        const t = this.model.add(entry);
        this.model.start(t);
        result.added.push(t);
        logger.info(`added ${t.name}`);
      } catch (e) {
        const message = errorMessage(e);
        result.failures.push({ uri: file.get_uri(), message });
        this.notice('error', `${name}: ${message}`);
      }
    }
    return result;
  }

  // ---- quitting -------------------------------------------------------------------------------

  /**
   * Every exit path calls this (window close, Ctrl+Q, app.quit also over D-Bus, SIGINT/SIGTERM);
   * a second request joins the sequence already running. See ShutdownCoordinator.
   */
  requestQuit(reason = 'quit requested'): Promise<ShutdownReport> {
    this.readout.dispose();
    return this.#shutdown.run(reason).finally(() => {
      for (const release of this.#releases.splice(0)) release();
    });
  }

  /**
   * Last-chance hook from GApplication shutdown. Normally the quit sequence has run to its end.
   * If the application was quit some other way (application.quit() called directly, or during
   * the sequence), the main loop will not run again: cancel the workers and save synchronously,
   * so no torrent state is lost (there is no time left for `stopped` announces).
   */
  shutdownNow(): void {
    this.trackerServer.stop();
    if (this.#shutdown.finished) return;
    logger.warning('application quit outside the quit sequence: saving synchronously, no farewell announces');
    this.model.stopTimers();
    for (const w of this.model.workers()) w.cancel();
    this.model.syncState();
    this.settings.saveSync();
    this.statistics.flushSync();
  }
}
