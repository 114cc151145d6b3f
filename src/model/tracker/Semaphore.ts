import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { cancelledError } from './deadline.ts';

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

  /** Resolves with a release function once a slot is free; rejects if `cancellable` fires first. */
  acquire(cancellable: Gio.Cancellable | null): Promise<() => void> {
    if (cancellable?.is_cancelled()) return Promise.reject(cancelledError());
    let released = false;
    const release = () => {
      if (released) return; // a double release must never inflate the count (the original's bug)
      released = true;
      this.#held--;
      this.#pump();
    };
    // A free slot and no one queued: no cancellable handler to connect and disconnect (a
    // farewell burst acquires a thousand slots in one go).
    if (this.#held < this.limit && this.#queue.length === 0) {
      this.#held++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          if (cancellable && handler) cancellable.disconnect(handler);
          this.#held++;
          resolve(release);
        },
        fail: reject,
      };
      let handler = 0;
      if (cancellable) {
        handler = cancellable.connect(() => {
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
    });
  }

  #pump(): void {
    while (this.#held < this.limit && this.#queue.length) this.#queue.shift()!.grant();
  }
}
