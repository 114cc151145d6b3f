import type { TrackerInfo } from '../tracker/types.ts';

export interface TrackerHealth {
  /** No tracker works: every one has failed since it last answered, or refused for good. */
  failing: boolean;
  /** The newest failure's words ('' when not failing). */
  lastFailure: string;
}

/**
 * Whether a torrent's trackers work, as a real client shows it: a tracker not tried yet (the
 * first `started` still in flight) is not a failure, so a torrent is failing only once every
 * tracker of its first round has failed, and stops failing as soon as one answers.
 */
export function trackerHealth(trackers: readonly TrackerInfo[]): TrackerHealth {
  const failing =
    trackers.length > 0 && trackers.every((t) => t.state === 'disabled' || (t.failures > 0 && t.state !== 'working'));
  if (!failing) return { failing, lastFailure: '' };
  let newest: TrackerInfo = trackers[0];
  for (const t of trackers) if ((t.lastAnnounce ?? 0) >= (newest.lastAnnounce ?? 0)) newest = t;
  return { failing, lastFailure: newest.message };
}
