import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { errorMessage } from '../../lib/errors.ts';
import { logger } from '../../lib/log.ts';
import { BucketCalendar, type BucketUnit } from './BucketCalendar.ts';
import { HistoryJournal } from './HistoryJournal.ts';
import { AGGREGATE_TIERS, type Bucket, FIELDS, HistorySeries, TORRENT_TIERS } from './HistorySeries.ts';
import { onStalledCollection } from '../../lib/garbageCollection.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

export const ALL_KEY = 'all';
const TORRENT_PREFIX = 't:';
const TRACKER_PREFIX = 'h:';
/** Trackers beyond this many hosts share one series (a library of many small trackers stays bounded). */
export const MAX_TRACKERS = 64;
export const OTHER_TRACKERS = 'other trackers';
/** Torrents beyond this many lose their own series, least recently active first (the totals keep their figures). */
export const MAX_TORRENT_SERIES = 20000;
/**
 * A compaction rewrites the whole base, so it waits until the journal is as large as the base
 * (and at least 1 MiB): the bytes written stay within twice the journal's, whatever the base's size.
 */
const COMPACT_AT_BYTES = 1 << 20;
const BASE_VERSION = 1;

export interface TorrentDescription {
  name: string;
  size: number;
}

interface HistoryStoreSignals extends GObject.Object.SignalSignatures {
  /** Buckets closed or rolled up (at most once a minute), or the saved history finished loading. */
  changed: () => void;
}

/**
 * What the app reported over time: per torrent, per tracker host and for all torrents, the
 * uploaded and downloaded bytes and the announces that succeeded or failed, in buckets that are
 * rolled up as they age (see HistorySeries for the tiers and ARCHITECTURE.md for the bound).
 * The engine calls recordTransfer and recordAnnounce; a minute timer closes buckets, appends
 * them to the journal and compacts it now and then. Without a folder it keeps history in memory.
 */
export class HistoryStore extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsHistoryStore', Signals: { changed: {} } }, this);
  }

  declare connect: GObject.SignalMethods<this, HistoryStoreSignals>['connect'];
  declare emit: GObject.SignalMethods<this, HistoryStoreSignals>['emit'];

  readonly calendar: BucketCalendar;
  readonly journal: HistoryJournal | null;
  readonly series = new Map<string, HistorySeries>();
  readonly torrents = new Map<string, TorrentDescription>();
  /** Sentences about saved history that could not be read (skipped, never fatal). */
  readonly problems: string[] = [];
  loaded = false;
  #clock: () => number;
  #pending: string[] = [];
  #timer = 0;
  #compacting = false;
  #torrentSeries = 0;
  #trackerSeries = 0;
  #lastRollUp = 0;
  /** Size of the base last read or written. */
  #baseBytes = 0;
  /**
   * Wall µs spent in tick and compaction (for bench/history.sh); the per-tick record calls are
   * not timed: two clock reads would cost as much as the call itself.
   */
  busyUs = 0;

  constructor(options: { dir?: string | null; calendar?: BucketCalendar; clock?: () => number } = {}) {
    super();
    this.calendar = options.calendar ?? new BucketCalendar();
    this.journal = options.dir ? new HistoryJournal(options.dir) : null;
    this.#clock = options.clock ?? (() => GLib.get_real_time() / 1e6);
    if (!this.journal) this.loaded = true;
  }

  now(): number {
    return this.#clock();
  }

  // ---- recording (the engine) -------------------------------------------------------------

  /** Bytes credited to a torrent; they count for the torrent, every tracker it reports to, and the total. */
  recordTransfer(infoHash: string, trackerHosts: readonly string[], up: number, down: number, time = this.#clock()) {
    this.recordTransferTo(this.transferKeys(infoHash, trackerHosts), up, down, time);
  }

  /**
   * The series keys a torrent's transfers count in (all, the torrent, each tracker), for
   * recordTransferTo: the engine records every tick, and a caller that keeps these builds no
   * key strings then. Worked out again when the tracker list changes.
   */
  transferKeys(infoHash: string, trackerHosts: readonly string[]): string[] {
    return [ALL_KEY, TORRENT_PREFIX + infoHash, ...trackerHosts.map((h) => this.#trackerKey(h))];
  }

  /** recordTransfer with the keys from transferKeys. */
  recordTransferTo(keys: readonly string[], up: number, down: number, time = this.#clock()): void {
    if (!(up > 0) && !(down > 0)) return;
    const values: Bucket = [0, Math.max(0, up), Math.max(0, down), 0, 0];
    for (const key of keys) this.#add(key, time, values);
  }

  /** One announce reply (or failure) from a tracker for a torrent. */
  recordAnnounce(infoHash: string, trackerHost: string, ok: boolean, time = this.#clock()): void {
    const values: Bucket = [0, 0, 0, ok ? 1 : 0, ok ? 0 : 1];
    this.#add(ALL_KEY, time, values);
    this.#add(TORRENT_PREFIX + infoHash, time, values);
    this.#add(this.#trackerKey(trackerHost), time, values);
  }

  /** Name and size of a torrent, for the export and the ratio (kept after the torrent is removed). */
  describeTorrent(infoHash: string, name: string, size: number): void {
    const old = this.torrents.get(infoHash);
    if (old && old.name === name && old.size === size) return;
    this.torrents.set(infoHash, { name, size });
    this.#pending.push(JSON.stringify(['meta', infoHash, name, size]));
  }

  #trackerKey(host: string): string {
    const clean = host.toLowerCase().slice(0, 253);
    const key = TRACKER_PREFIX + clean;
    if (this.series.has(key)) return key;
    return this.#trackerSeries < MAX_TRACKERS ? key : TRACKER_PREFIX + OTHER_TRACKERS;
  }

  #seriesFor(key: string): HistorySeries {
    let s = this.series.get(key);
    if (s) return s;
    const isTorrent = key.startsWith(TORRENT_PREFIX);
    if (isTorrent && this.#torrentSeries >= MAX_TORRENT_SERIES) this.#evictTorrentSeries();
    s = new HistorySeries(key, isTorrent ? TORRENT_TIERS : AGGREGATE_TIERS);
    this.series.set(key, s);
    if (isTorrent) this.#torrentSeries++;
    else if (key.startsWith(TRACKER_PREFIX)) this.#trackerSeries++;
    return s;
  }

  /** Drops the least recently active 1 % of torrent series (their figures stay in the totals). */
  #evictTorrentSeries(): void {
    const torrents = [...this.series.values()].filter((s) => s.key.startsWith(TORRENT_PREFIX));
    torrents.sort((a, b) => a.lastActivity - b.lastActivity);
    for (const s of torrents.slice(0, Math.max(1, Math.floor(MAX_TORRENT_SERIES / 100)))) {
      this.series.delete(s.key);
      this.#torrentSeries--;
    }
  }

  #add(key: string, time: number, values: Bucket): void {
    this.#seriesFor(key).add(this.calendar, time, values, this.#onClosed);
  }

  readonly #onClosed = (s: HistorySeries, b: Bucket): void => this.#closed(s, b);

  #closed(s: HistorySeries, b: Bucket): void {
    if (!this.journal) return;
    this.#pending.push(JSON.stringify([s.key, b[0], b[1], b[2], b[3], b[4]]));
  }

  // ---- time passing -------------------------------------------------------------------------

  /** Starts the minute timer (coalesced with the app's other second-granular wake-ups). */
  start(): void {
    if (this.#timer) return;
    this.#timer = GLib.timeout_add_seconds(GLib.PRIORITY_LOW, 60, () => {
      this.tick();
      return GLib.SOURCE_CONTINUE;
    });
    // GLib removes the timer if GJS 1.74 drops its callback once (garbageCollection.ts).
    this.#stopRecovering ??= onStalledCollection(() => {
      if (this.#timer && !sourceAlive(this.#timer)) {
        this.#timer = 0;
        this.start();
      }
    });
  }

  stop(): void {
    this.#stopRecovering?.();
    this.#stopRecovering = null;
    removeSource(this.#timer);
    this.#timer = 0;
  }

  #stopRecovering: (() => void) | null = null;

  /**
   * Closes the buckets whose time is over, journals them, rolls tiers up (once a minute) and
   * compacts when the journal has grown. Returns the journal write (resolved at once in memory).
   */
  tick(now = this.#clock()): Promise<void> {
    const t0 = GLib.get_monotonic_time();
    for (const s of this.series.values()) s.closeOpen((x, b) => this.#closed(x, b), now, false);
    if (now - this.#lastRollUp >= 60 || now < this.#lastRollUp) {
      for (const s of this.series.values()) s.rollUp(this.calendar, now);
      this.#lastRollUp = now;
    }
    const write = this.#flush();
    if (
      this.journal &&
      this.loaded &&
      !this.#compacting &&
      this.journal.journalBytes >= Math.max(COMPACT_AT_BYTES, this.#baseBytes)
    )
      void this.compact();
    this.busyUs += GLib.get_monotonic_time() - t0;
    this.emit('changed');
    return write;
  }

  #flush(): Promise<void> {
    if (!this.journal || !this.loaded || this.#pending.length === 0) {
      if (!this.journal) this.#pending.length = 0;
      return Promise.resolve();
    }
    const text = `${this.#pending.join('\n')}\n`;
    this.#pending = [];
    return this.journal.append(text).catch((e) => logger.warning(`history: journal write failed: ${errorMessage(e)}`));
  }

  /** At quit: closes every open bucket as it stands and writes it synchronously. */
  flushSync(): void {
    for (const s of this.series.values()) s.closeOpen((x, b) => this.#closed(x, b));
    if (!this.journal || !this.loaded || this.#pending.length === 0) return;
    try {
      this.journal.appendSync(`${this.#pending.join('\n')}\n`);
      this.#pending = [];
    } catch (e) {
      logger.warning(`history: last journal write failed: ${errorMessage(e)}`);
    }
  }

  /** Writes everything closed so far as a new base and starts an empty journal. */
  async compact(): Promise<void> {
    if (!this.journal || !this.loaded || this.#compacting) return;
    this.#compacting = true;
    try {
      const t0 = GLib.get_monotonic_time();
      const pending = this.#flush();
      const generation = this.journal.rotate();
      const text = this.#baseText(generation);
      this.#baseBytes = text.length;
      this.busyUs += GLib.get_monotonic_time() - t0;
      await pending;
      await this.journal.writeBase(text, generation);
    } catch (e) {
      logger.warning(`history: compaction failed: ${errorMessage(e)}`);
    } finally {
      this.#compacting = false;
    }
  }

  #baseText(generation: number): string {
    const series: Record<string, unknown> = {};
    for (const [key, s] of this.series) series[key] = s.toJSON();
    const torrents: Record<string, [string, number]> = {};
    for (const [hash, d] of this.torrents) torrents[hash] = [d.name, d.size];
    return JSON.stringify({ version: BASE_VERSION, generation, series, torrents });
  }

  // ---- loading ---------------------------------------------------------------------------------

  /**
   * Reads the saved history and merges it into what was recorded meanwhile (merges are sums, so
   * nothing recorded before the load is lost). Never throws: what cannot be read is skipped
   * and described in `problems`.
   */
  async load(): Promise<void> {
    if (!this.journal || this.loaded) return;
    try {
      const contents = await this.journal.load();
      this.#baseBytes = contents.baseBytes;
      this.problems.push(...contents.problems);
      this.#mergeBase(contents.base);
      for (const line of contents.lines) this.#replay(line);
    } catch (e) {
      this.problems.push(errorMessage(e));
    }
    for (const p of this.problems) logger.warning(`history: ${p}`);
    const now = this.#clock();
    for (const s of this.series.values()) s.rollUp(this.calendar, now);
    this.loaded = true;
    this.emit('changed');
  }

  #mergeBase(base: unknown): void {
    if (base === null || typeof base !== 'object') return;
    const b = base as { version?: unknown; series?: unknown; torrents?: unknown };
    if (b.version !== BASE_VERSION) {
      this.problems.push(`history.json: unknown version ${String(b.version)}`);
      return;
    }
    if (b.torrents && typeof b.torrents === 'object')
      for (const [hash, d] of Object.entries(b.torrents as Record<string, unknown>))
        if (Array.isArray(d) && typeof d[0] === 'string' && typeof d[1] === 'number')
          this.torrents.set(hash, { name: d[0], size: d[1] });
    if (!b.series || typeof b.series !== 'object') return;
    for (const [key, raw] of Object.entries(b.series as Record<string, unknown>)) {
      try {
        const loaded = HistorySeries.fromJSON(
          key,
          key.startsWith(TORRENT_PREFIX) ? TORRENT_TIERS : AGGREGATE_TIERS,
          raw,
        );
        const s = this.#seriesFor(key);
        loaded.tiers.forEach((a, tier) => {
          for (let i = 0; i < a.length; i += FIELDS) s.insert(tier, a.slice(i, i + FIELDS));
        });
        if (loaded.earlier) s.mergeEarlier(loaded.earlier);
      } catch (e) {
        this.problems.push(errorMessage(e));
      }
    }
  }

  #replay(line: unknown): void {
    if (!Array.isArray(line)) return;
    if (line[0] === 'meta') {
      if (typeof line[1] === 'string' && typeof line[2] === 'string' && typeof line[3] === 'number')
        this.torrents.set(line[1], { name: line[2], size: line[3] });
      return;
    }
    const [key, ...values] = line as unknown[];
    if (typeof key !== 'string' || values.length !== FIELDS) return;
    if (!values.every((v, i) => typeof v === 'number' && Number.isFinite(v) && (i === 0 || v >= 0))) return;
    this.#seriesFor(key).insert(0, values as number[]);
  }

  // ---- reading (the view, the export, D-Bus) ----------------------------------------------------

  /** Sums for all torrents (or one series) over [from, to). */
  totals(from: number, to: number, key = ALL_KEY): Bucket {
    return this.series.get(key)?.sum(from, to) ?? [from, 0, 0, 0, 0];
  }

  /**
   * Buckets of `unit` over [from, to), re-summed from whatever resolution holds them, one entry
   * per unit (zeros where nothing was recorded). Coarser stored buckets fall in the unit that
   * holds their start.
   */
  buckets(unit: BucketUnit, from: number, to: number, key = ALL_KEY): Bucket[] {
    const out: Bucket[] = [];
    const index = new Map<number, Bucket>();
    for (let t = this.calendar.start(unit, from); t < to; t = this.calendar.end(unit, t)) {
      const b: Bucket = [t, 0, 0, 0, 0];
      out.push(b);
      index.set(t, b);
    }
    this.series.get(key)?.forEach((b) => {
      if (b[0] < from || b[0] >= to) return;
      const target = index.get(this.calendar.start(unit, b[0]));
      if (target) for (let f = 1; f < FIELDS; f++) target[f] += b[f];
    });
    return out;
  }

  /** Tracker hosts with a series, and their sums over [from, to), most uploaded first. */
  trackerTotals(from: number, to: number): { host: string; totals: Bucket }[] {
    const out: { host: string; totals: Bucket }[] = [];
    for (const [key, s] of this.series)
      if (key.startsWith(TRACKER_PREFIX)) out.push({ host: key.slice(TRACKER_PREFIX.length), totals: s.sum(from, to) });
    return out.sort((a, b) => b.totals[1] - a.totals[1] || a.host.localeCompare(b.host));
  }

  /**
   * Ratio (uploaded ÷ size, as the app counts it) at the end of each day over [from, to), worked
   * back from the torrents' current totals and the uploads recorded since.
   */
  ratioByDay(torrents: readonly { infoHash: string; totalUploaded: number; size: number }[], from: number, to: number) {
    const days = this.buckets('day', from, to);
    const size = torrents.reduce((n, t) => n + t.size, 0);
    let current = torrents.reduce((n, t) => n + t.totalUploaded, 0);
    const perDay = days.map(() => 0);
    const now = this.#clock();
    let afterTo = 0;
    for (const t of torrents) {
      const s = this.series.get(TORRENT_PREFIX + t.infoHash);
      s?.forEach((b) => {
        if (b[0] >= to && b[0] <= now) afterTo += b[1];
        else if (b[0] >= from && b[0] < to) {
          const i = days.findIndex((d, k) => b[0] >= d[0] && (k + 1 >= days.length || b[0] < days[k + 1][0]));
          if (i >= 0) perDay[i] += b[1];
        }
      });
    }
    current -= afterTo;
    const out: { start: number; ratio: number }[] = [];
    for (let i = days.length - 1; i >= 0; i--) {
      out.unshift({ start: days[i][0], ratio: size > 0 ? Math.max(0, current) / size : 0 });
      current -= perDay[i];
    }
    return out;
  }

  static torrentKey(infoHash: string): string {
    return TORRENT_PREFIX + infoHash;
  }

  static trackerKey(host: string): string {
    return TRACKER_PREFIX + host;
  }

  /** Number of buckets held (the size bound counts these). */
  bucketCount(): number {
    let n = 0;
    for (const s of this.series.values()) n += s.bucketCount();
    return n;
  }

  /** The base text as it would be written now (the size bound spec measures it). */
  snapshotText(): string {
    return this.#baseText(this.journal?.generation ?? 0);
  }
}
