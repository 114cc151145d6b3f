import type { ClientIdentity, RandomInt } from '../identity/index.ts';
import type { TrackerErrorKind } from './types.ts';

/**
 * When to announce next, as the identity's real client decides it.
 * All values are seconds.
 */

/**
 * Seconds until the next regular announce after a good reply: the tracker's `interval` (or the
 * client's default), never below the client's floor (libtorrent's `min_announce_interval`, 300 s)
 * nor below the client's own default min interval (Transmission: 120 s, its
 * `DefaultAnnounceMinIntervalSec`). Transmission 4.1.3 itself has no floor for periodic
 * announces, but a tracker saying `interval 1` must not make the app announce every tick.
 */
export function regularDelay(identity: ClientIdentity, interval: number | null): number {
  const s = identity.schedule;
  return Math.max(interval ?? s.defaultInterval, s.intervalFloor, s.defaultMinInterval);
}

/** Seconds a forced announce must wait after a good reply (`min interval`, or the client's default). */
export function minIntervalDelay(
  identity: ClientIdentity,
  minInterval: number | null,
  interval: number | null,
): number {
  const min = minInterval ?? identity.schedule.defaultMinInterval;
  // A `min interval` above `interval` would make the interval unreachable; trust the interval.
  return interval !== null ? Math.min(min, interval) : min;
}

/** The client's own backoff for the n-th consecutive failure (n ≥ 1), before tracker hints. */
export function backoffDelay(identity: ClientIdentity, failures: number, random: RandomInt): number {
  const b = identity.schedule.backoff;
  const n = Math.max(1, failures);
  switch (b.kind) {
    case 'libtorrent':
      // tracker_backoff 250: 5 + n²·5·250/100 in integer maths, capped at an hour (17, 55, 117, 205, 317 … s).
      return Math.min(3600, 5 + Math.floor((n * n * 5 * 250) / 100));
    case 'table': {
      const base = b.seconds[Math.min(n, b.seconds.length) - 1];
      return base + (n >= b.jitterFrom ? random(b.jitter + 1) : 0);
    }
    case 'exponential':
      return Math.min(b.max, b.base * 2 ** (n - 1));
  }
}

/**
 * Seconds until the retry after a failure. A tracker's own refusal (`failure reason`) waits at
 * least its `interval` (libtorrent: its interval or 1800 s; Transmission: its interval or min
 * interval); transport errors use the pure backoff.
 */
export function retryDelay(
  identity: ClientIdentity,
  failures: number,
  kind: TrackerErrorKind,
  interval: number | null,
  minInterval: number | null,
  random: RandomInt,
  udp = false,
): number {
  const backoff = backoffDelay(identity, failures, random);
  if (kind !== 'failure') return backoff;
  // A UDP error packet carries no interval: libtorrent's retry_interval is then 0 (pure backoff),
  // not the 1800 s it assumes for an HTTP `failure reason` without one.
  if (udp) return backoff;
  if (identity.schedule.backoff.kind === 'libtorrent')
    return Math.max(interval ?? identity.schedule.defaultInterval, backoff);
  const hint = interval ?? minInterval;
  return hint !== null ? Math.max(hint, backoff) : backoff;
}

/**
 * Tracker messages that mean "this torrent is not here and will not be": retrying is pointless
 * (Transmission stops; the original hammered). Matched loosely, as trackers word them freely.
 */
export function isPermanentRefusal(message: string): boolean {
  return /unregistered torrent|torrent not registered|not registered|not authori[sz]ed|torrent not found|unknown torrent|info_?hash not found|not in whitelist|banned/i.test(
    message,
  );
}
