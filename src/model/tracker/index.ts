export { AnnouncerLanes, type AnnouncerLanesOptions, type LanesMetainfo } from './AnnouncerLanes.ts';
export {
  type AnnounceStats,
  type AnnouncerMetainfo,
  TorrentAnnouncer,
  type TorrentAnnouncerOptions,
} from './TorrentAnnouncer.ts';
export { type Clock, DEFAULT_ANNOUNCE_CAP, systemClock, TrackerNetwork } from './TrackerNetwork.ts';
export { farewellCapFor, openFilesLimit } from './farewellCap.ts';
export { buildAnnounceUrl, requestHead, scrapeUrlFor, splitUrl } from './announceUrl.ts';
export { HttpTracker, MAX_REPLY_BYTES } from './HttpTracker.ts';
export { PlainHttpClient } from './PlainHttp.ts';
export type { PlainReply } from './plainHttpReply.ts';
export { UdpTracker } from './UdpTracker.ts';
export * from './types.ts';
export { backoffDelay, isPermanentRefusal, minIntervalDelay, regularDelay, retryDelay } from './schedule.ts';
