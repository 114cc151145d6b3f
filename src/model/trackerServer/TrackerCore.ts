import GLib from 'gi://GLib';

import { format, _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { bytesToHex } from '../metainfo/parseMetainfo.ts';
import { compactPeer, isLoopback } from './addresses.ts';
import { PeerTable, peerKey, type Swarm, type TrackedPeer } from './PeerTable.ts';
import { RateLimiter } from './RateLimiter.ts';
import { DEFAULT_TRACKER_CONFIG, type TrackerConfig } from './TrackerConfig.ts';
import { TrackerStats } from './TrackerStats.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

export type ServerEvent = '' | 'started' | 'completed' | 'stopped' | 'paused';

/** One announce, parsed and checked for shape by the HTTP or UDP front end. */
export interface ServerAnnounce {
  infoHash: Uint8Array;
  peerId: Uint8Array;
  /** The source address of the request (never the client's `ip=` claim). */
  ip: string;
  port: number;
  uploaded: number;
  downloaded: number;
  left: number;
  event: ServerEvent;
  /** null: the client did not say. */
  numwant: number | null;
}

export type AnnounceOutcome =
  { failure: string } | { swarm: Swarm; peers: TrackedPeer[]; interval: number; minInterval: number };

export interface ScrapeFigures {
  infoHash: Uint8Array;
  complete: number;
  incomplete: number;
  downloaded: number;
}

/** Torrents the app's library holds: info hash (40 hex) → name. */
export type LibraryLookup = (infoHashHex: string) => string | undefined;

const EXPIRE_EVERY_SECONDS = 30;

/**
 * The tracker's logic, shared by the HTTP and UDP front ends: who may use it (address lists,
 * rate limit), which torrents it serves (any, the library's, a whitelist; private mode), the
 * peer table with its caps and expiry, and the figures for the Tracker page. Every refusal is a
 * sentence for the client's `failure reason` or BEP 15 error packet.
 */
export class TrackerCore {
  readonly peers = new PeerTable();
  readonly stats: TrackerStats;
  readonly limiter: RateLimiter;
  config: TrackerConfig = DEFAULT_TRACKER_CONFIG;
  library: LibraryLookup = () => undefined;
  /** Called after each accepted announce or removal (the service coalesces it for the page). */
  onChanged: () => void = () => {};
  readonly #now: () => number;
  readonly #random: () => number;
  #expireSource = 0;

  constructor(options: { nowSeconds?: () => number; random?: () => number } = {}) {
    this.#now = options.nowSeconds ?? (() => GLib.get_monotonic_time() / 1e6);
    this.#random = options.random ?? Math.random;
    this.stats = new TrackerStats(this.#now);
    this.limiter = new RateLimiter(this.#now);
  }

  /** Runs expiry every 30 s on the main loop until stop(). */
  start(): void {
    if (sourceAlive(this.#expireSource)) return;
    this.#expireSource = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT_IDLE, EXPIRE_EVERY_SECONDS, () => {
      this.expire();
      return GLib.SOURCE_CONTINUE;
    });
  }

  stop(): void {
    removeSource(this.#expireSource);
    this.#expireSource = 0;
  }

  /** Drops peers silent for longer than interval × multiplier. */
  expire(): number {
    const c = this.config;
    const removed = this.peers.expire(this.#now() - c.interval * c.peerTimeoutMultiplier, (hex) => !!this.library(hex));
    if (removed) this.onChanged();
    return removed;
  }

  /**
   * Whether `ip` may send a request now: null if so, else the reason, or 'drop' for a request
   * to ignore without a reply (a flood well past the limit).
   */
  admit(ip: string): string | 'drop' | null {
    const c = this.config;
    if (c.ipBlacklist.has(ip) || (c.ipWhitelist.size > 0 && !c.ipWhitelist.has(ip))) {
      this.stats.failures++;
      return _('Your address is not allowed to use this tracker.');
    }
    if (!c.rateLimitLoopback && isLoopback(ip)) return null;
    const verdict = this.limiter.take(ip, c.rateLimitPerMinute);
    if (verdict === 'ok') return null;
    this.stats.failures++;
    if (verdict === 'drop') return 'drop';
    return format(
      _('Too many requests from your address (at most %1$d a minute); try again in a minute.'),
      c.rateLimitPerMinute,
    );
  }

  /** Why this torrent is not served, or null if it is. */
  refuseTorrent(infoHashHex: string): string | null {
    const c = this.config;
    const mode = c.privateMode ? 'library' : c.torrentFilter;
    if (mode === 'library' && !this.library(infoHashHex))
      return _('This torrent is not registered with this tracker (only the torrents in its library are).');
    if (mode === 'whitelist' && !c.torrentWhitelist.has(infoHashHex) && !(c.privateMode && this.library(infoHashHex)))
      return _('This torrent is not registered with this tracker (it is not on its list of allowed torrents).');
    return null;
  }

  announce(a: ServerAnnounce): AnnounceOutcome {
    const outcome = this.#announce(a);
    if ('failure' in outcome) this.stats.failures++;
    else this.stats.countAnnounce();
    if (this.config.logAnnounces) {
      const what = 'failure' in outcome ? `refused: ${outcome.failure}` : `${outcome.peers.length} peers`;
      logger.info(`tracker: ${a.ip}:${a.port} ${a.event || 'announce'} ${bytesToHex(a.infoHash)} → ${what}`);
    }
    return outcome;
  }

  #announce(a: ServerAnnounce): AnnounceOutcome {
    const c = this.config;
    const hex = bytesToHex(a.infoHash);
    const refused = this.refuseTorrent(hex);
    if (refused) return { failure: refused };
    const ipv6 = a.ip.includes(':');
    const now = this.#now();
    if (a.event === 'stopped') {
      if (this.peers.remove(hex, a.peerId, ipv6)) this.onChanged();
      const swarm = this.peers.swarm(hex) ?? emptySwarm(a.infoHash, hex);
      return { swarm, peers: [], interval: c.interval, minInterval: c.minInterval };
    }
    const compact = compactPeer(a.ip, a.port);
    if (!compact) return { failure: _('The tracker could not read your address.') };
    const result = this.peers.upsert(
      a.infoHash,
      hex,
      {
        peerId: a.peerId,
        ip: a.ip,
        port: a.port,
        compact,
        ipv6,
        seeder: a.left === 0,
        uploaded: a.uploaded,
        downloaded: a.downloaded,
        left: a.left,
      },
      a.event === 'completed',
      now,
      c,
    );
    if (result === 'torrents')
      return { failure: format(_('This tracker is full: it keeps at most %1$d torrents.'), c.maxTorrents) };
    if (result === 'torrent')
      return {
        failure: format(_('This torrent is full: the tracker keeps at most %1$d peers for it.'), c.maxPeersPerTorrent),
      };
    if (result === 'total')
      return { failure: format(_('This tracker is full: it keeps at most %1$d peers in all.'), c.maxTotalPeers) };
    const wanted =
      a.numwant === null || a.numwant < 0 ? c.maxPeersPerAnnounce : Math.min(a.numwant, c.maxPeersPerAnnounce);
    const peers = this.peers.pick(result, wanted, peerKey(a.peerId, ipv6), null, this.#random);
    this.onChanged();
    return { swarm: result, peers, interval: c.interval, minInterval: c.minInterval };
  }

  /** Figures for each hash (zeros for one it has no swarm for), or a refusal. */
  scrape(infoHashes: Uint8Array[]): ScrapeFigures[] | { failure: string } {
    const c = this.config;
    if (!c.enableScrape) return this.#scrapeFailure(_('This tracker does not answer scrapes.'));
    if (infoHashes.length === 0 && c.privateMode)
      return this.#scrapeFailure(_('This tracker does not list its torrents (private mode).'));
    this.stats.scrapes++;
    if (infoHashes.length === 0) {
      const all: ScrapeFigures[] = [];
      for (const s of this.peers.swarms()) if (!this.refuseTorrent(s.infoHashHex)) all.push(figures(s.infoHash, s));
      return all;
    }
    return infoHashes.map((h) => {
      const hex = bytesToHex(h);
      // A torrent the tracker does not serve reads as empty, as on opentracker.
      return figures(h, this.refuseTorrent(hex) ? undefined : this.peers.swarm(hex));
    });
  }

  #scrapeFailure(failure: string): { failure: string } {
    this.stats.failures++;
    return { failure };
  }

  clear(): void {
    this.peers.clear();
    this.onChanged();
  }
}

function figures(infoHash: Uint8Array, s: Swarm | undefined): ScrapeFigures {
  if (!s) return { infoHash, complete: 0, incomplete: 0, downloaded: 0 };
  return { infoHash, complete: s.seeders, incomplete: s.peers.length - s.seeders, downloaded: s.completed };
}

function emptySwarm(infoHash: Uint8Array, hex: string): Swarm {
  return {
    infoHashHex: hex,
    infoHash,
    peers: [],
    index: new Map(),
    seeders: 0,
    completed: 0,
    announces: 0,
    lastAnnounce: 0,
  };
}
