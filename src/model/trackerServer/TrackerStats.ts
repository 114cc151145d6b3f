/** Seconds of per-second history kept (the live graph shows them). */
export const HISTORY_SECONDS = 300;

/**
 * Counters for the Tracker page: totals since start and announces per second for the last five
 * minutes, in a ring that is advanced lazily (no timer).
 */
export class TrackerStats {
  readonly #nowSeconds: () => number;
  readonly #ring = new Uint32Array(HISTORY_SECONDS);
  #second = -1;
  announces = 0;
  scrapes = 0;
  failures = 0;
  udpConnects = 0;
  readonly startedAt: number;

  constructor(nowSeconds: () => number) {
    this.#nowSeconds = nowSeconds;
    this.startedAt = nowSeconds();
  }

  #advance(): number {
    const now = Math.floor(this.#nowSeconds());
    if (this.#second < 0) this.#second = now;
    const gap = Math.min(HISTORY_SECONDS, now - this.#second);
    for (let i = 1; i <= gap; i++) this.#ring[(this.#second + i) % HISTORY_SECONDS] = 0;
    if (now > this.#second) this.#second = now;
    return now;
  }

  countAnnounce(): void {
    const now = this.#advance();
    this.#ring[now % HISTORY_SECONDS]++;
    this.announces++;
  }

  /** Announces in the last 60 seconds. */
  announcesPerMinute(): number {
    const now = this.#advance();
    let sum = 0;
    for (let i = 0; i < 60; i++) sum += this.#ring[(now - i + HISTORY_SECONDS) % HISTORY_SECONDS];
    return sum;
  }

  /** Announces per second, oldest first, the current (partial) second last. */
  history(): number[] {
    const now = this.#advance();
    const out: number[] = [];
    for (let i = HISTORY_SECONDS - 1; i >= 0; i--) out.push(this.#ring[(now - i + HISTORY_SECONDS) % HISTORY_SECONDS]);
    return out;
  }
}
