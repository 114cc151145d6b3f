import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { cancelledError } from './deadline.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

/** A counting semaphore for the main loop: at most `limit` holders; waiters queue in order. */
export class Semaphore {
  limit: number;
  #held = 0;
  readonly #queue: { grant: () => void; fail: (e: unknown) => void }[] = [];

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  get held(): number {
    return this.#held;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /**
   * A release function if a slot is free right now and no one is queued, else null (then
   * `acquire` waits for one). A farewell burst takes a thousand slots without a promise each.
   */
  tryAcquire(): (() => void) | null {
    if (this.#held >= this.limit || this.#queue.length > 0) return null;
    this.#held++;
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return; // a double release must never inflate the count (the original's bug)
      released = true;
      this.#held--;
      this.#pump();
    };
  }

  /** Resolves with a release function once a slot is free; rejects if `cancellable` fires first. */
  acquire(cancellable: Gio.Cancellable | null): Promise<() => void> {
    if (cancellable?.is_cancelled()) return Promise.reject(cancelledError());
    // A free slot and no one queued: no cancellable handler to connect and disconnect.
    const free = this.tryAcquire();
    if (free) return Promise.resolve(free);
    return new Promise((resolve, reject) =>
      this.acquireThen(cancellable, (release, error) => (release ? resolve(release) : reject(error))),
    );
  }

  /**
   * acquire() with a callback (no promise: the quit's farewell burst queues thousands): called
   * with the release function once a slot is free, or with null and CANCELLED if `cancellable`
   * fires first. Called at once when a slot is free now.
   */
  acquireThen(
    cancellable: Gio.Cancellable | null,
    granted: (release: (() => void) | null, error?: unknown) => void,
  ): void {
    if (cancellable?.is_cancelled()) return granted(null, cancelledError());
    const free = this.tryAcquire();
    if (free) return granted(free);
    const release = this.#releaser();
    let handler = 0;
    const waiter = {
      grant: () => {
        if (cancellable) offCancelled(cancellable, handler);
        this.#held++;
        granted(release);
      },
      fail: (e: unknown) => granted(null, e),
    };
    if (cancellable) {
      handler = onCancelled(cancellable, () => {
        GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
          const i = this.#queue.indexOf(waiter);
          if (i >= 0) {
            this.#queue.splice(i, 1);
            waiter.fail(cancelledError());
          }
          return GLib.SOURCE_REMOVE;
        });
      });
    }
    this.#queue.push(waiter);
    this.#pump();
  }

  #pump(): void {
    while (this.#held < this.limit && this.#queue.length) this.#queue.shift()!.grant();
  }
}
