export {
  type AnnounceStats,
  type AnnouncerMetainfo,
  TorrentAnnouncer,
  type TorrentAnnouncerOptions,
} from './TorrentAnnouncer.ts';
export {
  type Clock,
  DEFAULT_ANNOUNCE_CAP,
  FAREWELL_CAP,
  type SettingsSource,
  systemClock,
  TrackerNetwork,
} from './TrackerNetwork.ts';
export { buildAnnounceUrl, HttpTracker, MAX_REPLY_BYTES, scrapeUrlFor, splitUrl } from './HttpTracker.ts';
export { UdpTracker } from './UdpTracker.ts';
export * from './types.ts';
export { backoffDelay, isPermanentRefusal, minIntervalDelay, regularDelay, retryDelay } from './schedule.ts';
