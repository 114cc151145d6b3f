import { DEFAULT_TRACKER_CONFIG, type TorrentFilter, type TrackerConfig } from './TrackerConfig.ts';

/** The settings the tracker reads (SettingsStore satisfies it). */
export interface SettingsReader {
  get<T = unknown>(path: string): T;
}

/** The settings keys of the built-in tracker (`data/default.json`, the original's names). */
export const TRACKER_SETTINGS = {
  enabled: 'tracker_settings.enabled',
  httpEnabled: 'tracker_settings.http_enabled',
  httpPort: 'tracker_settings.http_port',
  udpEnabled: 'tracker_settings.udp_enabled',
  udpPort: 'tracker_settings.udp_port',
  bindAddress: 'tracker_settings.bind_address',
  interval: 'tracker_settings.announce_interval_seconds',
  peerTimeoutMultiplier: 'tracker_settings.peer_timeout_multiplier',
  maxPeersPerAnnounce: 'tracker_settings.max_peers_per_announce',
  maxPeersPerTorrent: 'tracker_settings.max_peers_per_torrent',
  maxTorrents: 'tracker_settings.max_torrents',
  maxTotalPeers: 'tracker_settings.max_total_peers',
  torrentFilter: 'tracker_settings.torrent_filter',
  torrentWhitelist: 'tracker_settings.torrent_whitelist',
  privateMode: 'tracker_settings.private_mode',
  enableScrape: 'tracker_settings.enable_scrape',
  logAnnounces: 'tracker_settings.log_announces',
  ipWhitelist: 'tracker_settings.security.ip_whitelist',
  ipBlacklist: 'tracker_settings.security.ip_blacklist',
  rateLimitPerMinute: 'tracker_settings.security.rate_limit_per_minute',
  rateLimitLoopback: 'tracker_settings.security.rate_limit_loopback',
} as const;

/** Where and whether to listen; a change of any of these restarts the listeners. */
export interface ListenSettings {
  enabled: boolean;
  http: boolean;
  httpPort: number;
  udp: boolean;
  udpPort: number;
  bindAddress: string;
}

function read<T>(s: SettingsReader, path: string, fallback: T): T {
  const v = s.get<unknown>(path);
  if (typeof fallback === 'number') return (typeof v === 'number' && Number.isFinite(v) ? v : fallback) as T;
  return (typeof v === typeof fallback ? v : fallback) as T;
}

function list(s: SettingsReader, path: string, hex = false): Set<string> {
  const v = s.get<unknown>(path);
  if (!Array.isArray(v)) return new Set();
  const items = v.filter((x): x is string => typeof x === 'string').map((x) => x.trim().toLowerCase());
  return new Set(hex ? items.filter((x) => /^[0-9a-f]{40}$/.test(x)) : items.filter((x) => x !== ''));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(n)));

export function readListenSettings(s: SettingsReader): ListenSettings {
  return {
    enabled: read(s, TRACKER_SETTINGS.enabled, false),
    http: read(s, TRACKER_SETTINGS.httpEnabled, true),
    httpPort: clamp(read(s, TRACKER_SETTINGS.httpPort, 6969), 0, 65535),
    udp: read(s, TRACKER_SETTINGS.udpEnabled, true),
    udpPort: clamp(read(s, TRACKER_SETTINGS.udpPort, 6969), 0, 65535),
    bindAddress: read(s, TRACKER_SETTINGS.bindAddress, '127.0.0.1').trim() || '127.0.0.1',
  };
}

export function readTrackerConfig(s: SettingsReader): TrackerConfig {
  const d = DEFAULT_TRACKER_CONFIG;
  const interval = clamp(read(s, TRACKER_SETTINGS.interval, d.interval), 10, 86400);
  const filter = read<string>(s, TRACKER_SETTINGS.torrentFilter, d.torrentFilter);
  return {
    interval,
    minInterval: Math.max(5, Math.floor(interval / 2)),
    peerTimeoutMultiplier: Math.max(1, read(s, TRACKER_SETTINGS.peerTimeoutMultiplier, d.peerTimeoutMultiplier)),
    maxPeersPerAnnounce: clamp(read(s, TRACKER_SETTINGS.maxPeersPerAnnounce, d.maxPeersPerAnnounce), 0, 1000),
    maxPeersPerTorrent: clamp(read(s, TRACKER_SETTINGS.maxPeersPerTorrent, d.maxPeersPerTorrent), 1, 1_000_000),
    maxTorrents: clamp(read(s, TRACKER_SETTINGS.maxTorrents, d.maxTorrents), 1, 1_000_000),
    maxTotalPeers: clamp(read(s, TRACKER_SETTINGS.maxTotalPeers, d.maxTotalPeers), 1, 2_000_000),
    torrentFilter: (['any', 'library', 'whitelist'].includes(filter) ? filter : 'any') as TorrentFilter,
    torrentWhitelist: list(s, TRACKER_SETTINGS.torrentWhitelist, true),
    privateMode: read(s, TRACKER_SETTINGS.privateMode, d.privateMode),
    enableScrape: read(s, TRACKER_SETTINGS.enableScrape, d.enableScrape),
    ipWhitelist: list(s, TRACKER_SETTINGS.ipWhitelist),
    ipBlacklist: list(s, TRACKER_SETTINGS.ipBlacklist),
    rateLimitPerMinute: clamp(read(s, TRACKER_SETTINGS.rateLimitPerMinute, d.rateLimitPerMinute), 0, 1_000_000),
    rateLimitLoopback: read(s, TRACKER_SETTINGS.rateLimitLoopback, d.rateLimitLoopback),
    logAnnounces: read(s, TRACKER_SETTINGS.logAnnounces, d.logAnnounces),
  };
}
