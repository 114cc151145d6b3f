import { type Setting, SETTINGS } from '../settings/schema.ts';
import type { Settings } from '../settings/Settings.ts';
import type { TrackerConfig } from './TrackerConfig.ts';

/** The built-in tracker's keys in the settings table (`tracker_settings.*` in data/default.json). */
const T = SETTINGS.tracker_settings;

/** Their dot paths (for code that watches `changed`). */
export const TRACKER_SETTINGS = {
  enabled: T.enabled.path,
  httpEnabled: T.http_enabled.path,
  httpPort: T.http_port.path,
  udpEnabled: T.udp_enabled.path,
  udpPort: T.udp_port.path,
  bindAddress: T.bind_address.path,
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

function list(s: Settings, key: Setting<readonly string[]>, hex = false): Set<string> {
  const items = s.get(key).map((x) => x.trim().toLowerCase());
  return new Set(hex ? items.filter((x) => /^[0-9a-f]{40}$/.test(x)) : items.filter((x) => x !== ''));
}

// Values are already within the table's bounds (SettingsStore validates them).
export function readListenSettings(s: Settings): ListenSettings {
  return {
    enabled: s.get(T.enabled),
    http: s.get(T.http_enabled),
    httpPort: s.get(T.http_port),
    udp: s.get(T.udp_enabled),
    udpPort: s.get(T.udp_port),
    bindAddress: s.get(T.bind_address).trim() || T.bind_address.default,
  };
}

export function readTrackerConfig(s: Settings): TrackerConfig {
  const interval = s.get(T.announce_interval_seconds);
  return {
    interval,
    minInterval: Math.max(5, Math.floor(interval / 2)),
    peerTimeoutMultiplier: s.get(T.peer_timeout_multiplier),
    maxPeersPerAnnounce: s.get(T.max_peers_per_announce),
    maxPeersPerTorrent: s.get(T.max_peers_per_torrent),
    maxTorrents: s.get(T.max_torrents),
    maxTotalPeers: s.get(T.max_total_peers),
    torrentFilter: s.get(T.torrent_filter),
    torrentWhitelist: list(s, T.torrent_whitelist, true),
    privateMode: s.get(T.private_mode),
    enableScrape: s.get(T.enable_scrape),
    ipWhitelist: list(s, T.security.ip_whitelist),
    ipBlacklist: list(s, T.security.ip_blacklist),
    rateLimitPerMinute: s.get(T.security.rate_limit_per_minute),
    rateLimitLoopback: s.get(T.security.rate_limit_loopback),
    logAnnounces: s.get(T.log_announces),
  };
}
