import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { _, format } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { trackerHost, trackerHostsOf } from '../filters.ts';
import type { TorrentState } from '../settings/TorrentState.ts';
import { uniform } from '../simulation/random.ts';
import type { StopSettings } from '../simulation/stopConditions.ts';
import type { Torrent, TorrentStatus, TorrentValues } from '../torrent/Torrent.ts';
import { type Announcer, TorrentWorker } from '../torrent/TorrentWorker.ts';
import type { TrackerInfo } from '../tracker/types.ts';
import { checkedTrackerUrl, type NumericOption, torrentOptions, type TorrentOptionValues } from './options.ts';
import { PROFILE_FIELDS } from './seedingProfiles.ts';
import { encodeSession, type SessionFacts } from './sessionCodec.ts';
import { SessionEngineContext } from './SessionEngineContext.ts';
import { sharedMessage } from './sharedMessages.ts';
import { SpeedHistory } from './SpeedHistory.ts';
import { readTrackerReplies } from './trackerReplies.ts';
import type { LibraryEntry, SessionHost, TorrentLogLine } from './types.ts';

export type { LibraryEntry, SessionHost, TorrentLogLine } from './types.ts';

/**
 * The Log tab's lines per torrent (about a day of announces at 30 min; every line also goes to the
 * journal). 200 cost ~300 MB at 10 000 torrents after a few days: 50 keep that under 80 MB.
 */
export const LOG_LINES_KEPT = 50;
const NO_TRACKER = () => _('No tracker: add one to announce');

/**
 * One torrent and everything that is its own: the Torrent GObject the view binds, its worker
 * (ticks and announces), its tracker list, its options, its log, its speed history, and its
 * status, decided in one place (`updateStatus`) from the facts: active or not, stopped by a
 * condition, tracker health, progress.
 */
export class TorrentSession {
  readonly torrent: Torrent;
  /** The torrent's plain engine values (Torrent.values), read without going through its GObject wrapper. */
  readonly values: TorrentValues;
  readonly entry: LibraryEntry;
  readonly worker: TorrentWorker;
  readonly history: SpeedHistory;
  readonly #host: SessionHost;
  #facts: SessionFacts;
  #log: TorrentLogLine[] = [];
  readonly #detailListeners = new Set<() => void>();
  /** Last reply seen per tracker, to log each reply once. */
  readonly #lastReplies = new Map<string, string>();
  /** Every tracker failed since one last answered (decided by trackerHealth). */
  #trackersFailing = false;
  /** Some tracker has answered since the tracker list was last set: until then there are no peers. */
  #trackerAnswered = false;

  constructor(torrent: Torrent, entry: LibraryEntry, facts: SessionFacts, host: SessionHost) {
    this.torrent = torrent;
    this.values = torrent.values;
    this.entry = entry;
    this.#facts = facts;
    this.#hasTrackerFlag = facts.tiers.some((tier) => tier.length > 0);
    this.#host = host;
    this.history = new SpeedHistory(host.rates.tickSeconds());
    this.worker = new TorrentWorker(torrent, this.#newAnnouncer(), new SessionEngineContext(this));
    torrent.tracker_host = trackerHostsOf(facts.tiers)[0] ?? '';
    this.updateStatus();
  }

  get path(): string {
    return this.entry.path;
  }

  get tiers(): string[][] {
    return this.#facts.tiers.map((t) => [...t]);
  }

  get trackerHosts(): string[] {
    return trackerHostsOf(this.#facts.tiers);
  }

  /** Per tracker: state, message, figures (what the Trackers tab and the sidebar show). */
  get trackers(): readonly TrackerInfo[] {
    return this.worker.announcer.trackers;
  }

  get log(): TorrentLogLine[] {
    return [...this.#log];
  }

  /** The ratio target in force (0 = none; null until the first tick chooses one). */
  get ratioTarget(): number | null {
    return this.#facts.ratioTarget;
  }

  /** Saved state (settings/TorrentState.ts) through the one codec. */
  get state(): TorrentState {
    return encodeSession(this.torrent, this.#facts);
  }

  // ---- the status ---------------------------------------------------------------------------

  /** The one place a torrent's status is decided. */
  #decideStatus(): TorrentStatus {
    const v = this.values;
    if (!v.active) return v.stop_reason ? 'stopped' : 'paused';
    if (!this.#hasTracker() || this.#trackersFailing) return 'tracker-error';
    return v.progress >= 1 ? 'seeding' : 'downloading';
  }

  updateStatus(): void {
    const t = this.torrent;
    const status = this.#decideStatus();
    if (this.values.status !== status) t.status = status;
    if (!this.#hasTrackerFlag && t.tracker_message !== NO_TRACKER()) t.tracker_message = NO_TRACKER();
  }

  /** Read at every tick: kept as a flag, set when the tracker list changes. */
  #hasTrackerFlag = false;

  #hasTracker(): boolean {
    return this.#hasTrackerFlag;
  }

  /** Transfers only once a tracker has answered, and while one still does: no answer, no peers. */
  get accrues(): boolean {
    return this.#hasTracker() && this.#trackerAnswered && !this.#trackersFailing;
  }

  // ---- running ------------------------------------------------------------------------------

  /** Starts ticking if it is active and has a tracker to announce to. */
  start(firstDelayMs = 0): void {
    if (this.#host.quitting || !this.torrent.active || !this.#hasTracker()) return;
    this.worker.start(firstDelayMs);
  }

  /** Pauses (sends `stopped` to trackers that acknowledged `started`). */
  async pause(): Promise<void> {
    this.torrent.active = false;
    this.updateStatus();
    this.#host.changed();
    await this.worker.pause();
  }

  /** Resumes: a new tracker session (`started`); clears a stop condition's reason. */
  resume(): void {
    const t = this.torrent;
    t.freeze_notify();
    t.active = true;
    t.stop_reason = '';
    this.updateStatus();
    t.thaw_notify();
    if (this.#hasTracker()) this.worker.resume();
    this.#host.changed();
  }

  /** Resumes and ignores the stop conditions from now on. */
  forceStart(): void {
    this.torrent.force_start = true;
    if (!this.worker.isRunning) this.resume();
  }

  /** A stop condition was met: stopped (not paused by the user), and the trackers are told. */
  #stopForCondition(reason: string): void {
    const t = this.torrent;
    t.freeze_notify();
    t.stop_reason = reason;
    t.active = false;
    this.updateStatus();
    t.thaw_notify();
    this.appendLog('info', reason);
    this.#host.message(`${t.name}: ${reason}`);
    this.#host.changed();
    void this.worker.pause();
  }

  /**
   * "Update Tracker": announces now, or as soon as the trackers' `min interval` allows. Returns
   * when it goes (unix seconds, now or later; null when no tracker can be reached or the torrent
   * is not running) and the announce itself.
   */
  forceAnnounce(): { goesAt: number | null; done: Promise<void> } {
    if (!this.worker.isRunning) return { goesAt: null, done: Promise.resolve() };
    const at = this.worker.announcer.earliestForcedAnnounce();
    const now = GLib.get_monotonic_time();
    const wall = Math.floor(GLib.get_real_time() / 1e6);
    const goesAt = Number.isFinite(at) ? wall + Math.max(0, Math.ceil((at - now) / 1e6)) : null;
    return { goesAt, done: this.worker.forceAnnounce() };
  }

  /** "Scrape Now", as forceAnnounce: when it goes (null when no tracker can be scraped) and the scrapes. */
  scrapeNow(): { goesAt: number | null; done: Promise<void> } {
    const { at, done } = this.worker.scrapeNow();
    const now = GLib.get_monotonic_time();
    const wall = Math.floor(GLib.get_real_time() / 1e6);
    return { goesAt: Number.isFinite(at) ? wall + Math.max(0, Math.ceil((at - now) / 1e6)) : null, done };
  }

  // ---- progress actions ----------------------------------------------------------------------

  /** Force Complete applies only below 100 %. */
  get canForceComplete(): boolean {
    return this.torrent.progress < 1;
  }

  /** Set Random Progress applies only at 0 % (as the original). */
  get canSetRandomProgress(): boolean {
    return this.torrent.progress <= 0;
  }

  /** Progress to 100 % with downloaded = size. */
  forceComplete(): void {
    if (!this.canForceComplete) return;
    const t = this.torrent;
    t.freeze_notify();
    const missing = Math.max(0, t.total_size - t.total_downloaded);
    t.progress = 1;
    t.total_downloaded = Math.max(t.total_downloaded, t.total_size);
    t.session_downloaded += missing;
    t.uploading = true;
    this.updateStatus();
    t.thaw_notify();
    this.#host.changed();
  }

  setRandomProgress(): void {
    if (!this.canSetRandomProgress) return;
    this.#setProgress(uniform(this.#host.rates.random, 0.01, 0.99));
  }

  /**
   * Force Recheck: the simulated data is whatever the torrent claims, so a recheck confirms it:
   * a complete torrent is back at exactly 100 %, an incomplete one keeps its progress.
   */
  recheck(): void {
    const t = this.torrent;
    this.#setProgress(t.progress >= 1 ? 1 : t.progress);
    this.appendLog('info', format(_('Recheck: %1$s %% of the data verified'), (t.progress * 100).toFixed(1)));
  }

  #setProgress(progress: number): void {
    const t = this.torrent;
    t.freeze_notify();
    t.progress = progress;
    t.uploading = t.uploading || progress * 100 >= t.threshold;
    this.updateStatus();
    t.thaw_notify();
    this.#host.changed();
  }

  // ---- options ------------------------------------------------------------------------------

  options(): TorrentOptionValues {
    return torrentOptions(this.torrent, {
      stop_ratio: this.#facts.stopRatio,
      stop_seeding_minutes: this.#facts.stopSeedingMinutes,
      announce_floor: this.#facts.announceFloor,
    });
  }

  /** The seeding profile its options were last set from ('' : none, or edited by hand since). */
  get seedingProfile(): string {
    return this.#facts.profile;
  }

  /** Sets a numeric option already checked by `checkedOption` (by hand: it no longer follows a profile). */
  setOption(key: NumericOption, value: number, profile = ''): void {
    if ((PROFILE_FIELDS as readonly string[]).includes(key)) this.#facts.profile = profile;
    if (key === 'announce_floor') {
      this.#facts.announceFloor = value;
      this.worker.announcer.intervalFloor = value;
    } else if (key === 'stop_ratio') {
      this.#facts.stopRatio = value;
      // A torrent's own ratio replaces the chosen target; 0 lets the next tick choose again.
      this.#facts.ratioTarget = value > 0 ? value : null;
    } else if (key === 'stop_seeding_minutes') this.#facts.stopSeedingMinutes = value;
    else this.torrent[key] = value;
    this.#host.changed();
  }

  /** A display name kept across restarts; throws on an empty one. */
  rename(name: string): void {
    const clean = name.trim();
    if (!clean) throw new Error(_('A torrent needs a name.'));
    this.torrent.name = clean;
    this.#facts.renamed = clean !== this.entry.metainfo.name;
    this.#host.changed();
  }

  #stopSettings(): StopSettings {
    const base = this.#host.rates.stopSettings();
    const minutes = this.#facts.stopSeedingMinutes;
    return minutes > 0 ? { ...base, stopAfterSeedingHours: minutes / 60 } : base;
  }

  // ---- trackers -----------------------------------------------------------------------------

  /**
   * Tracker list edits (kept in the saved state; the copied .torrent is not changed). A bad URL
   * throws at once (nothing changes); the promise settles once the torrent has restarted its
   * tracker session with the new list.
   */
  addTracker(url: string): Promise<void> {
    const clean = checkedTrackerUrl(url);
    if (this.#facts.tiers.some((tier) => tier.includes(clean)))
      throw new Error(_('This torrent already has that tracker.'));
    return this.#editTiers((tiers) => [...tiers.filter((x) => x.length), [clean]]);
  }

  editTracker(oldUrl: string, newUrl: string): Promise<void> {
    const clean = checkedTrackerUrl(newUrl);
    this.#requireTracker(oldUrl);
    return this.#editTiers((tiers) => tiers.map((tier) => tier.map((u) => (u === oldUrl ? clean : u))));
  }

  removeTracker(url: string): Promise<void> {
    this.#requireTracker(url);
    return this.#editTiers((tiers) => tiers.map((tier) => tier.filter((u) => u !== url)).filter((x) => x.length));
  }

  #requireTracker(url: string): void {
    if (!this.#facts.tiers.some((tier) => tier.includes(url))) throw new Error(_('This torrent has no such tracker.'));
  }

  /** Stops the tracker session, swaps in an announcer for the new list, and goes on. */
  async #editTiers(edit: (tiers: string[][]) => string[][]): Promise<void> {
    const wasRunning = this.worker.isRunning;
    await this.worker.pause();
    this.#facts.tiers = edit(this.tiers);
    this.#hasTrackerFlag = this.#facts.tiers.some((tier) => tier.length > 0);
    this.#lastReplies.clear();
    this.#trackersFailing = false;
    this.#trackerAnswered = false;
    this.worker.replaceAnnouncer(this.#newAnnouncer());
    const t = this.torrent;
    t.tracker_host = trackerHostsOf(this.#facts.tiers)[0] ?? '';
    t.tracker_message = '';
    this.updateStatus();
    this.#host.tiersChanged(this);
    if (this.#hasTracker() && t.active && (wasRunning || this.#host.running)) this.worker.resume();
    this.#notifyDetails();
    this.#host.changed();
  }

  #newAnnouncer(): Announcer {
    const tiers = this.tiers;
    const announcer = this.#host.createAnnouncer({ ...this.entry.metainfo, announceTiers: tiers }, tiers, () =>
      this.#announcerChanged(),
    );
    announcer.intervalFloor = this.#facts.announceFloor;
    return announcer;
  }

  /** A tracker's state moved: log each reply once, take the figures, re-decide the status. */
  #announcerChanged(): void {
    if (this.#host.quitting) return;
    const { replied, lines, best, counts, health, message } = readTrackerReplies(
      this.worker.announcer.trackers,
      this.#lastReplies,
    );
    for (const line of lines) this.appendLog(line.level, line.message);
    this.#trackersFailing = health.failing;
    if (best) this.#trackerAnswered = true;
    else if (health.failing) this.#trackerAnswered = false;
    const t = this.torrent;
    t.freeze_notify();
    if (counts) {
      if (counts.seeders !== null && counts.seeders >= 0 && t.seeders !== counts.seeders) t.seeders = counts.seeders;
      if (counts.leechers !== null && counts.leechers >= 0 && t.leechers !== counts.leechers)
        t.leechers = counts.leechers;
      if (counts.countsAt !== null && t.counts_time !== counts.countsAt) t.counts_time = counts.countsAt;
    }
    if (best) {
      const host = trackerHost(best.url);
      if (t.tracker_host !== host) t.tracker_host = host;
    }
    if (t.tracker_message !== message) t.tracker_message = message;
    this.updateStatus();
    t.thaw_notify();
    if (replied) this.#host.rates.noteAnnounce();
    this.#notifyDetails();
    this.#host.changed();
  }

  static {
    // What the worker's context (SessionEngineContext) reaches of a session's private state.
    SessionEngineContext.internals = {
      host: (s) => s.#host,
      facts: (s) => s.#facts,
      stopSettings: (s) => s.#stopSettings(),
      ticked: (s) => s.#ticked(),
      stopForCondition: (s, reason) => s.#stopForCondition(reason),
    };
  }

  #ticked(): void {
    const v = this.values;
    this.history.push(v.upload_rate, v.download_rate);
    this.updateStatus();
    this.#host.ticked(this);
    this.#host.changed();
  }

  // ---- log and details ----------------------------------------------------------------------

  appendLog(level: TorrentLogLine['level'], message: string): void {
    this.#log.push({ time: Math.floor(GLib.get_real_time() / 1e6), level, message: sharedMessage(message) });
    if (this.#log.length > LOG_LINES_KEPT) this.#log.splice(0, this.#log.length - LOG_LINES_KEPT);
    this.#notifyDetails();
    const text = `${this.torrent.name}: ${message}`;
    if (level === 'error') logger.error(text);
    else if (level === 'warning') logger.warning(text);
    else logger.info(text);
  }

  /** Called when the trackers, peers or log change; returns the unsubscribe. */
  onDetailsChanged(callback: () => void): () => void {
    this.#detailListeners.add(callback);
    return () => this.#detailListeners.delete(callback);
  }

  #notifyDetails(): void {
    for (const l of this.#detailListeners) {
      try {
        l();
      } catch (e) {
        logger.warning(`details listener failed: ${errorMessage(e)}`);
      }
    }
  }
}
