import type { Metainfo } from '../metainfo/Metainfo.ts';
import { bytesToHex } from '../metainfo/parseMetainfo.ts';
import { SETTINGS } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/SettingsStore.ts';
import type { TorrentState } from '../settings/TorrentState.ts';
import { Torrent } from '../torrent/Torrent.ts';
import { newTorrentProfile } from './seedingProfiles.ts';

/**
 * The one translation between a torrent session and its saved state
 * (`settings.json → torrents[path]`, typed by settings/TorrentState.ts): what a session holds
 * beyond its Torrent's properties, and the two directions.
 */
export interface SessionFacts {
  tiers: string[][];
  renamed: boolean;
  stopRatio: number;
  stopSeedingMinutes: number;
  /** Chosen once per torrent (0 = none); null until chosen. */
  ratioTarget: number | null;
  /** Seconds; regular announces never sooner (0: none). */
  announceFloor: number;
  /** The seeding profile its options were last set from ('' : none, or edited by hand since). */
  profile: string;
}

/** Saved fields that map one to one onto Torrent properties (the original's key names). */
const ONE_TO_ONE = [
  'active',
  'id',
  'announce_interval',
  'download_speed',
  'upload_speed',
  'progress',
  'total_downloaded',
  'total_uploaded',
  'small_torrent_limit',
  'threshold',
  'uploading',
  'label',
  'priority',
  'upload_limit',
  'download_limit',
  'super_seeding',
  'sequential_download',
  'force_start',
  'seeding_time',
  'stop_reason',
] as const satisfies readonly (keyof TorrentState & keyof Torrent)[];

/** A Torrent with the metainfo's identity fields; `id` is its queue position. */
export function torrentFor(path: string, m: Metainfo, id: number): Torrent {
  const t = new Torrent();
  t.freeze_notify();
  t.info_hash = m.infoHashHex;
  // v1 and hybrid torrents announce their SHA-1: one string for both fields.
  t.info_hash_v1 = m.infoHashV1 ? (m.infoHashV1 === m.infoHash ? m.infoHashHex : bytesToHex(m.infoHashV1)) : '';
  t.info_hash_v2 = m.infoHashV2 ? bytesToHex(m.infoHashV2) : '';
  t.name = m.name;
  t.filepath = path;
  t.comment = m.comment;
  t.created_by = m.createdBy;
  t.creation_date = m.creationDate ?? 0;
  t.total_size = m.totalSize;
  t.piece_length = m.pieceLength;
  t.piece_count = m.pieceCount;
  t.file_count = m.files.length;
  t.private = m.isPrivate;
  t.id = id;
  t.thaw_notify();
  return t;
}

/**
 * Fills a new Torrent from its saved state, or with the defaults for new torrents (complete
 * unless `simulation.new_torrents_complete` is off), and returns the session's own facts.
 * "This session" figures start at 0: a session is this run of the app.
 */
export function restoreSession(
  t: Torrent,
  m: Metainfo,
  saved: TorrentState | undefined,
  settings: SettingsStore,
): SessionFacts {
  const facts: SessionFacts = {
    tiers: m.announceTiers.map((tier) => [...tier]),
    renamed: false,
    stopRatio: 0,
    stopSeedingMinutes: 0,
    ratioTarget: null,
    announceFloor: 0,
    profile: '',
  };
  t.freeze_notify();
  if (saved) {
    for (const key of ONE_TO_ONE) (t[key] as unknown) = saved[key];
    if (saved.trackers) facts.tiers = saved.trackers.map((tier) => [...tier]);
    if (saved.renamed && saved.name.trim()) {
      t.name = saved.name;
      facts.renamed = true;
    }
    facts.stopRatio = saved.stop_ratio;
    facts.stopSeedingMinutes = saved.stop_seeding_minutes;
    facts.ratioTarget = saved.stop_ratio > 0 ? saved.stop_ratio : saved.ratio_target;
    facts.announceFloor = saved.announce_floor;
    facts.profile = saved.seeding_profile;
  } else {
    // The seeding profile chosen in Preferences (Custom: the speeds above and its own values).
    const profile = newTorrentProfile(settings);
    t.upload_speed = profile.values.upload_speed;
    t.download_speed = profile.values.download_speed;
    t.upload_limit = profile.values.upload_limit;
    t.download_limit = profile.values.download_limit;
    facts.stopRatio = profile.values.stop_ratio;
    facts.stopSeedingMinutes = profile.values.stop_seeding_minutes;
    facts.ratioTarget = facts.stopRatio > 0 ? facts.stopRatio : null;
    facts.announceFloor = profile.values.announce_floor;
    facts.profile = profile.name;
    t.announce_interval = settings.get(SETTINGS.announce_interval);
    t.threshold = Math.round(settings.get(SETTINGS.threshold));
    t.progress = settings.get(SETTINGS.simulation.new_torrents_complete) ? 1 : 0;
    t.uploading = t.progress * 100 >= t.threshold;
    t.active = true;
  }
  t.ratio = t.total_size > 0 ? t.total_uploaded / t.total_size : 0;
  t.thaw_notify();
  return facts;
}

/** The saved state of a session: the original's fields plus the port's. */
export function encodeSession(t: Torrent, facts: SessionFacts): TorrentState {
  // The plain values, not the wrapper: ten thousand torrents are saved every 25 s.
  const v = t.values;
  return {
    active: v.active,
    id: v.id,
    announce_interval: v.announce_interval,
    download_speed: v.download_speed,
    upload_speed: v.upload_speed,
    filepath: v.filepath,
    name: v.name,
    leechers: v.leechers,
    seeders: v.seeders,
    next_update: Math.max(0, v.next_update), // the original's field: seconds, never negative
    progress: v.progress,
    session_downloaded: v.session_downloaded,
    session_uploaded: v.session_uploaded,
    total_downloaded: v.total_downloaded,
    total_uploaded: v.total_uploaded,
    total_size: v.total_size,
    small_torrent_limit: v.small_torrent_limit,
    threshold: v.threshold,
    uploading: v.uploading,
    label: v.label,
    priority: v.priority,
    upload_limit: v.upload_limit,
    download_limit: v.download_limit,
    super_seeding: v.super_seeding,
    sequential_download: v.sequential_download,
    force_start: v.force_start,
    creation_date: v.creation_date,
    comment: v.comment,
    created_by: v.created_by,
    piece_length: v.piece_length,
    piece_count: v.piece_count,
    seeding_time: v.seeding_time,
    stop_reason: v.stop_reason,
    trackers: facts.tiers.map((tier) => [...tier]),
    renamed: facts.renamed,
    stop_ratio: facts.stopRatio,
    stop_seeding_minutes: facts.stopSeedingMinutes,
    ratio_target: facts.ratioTarget,
    announce_floor: facts.announceFloor,
    seeding_profile: facts.profile,
  };
}
