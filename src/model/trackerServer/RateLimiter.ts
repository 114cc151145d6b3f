/** Addresses tracked at once; beyond this a new address is refused until the next minute. */
const MAX_ADDRESSES = 50_000;

export type RateVerdict = 'ok' | 'refuse' | 'drop';

/**
 * Requests per address per minute, in fixed one-minute windows (a whole window is forgotten at
 * once, so memory stays bounded by MAX_ADDRESSES). Over the limit a request is refused with a
 * reason; past twice the limit it is dropped without a reply, so a flood from one address (or
 * forged source addresses) cannot make the tracker send as much as it receives.
 */
export class RateLimiter {
  readonly #nowSeconds: () => number;
  readonly #counts = new Map<string, number>();
  #window = -1;
  /** Requests refused or dropped since start (for the Tracker page). */
  limited = 0;

  constructor(nowSeconds: () => number) {
    this.#nowSeconds = nowSeconds;
  }

  /** Counts one request from `address` against `perMinute` (0 = no limit). */
  take(address: string, perMinute: number): RateVerdict {
    if (perMinute <= 0) return 'ok';
    const window = Math.floor(this.#nowSeconds() / 60);
    if (window !== this.#window) {
      this.#window = window;
      this.#counts.clear();
    }
    const count = (this.#counts.get(address) ?? 0) + 1;
    if (count === 1 && this.#counts.size >= MAX_ADDRESSES) {
      this.limited++;
      return 'refuse';
    }
    this.#counts.set(address, count);
    if (count <= perMinute) return 'ok';
    this.limited++;
    return count <= 2 * perMinute ? 'refuse' : 'drop';
  }

  get trackedAddresses(): number {
    return this.#counts.size;
  }
}
