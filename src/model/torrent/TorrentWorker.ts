import Gio from 'gi://Gio';

import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { checkCollectionSoon } from '../../lib/garbageCollection.ts';
import { _ } from '../../lib/i18n.ts';
import {
  bytesLeft,
  creditTransfer,
  shareRatio,
  type TransferOptions,
  type TransferState,
  wantedRates,
} from '../simulation/accrual.ts';
import { stopReason } from '../simulation/stopConditions.ts';
import type { AnnounceStats, Announcer } from './Announcer.ts';
import type { EngineContext, FarewellResult } from './EngineContext.ts';
import { operationDone, workerRunning } from './operationGarbage.ts';
import { type ScheduledCall, TickScheduler } from './TickScheduler.ts';
import { writeFigure } from './figures.ts';
import { Torrent, type TorrentValues } from './Torrent.ts';

export type { AnnounceStats, Announcer } from './Announcer.ts';

export type { EngineContext, FarewellResult } from './EngineContext.ts';

type OpKind = 'announce' | 'stop' | 'scrape';

/**
 * One torrent's engine: one scheduled call on the engine's clock (TickScheduler: one GLib
 * main-context source for every worker, so a waiting torrent costs a heap slot, not a source
 * the main loop polls on every iteration) that ticks its simulation and runs its announces when
 * due, and one Gio.Cancellable stop token that every async operation of the torrent takes. No
 * threads, no polling loops; ticks fall on whole seconds, so many torrents share a wake-up.
 */
export class TorrentWorker {
  readonly torrent: Torrent;
  /** The torrent's plain engine values: every access to the GObject wrapper costs about a µs. */
  readonly #values: TorrentValues;
  #announcer: Announcer;
  readonly #ctx: EngineContext;
  /**
   * The stop token of the current run, made when an operation needs it and dropped when nothing is
   * in flight (a waiting torrent holds no GObject); a halt that finds none leaves the shared halted().
   */
  #token: Gio.Cancellable | null = null;
  readonly #scheduler: TickScheduler;
  #scheduled: ScheduledCall | null = null;
  #lastTickUs = 0;
  #cancelled = false;
  #running = false;
  /**
   * What of the worker runs (promises it tracks, callback farewells), counted: a Set and an
   * array per torrent cost ~0.4 KB while it waits.
   */
  #inflight = 0;
  #idleWaiters: (() => void)[] | null = null;
  #announcing = false;
  #scraping = false;
  /** Bytes since the current tracker session's `started`: what trackers are told. */
  #announcedUp = 0;
  #announcedDown = 0;

  constructor(torrent: Torrent, announcer: Announcer, ctx: EngineContext) {
    this.torrent = torrent;
    this.#values = torrent.values;
    this.#announcer = announcer;
    this.#ctx = ctx;
    this.#scheduler = ctx.scheduler ?? TickScheduler.shared;
  }

  get announcer(): Announcer {
    return this.#announcer;
  }

  /** The id of the current scheduled call on the engine's clock (0 when none), for specs and diagnostics. */
  get sourceId(): number {
    return this.#scheduled?.pending ? this.#scheduled.id : 0;
  }

  /** The stop token of the current run; cancelled by pause and by cancel(). */
  get cancellable(): Gio.Cancellable {
    return this.#liveToken();
  }

  /** Whether a stop token is held now (none while the torrent only waits), for specs. */
  get holdsStopToken(): boolean {
    return this.#token !== null;
  }

  get isRunning(): boolean {
    return this.#running;
  }

  get isCancelled(): boolean {
    return this.#cancelled;
  }

  /**
   * Starts ticking. The first tick (and with it the first announce) comes after
   * `firstDelayMs`, so that many torrents started together spread their announces out.
   */
  start(firstDelayMs = 0): void {
    if (this.#cancelled || this.#running) return;
    this.#running = true;
    workerRunning(1);
    if (this.#token?.is_cancelled()) this.#token = null;
    this.#lastTickUs = this.#scheduler.nowUs();
    this.#scheduled = this.#scheduler.after(Math.max(0, Math.round(firstDelayMs)), () => {
      this.#installTicker();
      this.tick();
    });
  }

  /**
   * Removes the source and aborts in-flight I/O. Idempotent; the worker never runs again.
   * Unlike pause it leaves the torrent's properties alone: the quit sequence cancels every
   * worker in one pass, and a thousand rate notifications would only delay it.
   */
  cancel(): void {
    this.#cancelled = true;
    this.#stopTicking();
  }

  /** Settles when nothing of this worker runs any more (no announce or farewell in flight). */
  get drained(): Promise<void> {
    return this.#idle();
  }

  /**
   * Sends `stopped` (numwant 0) to every tracker that acknowledged `started`, once whatever
   * was in flight has settled. Used by the quit sequence after cancel().
   */
  async farewell(cancellable: Gio.Cancellable): Promise<FarewellResult> {
    await this.#idle();
    if (!(this.#announcer.owesStopped ?? this.#announcer.startedAcknowledged)) return 'nothing';
    return this.#farewellResult(await this.#track(this.#announcer.stop(this.#stats(), cancellable)));
  }

  /**
   * farewell() with a callback, called once (maybe before this returns; then nothing of the
   * worker runs): a promise reaction costs µs in GJS 1.74 and thousands go at quit. False when
   * something is still in flight or the announcer has no stopThen: farewell() then.
   */
  farewellThen(cancellable: Gio.Cancellable, done: (result: FarewellResult) => void): boolean {
    const announcer = this.#announcer;
    if (this.#inflight > 0 || !announcer.stopThen) return false;
    if (!(announcer.owesStopped ?? announcer.startedAcknowledged)) return (done('nothing'), true);
    this.#inflight++;
    announcer.stopThen(this.#stats(), cancellable, (sent) => (this.#settled(), done(this.#farewellResult(sent))));
    return true;
  }

  #farewellResult(acknowledged: number): FarewellResult {
    if (acknowledged > 0) return 'sent';
    return (this.#announcer.lastStopRejected ?? 0) > 0 ? 'rejected' : 'unanswered';
  }

  /**
   * Pause (the user's, a stop condition's or before removal): stops ticking, aborts what is in
   * flight, then tells the trackers `stopped` under a fresh token (which cancel() still aborts).
   */
  async pause(): Promise<void> {
    this.#halt();
    await this.#idle();
    if (this.#cancelled) return;
    this.#token = null;
    if (!(this.#announcer.owesStopped ?? this.#announcer.startedAcknowledged)) return;
    await this.#run('stop', () => this.#announcer.stop(this.#stats(), this.#liveToken()));
  }

  /**
   * Starts a new tracker session (`started` on the next tick): the counters trackers are told
   * start again from 0. The figures the user sees (`session_uploaded`, this run of the app)
   * go on.
   */
  resume(firstDelayMs = 0): void {
    if (this.#cancelled || this.#running) return;
    this.#announcedUp = this.#announcedDown = 0;
    this.start(firstDelayMs);
  }

  /** Bytes told to trackers since the current `started` (for the Status tab and specs). */
  get announcedBytes(): { uploaded: number; downloaded: number } {
    return { uploaded: this.#announcedUp, downloaded: this.#announcedDown };
  }

  /** Replaces the announcer (after a tracker list edit); the worker must not be running. */
  replaceAnnouncer(announcer: Announcer): void {
    this.#announcer = announcer;
  }

  /** "Update Tracker": announces now, or once each tracker's `min interval` allows. */
  async forceAnnounce(): Promise<void> {
    if (this.#cancelled || !this.#running || this.#announcing) return;
    await this.#run('announce', () => this.#announcer.forceAnnounce(this.#stats(), this.#liveToken()));
  }

  /**
   * One simulation step for the monotonic time that really elapsed since the last one, then
   * an announce if one is due. Public so the Model can tick at once after a change.
   */
  tick(): void {
    if (this.#cancelled || !this.#running) return;
    const now = this.#scheduler.nowUs();
    const elapsed = Math.max(0, (now - this.#lastTickUs) / 1e6);
    this.#lastTickUs = now;
    this.#simulate(elapsed, now);
    if (!this.#running) return; // a stop condition paused it
    // `now` still holds: the simulation step takes microseconds, and a clock read costs one too.
    if (!this.#announcing && this.#announcer.nextAnnounceAt() <= now) {
      void this.#run('announce', () => this.#announcer.announceDue(this.#stats(), this.#liveToken()));
    }
    const scrapes = this.#announcer.scrapeDue;
    if (scrapes && !this.#scraping && (this.#announcer.nextScrapeAt?.() ?? Infinity) <= now) {
      void this.#run('scrape', () => scrapes.call(this.#announcer, this.#liveToken()));
    }
  }

  /**
   * "Scrape Now", running or paused: `at`, the monotonic µs it goes (later when a tracker's
   * `min_request_interval` holds it back; Infinity when no tracker can be scraped).
   */
  scrapeNow(): { at: number; done: Promise<void> } {
    const scrapeNow = this.#announcer.scrapeNow;
    if (this.#cancelled || !scrapeNow) return { at: Infinity, done: Promise.resolve() };
    let at = Infinity;
    const done = this.#run('scrape', () => {
      const r = scrapeNow.call(this.#announcer, this.#liveToken());
      at = r.at;
      return r.done;
    });
    return { at, done };
  }

  #simulate(elapsed: number, now: number): void {
    const t = this.torrent;
    // The plain values behind the torrent's hot properties (Torrent.ts): no GObject access per tick.
    const v = this.#values;
    const ctx = this.#ctx;
    const state: TransferState = {
      totalSize: v.total_size,
      progress: v.progress,
      uploading: v.uploading,
      sessionUploaded: v.session_uploaded,
      sessionDownloaded: v.session_downloaded,
      totalUploaded: v.total_uploaded,
      totalDownloaded: v.total_downloaded,
      seedingTime: v.seeding_time,
    };
    const options: TransferOptions = {
      uploadSpeed: ctx.distributedSpeed('up', t) ?? v.upload_speed,
      downloadSpeed: ctx.distributedSpeed('down', t) ?? v.download_speed,
      uploadLimit: v.upload_limit,
      downloadLimit: v.download_limit,
      threshold: v.threshold,
      leechers: v.leechers,
    };
    // No tracker answers: no peers, nothing to trade with (the rates drop to 0, nothing accrues).
    const accrues = ctx.accrues(t);
    const wanted = accrues ? wantedRates(state, options, ctx.environment(), ctx.random) : { up: 0, down: 0 };
    const allowed = ctx.budget.allot(v.filepath, wanted);
    const {
      state: next,
      rates,
      completedNow,
    } = accrues
      ? creditTransfer(state, options, allowed, elapsed)
      : { state, rates: { up: 0, down: 0 }, completedNow: false };
    this.#announcedUp += next.totalUploaded - state.totalUploaded;
    this.#announcedDown += next.totalDownloaded - state.totalDownloaded;
    if (accrues)
      ctx.credited?.(t, next.totalUploaded - state.totalUploaded, next.totalDownloaded - state.totalDownloaded);

    // Progress and uploading notify as any property (they rarely move); the figures are written
    // into the plain values and notified only while a window or a stream observes them, with
    // one freeze/thaw so that it gets each changed one once.
    const observed = Torrent.figuresObserved;
    if (observed) t.freeze_notify();
    const notify = observed ? t : null;
    if (next.progress !== state.progress) t.progress = next.progress;
    if (next.uploading !== state.uploading) t.uploading = next.uploading;
    const due = this.#announcer.nextRegularAnnounceAt?.() ?? this.#announcer.nextAnnounceAt();
    writeFigure(notify, v, 'session_uploaded', next.sessionUploaded);
    writeFigure(notify, v, 'session_downloaded', next.sessionDownloaded);
    writeFigure(notify, v, 'total_uploaded', next.totalUploaded);
    writeFigure(notify, v, 'total_downloaded', next.totalDownloaded);
    writeFigure(notify, v, 'seeding_time', next.seedingTime);
    writeFigure(notify, v, 'upload_rate', Math.round(rates.up));
    writeFigure(notify, v, 'download_rate', Math.round(rates.down));
    writeFigure(notify, v, 'ratio', shareRatio(next));
    writeFigure(notify, v, 'next_update', Number.isFinite(due) ? Math.max(0, Math.round((due - now) / 1e6)) : -1);
    if (observed) t.thaw_notify();

    if (completedNow) ctx.log(t, 'info', _('Download complete (simulated); trackers will be told “completed”'));
    ctx.changed(t);

    if (!v.force_start) {
      const reason = stopReason(shareRatio(next), ctx.ratioTarget(t), next.seedingTime, ctx.stopSettings(t));
      if (reason) ctx.stopConditionMet(this, reason);
    }
  }

  #installTicker(): void {
    if ((this.#ctx.restSeconds?.() ?? 0) > 0) {
      this.#armNext();
      return;
    }
    const seconds = Math.max(1, Math.round(this.#ctx.tickSeconds()));
    this.#scheduled = this.#scheduler.every(seconds, () => this.tick());
  }

  /**
   * The next tick, one at a time (with restSeconds): tickSeconds from now, or — for a seeding
   * torrent whose figures nobody observes — restSeconds, but never past its next announce or
   * scrape, which go out on time. Such a torrent only accrues uploaded bytes and seeding time,
   * credited for the seconds that really elapsed, so resting changes no total: at 10 000
   * torrents the ticks every 9 s were most of the idle cost. On the whole-second grid.
   */
  #armNext(delayUs?: number): void {
    const now = this.#scheduler.nowUs();
    const fine = Math.max(1, Math.round(this.#ctx.tickSeconds())) * 1e6;
    let due = now + (delayUs ?? fine);
    const rest = (this.#ctx.restSeconds?.() ?? 0) * 1e6;
    const observed = this.#ctx.observed ? this.#ctx.observed() : Torrent.figuresObserved;
    if (delayUs === undefined && rest > fine && this.#values.progress >= 1 && !observed) {
      const nextOp = Math.min(this.#announcer.nextAnnounceAt(), this.#announcer.nextScrapeAt?.() ?? Infinity);
      due = Math.max(due, Math.min(now + rest, nextOp));
    }
    const delayMs = Math.max(0, Math.ceil((Math.ceil(due / 1e6) * 1e6 - now) / 1000));
    const call = this.#scheduler.after(delayMs, () => {
      this.tick();
      if (this.#scheduled === call && this.#running && !this.#cancelled) this.#armNext();
    });
    this.#scheduled = call;
  }

  /** A resting tick armed before an operation ended comes sooner if that operation set an earlier one (a retry). */
  #rearmIfSooner(): void {
    const call = this.#scheduled;
    if (!call?.pending || !this.#running || this.#cancelled || !((this.#ctx.restSeconds?.() ?? 0) > 0)) return;
    const nextOp = Math.min(this.#announcer.nextAnnounceAt(), this.#announcer.nextScrapeAt?.() ?? Infinity);
    if (nextOp >= call.dueUs) return;
    call.cancel();
    this.#armNext();
  }

  /**
   * Someone started observing the figures: a resting torrent ticks at the next whole second
   * (then every tickSeconds while observed). Nothing for a worker ticking every tickSeconds.
   */
  wake(): void {
    if (!this.#running || this.#cancelled || !((this.#ctx.restSeconds?.() ?? 0) > 0)) return;
    this.#scheduled?.cancel();
    this.#armNext(0);
  }

  #halt(): void {
    this.#stopTicking();
    this.torrent.upload_rate = 0;
    this.torrent.download_rate = 0;
  }

  #stopTicking(): void {
    this.#scheduled?.cancel();
    this.#scheduled = null;
    if (this.#running) workerRunning(-1);
    this.#running = false;
    if (this.#token) this.#token.cancel();
    else this.#token = halted();
    this.#ctx.budget.forget(this.torrent.filepath);
  }

  #liveToken(): Gio.Cancellable {
    return (this.#token ??= new Gio.Cancellable());
  }

  #stats(): AnnounceStats {
    const t = this.torrent;
    return {
      uploaded: Math.floor(this.#announcedUp),
      downloaded: Math.floor(this.#announcedDown),
      left: bytesLeft({
        totalSize: t.total_size,
        progress: t.progress,
        uploading: t.uploading,
        sessionUploaded: 0,
        sessionDownloaded: 0,
        totalUploaded: 0,
        totalDownloaded: 0,
        seedingTime: 0,
      }),
    };
  }

  /** Runs one tracker operation with the worker's bookkeeping; errors are logged, never thrown. */
  async #run(kind: OpKind, op: () => Promise<unknown>): Promise<void> {
    if (kind === 'announce') this.#announcing = true;
    if (kind === 'scrape') this.#scraping = true;
    try {
      await this.#track(op());
    } catch (e) {
      if (!isCancelled(e)) this.#ctx.log(this.torrent, 'error', errorMessage(e));
    } finally {
      if (kind === 'announce') this.#announcing = false;
      if (kind === 'scrape') this.#scraping = false;
      this.#rearmIfSooner();
      // Replies come in bursts that allocate; see that no collection is left stalled after them.
      checkCollectionSoon();
      operationDone();
    }
  }

  /** Counts a promise as "something of this worker running" until it settles. */
  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inflight++;
    const settle = () => this.#settled();
    promise.then(settle, settle);
    return promise;
  }

  /** One piece of work of the worker is over: wakes the waiters once nothing else runs. */
  #settled(): void {
    if (--this.#inflight > 0) return;
    if (this.#token && !this.#token.is_cancelled()) this.#token = null;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = null;
    if (waiters) for (const w of waiters) w();
  }

  #idle(): Promise<void> {
    if (this.#inflight === 0) return Promise.resolve();
    return new Promise((resolve) => (this.#idleWaiters ??= []).push(resolve));
  }
}

let haltedToken: Gio.Cancellable | null = null;

/** One cancelled token that every halted worker without a token of its own shares. */
function halted(): Gio.Cancellable {
  if (!haltedToken) {
    haltedToken = new Gio.Cancellable();
    haltedToken.cancel();
  }
  return haltedToken;
}
