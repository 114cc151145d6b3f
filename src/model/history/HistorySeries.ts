import type { BucketCalendar, BucketUnit } from './BucketCalendar.ts';

/** Values of one bucket, after its start: uploaded bytes, downloaded bytes, announces ok, announces failed. */
export const FIELDS = 5;
export type Bucket = [start: number, up: number, down: number, ok: number, failed: number];

/** How long one resolution is kept before its buckets are rolled up into the next one. */
export interface TierPolicy {
  unit: BucketUnit;
  /** Buckets that started more than this many seconds ago move to the next tier. */
  keepSeconds?: number;
  /** At most this many buckets; the oldest beyond it are merged into the single "earlier" bucket. */
  keepCount?: number;
}

const DAY = 86400;

/** All torrents and each tracker: minutes for the last day, hours for the last month, days for three years, then months. */
export const AGGREGATE_TIERS: readonly TierPolicy[] = [
  { unit: 'minute', keepSeconds: DAY },
  { unit: 'hour', keepSeconds: 31 * DAY },
  { unit: 'day', keepSeconds: 1096 * DAY },
  { unit: 'month', keepCount: 120 },
];

/** One torrent: hours for the last day, days for the last month, then months (see ARCHITECTURE.md for why). */
export const TORRENT_TIERS: readonly TierPolicy[] = [
  { unit: 'hour', keepSeconds: DAY },
  { unit: 'day', keepSeconds: 31 * DAY },
  { unit: 'month', keepCount: 120 },
];

/** Most buckets one series can hold: every tier full, one open bucket, one "earlier" bucket. */
export function maxBuckets(policy: readonly TierPolicy[]): number {
  const perUnit: Record<BucketUnit, number> = { minute: 60, hour: 3600, day: DAY - 3600, month: 28 * DAY };
  return policy.reduce((n, p) => n + (p.keepCount ?? Math.ceil((p.keepSeconds ?? 0) / perUnit[p.unit]) + 1), 2);
}

/**
 * One time series (all torrents, one tracker or one torrent): an open bucket of the finest
 * unit that takes the figures as they come, and closed buckets in tiers from fine to coarse.
 * Each tier is one flat array of numbers (FIELDS per bucket, sorted by start): compact in
 * memory and cheap to write. Merges are sums, so replaying a bucket twice is the only way
 * to count twice, and the journal never does.
 */
export class HistorySeries {
  readonly key: string;
  readonly policy: readonly TierPolicy[];
  readonly tiers: number[][];
  /** Everything older than the last tier keeps, in one bucket. */
  earlier: Bucket | null = null;
  open: Bucket | null = null;
  openEnd = 0;
  /** Unix seconds of the last figure recorded (for choosing which series to drop at the cap). */
  lastActivity = 0;

  constructor(key: string, policy: readonly TierPolicy[]) {
    this.key = key;
    this.policy = policy;
    this.tiers = policy.map(() => []);
  }

  get unit(): BucketUnit {
    return this.policy[0].unit;
  }

  /**
   * Adds figures at instant `t`. The open bucket closes when a figure arrives after its end;
   * `closed` receives every bucket that closes (the store journals it).
   */
  add(cal: BucketCalendar, t: number, values: Bucket, closed: (s: HistorySeries, b: Bucket) => void): void {
    this.lastActivity = Math.max(this.lastActivity, t);
    const open = this.open;
    if (open && t >= open[0] && t < this.openEnd) {
      for (let i = 1; i < FIELDS; i++) open[i] += values[i];
      return;
    }
    const [start, end] = cal.range(this.unit, t);
    if (open && t < open[0]) {
      // The clock went back: the figure belongs to a bucket already closed.
      const late: Bucket = [start, values[1], values[2], values[3], values[4]];
      this.insert(0, late);
      closed(this, late);
      return;
    }
    if (open) this.closeOpen(closed);
    this.open = [start, values[1], values[2], values[3], values[4]];
    this.openEnd = end;
  }

  /** Closes the open bucket if its time is over (or always, with `force`, at quit). */
  closeOpen(closed: (s: HistorySeries, b: Bucket) => void, now = Infinity, force = true): void {
    const open = this.open;
    if (!open || (!force && now < this.openEnd)) return;
    this.open = null;
    this.insert(0, open);
    closed(this, open);
  }

  /** Merges a closed bucket into a tier (summing with a bucket of the same start). */
  insert(tier: number, b: Bucket | number[]): void {
    const a = this.tiers[tier];
    const start = b[0];
    // Nearly always at the end: search from there.
    let i = a.length - FIELDS;
    while (i >= 0 && a[i] > start) i -= FIELDS;
    if (i >= 0 && a[i] === start) {
      for (let f = 1; f < FIELDS; f++) a[i + f] += b[f];
      return;
    }
    a.splice(i + FIELDS, 0, start, b[1], b[2], b[3], b[4]);
  }

  /** Moves buckets that aged out of a tier into the next, coarser one. */
  rollUp(cal: BucketCalendar, now: number): void {
    for (let tier = 0; tier < this.tiers.length; tier++) {
      const a = this.tiers[tier];
      const { keepSeconds, keepCount } = this.policy[tier];
      let drop = 0;
      if (keepSeconds !== undefined) while (drop < a.length && a[drop] < now - keepSeconds) drop += FIELDS;
      if (keepCount !== undefined) drop = Math.max(drop, a.length - keepCount * FIELDS);
      if (drop <= 0) continue;
      const moved = a.splice(0, drop);
      for (let i = 0; i < moved.length; i += FIELDS) {
        const b = moved.slice(i, i + FIELDS) as Bucket;
        if (tier + 1 < this.tiers.length) {
          b[0] = cal.start(this.policy[tier + 1].unit, b[0]);
          this.insert(tier + 1, b);
        } else this.mergeEarlier(b);
      }
    }
  }

  /** Adds a bucket to the single bucket of everything older than the last tier keeps. */
  mergeEarlier(b: Bucket): void {
    if (!this.earlier) {
      this.earlier = [...b];
      return;
    }
    this.earlier[0] = Math.min(this.earlier[0], b[0]);
    for (let f = 1; f < FIELDS; f++) this.earlier[f] += b[f];
  }

  /** Every bucket, oldest first (the open one last), with the unit it covers. */
  forEach(cb: (b: Bucket, unit: BucketUnit | 'earlier' | 'open') => void): void {
    if (this.earlier) cb(this.earlier, 'earlier');
    for (let tier = this.tiers.length - 1; tier >= 0; tier--) {
      const a = this.tiers[tier];
      for (let i = 0; i < a.length; i += FIELDS) cb(a.slice(i, i + FIELDS) as Bucket, this.policy[tier].unit);
    }
    if (this.open) cb(this.open, 'open');
  }

  /** Sums of the buckets that start in [from, to). */
  sum(from: number, to: number): Bucket {
    const out: Bucket = [from, 0, 0, 0, 0];
    this.forEach((b) => {
      if (b[0] < from || b[0] >= to) return;
      for (let f = 1; f < FIELDS; f++) out[f] += b[f];
    });
    return out;
  }

  bucketCount(): number {
    return this.tiers.reduce((n, a) => n + a.length / FIELDS, (this.earlier ? 1 : 0) + (this.open ? 1 : 0));
  }

  /** The saved form: per tier, starts as differences from the previous start (shorter text). */
  toJSON(): { t: number[][]; e?: number[] } {
    const t = this.tiers.map((a) => {
      const out = a.slice();
      for (let i = out.length - FIELDS; i > 0; i -= FIELDS) out[i] -= out[i - FIELDS];
      return out;
    });
    return this.earlier ? { t, e: [...this.earlier] } : { t };
  }

  /** Reads the saved form; throws an Error naming what is wrong (the store drops that series). */
  static fromJSON(key: string, policy: readonly TierPolicy[], raw: unknown): HistorySeries {
    const s = new HistorySeries(key, policy);
    const obj = raw as { t?: unknown; e?: unknown } | null;
    if (!obj || typeof obj !== 'object' || !Array.isArray(obj.t) || obj.t.length !== policy.length)
      throw new Error(`series ${key}: wrong shape`);
    obj.t.forEach((tier: unknown, i: number) => {
      if (!isBucketArray(tier)) throw new Error(`series ${key}: bad numbers`);
      const a = tier.slice();
      for (let j = FIELDS; j < a.length; j += FIELDS) {
        if (a[j] <= 0) throw new Error(`series ${key}: buckets out of order`);
        a[j] += a[j - FIELDS];
      }
      s.tiers[i] = a;
    });
    if (obj.e !== undefined) {
      if (!isBucketArray(obj.e) || obj.e.length !== FIELDS) throw new Error(`series ${key}: bad earlier bucket`);
      s.earlier = obj.e.slice() as Bucket;
    }
    return s;
  }
}

/** A flat array of buckets: whole, finite, non-negative numbers (starts may be any integer). */
export function isBucketArray(v: unknown): v is number[] {
  if (!Array.isArray(v) || v.length % FIELDS !== 0) return false;
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return false;
    if (i % FIELDS !== 0 && n < 0) return false;
  }
  return true;
}
