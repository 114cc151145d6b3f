import {
  bytesLeft,
  creditTransfer,
  shareRatio,
  type SimulationEnvironment,
  type TransferOptions,
  type TransferState,
  wantedRates,
} from '../../src/model/simulation/accrual.ts';
import { distributeSpeeds, SpeedDistributor } from '../../src/model/simulation/distribution.ts';
import { type Random, seededRandom } from '../../src/model/simulation/random.ts';
import { RateBudget } from '../../src/model/simulation/RateBudget.ts';
import { type AltSpeedSchedule, scheduleWantsAlternative } from '../../src/model/simulation/schedule.ts';
import { chooseRatioTarget, stopReason, type StopSettings } from '../../src/model/simulation/stopConditions.ts';

/** A random source that returns the given values in turn (and repeats the last). */
function sequence(...values: number[]): Random {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}

const MiB = 1048576;
const state = (over: Partial<TransferState> = {}): TransferState => ({
  totalSize: 100 * MiB,
  progress: 0,
  uploading: false,
  sessionUploaded: 0,
  sessionDownloaded: 0,
  totalUploaded: 0,
  totalDownloaded: 0,
  seedingTime: 0,
  ...over,
});
const options = (over: Partial<TransferOptions> = {}): TransferOptions => ({
  uploadSpeed: 50,
  downloadSpeed: 500,
  uploadLimit: 0,
  downloadLimit: 0,
  threshold: 30,
  leechers: -1,
  ...over,
});
const env: SimulationEnvironment = { variationMin: 0.2, variationMax: 0.8, uploadOnlyWithLeechers: false };

/** wantedRates + creditTransfer with no global cap, for `seconds` of elapsed time. */
function step(s: TransferState, o: TransferOptions, seconds: number, random: Random, e = env) {
  return creditTransfer(s, o, wantedRates(s, o, e, random), seconds);
}

describe('simulation: accrual', () => {
  it('credits speed × variation × the seconds that really elapsed', () => {
    // variation = 0.2 + 0.6 * 0.5 = 0.5; 50 KB/s × 0.5 × 10 s = 256000 bytes
    const r = step(state({ progress: 1, uploading: true }), options(), 10, sequence(0.5));
    expect(r.state.sessionUploaded).toBe(256000);
    expect(r.state.totalUploaded).toBe(256000);
    expect(r.rates.up).toBe(25600);
    // 3.5 s of real time credits 3.5 s, not a nominal tick
    const r2 = step(state({ progress: 1, uploading: true }), options(), 3.5, sequence(0.5));
    expect(r2.state.sessionUploaded).toBe(89600);
  });

  it('draws the variation from [speed_variation_min, speed_variation_max)', () => {
    const lo = wantedRates(state({ progress: 1 }), options({ threshold: 0 }), env, sequence(0));
    const hi = wantedRates(state({ progress: 1 }), options({ threshold: 0 }), env, sequence(0.999999));
    expect(lo.up).toBeCloseTo(50 * 1024 * 0.2, 6);
    expect(hi.up).toBeLessThan(50 * 1024 * 0.8);
    expect(hi.up).toBeGreaterThan(50 * 1024 * 0.79);
  });

  it('downloads to 100 % and then only seeds', () => {
    let s = state({ totalSize: 10 * MiB });
    const o = options({ downloadSpeed: 1024, threshold: 100 });
    s = step(s, o, 5, sequence(0.5)).state; // 1024 KB/s × 0.5 × 5 s = 2.5 MiB
    expect(s.progress).toBeCloseTo(0.25, 6);
    expect(s.totalDownloaded).toBe(2.5 * MiB);
    expect(s.uploading).toBeFalse();
    s = step(s, o, 100, sequence(0.5)).state; // far more than is left
    expect(s.progress).toBe(1);
    expect(s.totalDownloaded).toBe(10 * MiB);
    expect(bytesLeft(s)).toBe(0);
    const after = step(s, o, 10, sequence(0.5));
    expect(after.state.totalDownloaded).toBe(10 * MiB);
    expect(after.rates.down).toBe(0);
    expect(after.state.totalUploaded).toBeGreaterThan(0);
  });

  it('starts uploading only from the threshold, and keeps uploading afterwards', () => {
    const o = options({ threshold: 30, downloadSpeed: 1024 });
    let s = state({ totalSize: 20 * MiB, progress: 0.2 });
    let r = step(s, o, 1, sequence(0.5));
    expect(r.state.totalUploaded).toBe(0);
    expect(r.state.uploading).toBeFalse();
    s = state({ totalSize: 20 * MiB, progress: 0.3 });
    r = step(s, o, 1, sequence(0.5));
    expect(r.state.uploading).toBeTrue();
    // the first step already uploads, since progress is at the threshold
    expect(r.state.totalUploaded).toBe(25600);
    // even if progress goes below the threshold again (a recheck), uploading stays on
    const back = step({ ...r.state, progress: 0.1 }, o, 1, sequence(0.5));
    expect(back.state.uploading).toBeTrue();
    expect(back.state.totalUploaded).toBeGreaterThan(r.state.totalUploaded);
  });

  it('applies a per-torrent limit after the variation', () => {
    const w = wantedRates(
      state({ progress: 1 }),
      options({ uploadSpeed: 1000, uploadLimit: 100, threshold: 0 }),
      env,
      sequence(0.5),
    );
    expect(w.up).toBe(100 * 1024);
  });

  it('uploads only while the tracker reports leechers when asked to', () => {
    const e = { ...env, uploadOnlyWithLeechers: true };
    const seed = state({ progress: 1, uploading: true });
    expect(wantedRates(seed, options({ leechers: 0 }), e, sequence(0.5)).up).toBe(0);
    expect(wantedRates(seed, options({ leechers: -1 }), e, sequence(0.5)).up).toBe(0);
    expect(wantedRates(seed, options({ leechers: 3 }), e, sequence(0.5)).up).toBe(25600);
    expect(wantedRates(seed, options({ leechers: 0 }), env, sequence(0.5)).up).toBe(25600);
  });

  it('counts seeding time only while complete', () => {
    const o = options();
    const down = step(state({ totalSize: 100 * MiB }), o, 60, sequence(0.5)).state;
    expect(down.seedingTime).toBe(0);
    const seed = step(state({ progress: 1 }), o, 60, sequence(0.5)).state;
    expect(seed.seedingTime).toBe(60);
  });

  it('reports completion exactly once, on the step that reaches 100 %', () => {
    let s = state({ totalSize: 4 * MiB });
    const o = options({ downloadSpeed: 1024 });
    const completions: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = step(s, o, 1, sequence(0.5));
      if (r.completedNow) completions.push(i);
      s = r.state;
    }
    expect(completions).toEqual([7]); // 512 KiB/s: 4 MiB after 8 steps
    // an already complete torrent never reports it
    expect(step(state({ progress: 1 }), o, 10, sequence(0.5)).completedNow).toBeFalse();
  });

  it('treats a zero-size torrent as complete instead of dividing by zero', () => {
    const r = step(state({ totalSize: 0 }), options(), 5, sequence(0.5));
    expect(r.state.progress).toBe(1);
    expect(r.completedNow).toBeFalse();
    expect(shareRatio(r.state)).toBe(0);
  });
});

describe('simulation: global caps', () => {
  it('scales every torrent down by the same factor so the sum equals the cap', () => {
    const b = new RateBudget();
    b.setLimits({ up: 100 * 1024, down: 0 });
    b.allot('a', { up: 100 * 1024, down: 10 });
    b.allot('b', { up: 300 * 1024, down: 10 });
    const a = b.allot('a', { up: 100 * 1024, down: 10 });
    const bb = b.allot('b', { up: 300 * 1024, down: 10 });
    expect(a.up + bb.up).toBeCloseTo(100 * 1024, 6);
    expect(bb.up / a.up).toBeCloseTo(3, 6);
    expect(a.down).toBe(10); // no download cap
  });

  it('never lets the current total go over the cap, even while wants change between ticks', () => {
    const b = new RateBudget();
    b.setLimits({ up: 1000, down: 0 });
    const r = seededRandom(5);
    const keys = ['a', 'b', 'c', 'd'];
    for (let round = 0; round < 200; round++) {
      for (const k of keys) b.allot(k, { up: 200 + 800 * r(), down: 0 });
      expect(b.allottedTotal.up).toBeLessThanOrEqual(1000 + 1e-6);
    }
    // and still uses most of it (wants that shrink between ticks leave some room unused)
    expect(b.allottedTotal.up).toBeGreaterThan(700);
  });

  it('does not scale below the cap, and forgets paused torrents', () => {
    const b = new RateBudget();
    b.setLimits({ up: 1000, down: 1000 });
    b.allot('a', { up: 800, down: 0 });
    // b gets what is left now; from the next round on both get their equal share
    expect(b.allot('b', { up: 800, down: 0 }).up).toBe(200);
    expect(b.allot('a', { up: 800, down: 0 }).up).toBe(500);
    expect(b.allot('b', { up: 800, down: 0 }).up).toBe(500);
    b.forget('a');
    expect(b.allot('b', { up: 800, down: 0 }).up).toBe(800);
    expect(b.wantedTotal.up).toBe(800);
  });

  it('credits the capped rates', () => {
    const b = new RateBudget();
    b.setLimits({ up: 10 * 1024, down: 0 });
    const s = state({ progress: 1, uploading: true });
    const o = options({ uploadSpeed: 100 });
    const r = creditTransfer(s, o, b.allot('x', wantedRates(s, o, env, sequence(0.5))), 10);
    expect(r.state.totalUploaded).toBe(10 * 1024 * 10);
  });
});

describe('simulation: alternative-speed schedule', () => {
  const all = {
    monday: true,
    tuesday: true,
    wednesday: true,
    thursday: true,
    friday: true,
    saturday: true,
    sunday: true,
  };
  const night: AltSpeedSchedule = { enabled: true, startHour: 22, startMinute: 0, endHour: 6, endMinute: 0, days: all };

  it('switches on inside a window that crosses midnight and off outside it', () => {
    expect(scheduleWantsAlternative(night, { weekday: 3, hour: 21, minute: 59 })).toBeFalse();
    expect(scheduleWantsAlternative(night, { weekday: 3, hour: 22, minute: 0 })).toBeTrue();
    expect(scheduleWantsAlternative(night, { weekday: 3, hour: 23, minute: 59 })).toBeTrue();
    expect(scheduleWantsAlternative(night, { weekday: 4, hour: 0, minute: 0 })).toBeTrue();
    expect(scheduleWantsAlternative(night, { weekday: 4, hour: 5, minute: 59 })).toBeTrue();
    expect(scheduleWantsAlternative(night, { weekday: 4, hour: 6, minute: 0 })).toBeFalse();
    expect(scheduleWantsAlternative(night, { weekday: 4, hour: 12, minute: 0 })).toBeFalse();
  });

  it('follows the weekdays; after midnight the previous day decides', () => {
    const fridayNights = { ...night, days: { friday: true } };
    expect(scheduleWantsAlternative(fridayNights, { weekday: 5, hour: 23, minute: 0 })).toBeTrue();
    expect(scheduleWantsAlternative(fridayNights, { weekday: 6, hour: 2, minute: 0 })).toBeTrue();
    expect(scheduleWantsAlternative(fridayNights, { weekday: 6, hour: 23, minute: 0 })).toBeFalse();
    expect(scheduleWantsAlternative(fridayNights, { weekday: 5, hour: 2, minute: 0 })).toBeFalse();
    // Monday 01:00 belongs to Sunday's window
    const sundayNights = { ...night, days: { sunday: true } };
    expect(scheduleWantsAlternative(sundayNights, { weekday: 1, hour: 1, minute: 0 })).toBeTrue();
  });

  it('handles a same-day window and the disabled scheduler', () => {
    const office: AltSpeedSchedule = { ...night, startHour: 9, endHour: 17, days: { monday: true } };
    expect(scheduleWantsAlternative(office, { weekday: 1, hour: 9, minute: 0 })).toBeTrue();
    expect(scheduleWantsAlternative(office, { weekday: 1, hour: 17, minute: 0 })).toBeFalse();
    expect(scheduleWantsAlternative(office, { weekday: 2, hour: 10, minute: 0 })).toBeFalse();
    expect(scheduleWantsAlternative({ ...office, enabled: false }, { weekday: 1, hour: 10, minute: 0 })).toBeFalse();
  });
});

describe('simulation: speed distribution', () => {
  const keys = Array.from({ length: 100 }, (_v, i) => `t${i}`);
  const base = {
    spreadPercentage: 0,
    stoppedMinPercentage: 20,
    stoppedMaxPercentage: 40,
    redistributionMode: 'tick' as const,
    customIntervalMinutes: 5,
  };

  for (const algorithm of ['pareto', 'power-law', 'log-normal'] as const) {
    it(`${algorithm}: shares the total, stops 20–40 % and skews the rest`, () => {
      const shares = distributeSpeeds(keys, 1000, { ...base, algorithm }, seededRandom(7));
      expect(shares.size).toBe(100);
      const values = [...shares.values()];
      const stopped = values.filter((v) => v === 0).length;
      expect(stopped).toBeGreaterThanOrEqual(20);
      expect(stopped).toBeLessThanOrEqual(40);
      const total = values.reduce((a, b) => a + b, 0);
      expect(Math.abs(total - 1000)).toBeLessThan(1000 * 0.001 + 1e-9); // only the ±0.1 % jitter
      const running = values.filter((v) => v > 0).sort((a, b) => b - a);
      // skewed: the top fifth of the running torrents gets more than a fifth of the total
      const top = running.slice(0, Math.ceil(running.length / 5)).reduce((a, b) => a + b, 0);
      expect(top).toBeGreaterThan(total * 0.3);
    });
  }

  it('keeps the total within the spread', () => {
    for (let seed = 1; seed < 20; seed++) {
      const shares = distributeSpeeds(
        keys,
        1000,
        { ...base, algorithm: 'pareto', spreadPercentage: 50 },
        seededRandom(seed),
      );
      const total = [...shares.values()].reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThanOrEqual(500 * 0.999);
      expect(total).toBeLessThan(1500 * 1.001);
    }
  });

  it('is off by default: no shares, configured speeds apply', () => {
    expect(distributeSpeeds(keys, 1000, { ...base, algorithm: 'off' }, seededRandom(1)).size).toBe(0);
    const d = new SpeedDistributor();
    expect(d.update(0, keys, 1000, { ...base, algorithm: 'off' }, seededRandom(1))).toBeFalse();
    expect(d.shareOf('t1')).toBeNull();
  });

  it('redraws every tick, every N minutes, or after an announce, as configured', () => {
    const d = new SpeedDistributor();
    const custom = { ...base, algorithm: 'pareto' as const, redistributionMode: 'custom' as const };
    const r = seededRandom(3);
    expect(d.update(0, keys, 1000, custom, r)).toBeTrue();
    expect(d.update(4 * 60e6, keys, 1000, custom, r)).toBeFalse();
    expect(d.update(5 * 60e6, keys, 1000, custom, r)).toBeTrue();
    const tick = { ...custom, redistributionMode: 'tick' as const };
    expect(d.update(5 * 60e6 + 1, keys, 1000, tick, r)).toBeTrue();
    const onAnnounce = { ...custom, redistributionMode: 'announce' as const };
    expect(d.update(5 * 60e6 + 2, keys, 1000, onAnnounce, r)).toBeFalse();
    d.noteAnnounce();
    expect(d.update(5 * 60e6 + 3, keys, 1000, onAnnounce, r)).toBeTrue();
    // a new torrent gets a share without waiting for the next draw
    expect(d.update(5 * 60e6 + 4, [...keys, 'new'], 1000, custom, r)).toBeTrue();
    expect(d.shareOf('new')).not.toBeNull();
  });
});

describe('simulation: stop conditions', () => {
  const none: StopSettings = { stopAtRatio: 0, randomRatio: false, ratioMin: 1, ratioMax: 3, stopAfterSeedingHours: 0 };

  it('stops at a ratio target, in words', () => {
    const target = chooseRatioTarget({ ...none, stopAtRatio: 2 }, sequence(0.5));
    expect(target).toBe(2);
    expect(stopReason(1.99, target, 0, none)).toBeNull();
    expect(stopReason(2, target, 0, none)).toBe('Ratio target 2.00 reached');
  });

  it('draws a random ratio target within [min, max] once', () => {
    const s = { ...none, randomRatio: true, ratioMin: 1, ratioMax: 3 };
    expect(chooseRatioTarget(s, sequence(0))).toBe(1);
    expect(chooseRatioTarget(s, sequence(0.25))).toBe(1.5);
    for (let seed = 0; seed < 50; seed++) {
      const t = chooseRatioTarget(s, seededRandom(seed));
      expect(t).toBeGreaterThanOrEqual(1);
      expect(t).toBeLessThanOrEqual(3);
    }
  });

  it('stops after the seeding time', () => {
    const s = { ...none, stopAfterSeedingHours: 2 };
    expect(stopReason(0, 0, 2 * 3600 - 1, s)).toBeNull();
    expect(stopReason(0, 0, 2 * 3600, s)).toBe('Seeded for 2 hours');
  });

  it('never stops when both conditions are off', () => {
    expect(stopReason(100, 0, 1e9, none)).toBeNull();
  });
});
