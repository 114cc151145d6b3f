import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { errorMessage } from '../lib/errors.ts';
import { _, format } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import { type StateFilter, torrentMatchesSearch, torrentMatchesState } from './filters.ts';
import type { Metainfo } from './metainfo/Metainfo.ts';
import { SETTINGS } from './settings/schema.ts';
import type { SettingsStore } from './settings/SettingsStore.ts';
import { GlobalRates } from './session/GlobalRates.ts';
import { checkedLimit, checkedOption, removedTorrentOptions, type TorrentOptionValues } from './session/options.ts';
import { restoreSession, torrentFor } from './session/sessionCodec.ts';
import { TorrentCounts } from './session/TorrentCounts.ts';
import { type QueueMove, TorrentRegistry } from './session/TorrentRegistry.ts';
import { type LibraryEntry, type SessionHost, TorrentSession } from './session/TorrentSession.ts';
import { type Random, systemRandom } from './simulation/random.ts';
import type { LocalTime } from './simulation/schedule.ts';
import { type ScheduledCall, TickScheduler } from './torrent/TickScheduler.ts';
import { Torrent } from './torrent/Torrent.ts';
import type { Announcer, TorrentWorker } from './torrent/TorrentWorker.ts';

export type { LibraryEntry, TorrentLogLine } from './session/TorrentSession.ts';
export type { TorrentOptionValues } from './session/options.ts';
export type { QueueMove } from './session/TorrentRegistry.ts';

export interface ModelOptions {
  settings: SettingsStore;
  /** Builds the torrent's announcer for its metainfo with the given tracker tiers. */
  createAnnouncer: (metainfo: Metainfo, tiers: string[][], onChanged: () => void) => Announcer;
  /** Deletes the copied .torrent of a removed torrent (TorrentLibrary.remove). */
  deleteCopy?: (entry: LibraryEntry) => Promise<void>;
  random?: Random;
  /** Local time for the alternative-speed scheduler (injected by specs). */
  localTime?: () => LocalTime;
  /**
   * Seconds between periodic saves (default 25: a crash loses at most that much), or longer
   * when a save costs more than SAVE_SHARE of the time (very large libraries).
   */
  saveEverySeconds?: number;
  /** A seeding torrent's tick period while nobody observes the figures (0: none; TorrentWorker.#armNext). */
  restingTickSeconds?: number;
  /** Told the bytes each tick credits to a torrent (the history store). */
  credited?: (torrent: Torrent, up: number, down: number) => void;
}

const SAVE_EVERY_SECONDS = 25; // a crash loses at most this (plus the save itself)
/**
 * At most this share of the time goes to periodic saves (the next waits the last one's duration
 * divided by it): at 10 000 torrents the one JSON file (the original's format) takes ~0.5 s, 2 %
 * of a core every 25 s; such a library is now saved about every 100 s.
 */
const SAVE_SHARE = 0.005;
const DATA_CHANGED_MIN_MS = 100; // data-changed at most 10 times a second

interface ModelSignals extends GObject.Object.SignalSignatures {
  'data-changed': () => void;
  message: (text: string) => void;
}

/**
 * The facade over the engine: the registry (the list), one TorrentSession per torrent, the
 * GlobalRates, the counts, the timers (global tick, periodic save) and persistence. Actions on
 * a selection are passed to each torrent's session. Signals: `data-changed` (coalesced,
 * ≤ 10/s) and `message(text)` (user-facing: stop condition met, scheduler switched speeds).
 */
export class Model extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsModel',
        Signals: {
          'data-changed': {},
          message: { param_types: [GObject.TYPE_STRING] },
        },
      },
      this,
    );
  }

  declare connect: GObject.SignalMethods<this, ModelSignals>['connect'];
  declare emit: GObject.SignalMethods<this, ModelSignals>['emit'];

  readonly registry = new TorrentRegistry<TorrentSession>();
  /** Per-state and per-tracker-host counts, as notifying properties (pushed, never polled). */
  readonly counts = new TorrentCounts();
  readonly rates: GlobalRates;
  readonly #settings: SettingsStore;
  readonly #deleteCopy: ModelOptions['deleteCopy'];
  readonly #saveEverySeconds: number;
  readonly #host: SessionHost;
  #dataChanged: ScheduledCall | null = null;
  /** On the engine clock, which re-arms itself if GJS 1.74 drops a callback (TickScheduler). */
  #globalTick: ScheduledCall | null = null;
  #saveTimer: ScheduledCall | null = null;
  #stopWaking: (() => void) | null = null;
  #stopped = false;

  constructor(options: ModelOptions) {
    super();
    this.#settings = options.settings;
    this.#deleteCopy = options.deleteCopy;
    this.#saveEverySeconds = Math.max(1, options.saveEverySeconds ?? SAVE_EVERY_SECONDS);
    this.rates = new GlobalRates({
      settings: options.settings,
      random: options.random ?? systemRandom,
      localTime: options.localTime ?? currentLocalTime,
      message: (text) => this.emit('message', text),
    });
    const model = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the host's getters read the model's state
    this.#host = {
      rates: this.rates,
      restSeconds: Math.max(0, options.restingTickSeconds ?? 0),
      createAnnouncer: options.createAnnouncer,
      credited: options.credited,
      changed: () => this.#queueDataChanged(),
      message: (text) => this.emit('message', text),
      tiersChanged: (s) => this.counts.setHosts(s.torrent, s.trackerHosts),
      ticked: (s) => this.counts.refresh(s.torrent, s.values),
      get running() {
        return model.#globalTick !== null;
      },
      get quitting() {
        return model.#stopped;
      },
    };
  }

  // ---- the list ---------------------------------------------------------------------------

  /** The Gio.ListStore of Torrent the view binds. */
  get torrents() {
    return this.registry.torrents;
  }

  get size(): number {
    return this.registry.size;
  }

  all(): Torrent[] {
    return this.registry.all();
  }

  /** The session that owns a torrent (its trackers, options, log, history, what applies). */
  sessionOf(torrent: Torrent): TorrentSession | null {
    return this.registry.of(torrent) ?? null;
  }

  /** Workers for the quit sequence (cancel → farewell → drained). */
  workers(): TorrentWorker[] {
    return this.registry.sessions().map((s) => s.worker);
  }

  /**
   * Adds a torrent from the torrents folder with its saved state, if any (else the defaults
   * for new torrents). Does not start it: call start() (or startAll()).
   */
  add(entry: LibraryEntry): Torrent {
    return this.addAll([entry])[0];
  }

  /**
   * add() for many entries at once (the torrents folder at start-up): the list grows by one
   * splice, so its listeners run once, not once per torrent.
   */
  addAll(entries: LibraryEntry[]): Torrent[] {
    const added: TorrentSession[] = [];
    const batch = new Map<string, TorrentSession>();
    const torrents = entries.map((entry) => {
      const existing = this.registry.byPath(entry.path) ?? batch.get(entry.path);
      if (existing) return existing.torrent;
      const t = torrentFor(entry.path, entry.metainfo, this.size + added.length + 1);
      const facts = restoreSession(t, entry.metainfo, this.#settings.getTorrentState(entry.path), this.#settings);
      const session = new TorrentSession(t, entry, facts, this.#host);
      added.push(session);
      batch.set(entry.path, session);
      return t;
    });
    // In queue order: the folder lists files by name, but an unsorted list shows the queue (#).
    added.sort((a, b) => a.torrent.id - b.torrent.id);
    this.registry.addMany(added);
    for (const session of added) this.counts.track(session.torrent, session.trackerHosts);
    this.#queueDataChanged();
    return torrents;
  }

  /** Starts a torrent's worker if it is active and can announce. */
  start(torrent: Torrent, firstDelayMs = 0): void {
    this.registry.of(torrent)?.start(firstDelayMs);
  }

  /**
   * Starts every active torrent, their first announces spread over a few seconds so a
   * thousand torrents don't hit their trackers in the same instant; and the model's timers.
   */
  startAll(): void {
    const list = this.registry.sessions();
    const spreadMs = Math.min(list.length * 2, 5000); // 2 s for 1 000, 5 s from 2 500 on
    list.forEach((s, i) => s.start(list.length > 1 ? (i * spreadMs) / list.length : 0));
    if (this.#globalTick || this.#stopped) return;
    this.globalTick();
    // A window or an event stream starts observing: resting torrents tick again at once.
    this.#stopWaking = Torrent.onObservationStarted(() => {
      for (const s of this.registry.sessions()) s.worker.wake();
    });
    this.#globalTick = TickScheduler.shared.every(this.rates.tickSeconds(), () => this.globalTick());
    this.#scheduleSave(this.#saveEverySeconds);
  }

  /** Seconds from the last periodic save to the next (specs, diagnostics). */
  get saveIntervalSeconds(): number {
    return this.#saveInterval;
  }

  #saveInterval = 0;

  #scheduleSave(seconds: number): void {
    this.#saveInterval = seconds;
    this.#saveTimer = TickScheduler.shared.after(seconds * 1000, () => void this.#periodicSave());
  }

  async #periodicSave(): Promise<void> {
    const startUs = GLib.get_monotonic_time();
    try {
      await this.saveState();
    } catch (e) {
      logger.error(`could not save torrent state: ${errorMessage(e)}`);
    }
    const tookSeconds = (GLib.get_monotonic_time() - startUs) / 1e6;
    if (!this.#stopped) this.#scheduleSave(Math.max(this.#saveEverySeconds, tookSeconds / SAVE_SHARE));
  }

  /** The model-wide step (GlobalRates.tick) over the running torrents. */
  globalTick(nowUs = GLib.get_monotonic_time()): void {
    const running = this.registry.sessions().filter((s) => s.worker.isRunning);
    this.rates.tick(
      running.map((s) => s.path),
      nowUs,
    );
  }

  /** Call when a setting changed (the controller forwards SettingsStore's `changed`). */
  settingChanged(path: string): void {
    this.rates.settingChanged(path);
    if (path === SETTINGS.tickspeed.path)
      for (const s of this.registry.sessions()) s.history.resize(this.rates.tickSeconds());
  }

  // ---- actions on a selection --------------------------------------------------------------

  #each(torrents: Torrent[], action: (s: TorrentSession) => void): void {
    for (const s of this.registry.sessionsOf(torrents)) action(s);
    this.#queueDataChanged();
  }

  async pause(torrents: Torrent[]): Promise<void> {
    await Promise.all(this.registry.sessionsOf(torrents).map((s) => s.pause()));
  }

  resume(torrents: Torrent[]): void {
    this.#each(torrents, (s) => s.resume());
  }

  forceStart(torrents: Torrent[]): void {
    this.#each(torrents, (s) => s.forceStart());
  }

  /**
   * "Update Tracker". Returns when the last of them goes (unix seconds; later than now when a
   * tracker's `min interval` holds it back; null when none can go) and the announces.
   */
  forceAnnounce(torrents: Torrent[]): { goesAt: number | null; done: Promise<void> } {
    const forced = this.registry.sessionsOf(torrents).map((s) => s.forceAnnounce());
    const times = forced.map((f) => f.goesAt).filter((x): x is number => x !== null);
    return {
      goesAt: times.length ? Math.max(...times) : null,
      done: Promise.all(forced.map((f) => f.done)).then(() => undefined),
    };
  }

  /** "Scrape Now", as forceAnnounce: when the last goes (null: no tracker can be scraped) and the scrapes. */
  scrapeNow(torrents: Torrent[]): { goesAt: number | null; done: Promise<void> } {
    const runs = this.registry.sessionsOf(torrents).map((s) => s.scrapeNow());
    const done = Promise.all(runs.map((r) => r.done)).then(() => undefined);
    const times = runs.map((r) => r.goesAt).filter((x): x is number => x !== null);
    return { goesAt: times.length ? Math.max(...times) : null, done };
  }

  forceComplete(torrents: Torrent[]): void {
    this.#each(torrents, (s) => s.forceComplete());
  }

  setRandomProgress(torrents: Torrent[]): void {
    this.#each(torrents, (s) => s.setRandomProgress());
  }

  forceRecheck(torrents: Torrent[]): void {
    this.#each(torrents, (s) => s.recheck());
  }

  /** ×2 / ÷2 the configured speed of these torrents, or of all when `torrents` is null. */
  scaleSpeed(direction: 'upload' | 'download', factor: number, torrents: Torrent[] | null): void {
    this.#each(torrents ?? this.all(), ({ torrent: t }) => {
      if (direction === 'upload') t.upload_speed = Math.round(t.upload_speed * factor * 100) / 100;
      else t.download_speed = Math.round(t.download_speed * factor * 100) / 100;
    });
  }

  setPriority(torrents: Torrent[], priority: number): void {
    const p = Math.min(2, Math.max(0, Math.round(priority)));
    this.#each(torrents, ({ torrent }) => (torrent.priority = p));
  }

  /** Per-torrent caps in KB/s; throws (changing nothing) on a bad value. */
  setLimits(torrents: Torrent[], limits: { upload?: number; download?: number }): void {
    const up = limits.upload === undefined ? undefined : checkedLimit(limits.upload);
    const down = limits.download === undefined ? undefined : checkedLimit(limits.download);
    this.#each(torrents, ({ torrent }) => {
      if (up !== undefined) torrent.upload_limit = up;
      if (down !== undefined) torrent.download_limit = down;
    });
  }

  setLabel(torrents: Torrent[], label: string): void {
    this.#each(torrents, ({ torrent }) => (torrent.label = label.trim()));
  }

  rename(torrent: Torrent, name: string): void {
    this.registry.of(torrent)?.rename(name);
  }

  /** The Options tab's values (a torrent already removed shows its last properties). */
  options(torrent: Torrent): TorrentOptionValues {
    return this.registry.of(torrent)?.options() ?? removedTorrentOptions(torrent);
  }

  /** One per-torrent option; throws a plain-words Error on a bad value and changes nothing. */
  setOption<K extends keyof TorrentOptionValues>(
    torrents: Torrent[],
    key: K,
    value: TorrentOptionValues[K],
    profile = '',
  ): void {
    if (key === 'active') {
      if (typeof value !== 'boolean') throw new Error(_('Active must be on or off.'));
      if (value) this.resume(torrents);
      else void this.pause(torrents);
      return;
    }
    const k = key as Exclude<K, 'active'>;
    const n = checkedOption(k, value);
    this.#each(torrents, (s) => s.setOption(k, n, profile));
  }

  /**
   * Tracker list edits (kept in the torrent's saved state). A bad URL throws at once; the
   * promise settles once the torrent announces with the new list.
   */
  addTracker(torrent: Torrent, url: string): Promise<void> {
    return this.registry.of(torrent)?.addTracker(url) ?? Promise.resolve();
  }

  editTracker(torrent: Torrent, oldUrl: string, newUrl: string): Promise<void> {
    return this.registry.of(torrent)?.editTracker(oldUrl, newUrl) ?? Promise.resolve();
  }

  removeTracker(torrent: Torrent, url: string): Promise<void> {
    return this.registry.of(torrent)?.removeTracker(url) ?? Promise.resolve();
  }

  moveInQueue(torrents: Torrent[], where: QueueMove): void {
    this.registry.move(torrents, where);
    this.#queueDataChanged();
  }

  /**
   * Removes torrents: stops each (sending `stopped`), deletes the copied .torrent and its saved
   * state. Failures to delete are returned as messages.
   */
  async remove(torrents: Torrent[]): Promise<string[]> {
    const problems: string[] = [];
    await Promise.all(
      this.registry.sessionsOf(torrents).map(async (s) => {
        this.registry.delete(s);
        this.counts.untrack(s.torrent);
        this.#settings.deleteTorrentState(s.path);
        try {
          await s.worker.pause();
        } finally {
          s.worker.cancel();
        }
        try {
          await this.#deleteCopy?.(s.entry);
        } catch (e) {
          problems.push(format(_('Could not delete %1$s: %2$s'), s.path, errorMessage(e)));
        }
      }),
    );
    this.registry.renumber();
    this.#queueDataChanged();
    return problems;
  }

  // ---- counts and filters ------------------------------------------------------------------

  /** Predicate for a filter model: state, tracker host ('' = any) and search text together. */
  matcher(state: StateFilter, host: string, search: string): (t: Torrent) => boolean {
    return (t) =>
      torrentMatchesState(t, state) &&
      (!host || (this.registry.of(t)?.trackerHosts.includes(host) ?? false)) &&
      torrentMatchesSearch(t, search);
  }

  #queueDataChanged(): void {
    if (this.#dataChanged?.pending || this.#stopped) return;
    this.#dataChanged = TickScheduler.shared.after(DATA_CHANGED_MIN_MS, () => this.emit('data-changed'));
  }

  // ---- persistence -------------------------------------------------------------------------

  /** Copies every torrent's state into the settings store (memory). */
  syncState(): void {
    // Each state is built here by the codec, so the store may keep it as is.
    for (const s of this.registry.sessions()) this.#settings.setTorrentState(s.path, s.state, { copy: false });
  }

  /** Copies every torrent's state into the store and writes it (atomic, via SettingsStore). */
  async saveState(): Promise<void> {
    this.syncState();
    await this.#settings.saveNow();
  }

  /** Stops the model's own timers (the quit sequence cancels the workers itself). */
  stopTimers(): void {
    this.#stopped = true;
    this.#stopWaking?.();
    this.#stopWaking = null;
    this.#globalTick?.cancel();
    this.#saveTimer?.cancel();
    this.#dataChanged?.cancel();
    this.#globalTick = this.#saveTimer = this.#dataChanged = null;
  }
}

function currentLocalTime(): LocalTime {
  const now = GLib.DateTime.new_now_local();
  return { weekday: now.get_day_of_week(), hour: now.get_hour(), minute: now.get_minute() };
}
