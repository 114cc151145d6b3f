import type { Rates } from './accrual.ts';

/**
 * Global upload/download caps over the sum of all torrents (settings the original
 * DFakeSeeder had but never applied). Each torrent reports the rates it wants; when their sum is
 * above a cap, every torrent is scaled down by the same factor, so the total equals the cap.
 * Plain class, no GLib: the workers share one instance through the Model.
 */
export class RateBudget {
  readonly #wanted = new Map<string, Rates>();
  readonly #allotted = new Map<string, Rates>();
  #sum: Rates = { up: 0, down: 0 };
  /** What the torrents currently have, summed: never above a cap. */
  #allottedSum: Rates = { up: 0, down: 0 };
  /** Caps in bytes per second; 0 means no cap. */
  #limits: Rates = { up: 0, down: 0 };

  setLimits(limits: Rates): void {
    this.#limits = { up: Math.max(0, limits.up), down: Math.max(0, limits.down) };
  }

  get limits(): Rates {
    return { ...this.#limits };
  }

  /**
   * Records what `key` wants this tick and returns what it may have: its proportional share,
   * and never more than the cap minus what the others currently have (their shares were set
   * at their own ticks, so proportional shares alone could overshoot for a moment).
   */
  allot(key: string, wanted: Rates): Rates {
    this.#set(key, wanted);
    const f = this.factors();
    const old = this.#allotted.get(key) ?? { up: 0, down: 0 };
    const room = (limit: number, sum: number, mine: number) =>
      limit > 0 ? Math.max(0, limit - (sum - mine)) : Infinity;
    const given = {
      up: Math.min(wanted.up * f.up, room(this.#limits.up, this.#allottedSum.up, old.up)),
      down: Math.min(wanted.down * f.down, room(this.#limits.down, this.#allottedSum.down, old.down)),
    };
    this.#setAllotted(key, given);
    return given;
  }

  /** A paused or removed torrent no longer counts towards the sums. */
  forget(key: string): void {
    this.#set(key, { up: 0, down: 0 });
    this.#setAllotted(key, { up: 0, down: 0 });
    this.#wanted.delete(key);
    this.#allotted.delete(key);
  }

  /** Sum of what the torrents currently have (bytes/s). */
  get allottedTotal(): Rates {
    return { ...this.#allottedSum };
  }

  #setAllotted(key: string, rates: Rates): void {
    const old = this.#allotted.get(key) ?? { up: 0, down: 0 };
    this.#allottedSum = {
      up: Math.max(0, this.#allottedSum.up - old.up + rates.up),
      down: Math.max(0, this.#allottedSum.down - old.down + rates.down),
    };
    this.#allotted.set(key, { ...rates });
  }

  /** The scale factor (0..1) each direction's wanted rates get. */
  factors(): Rates {
    const f = (limit: number, sum: number) => (limit > 0 && sum > limit ? limit / sum : 1);
    return { up: f(this.#limits.up, this.#sum.up), down: f(this.#limits.down, this.#sum.down) };
  }

  /** Sum of what every torrent wants (bytes/s), before scaling. */
  get wantedTotal(): Rates {
    return { ...this.#sum };
  }

  #set(key: string, rates: Rates): void {
    const old = this.#wanted.get(key) ?? { up: 0, down: 0 };
    // Kept as a running sum so 1000 torrents don't mean 1000 additions per torrent per tick.
    this.#sum = {
      up: Math.max(0, this.#sum.up - old.up + rates.up),
      down: Math.max(0, this.#sum.down - old.down + rates.down),
    };
    this.#wanted.set(key, { ...rates });
  }
}
