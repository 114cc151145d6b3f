import { type Random, uniform } from './random.ts';

/**
 * Speed distribution (`speed_distribution.{upload,download}`, the original's settings):
 * a total (the global limit ± spread %) is shared out among the active torrents by a skewed
 * law, after a random stopped_min..max % of them are stopped (speed 0). Unlike the original it
 * never overwrites the torrents' configured speeds nor writes settings: the shares live here,
 * in memory, and the workers read them while distribution is on.
 */
export type DistributionAlgorithm = 'off' | 'pareto' | 'power-law' | 'log-normal';
export type RedistributionMode = 'tick' | 'custom' | 'announce';

export interface DistributionSettings {
  algorithm: DistributionAlgorithm;
  spreadPercentage: number;
  stoppedMinPercentage: number;
  stoppedMaxPercentage: number;
  redistributionMode: RedistributionMode;
  customIntervalMinutes: number;
}

const PARETO_ALPHA = 1.16; // the "80/20" shape
const POWER_LAW_EXPONENT = 1.5;
const LOG_NORMAL_SIGMA = 1;
const JITTER = 0.001; // ±0.1 %, as the original

function weightsFor(algorithm: DistributionAlgorithm, n: number, random: Random): number[] {
  switch (algorithm) {
    case 'pareto':
      return Array.from({ length: n }, () => Math.pow(1 - random(), -1 / PARETO_ALPHA));
    case 'power-law': {
      // Rank-based: the k-th torrent in a random order gets k^-a.
      const ranks = shuffle(
        Array.from({ length: n }, (_v, i) => i + 1),
        random,
      );
      return ranks.map((k) => Math.pow(k, -POWER_LAW_EXPONENT));
    }
    case 'log-normal':
      return Array.from({ length: n }, () => Math.exp(LOG_NORMAL_SIGMA * standardNormal(random)));
    default:
      return Array.from({ length: n }, () => 1);
  }
}

function standardNormal(random: Random): number {
  // Box–Muller; 1 - u keeps log() away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Shares `totalKBps` (± spread) among `keys`. Returns KB/s per key; stopped torrents get 0.
 * Empty when the algorithm is off.
 */
export function distributeSpeeds(
  keys: string[],
  totalKBps: number,
  settings: DistributionSettings,
  random: Random,
): Map<string, number> {
  const out = new Map<string, number>();
  if (settings.algorithm === 'off' || keys.length === 0 || totalKBps <= 0) return out;
  const spread = Math.max(0, settings.spreadPercentage) / 100;
  const total = Math.max(0, totalKBps * uniform(random, 1 - spread, 1 + spread));
  const lo = Math.max(0, Math.min(settings.stoppedMinPercentage, settings.stoppedMaxPercentage));
  const hi = Math.min(100, Math.max(settings.stoppedMinPercentage, settings.stoppedMaxPercentage));
  const stoppedCount = Math.min(keys.length - 1, Math.floor((keys.length * uniform(random, lo, hi)) / 100));
  const order = shuffle([...keys], random);
  const stopped = order.slice(0, Math.max(0, stoppedCount));
  const running = order.slice(Math.max(0, stoppedCount));
  for (const k of stopped) out.set(k, 0);
  const weights = weightsFor(settings.algorithm, running.length, random);
  const sum = weights.reduce((a, b) => a + b, 0);
  running.forEach((k, i) => {
    const share = (total * weights[i]) / sum;
    out.set(k, Math.max(0, share * uniform(random, 1 - JITTER, 1 + JITTER)));
  });
  return out;
}

/**
 * Keeps the current shares of one direction and decides when to draw new ones: every
 * simulation tick, every N minutes, or after an announce (the original's never-triggered mode).
 */
export class SpeedDistributor {
  #shares = new Map<string, number>();
  #lastDrawUs = -Infinity;
  #announceSeen = false;

  /** KB/s for `key` while distribution is on, or null to use its own configured speed. */
  shareOf(key: string): number | null {
    return this.#shares.get(key) ?? null;
  }

  get shares(): ReadonlyMap<string, number> {
    return this.#shares;
  }

  noteAnnounce(): void {
    this.#announceSeen = true;
  }

  /** Called on every simulation tick of the Model; redraws when the mode says so. Returns true if it did. */
  update(nowUs: number, keys: string[], totalKBps: number, settings: DistributionSettings, random: Random): boolean {
    if (settings.algorithm === 'off') {
      this.#shares.clear();
      this.#lastDrawUs = -Infinity;
      return false;
    }
    const due =
      this.#shares.size === 0 ||
      settings.redistributionMode === 'tick' ||
      (settings.redistributionMode === 'custom' &&
        nowUs - this.#lastDrawUs >= Math.max(1, settings.customIntervalMinutes) * 60e6) ||
      (settings.redistributionMode === 'announce' && this.#announceSeen) ||
      keys.some((k) => !this.#shares.has(k));
    if (!due) return false;
    this.#shares = distributeSpeeds(keys, totalKBps, settings, random);
    this.#lastDrawUs = nowUs;
    this.#announceSeen = false;
    return true;
  }
}
