import GLib from 'gi://GLib';

import { checkCollectionNow } from './garbageCollection.ts';

/** Iterations closer together than this share one check (a burst of socket events). */
const CHECK_EVERY_US = 2_000;

/**
 * Runs the default main context from JS, checking between iterations that GJS 1.74 has not
 * left a garbage collection between sweep slices (src/lib/garbageCollection.ts).
 *
 * Why: while such a collection is unfinished, GJS drops every JS callback that C makes (GLib
 * sources, signals, async results) and GLib removes a source whose callback was dropped. The
 * collection goes on only when JS allocates, and nothing of ours runs to allocate: measured at
 * 10 000 torrents, the engine's clock, its watchdog and every socket watch were dropped within
 * seconds and the start-up stopped for good after ~2 000 announces. Code that runs between
 * iterations is not a callback: it is the loop's own caller, in JS already, so it always runs.
 * It finishes such a collection at once (checkCollectionNow), and the owners of sources re-arm
 * what was dropped meanwhile (onStalledCollection).
 *
 * Cost: one clock read per iteration and a 5 µs probe at most every 2 ms.
 */
export class GuardedMainLoop {
  readonly #check: () => void;
  readonly #wanted: () => boolean;
  #running = false;
  #stopRequested = false;

  /**
   * `check`: what runs between iterations (specs count it; the app finishes stalled collections).
   * `wanted`: asked as often; once false the loop returns, as GApplication's own would once
   * nothing holds the application (its caller's loop then goes on without the check).
   */
  constructor(check: () => void = checkCollectionNow, wanted: () => boolean = () => true) {
    this.#check = check;
    this.#wanted = wanted;
  }

  get running(): boolean {
    return this.#running;
  }

  /** Iterates until stop(); returns at once if stop() came first. */
  run(): void {
    if (this.#running || this.#stopRequested) return;
    this.#running = true;
    const context = GLib.MainContext.default();
    let lastCheckUs = 0;
    try {
      while (!this.#stopRequested) {
        context.iteration(true);
        const now = GLib.get_monotonic_time();
        if (now - lastCheckUs >= CHECK_EVERY_US) {
          lastCheckUs = now;
          this.#check();
          if (!this.#wanted()) break;
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /**
   * Runs it from an idle, once the caller's loop iterates: from an application's startup, this
   * nests it inside GApplication's run(), whose own loop resumes (and sees the quit) when it returns.
   */
  runSoon(): void {
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      this.run();
      return GLib.SOURCE_REMOVE;
    });
  }

  /** Makes run() return after the current iteration (wakes the context if it is waiting). */
  stop(): void {
    this.#stopRequested = true;
    GLib.MainContext.default().wakeup();
  }
}
