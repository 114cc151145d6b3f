/** How far back every torrent's speed history reaches. */
export const HISTORY_SECONDS = 300;

/** One sample: when it was taken and the two rates (bytes per second). */
export interface SpeedSample {
  /** Wall-clock milliseconds (as Date.now()). */
  time: number;
  up: number;
  down: number;
}

const origin = Date.now();

/**
 * A torrent's recent upload and download rates, one sample per tick, in one Float32Array ring
 * (three numbers per sample: seconds since the app started, up, down). Every torrent keeps one, whether or not the view
 * shows it, so a graph opened after minutes of seeding has those minutes to draw. Its size
 * follows the tick: `HISTORY_SECONDS / tickspeed` samples (34 at the default 9 s: 408 bytes).
 * bench/speed-history.sh prints the cost at 10 000 torrents.
 */
export class SpeedHistory {
  #data: Float32Array;
  #capacity: number;
  #next = 0;
  #count = 0;

  constructor(tickSeconds: number) {
    this.#capacity = SpeedHistory.capacityFor(tickSeconds);
    this.#data = new Float32Array(this.#capacity * 3);
  }

  static capacityFor(tickSeconds: number): number {
    return Math.max(2, Math.ceil(HISTORY_SECONDS / Math.max(1, tickSeconds)));
  }

  get length(): number {
    return this.#count;
  }

  /** Bytes held by the samples (the ring's buffer). */
  get byteLength(): number {
    return this.#data.byteLength;
  }

  /** Adds a sample at `nowMs` (wall-clock milliseconds; the default is now). */
  push(up: number, down: number, nowMs = Date.now()): void {
    const i = this.#next * 3;
    this.#data[i] = (nowMs - origin) / 1000;
    this.#data[i + 1] = up;
    this.#data[i + 2] = down;
    this.#next = (this.#next + 1) % this.#capacity;
    this.#count = Math.min(this.#count + 1, this.#capacity);
  }

  /** Keeps the newest samples that fit a new tick length. */
  resize(tickSeconds: number): void {
    const capacity = SpeedHistory.capacityFor(tickSeconds);
    if (capacity === this.#capacity) return;
    const kept = this.samples().slice(-capacity);
    this.#capacity = capacity;
    this.#data = new Float32Array(capacity * 3);
    this.#next = this.#count = 0;
    for (const s of kept) this.push(s.up, s.down, s.time);
  }

  /** The samples, oldest first. */
  samples(): SpeedSample[] {
    const out: SpeedSample[] = [];
    const start = (this.#next - this.#count + this.#capacity) % this.#capacity;
    for (let k = 0; k < this.#count; k++) {
      const i = ((start + k) % this.#capacity) * 3;
      out.push({ time: origin + this.#data[i] * 1000, up: this.#data[i + 1], down: this.#data[i + 2] });
    }
    return out;
  }
}
