import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { logger } from '../lib/log.ts';
import {
  STATE_FILTERS,
  type StateFilter,
  torrentMatchesSearch,
  torrentMatchesState,
  trackerHost,
  trackerHostsOf,
} from './filters.ts';
import type { Metainfo } from './metainfo/Metainfo.ts';
import { bytesToHex } from './metainfo/parseMetainfo.ts';
import type { SimulationEnvironment } from './simulation/accrual.ts';
import { type DistributionSettings, SpeedDistributor } from './simulation/distribution.ts';
import { type Random, systemRandom, uniform } from './simulation/random.ts';
import { RateBudget } from './simulation/RateBudget.ts';
import { type AltSpeedSchedule, type LocalTime, scheduleWantsAlternative, WEEKDAYS } from './simulation/schedule.ts';
import type { StopSettings } from './simulation/stopConditions.ts';
import { Torrent } from './torrent/Torrent.ts';
import { type Announcer, type EngineContext, TorrentWorker } from './torrent/TorrentWorker.ts';

/** A copied .torrent in the torrents folder (TorrentLibrary's entry, see docs/ARCHITECTURE.md). */
export interface LibraryEntry {
  path: string;
  metainfo: Metainfo;
}

/** What the Model uses of SettingsStore (see docs/ARCHITECTURE.md, Settings). */
export interface SettingsBackend {
  get<T>(path: string): T;
  set(path: string, value: unknown): void;
  getTorrentState(key: string): object | undefined;
  setTorrentState(key: string, state: never, options?: { copy?: boolean }): void;
  deleteTorrentState(key: string): void;
  saveNow(): Promise<void>;
}

export interface ModelOptions {
  settings: SettingsBackend;
  /** Builds the torrent's announcer for its metainfo with the given tracker tiers. */
  createAnnouncer: (metainfo: Metainfo, tiers: string[][], onChanged: () => void) => Announcer;
  /** Deletes the copied .torrent of a removed torrent (TorrentLibrary.remove). */
  deleteCopy?: (entry: LibraryEntry) => Promise<void>;
  random?: Random;
  /** Local time for the alternative-speed scheduler (injected by specs). */
  localTime?: () => LocalTime;
  /** Seconds between periodic saves (default 25: a crash loses at most that much). */
  saveEverySeconds?: number;
}

export interface TorrentLogLine {
  /** Unix seconds. */
  time: number;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** Per-torrent options the Options tab edits (speeds and limits in KB/s, 0 = none). */
export interface TorrentOptionValues {
  active: boolean;
  upload_speed: number;
  download_speed: number;
  upload_limit: number;
  download_limit: number;
  announce_interval: number;
  threshold: number;
  /** Stop at this ratio; 0 follows the preferences. */
  stop_ratio: number;
  /** Stop after seeding this many minutes; 0 follows the preferences. */
  stop_seeding_minutes: number;
}

/** What one torrent has beyond its GObject: the metainfo, its worker, its trackers and history. */
interface TorrentRecord {
  torrent: Torrent;
  entry: LibraryEntry;
  worker: TorrentWorker;
  tiers: string[][];
  log: TorrentLogLine[];
  renamed: boolean;
  stopRatio: number;
  stopSeedingMinutes: number;
  detailListeners: Set<() => void>;
  /** Last tracker figures seen, to log each announce reply once. */
  lastReplies: Map<string, string>;
}

/** Saved per-torrent state: the original's fields (reference/original.md §2.3) plus the port's. */
interface SavedTorrentState {
  [key: string]: unknown;
}

const LOG_LINES_KEPT = 200;
const SAVE_EVERY_SECONDS = 25; // a crash loses at most this (plus the save itself)
const DATA_CHANGED_MIN_MS = 100; // data-changed at most 10 times a second
const SCHEDULE_CHECK_SECONDS = 60;
const PERCENT_RECHECK = 0.05;

/** The persisted fields that map one to one onto Torrent properties (original key names). */
const PERSISTED_PROPERTIES = [
  'active',
  'id',
  'announce_interval',
  'download_speed',
  'upload_speed',
  'progress',
  'session_downloaded',
  'session_uploaded',
  'total_downloaded',
  'total_uploaded',
  'small_torrent_limit',
  'threshold',
  'uploading',
  'label',
  'priority',
  'upload_limit',
  'download_limit',
  'super_seeding',
  'sequential_download',
  'force_start',
  'seeding_time',
  'stop_reason',
] as const;

/**
 * The torrent list and everything done to it: a Gio.ListStore of Torrent GObjects (for list
 * binding), one TorrentWorker per torrent, the actions the controller calls, the shared
 * simulation pieces (global caps, speed distribution, alternative-speed schedule), filter
 * predicates and counts, a coalesced `data-changed`, and persistence into the SettingsStore.
 */
export class Model extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsModel',
        Signals: {
          'data-changed': {},
          /** A user-facing message (stop condition met, scheduler switched speeds…). */
          message: { param_types: [GObject.TYPE_STRING] },
        },
      },
      this,
    );
  }

  readonly torrents = new Gio.ListStore({ item_type: Torrent.$gtype });
  readonly #settings: SettingsBackend;
  readonly #createAnnouncer: ModelOptions['createAnnouncer'];
  readonly #deleteCopy: ModelOptions['deleteCopy'];
  readonly #random: Random;
  readonly #localTime: () => LocalTime;
  readonly #saveEverySeconds: number;
  readonly #records = new Map<string, TorrentRecord>();
  readonly #byTorrent = new Map<Torrent, TorrentRecord>();
  readonly #budget = new RateBudget();
  readonly #upShares = new SpeedDistributor();
  readonly #downShares = new SpeedDistributor();
  readonly #ctx: EngineContext;
  #dataChangedSource = 0;
  #globalTickSource = 0;
  #saveSource = 0;
  #lastScheduleCheckUs = -Infinity;
  #scheduleWanted: boolean | null = null;
  #stopped = false;

  constructor(options: ModelOptions) {
    super();
    this.#settings = options.settings;
    this.#createAnnouncer = options.createAnnouncer;
    this.#deleteCopy = options.deleteCopy;
    this.#random = options.random ?? systemRandom;
    this.#localTime = options.localTime ?? currentLocalTime;
    this.#saveEverySeconds = Math.max(1, options.saveEverySeconds ?? SAVE_EVERY_SECONDS);
    this.#ctx = this.#makeContext();
    this.#updateLimits();
  }

  /** Emits a signal of ours (the generated types only know the parent's signals). */
  #emit(signal: 'data-changed' | 'message', ...args: unknown[]): void {
    (this.emit as unknown as (name: string, ...a: unknown[]) => void).call(this, signal, ...args);
  }

  /** Connects to `data-changed` or `message`; returns the handler id. */
  on(signal: 'data-changed' | 'message', callback: (...args: never[]) => void): number {
    const connect = this.connect as unknown as (name: string, cb: (...a: never[]) => void) => number;
    return connect.call(this, signal, callback);
  }

  // ---- settings ---------------------------------------------------------------------------

  /** A setting, or `fallback` when it is missing or of the wrong type. */
  setting<T extends number | boolean | string>(path: string, fallback: T): T {
    let v: unknown;
    try {
      v = this.#settings.get(path);
    } catch {
      return fallback;
    }
    return typeof v === typeof fallback && !(typeof v === 'number' && !Number.isFinite(v)) ? (v as T) : fallback;
  }

  /** Settings every tick reads, cached until a setting changes (1000 torrents tick often). */
  #cachedEnvironment: SimulationEnvironment | null = null;
  #cachedStopSettings: StopSettings | null = null;

  #environment(): SimulationEnvironment {
    return (this.#cachedEnvironment ??= this.#readEnvironment());
  }

  #readEnvironment(): SimulationEnvironment {
    const min = this.setting('ui_settings.speed_variation_min', 0.2);
    const max = this.setting('ui_settings.speed_variation_max', 0.8);
    return {
      variationMin: Math.max(0, Math.min(min, max)),
      variationMax: Math.max(min, max),
      uploadOnlyWithLeechers: this.setting('simulation.upload_only_with_leechers', false),
    };
  }

  #stopSettings(record: TorrentRecord | undefined): StopSettings {
    const base = (this.#cachedStopSettings ??= this.#readStopSettings());
    if (!record || record.stopSeedingMinutes <= 0) return base;
    return { ...base, stopAfterSeedingHours: record.stopSeedingMinutes / 60 };
  }

  #readStopSettings(): StopSettings {
    return {
      stopAtRatio: this.setting('simulation.stop_at_ratio', 0),
      randomRatio: this.setting('simulation.stop_ratio_random', false),
      ratioMin: this.setting('simulation.stop_ratio_min', 0),
      ratioMax: this.setting('simulation.stop_ratio_max', 0),
      stopAfterSeedingHours: this.setting('simulation.stop_after_seeding_hours', 0),
    };
  }

  #distributionSettings(direction: 'upload' | 'download'): DistributionSettings {
    const p = `speed_distribution.${direction}`;
    const algorithm = this.setting(`${p}.algorithm`, 'off');
    const mode = this.setting(`${p}.redistribution_mode`, 'tick');
    return {
      algorithm: (['pareto', 'power-law', 'log-normal'].includes(algorithm)
        ? algorithm
        : 'off') as DistributionSettings['algorithm'],
      spreadPercentage: this.setting(`${p}.spread_percentage`, 50),
      stoppedMinPercentage: this.setting(`${p}.stopped_min_percentage`, 20),
      stoppedMaxPercentage: this.setting(`${p}.stopped_max_percentage`, 40),
      redistributionMode: (['tick', 'custom', 'announce'].includes(mode)
        ? mode
        : 'tick') as DistributionSettings['redistributionMode'],
      customIntervalMinutes: this.setting(`${p}.custom_interval_minutes`, 5),
    };
  }

  /** Global caps in KB/s (0 = none): the alternative ones while alternative speeds are on. */
  globalLimitsKBps(): { up: number; down: number } {
    const alt = this.setting('speed.enable_alternative_speeds', false);
    return alt
      ? { up: this.setting('speed.alt_upload_limit_kbps', 0), down: this.setting('speed.alt_download_limit_kbps', 0) }
      : { up: this.setting('speed.upload_limit_kbps', 0), down: this.setting('speed.download_limit_kbps', 0) };
  }

  #updateLimits(): void {
    const l = this.globalLimitsKBps();
    this.#budget.setLimits({ up: Math.max(0, l.up) * 1024, down: Math.max(0, l.down) * 1024 });
  }

  /** Call when a setting changed (the controller forwards SettingsStore's `changed`). */
  settingChanged(path: string): void {
    this.#cachedEnvironment = null;
    this.#cachedStopSettings = null;
    if (path.startsWith('speed') || path === '') this.#updateLimits();
    if (path.startsWith('scheduler')) this.#lastScheduleCheckUs = -Infinity;
  }

  #makeContext(): EngineContext {
    return {
      random: this.#random,
      budget: this.#budget,
      tickSeconds: () => Math.max(1, Math.min(60, this.setting('tickspeed', 9))),
      environment: () => this.#environment(),
      stopSettings: (t) => this.#stopSettings(this.#byTorrent.get(t)),
      distributedSpeed: (direction, t) => (direction === 'up' ? this.#upShares : this.#downShares).shareOf(t.filepath),
      changed: () => this.#queueDataChanged(),
      stopConditionMet: (worker, reason) => this.#stopForCondition(worker, reason),
      log: (t, level, message) => this.#log(t, level, message),
    };
  }

  // ---- the list ---------------------------------------------------------------------------

  get size(): number {
    return this.torrents.get_n_items();
  }

  all(): Torrent[] {
    const out: Torrent[] = [];
    for (let i = 0; i < this.torrents.get_n_items(); i++) out.push(this.torrents.get_item(i) as Torrent);
    return out;
  }

  byPath(path: string): Torrent | null {
    return this.#records.get(path)?.torrent ?? null;
  }

  /** Workers for the quit sequence (cancel → farewell → drained). */
  workers(): TorrentWorker[] {
    return [...this.#records.values()].map((r) => r.worker);
  }

  workerOf(torrent: Torrent): TorrentWorker | null {
    return this.#byTorrent.get(torrent)?.worker ?? null;
  }

  metainfoOf(torrent: Torrent): Metainfo | null {
    return this.#byTorrent.get(torrent)?.entry.metainfo ?? null;
  }

  trackerTiers(torrent: Torrent): string[][] {
    return (this.#byTorrent.get(torrent)?.tiers ?? []).map((t) => [...t]);
  }

  trackerHosts(torrent: Torrent): string[] {
    return trackerHostsOf(this.#byTorrent.get(torrent)?.tiers ?? []);
  }

  logOf(torrent: Torrent): TorrentLogLine[] {
    return [...(this.#byTorrent.get(torrent)?.log ?? [])];
  }

  onDetailsChanged(torrent: Torrent, callback: () => void): () => void {
    const r = this.#byTorrent.get(torrent);
    if (!r) return () => undefined;
    r.detailListeners.add(callback);
    return () => r.detailListeners.delete(callback);
  }

  /**
   * Adds a torrent from the torrents folder. Saved state, if any, is restored; otherwise it
   * gets the defaults for new torrents and starts active (complete, or at 0 % when
   * `simulation.new_torrents_complete` is off). A torrent with no tracker loads with status
   * 'error'. Does not start the worker: call start() (or startAll()).
   */
  add(entry: LibraryEntry): Torrent {
    const existing = this.#records.get(entry.path);
    if (existing) return existing.torrent;
    const m = entry.metainfo;
    const t = new Torrent();
    t.freeze_notify();
    t.info_hash = m.infoHashHex;
    t.info_hash_v1 = m.infoHashV1 ? bytesToHex(m.infoHashV1) : '';
    t.info_hash_v2 = m.infoHashV2 ? bytesToHex(m.infoHashV2) : '';
    t.name = m.name;
    t.filepath = entry.path;
    t.comment = m.comment;
    t.created_by = m.createdBy;
    t.creation_date = m.creationDate ?? 0;
    t.total_size = m.totalSize;
    t.piece_length = m.pieceLength;
    t.piece_count = m.pieceCount;
    t.file_count = m.files.length;
    t.private = m.isPrivate;
    t.id = this.size + 1;

    const saved = this.#settings.getTorrentState(entry.path) as SavedTorrentState | undefined;
    let tiers = m.announceTiers.map((tier) => [...tier]);
    let renamed = false;
    let stopRatio = 0;
    let stopSeedingMinutes = 0;
    let ratioTarget: number | null = null;
    if (saved) {
      for (const key of PERSISTED_PROPERTIES) {
        const v = saved[key];
        if (v !== undefined && typeof v === typeof t[key]) (t as unknown as Record<string, unknown>)[key] = v;
      }
      t.progress = clamp(t.progress, 0, 1);
      if (Array.isArray(saved.trackers) && saved.trackers.every((x) => Array.isArray(x)))
        tiers = (saved.trackers as unknown[][]).map((tier) => tier.filter((u): u is string => typeof u === 'string'));
      if (saved.renamed === true && typeof saved.name === 'string' && saved.name.trim()) {
        t.name = saved.name;
        renamed = true;
      }
      stopRatio = numberOr(saved.stop_ratio, 0);
      stopSeedingMinutes = numberOr(saved.stop_seeding_minutes, 0);
      if (typeof saved.ratio_target === 'number') ratioTarget = saved.ratio_target;
    } else {
      t.upload_speed = this.setting('upload_speed', 50);
      t.download_speed = this.setting('download_speed', 500);
      t.announce_interval = this.setting('announce_interval', 1800);
      t.threshold = clamp(Math.round(this.setting('threshold', 30)), 0, 100);
      t.progress = this.setting('simulation.new_torrents_complete', true) ? 1 : 0;
      t.uploading = t.progress * 100 >= t.threshold;
      t.active = true;
    }
    t.ratio = t.total_size > 0 ? t.total_uploaded / t.total_size : 0;
    t.tracker_host = trackerHostsOf(tiers)[0] ?? '';
    t.status = t.active ? (t.progress >= 1 ? 'seeding' : 'downloading') : t.stop_reason ? 'stopped' : 'paused';
    t.thaw_notify();

    const record: TorrentRecord = {
      torrent: t,
      entry,
      worker: null as unknown as TorrentWorker,
      tiers,
      log: [],
      renamed,
      stopRatio,
      stopSeedingMinutes,
      detailListeners: new Set(),
      lastReplies: new Map(),
    };
    record.worker = new TorrentWorker(t, this.#announcerFor(record), this.#ctx);
    record.worker.ratioTarget = stopRatio > 0 ? stopRatio : ratioTarget;
    this.#records.set(entry.path, record);
    this.#byTorrent.set(t, record);
    this.#checkTrackers(record);
    this.torrents.append(t);
    this.#queueDataChanged();
    return t;
  }

  #announcerFor(record: TorrentRecord): Announcer {
    const metainfo = { ...record.entry.metainfo, announceTiers: record.tiers.map((x) => [...x]) };
    return this.#createAnnouncer(metainfo, metainfo.announceTiers, () => this.#announcerChanged(record));
  }

  #checkTrackers(record: TorrentRecord): boolean {
    const t = record.torrent;
    if (record.tiers.every((tier) => tier.length === 0)) {
      t.status = 'error';
      t.error_message = _('No tracker: add one to announce');
      return false;
    }
    if (t.status === 'error' && t.error_message === _('No tracker: add one to announce')) {
      t.error_message = '';
      t.status = t.active ? (t.progress >= 1 ? 'seeding' : 'downloading') : 'paused';
    }
    return true;
  }

  /** Starts a torrent's worker if it is active and can announce. */
  start(torrent: Torrent, firstDelayMs = 0): void {
    const r = this.#byTorrent.get(torrent);
    if (!r || this.#stopped || !torrent.active || torrent.status === 'error') return;
    r.worker.start(firstDelayMs);
  }

  /**
   * Starts every active torrent's worker, their first announces spread over a few seconds so
   * a thousand torrents don't hit their trackers in the same instant; and the model's own
   * timers (distribution, scheduler, periodic save).
   */
  startAll(): void {
    const list = this.all();
    const spreadMs = Math.min(list.length * 5, 5000);
    list.forEach((t, i) => this.start(t, list.length > 1 ? (i * spreadMs) / list.length : 0));
    this.#startTimers();
  }

  #startTimers(): void {
    if (this.#globalTickSource || this.#stopped) return;
    const tick = Math.max(1, Math.min(60, this.setting('tickspeed', 9)));
    this.globalTick();
    this.#globalTickSource = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, tick, () => {
      this.globalTick();
      return GLib.SOURCE_CONTINUE;
    });
    this.#saveSource = GLib.timeout_add_seconds(GLib.PRIORITY_LOW, this.#saveEverySeconds, () => {
      void this.saveState().catch((e) => logger.error(`could not save torrent state: ${errorMessage(e)}`));
      return GLib.SOURCE_CONTINUE;
    });
  }

  /** The model-wide step: the alternative-speed schedule, caps and speed distribution. */
  globalTick(nowUs = GLib.get_monotonic_time()): void {
    if (nowUs - this.#lastScheduleCheckUs >= SCHEDULE_CHECK_SECONDS * 1e6) {
      this.#lastScheduleCheckUs = nowUs;
      this.#applySchedule();
    }
    this.#updateLimits();
    const running = this.all()
      .filter((t) => this.#byTorrent.get(t)?.worker.isRunning)
      .map((t) => t.filepath);
    const limits = this.globalLimitsKBps();
    const totalUp = limits.up > 0 ? limits.up : this.setting('total_upload_speed', 50);
    const totalDown = limits.down > 0 ? limits.down : this.setting('total_download_speed', 500);
    this.#upShares.update(nowUs, running, totalUp, this.#distributionSettings('upload'), this.#random);
    this.#downShares.update(nowUs, running, totalDown, this.#distributionSettings('download'), this.#random);
  }

  #applySchedule(): void {
    const days: AltSpeedSchedule['days'] = {};
    for (const d of WEEKDAYS) days[d] = this.setting(`scheduler.days.${d}`, true);
    const schedule: AltSpeedSchedule = {
      enabled: this.setting('scheduler.enabled', false),
      startHour: this.setting('scheduler.start_hour', 22),
      startMinute: this.setting('scheduler.start_minute', 0),
      endHour: this.setting('scheduler.end_hour', 6),
      endMinute: this.setting('scheduler.end_minute', 0),
      days,
    };
    if (!schedule.enabled) {
      this.#scheduleWanted = null;
      return;
    }
    const want = scheduleWantsAlternative(schedule, this.#localTime());
    // Only a change of the schedule's own decision writes the setting, so a user who flips
    // alternative speeds by hand keeps that until the next window edge.
    if (want === this.#scheduleWanted) return;
    this.#scheduleWanted = want;
    if (this.setting('speed.enable_alternative_speeds', false) !== want) {
      try {
        this.#settings.set('speed.enable_alternative_speeds', want);
      } catch (e) {
        logger.warning(`scheduler could not switch alternative speeds: ${errorMessage(e)}`);
      }
      this.#updateLimits();
      this.#emit('message', want ? _('Scheduler: alternative speeds on') : _('Scheduler: alternative speeds off'));
    }
  }

  // ---- actions ----------------------------------------------------------------------------

  /** Pauses (sends `stopped` to trackers that acknowledged `started`). */
  async pause(torrents: Torrent[]): Promise<void> {
    await Promise.all(
      torrents.map(async (t) => {
        const r = this.#byTorrent.get(t);
        if (!r) return;
        t.active = false;
        if (t.status !== 'error') t.status = 'paused';
        this.#queueDataChanged();
        await r.worker.pause();
      }),
    );
  }

  /** Resumes (a new tracker session: `started`). */
  resume(torrents: Torrent[]): void {
    for (const t of torrents) {
      const r = this.#byTorrent.get(t);
      if (!r) continue;
      t.freeze_notify();
      t.active = true;
      t.stop_reason = '';
      if (this.#checkTrackers(r)) t.status = t.progress >= 1 ? 'seeding' : 'downloading';
      t.thaw_notify();
      if (t.status !== 'error') r.worker.resume();
    }
    this.#queueDataChanged();
  }

  /** Resumes and ignores the stop conditions from now on. */
  forceStart(torrents: Torrent[]): void {
    for (const t of torrents) t.force_start = true;
    this.resume(torrents.filter((t) => !this.#byTorrent.get(t)?.worker.isRunning));
  }

  /** "Update Tracker": announces now, respecting `min interval`. */
  async forceAnnounce(torrents: Torrent[]): Promise<void> {
    await Promise.all(torrents.map((t) => this.#byTorrent.get(t)?.worker.forceAnnounce()));
  }

  /** Progress to 100 % with downloaded = size (only below 100 %). */
  forceComplete(torrents: Torrent[]): void {
    for (const t of torrents) {
      if (t.progress >= 1) continue;
      t.freeze_notify();
      const missing = Math.max(0, t.total_size - t.total_downloaded);
      t.progress = 1;
      t.total_downloaded = Math.max(t.total_downloaded, t.total_size);
      t.session_downloaded += missing;
      t.uploading = true;
      if (t.status === 'downloading') t.status = 'seeding';
      t.thaw_notify();
    }
    this.#queueDataChanged();
  }

  /** A random progress (only torrents at 0 %), as the original. */
  setRandomProgress(torrents: Torrent[]): void {
    for (const t of torrents) {
      if (t.progress > 0) continue;
      this.#setProgress(t, uniform(this.#random, 0.01, 0.99));
    }
    this.#queueDataChanged();
  }

  /** The original's "Force Recheck": progress moves by a random ±5 %. */
  forceRecheck(torrents: Torrent[]): void {
    for (const t of torrents) {
      const delta = uniform(this.#random, -PERCENT_RECHECK, PERCENT_RECHECK);
      this.#setProgress(t, clamp(t.progress + delta, 0, 1));
    }
    this.#queueDataChanged();
  }

  #setProgress(t: Torrent, progress: number): void {
    t.freeze_notify();
    t.progress = progress;
    t.uploading = t.uploading || progress * 100 >= t.threshold;
    if (t.status === 'seeding' || t.status === 'downloading') t.status = progress >= 1 ? 'seeding' : 'downloading';
    t.thaw_notify();
  }

  /** ×2 / ÷2 the configured speed of these torrents, or of all when `torrents` is null. */
  scaleSpeed(direction: 'upload' | 'download', factor: number, torrents: Torrent[] | null): void {
    for (const t of torrents ?? this.all()) {
      if (direction === 'upload') t.upload_speed = roundSpeed(t.upload_speed * factor);
      else t.download_speed = roundSpeed(t.download_speed * factor);
    }
    this.#queueDataChanged();
  }

  setPriority(torrents: Torrent[], priority: number): void {
    const p = clamp(Math.round(priority), 0, 2);
    for (const t of torrents) t.priority = p;
    this.#queueDataChanged();
  }

  setLimits(torrents: Torrent[], limits: { upload?: number; download?: number }): void {
    for (const key of ['upload', 'download'] as const) {
      const v = limits[key];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0))
        throw new Error(_('A speed limit must be a number of KB/s, 0 or more.'));
    }
    for (const t of torrents) {
      if (limits.upload !== undefined) t.upload_limit = limits.upload;
      if (limits.download !== undefined) t.download_limit = limits.download;
    }
    this.#queueDataChanged();
  }

  setLabel(torrents: Torrent[], label: string): void {
    for (const t of torrents) t.label = label.trim();
    this.#queueDataChanged();
  }

  /** A display name kept across restarts. */
  rename(torrent: Torrent, name: string): void {
    const clean = name.trim();
    if (!clean) throw new Error(_('A torrent needs a name.'));
    const r = this.#byTorrent.get(torrent);
    if (!r) return;
    torrent.name = clean;
    r.renamed = clean !== r.entry.metainfo.name;
    this.#queueDataChanged();
  }

  options(torrent: Torrent): TorrentOptionValues {
    const r = this.#byTorrent.get(torrent);
    return {
      active: torrent.active,
      upload_speed: torrent.upload_speed,
      download_speed: torrent.download_speed,
      upload_limit: torrent.upload_limit,
      download_limit: torrent.download_limit,
      announce_interval: torrent.announce_interval,
      threshold: torrent.threshold,
      stop_ratio: r?.stopRatio ?? 0,
      stop_seeding_minutes: r?.stopSeedingMinutes ?? 0,
    };
  }

  /** One per-torrent option; throws a plain-words Error on a bad value and changes nothing. */
  setOption<K extends keyof TorrentOptionValues>(torrents: Torrent[], key: K, value: TorrentOptionValues[K]): void {
    if (key === 'active') {
      if (typeof value !== 'boolean') throw new Error(_('Active must be on or off.'));
      if (value) this.resume(torrents);
      else void this.pause(torrents);
      return;
    }
    const n = value as number;
    const ranges: Record<string, [number, number, string]> = {
      upload_speed: [0, 1e9, _('The upload speed must be 0 KB/s or more.')],
      download_speed: [0, 1e9, _('The download speed must be 0 KB/s or more.')],
      upload_limit: [0, 1e9, _('A speed limit must be a number of KB/s, 0 or more.')],
      download_limit: [0, 1e9, _('A speed limit must be a number of KB/s, 0 or more.')],
      announce_interval: [60, 86400 * 7, _('The announce interval must be between 60 seconds and a week.')],
      threshold: [0, 100, _('The threshold must be between 0 and 100 %.')],
      stop_ratio: [0, 1e6, _('The stop ratio must be 0 (off) or more.')],
      stop_seeding_minutes: [0, 1e9, _('The seeding time must be 0 (off) or more minutes.')],
    };
    const [lo, hi, message] = ranges[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < lo || n > hi) throw new Error(message);
    for (const t of torrents) {
      const r = this.#byTorrent.get(t);
      if (!r) continue;
      if (key === 'stop_ratio') {
        r.stopRatio = n;
        r.worker.ratioTarget = n > 0 ? n : null;
      } else if (key === 'stop_seeding_minutes') r.stopSeedingMinutes = n;
      else if (key === 'announce_interval' || key === 'threshold')
        (t as unknown as Record<string, number>)[key] = Math.round(n);
      else (t as unknown as Record<string, number>)[key] = n;
    }
    this.#queueDataChanged();
  }

  /** Queue order: ids stay 1..n without gaps; the moved torrents keep their relative order. */
  moveInQueue(torrents: Torrent[], where: 'top' | 'up' | 'down' | 'bottom'): void {
    const order = this.all().sort((a, b) => a.id - b.id);
    const moving = new Set(torrents.filter((t) => this.#byTorrent.has(t)));
    if (moving.size === 0) return;
    let next: Torrent[];
    if (where === 'top') next = [...order.filter((t) => moving.has(t)), ...order.filter((t) => !moving.has(t))];
    else if (where === 'bottom') next = [...order.filter((t) => !moving.has(t)), ...order.filter((t) => moving.has(t))];
    else {
      next = [...order];
      const step = where === 'up' ? -1 : 1;
      const indexes = next.map((t, i) => (moving.has(t) ? i : -1)).filter((i) => i >= 0);
      if (step > 0) indexes.reverse();
      for (const i of indexes) {
        const j = i + step;
        if (j < 0 || j >= next.length || moving.has(next[j])) continue;
        [next[i], next[j]] = [next[j], next[i]];
      }
    }
    this.#renumber(next);
  }

  #renumber(order: Torrent[]): void {
    order.forEach((t, i) => {
      if (t.id !== i + 1) t.id = i + 1;
    });
    this.#queueDataChanged();
  }

  /**
   * Tracker list edits (kept in the torrent's state; the copied .torrent is not changed). A bad
   * URL throws at once (nothing changes); the returned promise settles once the torrent has
   * restarted its tracker session with the new list.
   */
  addTracker(torrent: Torrent, url: string): Promise<void> {
    const clean = checkTrackerUrl(url);
    const r = this.#byTorrent.get(torrent);
    if (!r) return Promise.resolve();
    if (r.tiers.some((tier) => tier.includes(clean))) throw new Error(_('This torrent already has that tracker.'));
    return this.#editTiers(r, (tiers) => [...tiers.filter((x) => x.length), [clean]]);
  }

  editTracker(torrent: Torrent, oldUrl: string, newUrl: string): Promise<void> {
    const clean = checkTrackerUrl(newUrl);
    const r = this.#byTorrent.get(torrent);
    if (!r) return Promise.resolve();
    if (!r.tiers.some((tier) => tier.includes(oldUrl))) throw new Error(_('This torrent has no such tracker.'));
    return this.#editTiers(r, (tiers) => tiers.map((tier) => tier.map((u) => (u === oldUrl ? clean : u))));
  }

  removeTracker(torrent: Torrent, url: string): Promise<void> {
    const r = this.#byTorrent.get(torrent);
    if (!r) return Promise.resolve();
    if (!r.tiers.some((tier) => tier.includes(url))) throw new Error(_('This torrent has no such tracker.'));
    return this.#editTiers(r, (tiers) => tiers.map((tier) => tier.filter((u) => u !== url)).filter((x) => x.length));
  }

  /** Stops the torrent's tracker session, swaps in an announcer for the new list, and goes on. */
  async #editTiers(r: TorrentRecord, edit: (tiers: string[][]) => string[][]): Promise<void> {
    const wasRunning = r.worker.isRunning;
    await r.worker.pause();
    r.tiers = edit(r.tiers.map((x) => [...x]));
    r.lastReplies.clear();
    r.worker.replaceAnnouncer(this.#announcerFor(r));
    r.torrent.tracker_host = trackerHostsOf(r.tiers)[0] ?? '';
    const ok = this.#checkTrackers(r);
    if (ok && (wasRunning || (r.torrent.active && this.#globalTickSource !== 0))) r.worker.resume();
    this.#notifyDetails(r);
    this.#queueDataChanged();
  }

  /**
   * Removes torrents: stops each worker (sending `stopped`), deletes the copied .torrent and
   * its saved state. Failures to delete are reported in the returned messages.
   */
  async remove(torrents: Torrent[]): Promise<string[]> {
    const problems: string[] = [];
    await Promise.all(
      torrents.map(async (t) => {
        const r = this.#byTorrent.get(t);
        if (!r) return;
        this.#records.delete(r.entry.path);
        this.#byTorrent.delete(t);
        const [found, pos] = this.torrents.find(t);
        if (found) this.torrents.remove(pos);
        this.#settings.deleteTorrentState(r.entry.path);
        try {
          await r.worker.pause();
        } finally {
          r.worker.cancel();
        }
        try {
          await this.#deleteCopy?.(r.entry);
        } catch (e) {
          problems.push(_('Could not delete %s: %s').replace('%s', r.entry.path).replace('%s', errorMessage(e)));
        }
      }),
    );
    this.#renumber(this.all().sort((a, b) => a.id - b.id));
    return problems;
  }

  #stopForCondition(worker: TorrentWorker, reason: string): void {
    const t = worker.torrent;
    t.stop_reason = reason;
    this.#log(t, 'info', reason);
    this.#emit('message', `${t.name}: ${reason}`);
    void this.pause([t]).then(() => {
      t.status = 'stopped';
      this.#queueDataChanged();
    });
  }

  // ---- tracker replies and history ---------------------------------------------------------

  #announcerChanged(r: TorrentRecord): void {
    // Quitting: the farewells' replies change nothing anyone sees or the save keeps.
    if (this.#stopped) return;
    const infos = trackerInfos(r.worker.announcer);
    const t = r.torrent;
    let best: TrackerInfoLike | null = null;
    let replied = false;
    for (const info of infos) {
      // One log line per reply (success or failure): a reply moves lastAnnounce.
      const reply = `${info.lastAnnounce ?? ''}|${info.state}`;
      if (info.lastAnnounce && r.lastReplies.get(info.url) !== reply) {
        r.lastReplies.set(info.url, reply);
        replied = true;
        if (info.state === 'working')
          this.#log(
            t,
            'info',
            _('announced to %s: %d seeders, %d leechers')
              .replace('%s', info.url)
              .replace('%d', String(info.seeders ?? '?'))
              .replace('%d', String(info.leechers ?? '?')),
          );
        else if (info.state === 'error' || info.state === 'disabled')
          this.#log(t, 'error', `${info.url}: ${info.message}`);
      }
      if (info.state === 'working' && (!best || (info.lastAnnounce ?? 0) > (best.lastAnnounce ?? 0))) best = info;
    }
    t.freeze_notify();
    if (best) {
      if (typeof best.seeders === 'number' && best.seeders >= 0 && t.seeders !== best.seeders) t.seeders = best.seeders;
      if (typeof best.leechers === 'number' && best.leechers >= 0 && t.leechers !== best.leechers)
        t.leechers = best.leechers;
      const host = trackerHost(best.url);
      if (t.tracker_host !== host) t.tracker_host = host;
    }
    const message = infos.map((i) => i.message).find((m) => m) ?? '';
    if (t.tracker_message !== message) t.tracker_message = message;
    t.thaw_notify();
    if (replied) {
      this.#upShares.noteAnnounce();
      this.#downShares.noteAnnounce();
    }
    this.#notifyDetails(r);
    this.#queueDataChanged();
  }

  #log(t: Torrent, level: TorrentLogLine['level'], message: string): void {
    const r = this.#byTorrent.get(t);
    const line = { time: Math.floor(GLib.get_real_time() / 1e6), level, message };
    if (r) {
      r.log.push(line);
      if (r.log.length > LOG_LINES_KEPT) r.log.splice(0, r.log.length - LOG_LINES_KEPT);
      this.#notifyDetails(r);
    }
    const text = `${t.name}: ${message}`;
    if (level === 'error') logger.error(text);
    else if (level === 'warning') logger.warning(text);
    else logger.info(text);
  }

  #notifyDetails(r: TorrentRecord): void {
    for (const l of r.detailListeners) {
      try {
        l();
      } catch (e) {
        logger.warning(`details listener failed: ${errorMessage(e)}`);
      }
    }
  }

  // ---- counts, filters, data-changed --------------------------------------------------------

  stateCounts(): Record<StateFilter, number> {
    const counts = Object.fromEntries(STATE_FILTERS.map((s) => [s, 0])) as Record<StateFilter, number>;
    for (const t of this.all()) for (const s of STATE_FILTERS) if (torrentMatchesState(t, s)) counts[s]++;
    return counts;
  }

  trackerHostCounts(): { host: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const r of this.#records.values())
      for (const h of trackerHostsOf(r.tiers)) counts.set(h, (counts.get(h) ?? 0) + 1);
    return [...counts.entries()].map(([host, count]) => ({ host, count })).sort((a, b) => a.host.localeCompare(b.host));
  }

  /** Predicate for a filter model: state, tracker host ('' = any) and search text together. */
  matcher(state: StateFilter, host: string, search: string): (t: Torrent) => boolean {
    return (t) =>
      torrentMatchesState(t, state) &&
      (!host || this.trackerHosts(t).includes(host)) &&
      torrentMatchesSearch(t, search);
  }

  #queueDataChanged(): void {
    if (this.#dataChangedSource) return;
    this.#dataChangedSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT, DATA_CHANGED_MIN_MS, () => {
      this.#dataChangedSource = 0;
      this.#emit('data-changed');
      return GLib.SOURCE_REMOVE;
    });
  }

  // ---- persistence -------------------------------------------------------------------------

  /** This torrent's state as saved in settings.json (the original's field names plus ours). */
  stateOf(torrent: Torrent): SavedTorrentState {
    const r = this.#byTorrent.get(torrent);
    const state: SavedTorrentState = {};
    for (const key of PERSISTED_PROPERTIES) state[key] = torrent[key];
    Object.assign(state, {
      filepath: torrent.filepath,
      name: torrent.name,
      total_size: torrent.total_size,
      seeders: torrent.seeders,
      leechers: torrent.leechers,
      next_update: Math.max(0, torrent.next_update), // the original's field: seconds, never negative
      creation_date: torrent.creation_date,
      comment: torrent.comment,
      created_by: torrent.created_by,
      piece_length: torrent.piece_length,
      piece_count: torrent.piece_count,
    });
    if (r) {
      state.trackers = r.tiers.map((x) => [...x]);
      state.renamed = r.renamed;
      state.stop_ratio = r.stopRatio;
      state.stop_seeding_minutes = r.stopSeedingMinutes;
      if (r.worker.ratioTarget !== null) state.ratio_target = r.worker.ratioTarget;
    }
    return state;
  }

  /** Copies every torrent's state into the settings store (memory). */
  syncState(): void {
    // Each state is built here from the torrent's properties, so the store may keep it as is.
    for (const r of this.#records.values())
      this.#settings.setTorrentState(r.entry.path, this.stateOf(r.torrent) as never, { copy: false });
  }

  /** Copies every torrent's state into the store and writes it (atomic, via SettingsStore). */
  async saveState(): Promise<void> {
    this.syncState();
    await this.#settings.saveNow();
  }

  /** Stops the model's own timers (the quit sequence cancels the workers itself). */
  stopTimers(): void {
    this.#stopped = true;
    for (const id of [this.#globalTickSource, this.#saveSource, this.#dataChangedSource])
      if (id) GLib.source_remove(id);
    this.#globalTickSource = this.#saveSource = this.#dataChangedSource = 0;
  }
}

/** The part of the announcer's TrackerInfo (src/model/tracker/types.ts) the model reads. */
interface TrackerInfoLike {
  url: string;
  state: string;
  lastAnnounce: number | null;
  seeders: number | null;
  leechers: number | null;
  message: string;
}

function trackerInfos(announcer: Announcer): TrackerInfoLike[] {
  const infos = (announcer as unknown as { trackers?: TrackerInfoLike[] }).trackers;
  return Array.isArray(infos) ? infos : [];
}

function checkTrackerUrl(url: string): string {
  const clean = url.trim();
  if (!/^(https?|udp):\/\/[^/\s:?#]+/i.test(clean) || /\s/.test(clean))
    throw new Error(_('A tracker address must start with http://, https:// or udp:// and name a host.'));
  return clean;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function roundSpeed(v: number): number {
  return Math.round(v * 100) / 100;
}

function currentLocalTime(): LocalTime {
  const now = GLib.DateTime.new_now_local();
  return { weekday: now.get_day_of_week(), hour: now.get_hour(), minute: now.get_minute() };
}
