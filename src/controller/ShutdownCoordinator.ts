import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage, isCancelled } from '../lib/errors.ts';
import { finishGarbageCollection } from '../lib/garbageCollection.ts';
import { logger } from '../lib/log.ts';
import type { FarewellResult } from '../model/torrent/TorrentWorker.ts';

/** What the quit sequence needs from one torrent's worker (TorrentWorker satisfies it). */
export interface ShutdownParticipant {
  /** Removes the worker's source and aborts its in-flight I/O; idempotent. */
  cancel(): void;
  /** Sends `stopped` (numwant 0) to every tracker that acknowledged `started`; says how it went. */
  farewell(cancellable: Gio.Cancellable): Promise<FarewellResult>;
  /**
   * The same with a callback, when the worker can say goodbye at once without promises (a
   * reaction costs several µs in GJS 1.74; thousands go at quit): false when it cannot (then
   * farewell() and `drained` are used). Once `done` is called, nothing of the worker runs.
   */
  farewellThen?(cancellable: Gio.Cancellable, done: (result: FarewellResult) => void): boolean;
  /** Settles once nothing of the worker runs any more. */
  readonly drained: Promise<void>;
}

/** The application-side steps of the sequence, supplied by the controller. */
export interface ShutdownSteps {
  /** Hides every window at once (nothing to do headless). */
  hideWindows(): void;
  /** Stops whatever could start new work (the model's timers and periodic save, new torrents). */
  stopNewWork(): void;
  /** The workers to stop, read when the sequence starts. */
  participants(): ShutdownParticipant[];
  /** The aggregate farewell budget (`shutdown.budget_ms`), read when the sequence starts. */
  budgetMs(): number;
  /**
   * Serializes the last save ahead of the farewells, once every worker is cancelled (the
   * torrents' state cannot move any more), so the budget covers it; save() uses it unless
   * something changed since.
   */
  prepareSave(): void;
  /** Saves settings and torrent state atomically; the last write of the process. */
  save(): Promise<void>;
  /** `application.quit()`. */
  quit(): void;
}

/** Timings (milliseconds) and counts of one shutdown, also logged as the breakdown line. */
export interface ShutdownReport {
  reason: string;
  torrents: number;
  budgetMs: number;
  hideMs: number;
  signalMs: number;
  prepareMs: number;
  drainMs: number;
  saveMs: number;
  totalMs: number;
  /** Farewells that sent `stopped` to at least one tracker. */
  stoppedSent: number;
  /** Farewells every tracker that answered refused (a `failure reason`, an HTTP error). */
  rejected: number;
  /** Farewells still pending when the budget fired (then cancelled). */
  timedOut: number;
  /** Farewells that failed for another reason (no answer, network down, an exception). */
  failed: number;
  /** Workers that had not drained when the budget fired. */
  undrained: number;
  budgetFired: boolean;
  /** Plain-words reason the save failed, or null. */
  saveError: string | null;
}

/** Used when the setting is missing or out of range. */
export const DEFAULT_BUDGET_MS = 2000;
const MIN_BUDGET_MS = 100;
const MAX_BUDGET_MS = 60000;

type FarewellOutcome = 'sent' | 'rejected' | 'nothing' | 'timed-out' | 'failed';

/**
 * The one quit sequence every exit path goes through (window close, Ctrl+Q, app.quit, also
 * over D-Bus, SIGINT/SIGTERM): hide the windows, cancel every worker in one pass, say goodbye
 * to every tracker in parallel under one aggregate GLib timeout budget, save, quit.
 *
 * Nothing here waits per torrent: all farewells start together and share one farewell
 * Gio.Cancellable, which the budget's single timeout cancels. The Python original joined each
 * torrent's threads in turn and then force-killed itself without telling any tracker.
 */
export class ShutdownCoordinator {
  readonly #steps: ShutdownSteps;
  #running: Promise<ShutdownReport> | null = null;
  #finished = false;

  constructor(steps: ShutdownSteps) {
    this.#steps = steps;
  }

  /** True once a quit was requested; never goes back. */
  get started(): boolean {
    return this.#running !== null;
  }

  /** True once the sequence has saved and called quit(). */
  get finished(): boolean {
    return this.#finished;
  }

  /**
   * Starts the sequence, or joins the running one: every caller gets the same promise, so a
   * second Ctrl+Q or a SIGTERM during shutdown neither restarts nor skips anything.
   */
  run(reason: string): Promise<ShutdownReport> {
    if (this.#running) {
      logger.info(`shutdown: ${reason} joins the shutdown already running`);
      return this.#running;
    }
    // Assigned before the sequence starts, so a quit request made from inside it (a window's
    // handler, a worker's cancel) joins too. It starts in the same main-loop dispatch.
    this.#running = Promise.resolve().then(() => this.#sequence(reason));
    return this.#running;
  }

  async #sequence(reason: string): Promise<ShutdownReport> {
    const requestedAt = GLib.get_monotonic_time();
    const participants = guarded('list the torrents', () => this.#steps.participants(), []);
    const budgetMs = clampBudget(guarded('read the budget', () => this.#steps.budgetMs(), DEFAULT_BUDGET_MS));
    logger.info(`shutdown started (${reason}): ${participants.length} torrents, farewell budget ${budgetMs} ms`);

    // 0. The user sees the app gone at once; the rest happens behind the scenes.
    guard('hide windows', () => this.#steps.hideWindows());
    const hiddenAt = GLib.get_monotonic_time();
    if (GLib.getenv('DFS_BENCH') === '1') printerr(`DFS_BENCH quit requested at ${requestedAt} hidden at ${hiddenAt}`);
    logger.info(`shutdown phase hide: windows hidden in ${ms(hiddenAt - requestedAt)}`);

    // 1. Signal: every worker's own cancellable in one pass, before any farewell starts, so no
    // regular announce or tick of any torrent can run (or race a `stopped`) from here on.
    guard('stop the model timers', () => this.#steps.stopNewWork());
    for (const p of participants) guard('cancel a torrent', () => p.cancel());
    const signalledAt = GLib.get_monotonic_time();
    logger.info(`shutdown phase signal: ${participants.length} torrents cancelled in ${ms(signalledAt - hiddenAt)}`);

    // 2. Prepare the last save now that nothing of the torrents can move: at 10 000 torrents its
    // JSON takes a tenth of a second, which the budget then covers instead of adding to it.
    guard('prepare the save', () => this.#steps.prepareSave());
    const preparedAt = GLib.get_monotonic_time();
    logger.info(`shutdown phase prepare: the last save serialized in ${ms(preparedAt - signalledAt)}`);

    // 3. Farewell and drain under one budget.
    // The budget counts from the quit request, so hiding, cancelling and preparing spend it
    // too: the process is gone about `budgetMs` after the request whatever the trackers do.
    const remainingMs = Math.max(0, budgetMs - (GLib.get_monotonic_time() - requestedAt) / 1000);
    const drain = await this.#farewellAndDrain(participants, remainingMs);
    const drainedAt = GLib.get_monotonic_time();
    logger.info(
      `shutdown phase drain: stopped sent for ${drain.stoppedSent}, rejected by the tracker for ${drain.rejected}, ` +
        `nothing to send for ${drain.nothing}, timed out ${drain.timedOut}, failed ${drain.failed}; ` +
        (drain.budgetFired
          ? `budget fired with ${drain.undrained} workers not drained`
          : 'every worker drained within the budget') +
        ` (${ms(drainedAt - preparedAt)})`,
    );

    // 4. Save: the last write. Workers are cancelled and their farewells settled or cancelled,
    // and quit() follows in the same main-loop dispatch, so nothing can write after it.
    let saveError: string | null = null;
    try {
      await this.#steps.save();
    } catch (e) {
      saveError = errorMessage(e);
      logger.error(`shutdown: could not save settings and torrent state: ${saveError}`);
    }
    const savedAt = GLib.get_monotonic_time();
    logger.info(
      `shutdown phase save: ${saveError ? 'failed' : 'settings and torrent state saved'} in ${ms(savedAt - drainedAt)}`,
    );

    const report: ShutdownReport = {
      reason,
      torrents: participants.length,
      budgetMs,
      hideMs: toMs(hiddenAt - requestedAt),
      signalMs: toMs(signalledAt - hiddenAt),
      prepareMs: toMs(preparedAt - signalledAt),
      drainMs: toMs(drainedAt - preparedAt),
      saveMs: toMs(savedAt - drainedAt),
      totalMs: toMs(savedAt - requestedAt),
      stoppedSent: drain.stoppedSent,
      rejected: drain.rejected,
      timedOut: drain.timedOut,
      failed: drain.failed,
      undrained: drain.undrained,
      budgetFired: drain.budgetFired,
      saveError,
    };
    logger.info(breakdownLine(report));
    if (GLib.getenv('DFS_BENCH') === '1') printerr(`DFS_BENCH ${breakdownLine(report)}`);

    // 5. Quit.
    this.#finished = true;
    if (GLib.getenv('DFS_BENCH') === '1') printerr(`DFS_BENCH quit at ${GLib.get_monotonic_time()}`);
    guard('quit', () => this.#steps.quit());
    return report;
  }

  async #farewellAndDrain(participants: ShutdownParticipant[], budgetMs: number) {
    // One cancellable for all farewells: the budget cancels whatever is still pending at once.
    const farewellCancellable = new Gio.Cancellable();
    const n = participants.length;
    const outcomes: (FarewellOutcome | null)[] = new Array<FarewellOutcome | null>(n).fill(null);
    const drainedFlags = new Array<boolean>(n).fill(false);
    let drainedCount = 0;
    let budgetFired = false;
    let allDrained: () => void = () => {};
    const everyWorkerDrained = new Promise<void>((resolve) => (allDrained = resolve));
    if (n === 0) allDrained();

    // The budget's timer starts before the farewells do: starting thousands of them takes a
    // while, which must not be added to the budget.
    let budgetSource = 0;
    const budget = new Promise<void>((resolve) => {
      // High priority: a flood of I/O completions must not delay the deadline.
      budgetSource = GLib.timeout_add(GLib.PRIORITY_HIGH, Math.round(budgetMs), () => {
        budgetSource = 0;
        budgetFired = true;
        // Whatever has not settled by now is counted as timed out, then cancelled.
        for (let i = 0; i < outcomes.length; i++) outcomes[i] ??= 'timed-out';
        farewellCancellable.cancel();
        resolve();
        return GLib.SOURCE_REMOVE;
      });
    });

    // A worker has drained once its farewell settled and then nothing of it runs any more
    // (`drained` is read after the farewell, so it cannot miss work the farewell started).
    const drained = (i: number): void => {
      drainedFlags[i] = true;
      if (++drainedCount === n) allDrained();
    };
    const settled = (i: number, result: FarewellResult): void => {
      outcomes[i] ??= result === 'unanswered' ? 'failed' : result;
    };
    const startOne = (i: number): void => {
      const p = participants[i];
      let farewell: Promise<FarewellResult> | null = null;
      try {
        const done = (result: FarewellResult): void => {
          settled(i, result);
          drained(i);
        };
        if (p.farewellThen?.(farewellCancellable, done)) return;
      } catch (e) {
        farewell = Promise.reject(e);
      }
      (farewell ?? startFarewell(p, farewellCancellable))
        .then(
          (result) => settled(i, result),
          (e: unknown) => {
            if (budgetFired && isCancelled(e)) {
              outcomes[i] ??= 'timed-out';
            } else {
              outcomes[i] ??= 'failed';
              if (!isCancelled(e)) logger.warning(`shutdown: a farewell announce failed: ${errorMessage(e)}`);
            }
          },
        )
        .then(() => p.drained)
        .then(
          () => drained(i),
          () => drained(i),
        );
    };
    // Started a slice at a time (FAREWELL_SLICE, one main-loop turn between slices), and each
    // farewell's promises made only when its slice starts: ten thousand started in one go ran
    // for seconds before the loop could read a reply or fire the budget, and chaining them all
    // up front took a quarter of a second. Once the budget fired, a farewell not yet started is
    // counted as timed out (above) and never started.
    inSlices(n, startOne, () => budgetFired);

    // Starting every farewell allocates enough to begin an incremental garbage collection. With
    // a silent tracker the loop then idles until the budget fires, and GJS 1.74 would drop the
    // budget's own callback while that collection is unfinished (src/lib/garbageCollection.ts):
    // finish it as soon as the loop has nothing else to do.
    let collectSource = GLib.idle_add(GLib.PRIORITY_LOW, () => {
      collectSource = 0;
      finishGarbageCollection();
      return GLib.SOURCE_REMOVE;
    });

    await Promise.race([everyWorkerDrained, budget]);
    if (budgetSource) GLib.source_remove(budgetSource);
    if (collectSource) GLib.source_remove(collectSource);

    const count = (o: FarewellOutcome) => outcomes.filter((x) => x === o).length;
    return {
      stoppedSent: count('sent'),
      rejected: count('rejected'),
      nothing: count('nothing'),
      timedOut: count('timed-out'),
      failed: count('failed'),
      undrained: drainedFlags.filter((d) => !d).length,
      budgetFired,
    };
  }
}

/** `SHUTDOWN PHASE BREAKDOWN: signal=0.4ms prepare=9.1ms drain=38ms (stopped sent 1000, timed out 0) save=6ms total=55ms` */
export function breakdownLine(r: ShutdownReport): string {
  const failed = r.failed > 0 ? `, failed ${r.failed}` : '';
  const rejected = r.rejected > 0 ? `, rejected ${r.rejected}` : '';
  return (
    `SHUTDOWN PHASE BREAKDOWN: signal=${fmt(r.signalMs)}ms prepare=${fmt(r.prepareMs)}ms drain=${fmt(r.drainMs)}ms ` +
    `(stopped sent ${r.stoppedSent}${rejected}, timed out ${r.timedOut}${failed}) save=${fmt(r.saveMs)}ms total=${fmt(r.totalMs)}ms`
  );
}

/** Farewells started per main-loop turn at quit. */
const FAREWELL_SLICE = 100;

/**
 * Calls start(0 … n-1), FAREWELL_SLICE at a time with a main-loop turn between slices, the first
 * slice from a promise job (so a worker's cancel() or a quit request made from inside it runs
 * first, as before); stops once `stopped()` is true.
 */
function inSlices(n: number, start: (i: number) => void, stopped: () => boolean): void {
  let next = 0;
  const slice = (): boolean => {
    if (stopped()) return false;
    const end = Math.min(n, next + FAREWELL_SLICE);
    while (next < end) start(next++);
    return next < n;
  };
  void Promise.resolve().then(() => {
    if (slice()) {
      // Default priority: replies (fd sources at the same priority) are read between slices,
      // and the budget (high priority) fires between them.
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, 0, () => (slice() ? GLib.SOURCE_CONTINUE : GLib.SOURCE_REMOVE));
    }
  });
}

/** A farewell that throws synchronously is treated like one that rejects. */
function startFarewell(p: ShutdownParticipant, cancellable: Gio.Cancellable): Promise<FarewellResult> {
  try {
    return Promise.resolve(p.farewell(cancellable));
  } catch (e) {
    return Promise.reject(e);
  }
}

/** One misbehaving step must not stop the others: quitting always finishes. */
function guard(what: string, step: () => void): void {
  try {
    step();
  } catch (e) {
    logger.error(`shutdown: could not ${what}: ${errorMessage(e)}`);
  }
}

function guarded<T>(what: string, step: () => T, fallback: T): T {
  try {
    return step();
  } catch (e) {
    logger.error(`shutdown: could not ${what}: ${errorMessage(e)}`);
    return fallback;
  }
}

function clampBudget(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_BUDGET_MS;
  return Math.min(MAX_BUDGET_MS, Math.max(MIN_BUDGET_MS, Math.round(value)));
}

function toMs(microseconds: number): number {
  return microseconds / 1000;
}

function fmt(milliseconds: number): string {
  return milliseconds < 10 ? milliseconds.toFixed(1) : String(Math.round(milliseconds));
}

function ms(microseconds: number): string {
  return `${fmt(toMs(microseconds))} ms`;
}
