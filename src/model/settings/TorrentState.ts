import { isPlainObject, type Json, type JsonObject } from './json.ts';

/**
 * One torrent's saved state: `settings.json → torrents[<absolute path of the copied .torrent>]`,
 * the original's fields under their original names, then the port's own. Fields a later version
 * adds ride along untouched. The engine reads and writes it through one codec
 * (src/model/session/sessionCodec.ts).
 */
export interface TorrentState {
  active: boolean;
  id: number;
  announce_interval: number;
  download_speed: number;
  upload_speed: number;
  filepath: string;
  name: string;
  leechers: number;
  seeders: number;
  next_update: number;
  /** 0…1, as the original stores it. */
  progress: number;
  session_downloaded: number;
  session_uploaded: number;
  total_downloaded: number;
  total_uploaded: number;
  total_size: number;
  small_torrent_limit: number;
  /** Percent of progress at which uploading starts. */
  threshold: number;
  uploading: boolean;
  label: string;
  /** 0 low, 1 normal, 2 high. */
  priority: number;
  upload_limit: number;
  download_limit: number;
  super_seeding: boolean;
  sequential_download: boolean;
  force_start: boolean;
  creation_date: number;
  comment: string;
  created_by: string;
  piece_length: number;
  piece_count: number;
  // The port's fields.
  /** Seconds spent seeding, lifetime. */
  seeding_time: number;
  /** Why a stop condition stopped it ('' if none). */
  stop_reason: string;
  /** The tracker list as the user edited it (BEP 12 tiers); null: the .torrent's own. */
  trackers: string[][] | null;
  /** The name is the user's, not the .torrent's. */
  renamed: boolean;
  /** Per-torrent stop ratio; 0 follows the preferences. */
  stop_ratio: number;
  /** Per-torrent seeding minutes before stopping; 0 follows the preferences. */
  stop_seeding_minutes: number;
  /** The ratio target chosen once for this torrent (0 = none); null while not chosen yet. */
  ratio_target: number | null;
  /** Seconds: regular announces never sooner (0: the tracker and the client decide). */
  announce_floor: number;
  /** The seeding profile its options were last set from ('' : none, or edited since). */
  seeding_profile: string;
  /** Fields a newer version wrote, kept as read (JSON). */
  [extra: string]: Json;
}

/** Defaults for a field that is missing or unusable (the original's global defaults). */
export const TORRENT_STATE_DEFAULTS: Readonly<TorrentState> = Object.freeze({
  active: true,
  id: 0,
  announce_interval: 1800,
  download_speed: 500,
  upload_speed: 50,
  filepath: '',
  name: '',
  leechers: 0,
  seeders: 0,
  next_update: 1800,
  progress: 0,
  session_downloaded: 0,
  session_uploaded: 0,
  total_downloaded: 0,
  total_uploaded: 0,
  total_size: 0,
  small_torrent_limit: 0,
  threshold: 30,
  uploading: false,
  label: '',
  priority: 1,
  upload_limit: 0,
  download_limit: 0,
  super_seeding: false,
  sequential_download: false,
  force_start: false,
  creation_date: 0,
  comment: '',
  created_by: '',
  piece_length: 0,
  piece_count: 0,
  seeding_time: 0,
  stop_reason: '',
  trackers: null,
  renamed: false,
  stop_ratio: 0,
  stop_seeding_minutes: 0,
  ratio_target: null,
  announce_floor: 0,
  seeding_profile: '',
});

/** Fields that count something and so cannot be negative. */
const NON_NEGATIVE = new Set([
  'id',
  'announce_interval',
  'download_speed',
  'upload_speed',
  'next_update',
  'session_downloaded',
  'session_uploaded',
  'total_downloaded',
  'total_uploaded',
  'total_size',
  'small_torrent_limit',
  'upload_limit',
  'download_limit',
  'creation_date',
  'piece_length',
  'piece_count',
  'seeding_time',
  'stop_ratio',
  'stop_seeding_minutes',
  'announce_floor',
]);

const PRIORITY_WORDS: Record<string, number> = { low: 0, normal: 1, medium: 1, high: 2 };

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // The original's JSON sometimes carries numbers as text (values typed into edit widgets).
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  return undefined;
}

/** BEP 12 tiers of URLs, or null when the value is not a list of lists. */
function tierList(v: unknown): string[][] | null {
  if (!Array.isArray(v) || !v.every((tier) => Array.isArray(tier))) return null;
  return (v as unknown[][]).map((tier) => tier.filter((u): u is string => typeof u === 'string'));
}

/**
 * Turns whatever is stored for a torrent (the original's JSON, ours, or something damaged) into a
 * TorrentState. Missing or wrong fields get defaults; unknown fields are kept. Never throws.
 */
export function normalizeTorrentState(raw: unknown, fallback: { filepath?: string } = {}): TorrentState {
  const src: JsonObject = isPlainObject(raw) ? raw : {};
  const base: TorrentState = { ...TORRENT_STATE_DEFAULTS, ...fallback };
  const out: TorrentState = { ...base };
  for (const [k, v] of Object.entries(src)) {
    if (!(k in TORRENT_STATE_DEFAULTS)) out[k] = v;
  }
  for (const key of Object.keys(TORRENT_STATE_DEFAULTS)) {
    const dflt = base[key];
    const v = src[key];
    if (v === undefined) continue;
    if (key === 'trackers') {
      out.trackers = tierList(v);
    } else if (key === 'ratio_target') {
      const n = num(v);
      out.ratio_target = n !== undefined && n >= 0 ? n : null;
    } else if (key === 'priority') {
      const p = typeof v === 'string' ? (PRIORITY_WORDS[v.toLowerCase()] ?? num(v)) : num(v);
      if (p !== undefined) out.priority = Math.min(2, Math.max(0, Math.round(p)));
    } else if (typeof dflt === 'number') {
      const n = num(v);
      if (n !== undefined && !(NON_NEGATIVE.has(key) && n < 0)) out[key] = n;
    } else if (typeof dflt === 'boolean') {
      const b = bool(v);
      if (b !== undefined) out[key] = b;
    } else if (typeof v === 'string') {
      out[key] = v;
    }
  }
  out.progress = Math.min(1, Math.max(0, out.progress));
  out.threshold = Math.min(100, Math.max(0, out.threshold));
  if (src.next_update === undefined) out.next_update = out.announce_interval;
  return out;
}
