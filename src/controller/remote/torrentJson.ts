import type { Torrent } from '../../model/torrent/Torrent.ts';
import type { RemoteSource } from './RemoteSource.ts';

/** A torrent's row in the list: its figures, the same the window's columns show. */
export function torrentSummary(t: Torrent) {
  return {
    hash: t.info_hash,
    id: t.id,
    name: t.name,
    status: t.status,
    active: t.active,
    progress: t.progress,
    size: t.total_size,
    upload_rate: t.upload_rate,
    download_rate: t.download_rate,
    session_uploaded: t.session_uploaded,
    session_downloaded: t.session_downloaded,
    total_uploaded: t.total_uploaded,
    total_downloaded: t.total_downloaded,
    ratio: t.ratio,
    seeders: t.seeders,
    leechers: t.leechers,
    label: t.label,
    priority: t.priority,
    upload_limit: t.upload_limit,
    download_limit: t.download_limit,
    next_update: t.next_update,
    tracker_host: t.tracker_host,
    tracker_message: t.tracker_message,
    error_message: t.error_message,
    stop_reason: t.stop_reason,
    seeding_time: t.seeding_time,
  };
}

/** The fields the event stream sends when they change (the live figures). */
export const LIVE_FIELDS = [
  'status',
  'active',
  'progress',
  'upload_rate',
  'download_rate',
  'session_uploaded',
  'session_downloaded',
  'total_uploaded',
  'total_downloaded',
  'ratio',
  'seeders',
  'leechers',
  'next_update',
  'tracker_message',
  'error_message',
] as const;

/**
 * The fields the event stream compares: the live figures, and the ones a command changes
 * (name, label, priority, limits), so a page sees those too.
 */
export function liveFields(t: Torrent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of LIVE_FIELDS) out[f] = t[f];
  out.name = t.name;
  out.label = t.label;
  out.priority = t.priority;
  out.upload_limit = t.upload_limit;
  out.download_limit = t.download_limit;
  return out;
}

/** One torrent with everything the details pane shows. */
export function torrentDetails(source: RemoteSource, t: Torrent) {
  return {
    ...torrentSummary(t),
    comment: t.comment,
    created_by: t.created_by,
    creation_date: t.creation_date,
    piece_length: t.piece_length,
    piece_count: t.piece_count,
    private: t.private,
    options: source.options(t),
    trackers: source.trackers(t).map((x) => ({
      url: x.url,
      lane: x.lane ?? '',
      tier: x.tier,
      status: x.status,
      last_announce: x.lastAnnounce,
      next_announce: x.nextAnnounce,
      seeders: x.seeders,
      leechers: x.leechers,
      downloaded: x.downloaded,
      message: x.message,
    })),
    files: source.files(t).map((f) => ({ path: f.path.join('/'), length: f.length })),
    log: source.log(t),
  };
}
