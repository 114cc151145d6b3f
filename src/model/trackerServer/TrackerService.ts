import GLib from 'gi://GLib';
import GObject from 'gi://GObject';

import { errorMessage } from '../../lib/errors.ts';
import { format, _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { ConnectionIds } from './ConnectionIds.ts';
import { HttpTrackerServer } from './HttpTrackerServer.ts';
import { TrackerCore } from './TrackerCore.ts';
import type { Settings } from '../settings/Settings.ts';
import { readTrackerConfig, readListenSettings, type ListenSettings } from './trackerSettings.ts';
import { UdpTrackerServer } from './UdpTrackerServer.ts';
import { removeSource } from '../../lib/sources.ts';

/** What the Tracker page shows per torrent. */
export interface TrackedTorrentView {
  infoHashHex: string;
  /** The library's name for it, or '' for a torrent only this tracker knows. */
  name: string;
  seeders: number;
  leechers: number;
  completed: number;
  announces: number;
}

/** What the Tracker page shows per peer of the selected torrent. */
export interface TrackedPeerView {
  address: string;
  port: number;
  client: string;
  seeder: boolean;
  uploaded: number;
  downloaded: number;
  left: number;
  /** Seconds since its last announce. */
  idleSeconds: number;
}

/** The Tracker page's figures. */
export interface TrackerFigures {
  torrents: number;
  peers: number;
  announces: number;
  announcesPerMinute: number;
  scrapes: number;
  /** Requests refused (bad input, filters, limits, caps). */
  failures: number;
  udpConnects: number;
  /** Announces per second over the last five minutes, oldest first. */
  history: number[];
}

const CHANGED_MIN_MS = 500;

interface TrackerServiceSignals extends GObject.Object.SignalSignatures {
  /** The figures moved (at most twice a second). */
  changed: () => void;
  /** Started, stopped or failed to listen. */
  'state-changed': () => void;
}

/**
 * The built-in tracker as the app runs it: reads `tracker_settings.*`, listens (HTTP on
 * Soup.Server, UDP on a Gio.Socket) only while `tracker_settings.enabled` is on, on
 * `bind_address` (127.0.0.1 unless the user chose otherwise), follows setting changes live, and
 * offers the figures and addresses the Tracker page shows. Signals: `changed` (figures moved;
 * at most twice a second) and `state-changed` (started, stopped or failed to listen).
 */
export class TrackerService extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsTrackerService', Signals: { changed: {}, 'state-changed': {} } }, this);
  }

  declare connect: GObject.SignalMethods<this, TrackerServiceSignals>['connect'];
  declare emit: GObject.SignalMethods<this, TrackerServiceSignals>['emit'];

  readonly core: TrackerCore;
  readonly http: HttpTrackerServer;
  readonly udp: UdpTrackerServer;
  readonly #settings: Settings;
  readonly #names = new Map<string, string>();
  #listen: ListenSettings | null = null;
  #changedSource = 0;
  #stopped = false;
  /** Why it is not listening although turned on (port taken, bad address), in words. */
  error = '';

  constructor(settings: Settings, options: { nowSeconds?: () => number } = {}) {
    super();
    this.#settings = settings;
    this.core = new TrackerCore({ nowSeconds: options.nowSeconds });
    this.core.library = (hex) => this.#names.get(hex);
    this.core.onChanged = () => this.#queueChanged();
    this.http = new HttpTrackerServer(this.core);
    this.udp = new UdpTrackerServer(this.core, new ConnectionIds(options.nowSeconds));
  }

  /** Calls `callback` on `changed` and `state-changed`; returns the disconnect. */
  onChange(callback: () => void): () => void {
    const ids = [this.connect('changed', callback), this.connect('state-changed', callback)];
    return () => ids.forEach((id) => this.disconnect(id));
  }

  /** Applies the settings: listens if the tracker is on. Call once at start-up. */
  start(): void {
    this.#stopped = false;
    this.core.config = readTrackerConfig(this.#settings);
    this.#applyListen();
  }

  /** Closes every listener and forgets the peers (quit). */
  stop(): void {
    this.#stopped = true;
    this.#closeAll();
    removeSource(this.#changedSource);
    this.#changedSource = 0;
  }

  /** Follows a `changed` setting path; only `tracker_settings.*` matter. */
  settingChanged(path: string): void {
    if (this.#stopped || !path.startsWith('tracker_settings')) return;
    this.core.config = readTrackerConfig(this.#settings);
    this.#applyListen();
    this.#queueChanged();
  }

  /** The library's torrents (info hash → name), for the library-only filter and the page. */
  setLibrary(torrents: Iterable<[string, string]>): void {
    this.#names.clear();
    for (const [hex, name] of torrents) this.#names.set(hex, name);
    this.#queueChanged();
  }

  get running(): boolean {
    return this.http.listening || this.udp.listening;
  }

  /** Announce URLs to give to clients, e.g. `http://127.0.0.1:6969/announce`. */
  announceUrls(): string[] {
    const hosts = this.#hosts();
    const urls: string[] = [];
    for (const h of hosts) {
      if (this.http.listening) urls.push(`http://${h}:${this.http.port}/announce`);
      if (this.udp.listening) urls.push(`udp://${h}:${this.udp.port}/announce`);
    }
    return urls;
  }

  /**
   * The URL to add to a library torrent so the app announces to itself: HTTP if it is on, else
   * UDP; the loopback address when listening on every address. Null when the tracker is off.
   */
  selfAnnounceUrl(): string | null {
    const host = this.#hosts()[0];
    if (this.http.listening) return `http://${host}:${this.http.port}/announce`;
    if (this.udp.listening) return `udp://${host}:${this.udp.port}/announce`;
    return null;
  }

  #hosts(): string[] {
    const bind = this.#listen?.bindAddress ?? '127.0.0.1';
    const wrap = (a: string) => (a.includes(':') ? `[${a}]` : a);
    if (bind === '0.0.0.0') return ['127.0.0.1', GLib.get_host_name()];
    if (bind === '::') return ['[::1]', '127.0.0.1', GLib.get_host_name()];
    return [wrap(bind)];
  }

  torrents(): TrackedTorrentView[] {
    const out: TrackedTorrentView[] = [];
    for (const s of this.core.peers.swarms())
      out.push({
        infoHashHex: s.infoHashHex,
        name: this.#names.get(s.infoHashHex) ?? '',
        seeders: s.seeders,
        leechers: s.peers.length - s.seeders,
        completed: s.completed,
        announces: s.announces,
      });
    return out;
  }

  figures(): TrackerFigures {
    const { stats, peers } = this.core;
    return {
      torrents: peers.torrentCount,
      peers: peers.totalPeers,
      announces: stats.announces,
      announcesPerMinute: stats.announcesPerMinute(),
      scrapes: stats.scrapes,
      failures: stats.failures,
      udpConnects: stats.udpConnects,
      history: stats.history(),
    };
  }

  peersOf(infoHashHex: string): TrackedPeerView[] {
    const swarm = this.core.peers.swarm(infoHashHex);
    if (!swarm) return [];
    const now = GLib.get_monotonic_time() / 1e6;
    return swarm.peers.map((p) => ({
      address: p.ip,
      port: p.port,
      client: clientOf(p.peerId),
      seeder: p.seeder,
      uploaded: p.uploaded,
      downloaded: p.downloaded,
      left: p.left,
      idleSeconds: Math.max(0, Math.round(now - p.lastSeen)),
    }));
  }

  #applyListen(): void {
    const wanted = readListenSettings(this.#settings);
    const same = JSON.stringify(wanted) === JSON.stringify(this.#listen);
    if (same && (this.running || !wanted.enabled)) return;
    this.#closeAll();
    this.#listen = wanted;
    this.error = '';
    if (wanted.enabled) {
      const problems: string[] = [];
      const tryListen = (what: string, server: HttpTrackerServer | UdpTrackerServer, port: number) => {
        try {
          server.listen(wanted.bindAddress, port);
          logger.info(`built-in tracker: ${what} on ${wanted.bindAddress}:${server.port}`);
        } catch (e) {
          problems.push(format(_('%1$s on %2$s port %3$d: %4$s'), what, wanted.bindAddress, port, errorMessage(e)));
        }
      };
      if (wanted.http) tryListen('HTTP', this.http, wanted.httpPort);
      if (wanted.udp) tryListen('UDP', this.udp, wanted.udpPort);
      if (problems.length) {
        this.error = format(_('The built-in tracker could not listen: %1$s'), problems.join('; '));
        logger.error(this.error);
      }
      if (this.running) this.core.start();
    }
    this.emit('state-changed');
  }

  #closeAll(): void {
    const was = this.running;
    this.http.close();
    this.udp.close();
    this.core.stop();
    this.core.peers.clear();
    if (was) logger.info('built-in tracker: stopped');
  }

  #queueChanged(): void {
    if (this.#changedSource || this.#stopped) return;
    this.#changedSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT_IDLE, CHANGED_MIN_MS, () => {
      this.#changedSource = 0;
      this.emit('changed');
      return GLib.SOURCE_REMOVE;
    });
  }
}

/** A readable client tag from an Azureus-style peer_id (`-qB4520-…` → `qB 4520`), else its printable start. */
export function clientOf(peerId: Uint8Array): string {
  const text = String.fromCharCode(...peerId.subarray(0, 8));
  const m = /^-([A-Za-z0-9]{2})([A-Za-z0-9]{4})-$/.exec(text);
  if (m) return `${m[1]} ${m[2]}`;
  return text.replace(/[^\x20-\x7e]/g, '').replace(/-+$/, '');
}
