import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { configDir } from '../lib/config.ts';
import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { displayBasename } from '../lib/readRegularFile.ts';
import { type LibraryEntry, Model } from '../model/Model.ts';
import { SettingsStore } from '../model/settings/index.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import type {
  AddResult,
  ClientIdentityChoice,
  Notice,
  PeerView,
  QueueMove,
  SessionTotals,
  TorrentCommands,
  TorrentFile,
  TorrentLogLine,
  TorrentOptions,
  TorrentPriority,
  TorrentState,
  TrackerView,
  Unsubscribe,
} from '../view/TorrentCommands.ts';
import { allIdentities } from '../model/identity/index.ts';
import { ShutdownCoordinator, type ShutdownReport } from './ShutdownCoordinator.ts';
import { modelShutdownSteps } from './shutdown/modelShutdownSteps.ts';
import { TorrentLibrary } from '../model/library/index.ts';
import { TorrentAnnouncer, type TrackerInfo, TrackerNetwork } from '../model/tracker/index.ts';
import { TrackerService } from '../model/trackerServer/index.ts';

/** What the controller needs from whichever application hosts it. */
interface HostApplication extends Gio.Application {
  hideWindows?(): void;
}

/** Counts reach the view at most about once a second. */
const COUNTS_MIN_MS = 1000;

/**
 * Turns user intents (actions from the view, the command line, D-Bus, the watch folder) into
 * model operations: at start-up it opens the settings, the tracker network and the torrents
 * folder and starts the Model's workers; it implements the view's TorrentCommands; and it hands
 * the workers and the save to the one quit sequence (ShutdownCoordinator).
 */
export class AppController implements TorrentCommands {
  readonly #app: HostApplication;
  readonly #shutdown: ShutdownCoordinator;
  #settings: SettingsStore | null = null;
  #network: TrackerNetwork | null = null;
  #library: TorrentLibrary | null = null;
  #model: Model | null = null;
  #trackerServer: TrackerService | null = null;
  #loaded = false;
  /** Files asked for (command line, `open`) before the torrents folder finished loading. */
  #pendingFiles: Gio.File[] = [];
  readonly #noticeListeners = new Set<(n: Notice) => void>();
  readonly #countListeners = new Set<() => void>();
  #countsSource = 0;
  #lastCountsUs = 0;

  constructor(app: HostApplication) {
    this.#app = app;
    this.#shutdown = new ShutdownCoordinator(
      modelShutdownSteps({
        model: () => this.#model,
        settings: () => this.#settings,
        hideWindows: () => this.#app.hideWindows?.(),
        quit: () => this.#app.quit(),
      }),
    );
  }

  // ---- start-up ---------------------------------------------------------------------------

  /**
   * Opens the settings (reporting their problems), the tracker network and the torrents
   * folder, and starts every active torrent. The folder loads asynchronously: torrents appear
   * as they are read, and failures are reported one message each.
   */
  startup(): void {
    const dir = configDir();
    const settings = SettingsStore.open(dir);
    this.#settings = settings;
    for (const p of settings.problems) this.#notice('error', p);
    this.#network = new TrackerNetwork(settings);
    this.#library = new TorrentLibrary(GLib.build_filenamev([dir, 'torrents']));
    const network = this.#network;
    const model = new Model({
      settings,
      createAnnouncer: (metainfo, tiers, onChanged) => new TorrentAnnouncer({ metainfo, network, tiers, onChanged }),
      deleteCopy: (entry) => this.#library!.remove(entry),
    });
    this.#model = model;
    // The built-in tracker: listens only while tracker_settings.enabled is on.
    const trackerServer = new TrackerService(settings);
    this.#trackerServer = trackerServer;
    model.torrents.connect('items-changed', () => this.#syncTrackerLibrary());
    trackerServer.start();
    settings.connect('changed', (_s: unknown, path: string) => {
      model.settingChanged(path);
      trackerServer.settingChanged(path);
    });
    settings.connect('save-failed', (_s: unknown, message: string) =>
      this.#notice('error', _('Settings could not be saved: %s').replace('%s', message)),
    );
    model.on('message', (_m: unknown, text: string) => this.#notice('info', text));
    model.on('data-changed', () => this.#queueCounts());
    void this.#loadLibrary();
  }

  async #loadLibrary(): Promise<void> {
    const model = this.#model!;
    try {
      const { entries, failures } = await this.#library!.loadAll();
      // Each message names its file (by display name: file names are bytes, not always UTF-8).
      for (const f of failures) this.#notice('error', f.message);
      if (this.#shutdown.started) return;
      for (const e of entries) model.add(e);
      model.startAll();
      logger.info(`loaded ${entries.length} torrents from the torrents folder`);
    } catch (e) {
      this.#notice('error', _('The torrents folder could not be read: %s').replace('%s', errorMessage(e)));
      model.startAll();
    }
    this.#loaded = true;
    const pending = this.#pendingFiles.splice(0);
    if (pending.length) await this.#addFiles(pending);
  }

  /** The Model (null before startup), for the quit sequence, D-Bus and specs. */
  get model(): Model | null {
    return this.#model;
  }

  /** The built-in tracker (null before startup). */
  get trackerServer(): TrackerService | null {
    return this.#trackerServer;
  }

  /** The library's torrents are the built-in tracker's "library" (its library-only filter). */
  #syncTrackerLibrary(): void {
    const model = this.#model!;
    const entries: [string, string][] = [];
    for (const t of model.all()) {
      const m = model.metainfoOf(t);
      if (m) entries.push([m.infoHashHex, t.name]);
    }
    this.#trackerServer?.setLibrary(entries);
  }

  /**
   * Adds the built-in tracker's announce URL to each torrent (a new tier), so the app announces
   * to itself. Refused with a notice while the tracker is off.
   */
  addBuiltInTracker(torrents: Torrent[]): void {
    const url = this.#trackerServer?.selfAnnounceUrl();
    if (!url) {
      this.#notice('error', _('Turn the built-in tracker on first (Preferences → Tracker).'));
      return;
    }
    for (const t of torrents) {
      if (this.#model!.trackerTiers(t).some((tier) => tier.includes(url))) continue;
      this.#trackerEdit(this.#model!.addTracker(t, url));
    }
  }

  get settings(): SettingsStore {
    return this.#settings!;
  }

  get torrents(): Gio.ListModel {
    return this.#model!.torrents;
  }

  // ---- adding -----------------------------------------------------------------------------

  /** Adds .torrent files (command line, `open`, watch folder, D-Bus); problems become notices. */
  addTorrentFiles(files: Gio.File[]): void {
    if (!this.#loaded) {
      this.#pendingFiles.push(...files);
      return;
    }
    void this.#addFiles(files);
  }

  async addUris(uris: string[]): Promise<AddResult> {
    const result = await this.#addFiles(uris.map((u) => Gio.File.new_for_uri(u)));
    return result;
  }

  async #addFiles(files: Gio.File[]): Promise<AddResult> {
    const result: AddResult = { added: [], failures: [] };
    for (const file of files) {
      const name = displayBasename(file);
      try {
        const entry: LibraryEntry = await this.#library!.add(file);
        const t = this.#model!.add(entry);
        this.#model!.start(t);
        result.added.push(t);
        logger.info(`added ${t.name}`);
      } catch (e) {
        const message = errorMessage(e);
        result.failures.push({ uri: file.get_uri(), message });
        this.#notice('error', `${name}: ${message}`);
      }
    }
    return result;
  }

  // ---- notices and counts ------------------------------------------------------------------

  /** A user-facing message: the window shows it as a toast; headless logs it. */
  #notice(kind: Notice['kind'], message: string): void {
    if (kind === 'error') logger.error(message);
    else logger.info(message);
    for (const l of this.#noticeListeners) l({ kind, message });
  }

  /** A notice from another part of the controller (watch folder, D-Bus, background). */
  notice(kind: Notice['kind'], message: string): void {
    this.#notice(kind, message);
  }

  onNotice(callback: (notice: Notice) => void): Unsubscribe {
    this.#noticeListeners.add(callback);
    return () => this.#noticeListeners.delete(callback);
  }

  onCountsChanged(callback: () => void): Unsubscribe {
    this.#countListeners.add(callback);
    return () => this.#countListeners.delete(callback);
  }

  #queueCounts(): void {
    if (this.#countsSource) return;
    const wait = Math.max(0, COUNTS_MIN_MS - (GLib.get_monotonic_time() - this.#lastCountsUs) / 1000);
    this.#countsSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT_IDLE, Math.round(wait), () => {
      this.#countsSource = 0;
      this.#lastCountsUs = GLib.get_monotonic_time();
      for (const l of this.#countListeners) l();
      return GLib.SOURCE_REMOVE;
    });
  }

  stateCounts(): Record<TorrentState, number> {
    return this.#model!.stateCounts();
  }

  trackerHostCounts(): { host: string; count: number }[] {
    return this.#model!.trackerHostCounts();
  }

  // ---- details ------------------------------------------------------------------------------

  trackerHosts(torrent: Torrent): string[] {
    return this.#model!.trackerHosts(torrent);
  }

  files(torrent: Torrent): TorrentFile[] {
    return (this.#model!.metainfoOf(torrent)?.files ?? []).map((f) => ({ path: [...f.path], length: f.length }));
  }

  trackers(torrent: Torrent): TrackerView[] {
    const infos = this.#trackerInfos(torrent);
    const tiers = this.#model!.trackerTiers(torrent);
    if (infos.length === 0)
      return tiers.flatMap((tier, i) =>
        tier.map((url) => ({
          url,
          tier: i,
          status: _('Not contacted yet'),
          lastAnnounce: null,
          nextAnnounce: null,
          seeders: -1,
          leechers: -1,
          downloaded: -1,
          message: '',
        })),
      );
    return infos.map((i) => ({
      url: i.url,
      tier: i.tier,
      status: i.status,
      lastAnnounce: i.lastAnnounce,
      nextAnnounce: i.nextAnnounce,
      seeders: i.seeders ?? -1,
      leechers: i.leechers ?? -1,
      downloaded: i.downloaded ?? -1,
      message: i.message,
    }));
  }

  peers(torrent: Torrent): PeerView[] {
    return this.#trackerInfos(torrent).flatMap((info) =>
      info.peers.map((p) => ({ address: p.ip, port: p.port, trackerUrl: info.url })),
    );
  }

  /** The announcer's per-tracker view (docs/ARCHITECTURE.md: TorrentAnnouncer.trackers). */
  #trackerInfos(torrent: Torrent): TrackerInfo[] {
    const announcer = this.#model!.workerOf(torrent)?.announcer as Partial<Pick<TorrentAnnouncer, 'trackers'>>;
    return announcer?.trackers ?? [];
  }

  log(torrent: Torrent): TorrentLogLine[] {
    return this.#model!.logOf(torrent);
  }

  onTorrentDetailsChanged(torrent: Torrent, callback: () => void): Unsubscribe {
    return this.#model!.onDetailsChanged(torrent, callback);
  }

  options(torrent: Torrent): TorrentOptions {
    return this.#model!.options(torrent);
  }

  totals(): SessionTotals {
    const t: SessionTotals = {
      sessionUploaded: 0,
      sessionDownloaded: 0,
      totalUploaded: 0,
      totalDownloaded: 0,
      uploadRate: 0,
      downloadRate: 0,
    };
    for (const x of this.#model?.all() ?? []) {
      t.sessionUploaded += x.session_uploaded;
      t.sessionDownloaded += x.session_downloaded;
      t.totalUploaded += x.total_uploaded;
      t.totalDownloaded += x.total_downloaded;
      t.uploadRate += x.upload_rate;
      t.downloadRate += x.download_rate;
    }
    return t;
  }

  clientIdentities(): ClientIdentityChoice[] {
    return allIdentities().map((i) => ({ value: i.id, label: i.name }));
  }

  // ---- commands -----------------------------------------------------------------------------

  async remove(torrents: Torrent[]): Promise<void> {
    // The copy in the torrents folder is always deleted: that folder is the torrent list, so a
    // kept copy would come back at the next start.
    const problems = await this.#model!.remove(torrents);
    for (const p of problems) this.#notice('error', p);
  }

  pause(torrents: Torrent[]): void {
    void this.#model!.pause(torrents);
  }

  resume(torrents: Torrent[]): void {
    this.#model!.resume(torrents);
  }

  pauseAll(): void {
    this.pause(this.#model!.all().filter((t) => t.active));
  }

  resumeAll(): void {
    this.resume(this.#model!.all().filter((t) => !t.active));
  }

  forceStart(torrents: Torrent[]): void {
    this.#model!.forceStart(torrents);
  }

  updateTracker(torrents: Torrent[]): void {
    void this.#model!.forceAnnounce(torrents);
  }

  forceRecheck(torrents: Torrent[]): void {
    this.#model!.forceRecheck(torrents);
  }

  forceComplete(torrents: Torrent[]): void {
    this.#model!.forceComplete(torrents);
  }

  setRandomProgress(torrents: Torrent[]): void {
    this.#model!.setRandomProgress(torrents);
  }

  setPriority(torrents: Torrent[], priority: TorrentPriority): void {
    this.#model!.setPriority(torrents, priority);
  }

  setLimits(torrents: Torrent[], limits: { upload?: number; download?: number }): void {
    this.#model!.setLimits(torrents, limits);
  }

  resetLimits(torrents: Torrent[]): void {
    this.#model!.setLimits(torrents, { upload: 0, download: 0 });
  }

  addTracker(torrent: Torrent, url: string): void {
    this.#trackerEdit(this.#model!.addTracker(torrent, url));
  }

  editTracker(torrent: Torrent, oldUrl: string, newUrl: string): void {
    this.#trackerEdit(this.#model!.editTracker(torrent, oldUrl, newUrl));
  }

  removeTracker(torrent: Torrent, url: string): void {
    this.#trackerEdit(this.#model!.removeTracker(torrent, url));
  }

  /** The model checks the URL before its first await, so a bad one still throws here. */
  #trackerEdit(edit: Promise<void>): void {
    edit.catch((e) => this.#notice('error', errorMessage(e)));
  }

  moveInQueue(torrents: Torrent[], where: QueueMove): void {
    this.#model!.moveInQueue(torrents, where);
  }

  rename(torrent: Torrent, name: string): void {
    this.#model!.rename(torrent, name);
  }

  setLabel(torrents: Torrent[], label: string): void {
    this.#model!.setLabel(torrents, label);
  }

  setOption<K extends keyof TorrentOptions>(torrents: Torrent[], key: K, value: TorrentOptions[K]): void {
    this.#model!.setOption(torrents, key, value);
  }

  scaleSpeed(direction: 'upload' | 'download', factor: 2 | 0.5, torrents: Torrent[] | null): void {
    this.#model!.scaleSpeed(direction, factor, torrents);
  }

  // ---- quitting -------------------------------------------------------------------------------

  /**
   * Every exit path calls this (window close, Ctrl+Q, app.quit also over D-Bus, SIGINT/SIGTERM);
   * a second request joins the sequence already running. See ShutdownCoordinator.
   */
  requestQuit(reason = 'quit requested'): Promise<ShutdownReport> {
    return this.#shutdown.run(reason);
  }

  /**
   * Last-chance hook from GApplication shutdown. Normally the quit sequence has run to its end.
   * If the application was quit some other way (application.quit() called directly, or during
   * the sequence), the main loop will not run again: cancel the workers and save synchronously,
   * so no torrent state is lost (there is no time left for `stopped` announces).
   */
  shutdownNow(): void {
    this.#trackerServer?.stop();
    if (this.#shutdown.finished || !this.#model) return;
    logger.warning('application quit outside the quit sequence: saving synchronously, no farewell announces');
    this.#model.stopTimers();
    for (const w of this.#model.workers()) w.cancel();
    this.#model.syncState();
    this.#settings?.saveSync();
  }
}
