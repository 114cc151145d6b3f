import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { cancelledError } from './deadline.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

interface Waiter {
  grant: () => void;
  fail: (e: unknown) => void;
}

/** One tracker's share of the cap: what it holds, who waits for it, and whether it answers. */
interface Tracker {
  held: number;
  readonly queue: Waiter[];
  /** Its last request timed out and none has been answered since. */
  stalled: boolean;
  /** It is in the turns (it has, or had, waiters). */
  inTurns: boolean;
}

/** Slots a tracker that does not answer may hold at once (it still gets retried, slowly). */
export const STALLED_SHARE = 2;
/** Tracker entries kept before idle ones are forgotten (one per tracker the torrents use). */
const MAX_TRACKERS_KNOWN = 4096;

/**
 * The global announce cap (`concurrent_http_connections`), shared fairly between trackers, so
 * that one tracker that never answers cannot hold every slot and starve the others:
 *
 * - No tracker may hold more than the cap less a reserve (a quarter of it), so a tracker never
 *   seen before always finds a free slot, even while another one has not answered yet.
 * - A tracker whose last request timed out (and none answered since) is "stalled": it may hold
 *   at most STALLED_SHARE slots, and all stalled trackers together at most half the cap.
 * - Waiters queue per tracker, and freed slots go round-robin to the trackers with waiters,
 *   not first come first served: a hundred torrents queued on a dead tracker do not stand in
 *   front of a torrent whose tracker answers at once.
 *
 * Real clients do the same in their own ways: Transmission starts at most 20 announces per
 * half-second tick and orders them by priority, libtorrent gives up on a silent tracker after
 * its receive timeout.
 */
export class FairCap {
  #limit: number;
  #held = 0;
  #stalledHeld = 0;
  #waiting = 0;
  readonly #trackers = new Map<string, Tracker>();
  /** Trackers with waiters, in the order their turn comes. */
  readonly #turns: string[] = [];

  constructor(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  get limit(): number {
    return this.#limit;
  }

  set limit(limit: number) {
    this.#limit = Math.max(1, Math.floor(limit));
    this.#pump();
  }

  get held(): number {
    return this.#held;
  }

  get waiting(): number {
    return this.#waiting;
  }

  /** Slots one tracker holds, and requests waiting for it (for specs and the status bar). */
  loadOf(tracker: string): { held: number; waiting: number; stalled: boolean } {
    const t = this.#trackers.get(tracker);
    return { held: t?.held ?? 0, waiting: t?.queue.length ?? 0, stalled: t?.stalled ?? false };
  }

  /** The most slots one tracker may hold now. */
  #shareOf(t: Tracker): number {
    if (t.stalled) return STALLED_SHARE;
    const reserve = Math.max(1, Math.floor(this.#limit / 4));
    return Math.max(1, this.#limit - reserve);
  }

  #mayGrant(t: Tracker): boolean {
    if (this.#held >= this.#limit || t.held >= this.#shareOf(t)) return false;
    return !t.stalled || this.#stalledHeld < Math.max(1, Math.floor(this.#limit / 2));
  }

  #tracker(key: string): Tracker {
    let t = this.#trackers.get(key);
    if (!t) {
      if (this.#trackers.size >= MAX_TRACKERS_KNOWN) this.#forgetIdle();
      t = { held: 0, queue: [], stalled: false, inTurns: false };
      this.#trackers.set(key, t);
    }
    return t;
  }

  #forgetIdle(): void {
    for (const [key, t] of this.#trackers)
      if (t.held === 0 && t.queue.length === 0 && !t.inTurns) this.#trackers.delete(key);
  }

  /**
   * Records whether `tracker` answers: a timeout marks it stalled, any answer (even an error
   * reply) clears that. Freed share goes to waiters at once.
   */
  setStalled(tracker: string, stalled: boolean): void {
    const t = stalled ? this.#tracker(tracker) : this.#trackers.get(tracker);
    if (!t || t.stalled === stalled) return;
    t.stalled = stalled;
    this.#stalledHeld += stalled ? t.held : -t.held;
    this.#pump();
  }

  /** A release function if `tracker` may have a slot right now and none of its requests waits. */
  tryAcquire(tracker: string): (() => void) | null {
    const t = this.#tracker(tracker);
    if (t.queue.length > 0 || !this.#mayGrant(t)) return null;
    this.#take(t);
    return this.#releaser(t);
  }

  /** Resolves with a release function once `tracker` gets a slot; rejects if `cancellable` fires first. */
  acquire(tracker: string, cancellable: Gio.Cancellable | null): Promise<() => void> {
    if (cancellable?.is_cancelled()) return Promise.reject(cancelledError());
    const free = this.tryAcquire(tracker);
    if (free) return Promise.resolve(free);
    const t = this.#tracker(tracker);
    const release = this.#releaser(t);
    return new Promise((resolve, reject) => {
      let handler = 0;
      const waiter: Waiter = {
        grant: () => {
          if (cancellable) offCancelled(cancellable, handler);
          this.#take(t);
          resolve(release);
        },
        fail: reject,
      };
      if (cancellable) {
        handler = onCancelled(cancellable, () => {
          // Runs inside cancel(): leave the queue from an idle, not under the signal.
          GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
            const i = t.queue.indexOf(waiter);
            if (i >= 0) {
              t.queue.splice(i, 1);
              this.#waiting--;
              waiter.fail(cancelledError());
            }
            return GLib.SOURCE_REMOVE;
          });
        });
      }
      t.queue.push(waiter);
      this.#waiting++;
      if (!t.inTurns) {
        t.inTurns = true;
        this.#turns.push(tracker);
      }
      this.#pump();
    });
  }

  #take(t: Tracker): void {
    this.#held++;
    t.held++;
    if (t.stalled) this.#stalledHeld++;
  }

  #releaser(t: Tracker): () => void {
    let released = false;
    return () => {
      if (released) return; // a double release must never inflate the count
      released = true;
      this.#held--;
      t.held--;
      if (t.stalled) this.#stalledHeld--;
      this.#pump();
    };
  }

  /** Grants free slots round-robin to the trackers with waiters that may take one. */
  #pump(): void {
    let idle = 0; // trackers passed over in a row without a grant
    while (this.#held < this.#limit && this.#turns.length > 0 && idle < this.#turns.length) {
      const key = this.#turns.shift()!;
      const t = this.#trackers.get(key)!;
      if (t.queue.length === 0) {
        t.inTurns = false; // its waiters were cancelled: it leaves the turns
        idle = 0;
        continue;
      }
      if (this.#mayGrant(t)) {
        this.#waiting--;
        t.queue.shift()!.grant();
        idle = 0;
      } else idle++;
      if (t.queue.length > 0) this.#turns.push(key);
      else t.inTurns = false;
    }
  }
}
