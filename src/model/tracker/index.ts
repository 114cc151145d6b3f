export {
  type AnnounceStats,
  type AnnouncerMetainfo,
  TorrentAnnouncer,
  type TorrentAnnouncerOptions,
} from './TorrentAnnouncer.ts';
export {
  type Clock,
  DEFAULT_ANNOUNCE_CAP,
  farewellCapFor,
  openFilesLimit,
  systemClock,
  TrackerNetwork,
} from './TrackerNetwork.ts';
export { buildAnnounceUrl, requestHead, scrapeUrlFor, splitUrl } from './announceUrl.ts';
export { HttpTracker, MAX_REPLY_BYTES } from './HttpTracker.ts';
export { PlainHttpClient, type PlainReply } from './PlainHttp.ts';
export { UdpTracker } from './UdpTracker.ts';
export * from './types.ts';
export { backoffDelay, isPermanentRefusal, minIntervalDelay, regularDelay, retryDelay } from './schedule.ts';
