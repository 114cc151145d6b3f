import { _ } from '../../lib/i18n.ts';
import type { Torrent } from '../torrent/Torrent.ts';

/** Per-torrent options the Options tab edits (speeds and limits in KB/s, 0 = none). */
export interface TorrentOptionValues {
  active: boolean;
  upload_speed: number;
  download_speed: number;
  upload_limit: number;
  download_limit: number;
  announce_interval: number;
  threshold: number;
  /** Stop at this ratio; 0 follows the preferences. */
  stop_ratio: number;
  /** Stop after seeding this many minutes; 0 follows the preferences. */
  stop_seeding_minutes: number;
  /** Seconds: regular announces never come sooner than this; 0 leaves it to the tracker and the client. */
  announce_floor: number;
}

export type NumericOption = Exclude<keyof TorrentOptionValues, 'active'>;

const RANGES: Record<NumericOption, [number, number, () => string]> = {
  upload_speed: [0, 1e9, () => _('The upload speed must be 0 KB/s or more.')],
  download_speed: [0, 1e9, () => _('The download speed must be 0 KB/s or more.')],
  upload_limit: [0, 1e9, () => _('A speed limit must be a number of KB/s, 0 or more.')],
  download_limit: [0, 1e9, () => _('A speed limit must be a number of KB/s, 0 or more.')],
  announce_interval: [60, 86400 * 7, () => _('The announce interval must be between 60 seconds and a week.')],
  threshold: [0, 100, () => _('The threshold must be between 0 and 100 %.')],
  stop_ratio: [0, 1e6, () => _('The stop ratio must be 0 (off) or more.')],
  stop_seeding_minutes: [0, 1e9, () => _('The seeding time must be 0 (off) or more minutes.')],
  announce_floor: [0, 86400 * 7, () => _('The announce interval floor must be between 0 (none) and a week.')],
};

/** The value to store for a numeric option; throws an Error in plain words when it is out of range. */
export function checkedOption(key: NumericOption, value: unknown): number {
  const [lo, hi, message] = RANGES[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) throw new Error(message());
  return key === 'announce_interval' || key === 'threshold' || key === 'announce_floor' ? Math.round(value) : value;
}

/** A per-torrent speed cap in KB/s; throws an Error in plain words when it is not one. */
export function checkedLimit(value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(_('A speed limit must be a number of KB/s, 0 or more.'));
  return value;
}

/** A tracker URL as the user typed it, trimmed; throws an Error in plain words when unusable. */
export function checkedTrackerUrl(url: string): string {
  const clean = url.trim();
  if (!/^(https?|udp):\/\/[^/\s:?#]+/i.test(clean) || /\s/.test(clean))
    throw new Error(_('A tracker address must start with http://, https:// or udp:// and name a host.'));
  return clean;
}

/** What a torrent's session keeps of its options itself (the rest are the Torrent's properties). */
export type SessionOptions = Pick<TorrentOptionValues, 'stop_ratio' | 'stop_seeding_minutes' | 'announce_floor'>;

/** A torrent's options: its properties and what its session keeps. */
export function torrentOptions(t: Torrent, own: SessionOptions): TorrentOptionValues {
  return {
    active: t.active,
    upload_speed: t.upload_speed,
    download_speed: t.download_speed,
    upload_limit: t.upload_limit,
    download_limit: t.download_limit,
    announce_interval: t.announce_interval,
    threshold: t.threshold,
    ...own,
  };
}

/** The options of a torrent no longer in the model: its last properties, the session's own at none. */
export function removedTorrentOptions(t: Torrent): TorrentOptionValues {
  return torrentOptions(t, { stop_ratio: 0, stop_seeding_minutes: 0, announce_floor: 0 });
}
