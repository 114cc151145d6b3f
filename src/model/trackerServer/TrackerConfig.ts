/** Which torrents the built-in tracker serves. */
export type TorrentFilter = 'any' | 'library' | 'whitelist';

/** The built-in tracker's settings, read from `tracker_settings.*` (see TrackerService). */
export interface TrackerConfig {
  /** Seconds between announces asked of clients, and `min interval` (half of it, like opentracker). */
  interval: number;
  minInterval: number;
  /** A peer silent for interval × this is dropped. */
  peerTimeoutMultiplier: number;
  /** numwant is capped to this (and is this when the client sends none). */
  maxPeersPerAnnounce: number;
  maxPeersPerTorrent: number;
  maxTorrents: number;
  maxTotalPeers: number;
  torrentFilter: TorrentFilter;
  /** 40-hex info hashes, lowercase. */
  torrentWhitelist: ReadonlySet<string>;
  /** Only the library's torrents, whatever the filter; no full scrape. */
  privateMode: boolean;
  enableScrape: boolean;
  /** When not empty, only these addresses may use the tracker. */
  ipWhitelist: ReadonlySet<string>;
  ipBlacklist: ReadonlySet<string>;
  /** Requests per address per minute; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Whether 127.0.0.0/8 and ::1 are rate limited too (off: the app's own torrents announce here). */
  rateLimitLoopback: boolean;
  logAnnounces: boolean;
}

export const DEFAULT_TRACKER_CONFIG: TrackerConfig = {
  interval: 1800,
  minInterval: 900,
  peerTimeoutMultiplier: 3,
  maxPeersPerAnnounce: 50,
  maxPeersPerTorrent: 2000,
  maxTorrents: 10_000,
  maxTotalPeers: 100_000,
  torrentFilter: 'any',
  torrentWhitelist: new Set(),
  privateMode: false,
  enableScrape: true,
  ipWhitelist: new Set(),
  ipBlacklist: new Set(),
  rateLimitPerMinute: 60,
  rateLimitLoopback: false,
  logAnnounces: false,
};
