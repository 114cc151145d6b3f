import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import {
  checkCollectionNow,
  checkCollectionSoon,
  onStalledCollection,
  recoverDroppedSources,
} from '../../lib/garbageCollection.ts';
import { logger } from '../../lib/log.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

/** A call the scheduler will make (once, or every period) until cancelled. */
export interface ScheduledCall {
  /** Non-zero, unique for the scheduler's life (for specs and diagnostics). */
  readonly id: number;
  /** Monotonic µs of the next run. */
  readonly dueUs: number;
  /** True until it has run (one-shot) or been cancelled. */
  readonly pending: boolean;
  cancel(): void;
}

interface Entry extends ScheduledCall {
  dueUs: number;
  periodUs: number;
  callback: () => void;
  cancelled: boolean;
  ran: boolean;
}

/** Repeating calls are due on whole seconds of this grid, so their wake-ups coalesce. */
const REPEAT_GRID_US = 1_000_000;
/** Calls due this close together run in the same wake-up. */
const BATCH_US = 20_000;
/** One dispatch runs at most this long before yielding to the rest of the main loop (redraws). */
const DISPATCH_BUDGET_US = 8_000;
/** How often the watchdog checks that the scheduler's source is still there (not on the second grid). */
const WATCHDOG_MS = 2_300;
/** A source this late is looked up: GLib may have dropped it (see #ensureArmed). */
const LATE_US = 1_000_000;
/**
 * One-shot rescue sources, further out than a stall lasts: GJS's own forced collection ends
 * one within about 10 s. The watchdog moves them out again on each run, so they fire only when
 * the watchdog itself was dropped.
 */
const RESCUE_MS = [12_000, 24_000];

/**
 * The engine's clock: every torrent worker's timers (its first-announce delay and its tick) are
 * entries here, driven by ONE GLib main-context source.
 *
 * Why not one GLib source per worker: a GMainContext prepares and checks every attached source
 * on every loop iteration, so each iteration costs O(sources). Measured on GJS 1.74
 * (tests/unit/tickScheduler.spec.ts has the shape, bench/scale.sh the effect): 1.3 µs per
 * iteration with no timer, 37 µs with 1 000, 292 µs with 10 000 — and every network event,
 * redraw and tick is an iteration, so start-up and idle cost grew with the square of the torrent
 * count. Here a min-heap keeps the due times: scheduling and running a call is O(log n), and a
 * torrent that is only waiting costs one heap slot.
 *
 * A dispatch runs every call that is due, but yields after DISPATCH_BUDGET_US (continuing at
 * idle priority, below GTK's redraw), so ten thousand ticks never freeze the window.
 *
 * GJS 1.74 drops a source's callback that arrives while a garbage collection is between sweep
 * slices, and GLib then removes the source (src/lib/garbageCollection.ts): the engine would stop
 * for good. So each dispatch checks for such a collection right after it, and one watchdog for
 * every scheduler of the process (a second source, from the start) re-arms a source that is gone;
 * a dispatch re-makes the watchdog if that is the one GLib dropped. When the watchdog and every
 * other source were dropped in one stall and GJS finished the collection itself (the windowed app;
 * the headless one runs GuardedMainLoop, which finishes it at once), the rescue sources re-arm all.
 */
export class TickScheduler {
  /** Schedulers with an armed source, which the watchdog checks. */
  static readonly #armed = new Set<TickScheduler>();
  static #watchdogId = 0;
  static #rescueIds: number[] = [];

  static {
    TickScheduler.#ensureWatchdog();
    // Sources lost to a stalled collection are re-made as soon as it is finished.
    onStalledCollection(() => {
      for (const s of TickScheduler.#armed) s.#ensureArmed(true);
      TickScheduler.#ensureWatchdog();
    });
  }

  static readonly shared = new TickScheduler();

  /** The watchdog's GLib source (specs take it away as GJS would). */
  static get watchdogSourceId(): number {
    return TickScheduler.#watchdogId;
  }

  readonly #heap: Entry[] = [];
  #nextId = 1;
  #sourceId = 0;
  #armedForUs = Infinity;
  /** The GLib source armed for the next call (0: none), so a spec can take exactly that one away. */
  get armedSourceId(): number {
    return this.#sourceId;
  }
  #dispatching = false;
  #lastDispatchUs = 0;
  /** A clock the owner drives (specs: a simulated day); null: GLib's monotonic clock and a main-loop source. */
  readonly #clock: { monotonicUs(): number } | null;

  constructor(clock: { monotonicUs(): number } | null = null) {
    this.#clock = clock;
  }

  /** The engine's time, monotonic µs: the driven clock's, or GLib's. */
  nowUs(): number {
    return this.#clock ? this.#clock.monotonicUs() : GLib.get_monotonic_time();
  }

  /** With a driven clock: runs every call due by its time now (there is no main-loop source to). */
  runDue(): void {
    if (!this.#clock) throw new Error('runDue() is for a scheduler on a driven clock');
    this.#dispatch();
  }

  /** Number of pending calls (cancelled ones may linger until their time comes). */
  get size(): number {
    return this.#heap.length;
  }

  /** Runs `callback` once, `delayMs` from now. */
  after(delayMs: number, callback: () => void): ScheduledCall {
    const now = this.nowUs();
    return this.#add(now + Math.max(0, delayMs) * 1000, 0, callback);
  }

  /**
   * Runs `callback` every `seconds` (at least 1), the first time `seconds` from now. Due times
   * fall on the whole-second grid so that many repeating calls share wake-ups, as
   * `GLib.timeout_add_seconds` does.
   */
  every(seconds: number, callback: () => void): ScheduledCall {
    const periodUs = Math.max(1, Math.round(seconds)) * 1_000_000;
    const now = this.nowUs();
    return this.#add(roundUp(now + periodUs, REPEAT_GRID_US), periodUs, callback);
  }

  #add(dueUs: number, periodUs: number, callback: () => void): ScheduledCall {
    const entry: Entry = {
      id: this.#nextId++,
      dueUs,
      periodUs,
      callback,
      cancelled: false,
      ran: false,
      get pending() {
        return !this.cancelled && !this.ran;
      },
      cancel() {
        // Lazy deletion: the heap drops it when its time comes (no O(n) search).
        this.cancelled = true;
      },
    };
    this.#push(entry);
    this.#arm();
    return entry;
  }

  /** (Re-)arms the one GLib source for the earliest due call. */
  #arm(): void {
    // The dispatch re-arms when it ends; a driven clock's owner calls runDue() instead.
    if (this.#dispatching || this.#clock) return;
    this.#dropCancelledTop();
    const top = this.#heap[0];
    if (!top) {
      this.#disarm();
      TickScheduler.#armed.delete(this);
      return;
    }
    TickScheduler.#armed.add(this);
    if (this.#sourceId && top.dueUs >= this.#armedForUs) return;
    this.#disarm();
    const delayMs = Math.max(0, Math.ceil((top.dueUs - GLib.get_monotonic_time()) / 1000));
    this.#armedForUs = top.dueUs;
    this.#sourceId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, delayMs, () => {
      this.#sourceId = 0;
      this.#armedForUs = Infinity;
      this.#dispatch();
      return GLib.SOURCE_REMOVE;
    });
  }

  #disarm(): void {
    // Looked up, not removed blindly: GLib removes a source whose callback GJS dropped.
    removeSource(this.#sourceId);
    this.#sourceId = 0;
    this.#armedForUs = Infinity;
  }

  #dispatch(): void {
    this.#dispatching = true;
    const start = this.nowUs();
    this.#lastDispatchUs = start;
    let yielded = false;
    try {
      for (;;) {
        const now = this.nowUs();
        const top = this.#heap[0];
        if (!top || top.dueUs > now + BATCH_US) break;
        if (now - start > DISPATCH_BUDGET_US) {
          yielded = true;
          break;
        }
        this.#pop();
        if (top.cancelled) continue;
        if (top.periodUs > 0) {
          // Next time on the grid, never in the past (a late dispatch skips, it does not burst).
          top.dueUs = roundUp(Math.max(top.dueUs + top.periodUs, now + 1), REPEAT_GRID_US);
          this.#push(top);
        } else top.ran = true;
        try {
          top.callback();
        } catch (e) {
          logger.error(`a scheduled engine call failed: ${errorMessage(e)}`);
        }
      }
    } finally {
      this.#dispatching = false;
    }
    if (yielded) {
      // Let redraws and I/O in, then go on with what is still due.
      this.#sourceId = GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
        this.#sourceId = 0;
        this.#dispatch();
        return GLib.SOURCE_REMOVE;
      });
      this.#armedForUs = -Infinity;
    } else this.#arm();
    TickScheduler.#ensureWatchdog();
    checkCollectionSoon();
  }

  /**
   * Re-arms when the armed source is gone (its callback dropped by GJS, see the class comment).
   * `lookUp`: look the source up even if it is not late yet.
   */
  #ensureArmed(lookUp: boolean): void {
    if (this.#dispatching) return;
    if (!this.#sourceId) {
      this.#arm();
      return;
    }
    const now = GLib.get_monotonic_time();
    const late =
      this.#armedForUs === -Infinity ? now - this.#lastDispatchUs > LATE_US : now - this.#armedForUs > LATE_US;
    if (!lookUp && !late) return;
    if (sourceAlive(this.#sourceId)) return;
    logger.warning('engine clock: its main-loop source was dropped; re-armed');
    this.#sourceId = 0;
    this.#armedForUs = Infinity;
    this.#arm();
  }

  /** The watchdog: one more source, which checks the others (and for a stalled collection). */
  static #ensureWatchdog(): void {
    if (sourceAlive(TickScheduler.#watchdogId)) return;
    TickScheduler.#watchdogId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, WATCHDOG_MS, () => {
      if (!checkCollectionNow()) for (const s of TickScheduler.#armed) s.#ensureArmed(false);
      TickScheduler.#moveRescues();
      return GLib.SOURCE_CONTINUE;
    });
    TickScheduler.#moveRescues();
  }

  /** (Re-)makes the rescue sources RESCUE_MS from now. */
  static #moveRescues(): void {
    for (const id of TickScheduler.#rescueIds) removeSource(id);
    TickScheduler.#rescueIds = RESCUE_MS.map((ms) =>
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
        logger.warning('engine clock: its watchdog was dropped; every source re-armed');
        if (!checkCollectionNow()) recoverDroppedSources();
        return GLib.SOURCE_REMOVE;
      }),
    );
  }

  #dropCancelledTop(): void {
    while (this.#heap.length && this.#heap[0].cancelled) this.#pop();
  }

  // ---- binary min-heap on dueUs (ties by id: first scheduled, first run) ----------------------

  #less(a: Entry, b: Entry): boolean {
    return a.dueUs < b.dueUs || (a.dueUs === b.dueUs && a.id < b.id);
  }

  #push(entry: Entry): void {
    const h = this.#heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  #pop(): Entry | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.#less(h[l], h[m])) m = l;
        if (r < h.length && this.#less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Settles when `promise` does, or after `ms` on the engine clock (then calls `onLate` once): for
 * waits whose completion GJS 1.74 may have dropped (a callback that arrived while a collection
 * was stalled, src/lib/garbageCollection.ts), so one lost callback cannot hold a chain for good.
 */
export function settleWithin(promise: Promise<unknown>, ms: number, onLate: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let done = false;
    const timer = TickScheduler.shared.after(ms, () => {
      if (done) return;
      done = true;
      onLate();
      resolve();
    });
    const settle = () => {
      if (done) return;
      done = true;
      timer.cancel();
      resolve();
    };
    promise.then(settle, settle);
  });
}

function roundUp(us: number, grid: number): number {
  return Math.ceil(us / grid) * grid;
}
