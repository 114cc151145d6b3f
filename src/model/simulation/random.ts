/**
 * The simulation draws every random number through one of these, so specs can inject a fixed
 * sequence and get exact figures. Returns a number in [0, 1), like Math.random.
 */
export type Random = () => number;

export const systemRandom: Random = () => Math.random();

/** A repeatable generator (mulberry32) for specs and benchmarks. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}
