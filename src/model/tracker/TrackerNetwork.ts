import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import {
  type AnnounceKey,
  type ClientIdentity,
  generateKey,
  generatePeerId,
  glibRandom,
  identityById,
  type RandomInt,
} from '../identity/index.ts';
import { isCancelled } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { type AnnounceContext, splitUrl } from './announceUrl.ts';
import { type GlobalAddresses, systemGlobalAddresses } from './globalAddresses.ts';
import { HttpTracker } from './HttpTracker.ts';
import { cancelledError } from './deadline.ts';
import { FairCap } from './FairCap.ts';
import { SETTINGS } from '../settings/schema.ts';
import { type Clock, type SettingsSource, systemClock } from './networkSources.ts';
import { farewellCapFor, openFilesLimit } from './farewellCap.ts';
import { Semaphore } from './Semaphore.ts';
import type { Socks5Proxy } from './Socks5UdpRelay.ts';
import type { ScrapeReply } from './scrapeReply.ts';
import { type AddressFamily, type AnnounceReply, type AnnounceRequest, TrackerError } from './types.ts';
import { type UdpEndpoint, UdpTracker } from './UdpTracker.ts';

export { type Clock, type PasswordSource, type SettingsSource, systemClock } from './networkSources.ts';

/** The port's own default for `concurrent_http_connections` (the original's 2 was too low). */
export const DEFAULT_ANNOUNCE_CAP = 16;
// `proxy.password` is the keyring password's change (PasswordSource), not a setting.
const PROXY_KEYS = [...Object.values(SETTINGS.proxy).map((s) => s.path), 'proxy.password'];

export interface NetworkOptions {
  clock?: Clock;
  random?: RandomInt;
  /** HTTPS trackers are checked against these CAs instead of the system's (specs: a test CA). */
  tlsDatabase?: Gio.TlsDatabase | null;
  /** This computer's public addresses (default: looked up; specs give their own). */
  globalAddresses?: () => GlobalAddresses;
}

export interface AnnounceOptions {
  cancellable: Gio.Cancellable | null;
  /**
   * A `stopped` farewell: uses the farewell cap (open-files bound, see farewellCapFor) and the
   * identity's stop timeout, and plain `http://` goes over PlainHttpClient when there is no proxy.
   */
  farewell?: boolean;
}

/**
 * Everything the torrents share on the network: one Soup.Session (proxy from settings, no
 * content decoder), the UDP endpoints, the global announce cap, and the session's peer_id and
 * keys for the chosen identity, generated once per app session like a real client's.
 */
/** The fair cap's key for a tracker: scheme, host and port (one service, whatever its path). */
function trackerKey(url: string): string {
  const u = splitUrl(url);
  return u ? `${u.scheme}://${u.host.toLowerCase()}:${u.port}` : url;
}

/** Info hashes as hex, per hash bytes (every announce of a torrent passes the same array). */
const hexes = new WeakMap<Uint8Array, string>();

function hexOf(bytes: Uint8Array): string {
  let hex = hexes.get(bytes);
  if (hex === undefined) {
    hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    hexes.set(bytes, hex);
  }
  return hex;
}

export class TrackerNetwork {
  readonly clock: Clock;
  readonly random: RandomInt;
  readonly #settings: SettingsSource;
  readonly #tlsDatabase: Gio.TlsDatabase | null;
  readonly #globalAddresses: () => GlobalAddresses;
  #http: HttpTracker;
  #proxyUri: string | null;
  readonly udp = new UdpTracker();
  readonly #announceCap: FairCap;
  readonly #farewellCap = new Semaphore(farewellCapFor(openFilesLimit()));
  readonly #peerIds = new Map<string, Uint8Array>();
  readonly #keys = new Map<string, AnnounceKey>();
  #changedId = 0;
  #passwordChangedId = 0;

  constructor(settings: SettingsSource, options: NetworkOptions = {}) {
    this.#settings = settings;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? glibRandom;
    this.#announceCap = new FairCap(this.#capSetting());
    this.#proxyUri = this.#proxySetting();
    this.#tlsDatabase = options.tlsDatabase ?? null;
    this.#globalAddresses = options.globalAddresses ?? systemGlobalAddresses;
    this.#http = this.#newHttp();
    this.udp.proxy = this.#socks5Setting();
    this.#changedId = settings.connect('changed', (_self, path: string) => this.#settingChanged(path));
    const password = settings.proxyPassword;
    if (password) this.#passwordChangedId = password.connect('changed', () => this.#settingChanged('proxy.password'));
  }

  #newHttp(): HttpTracker {
    return new HttpTracker(this.#proxyUri, { refuseHostNames: this.#socks4(), tlsDatabase: this.#tlsDatabase });
  }

  #capSetting(): number {
    // The table allows up to 1000; more than 256 at once only queues in the kernel.
    return Math.min(256, this.#settings.get(SETTINGS.concurrent_http_connections));
  }

  #proxySetting(): string | null {
    const s = this.#settings;
    const type = s.get(SETTINGS.proxy.type);
    const server = s.get(SETTINGS.proxy.server).trim();
    if (type === 'none' || !server) return null;
    const port = s.get(SETTINGS.proxy.port);
    let auth = '';
    if (s.get(SETTINGS.proxy.auth_enabled)) {
      const user = GLib.Uri.escape_string(s.get(SETTINGS.proxy.username), null, false);
      const pass = GLib.Uri.escape_string(this.#settings.proxyPassword?.value ?? '', null, false);
      auth = `${user}:${pass}@`;
    }
    const host = server.includes(':') && !server.startsWith('[') ? `[${server}]` : server;
    return `${type}://${auth}${host}:${port}`;
  }

  /** A proxy is set: it resolves tracker names, so announces cannot choose an address family. */
  get proxied(): boolean {
    return this.#proxyUri !== null;
  }

  /** A SOCKS 4 proxy is set: tracker names are refused, never looked up here (HttpTracker). */
  #socks4(): boolean {
    return this.#proxyUri !== null && this.#settings.get(SETTINGS.proxy.type) === 'socks4';
  }

  /** The proxy UDP trackers go through: only a SOCKS 5 proxy can carry UDP. */
  #socks5Setting(): Socks5Proxy | null {
    const s = this.#settings;
    if (s.get(SETTINGS.proxy.type) !== 'socks5') return null;
    const host = s
      .get(SETTINGS.proxy.server)
      .trim()
      .replace(/^\[|\]$/g, '');
    if (!host) return null;
    const credentials = s.get(SETTINGS.proxy.auth_enabled)
      ? { username: s.get(SETTINGS.proxy.username), password: this.#settings.proxyPassword?.value ?? '' }
      : null;
    return { host, port: s.get(SETTINGS.proxy.port), credentials };
  }

  #settingChanged(path: string): void {
    this.#read = null;
    if (PROXY_KEYS.includes(path) || path === 'proxy') {
      const uri = this.#proxySetting();
      if (uri !== this.#proxyUri) {
        this.#proxyUri = uri;
        this.#http.abort();
        this.#http = this.#newHttp();
        this.udp.proxy = this.#socks5Setting();
      }
    } else if (path === SETTINGS.concurrent_http_connections.path) {
      this.#announceCap.limit = this.#capSetting();
    }
  }

  /** Settings every announce reads, read again after any change (a farewell burst reads them thousands of times). */
  #read: { identity: ClientIdentity; port: number; httpTimeout: number } | null = null;

  #settingsRead(): { identity: ClientIdentity; port: number; httpTimeout: number } {
    const s = this.#settings;
    return (this.#read ??= {
      identity: identityById(s.get(SETTINGS.agent)),
      port: s.get(SETTINGS.connection.listening_port),
      httpTimeout: s.get(SETTINGS.seeders.http_timeout_seconds),
    });
  }

  /** The identity chosen in the settings (`agent`), or the default one. */
  get identity(): ClientIdentity {
    return this.#settingsRead().identity;
  }

  /** The peer_id of the current identity for this app session. */
  get peerId(): Uint8Array {
    return this.#peerIdFor(this.identity);
  }

  #peerIdFor(id: ClientIdentity): Uint8Array {
    let p = this.#peerIds.get(id.id);
    if (!p) {
      p = generatePeerId(id, this.random);
      this.#peerIds.set(id.id, p);
    }
    return p;
  }

  /** The announce port: the one listening-port setting, for every torrent. */
  get port(): number {
    return this.#settingsRead().port;
  }

  /** The `key` for one torrent (or the whole session), stable for the app session. */
  keyFor(infoHashHex: string): AnnounceKey {
    return this.#keyFor(this.identity, infoHashHex);
  }

  #keyFor(id: ClientIdentity, infoHashHex: string): AnnounceKey {
    const k = id.key.lifetime === 'session' ? id.id : `${id.id}/${infoHashHex}`;
    let key = this.#keys.get(k);
    if (!key) {
      key = generateKey(id, this.random);
      this.#keys.set(k, key);
    }
    return key;
  }

  get httpTimeoutSeconds(): number {
    return this.#settingsRead().httpTimeout;
  }

  get udpTimeoutSeconds(): number {
    return this.#settings.get(SETTINGS.seeders.udp_timeout_seconds);
  }

  /** How many farewells may be in flight at once (the open-files bound). */
  get farewellLimit(): number {
    return this.#farewellCap.limit;
  }

  /** Announces in flight or waiting for the cap (for specs and the status bar). */
  get announceLoad(): { running: number; waiting: number; limit: number } {
    return { running: this.#announceCap.held, waiting: this.#announceCap.waiting, limit: this.#announceCap.limit };
  }

  /** Told each announce's outcome (the history store); a cancelled announce has none. */
  onAnnounceOutcome: ((infoHashHex: string, url: string, ok: boolean) => void) | null = null;

  /** One announce to one tracker, under the global cap. Throws TrackerError or CANCELLED. */
  async announce(url: string, req: AnnounceRequest, options: AnnounceOptions): Promise<AnnounceReply> {
    try {
      const reply = await this.#announceOnce(url, req, options);
      this.onAnnounceOutcome?.(hexOf(req.torrentHash ?? req.infoHash), url, true);
      return reply;
    } catch (e) {
      const cancelled = e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED);
      if (!cancelled) this.onAnnounceOutcome?.(hexOf(req.torrentHash ?? req.infoHash), url, false);
      throw e;
    }
  }

  async #announceOnce(url: string, req: AnnounceRequest, options: AnnounceOptions): Promise<AnnounceReply> {
    // The first announces of a session wait for the keyring's answer, not for a 407 without it.
    if (this.#settings.proxyPassword) await this.#settings.proxyPassword.ready;
    const ctx = this.#context(req);
    const farewell = options.farewell === true;
    const cancellable = options.cancellable;
    if (cancellable?.is_cancelled()) throw cancelledError();
    if (farewell) {
      const release = this.#farewellCap.tryAcquire() ?? (await this.#farewellCap.acquire(cancellable));
      try {
        return await this.#announceNow(url, req, ctx, true, cancellable);
      } finally {
        release();
      }
    }
    return this.#underFairCap(url, cancellable, () => this.#announceNow(url, req, ctx, false, cancellable));
  }

  /** The session's values an announce of `req` carries: identity, peer id, the torrent's key, port. */
  #context(req: AnnounceRequest): AnnounceContext & { keyValue: number } {
    const identity = this.identity;
    // One key per torrent, whichever of its hashes or address families is announced (BEP 15).
    const key = this.#keyFor(identity, hexOf(req.torrentHash ?? req.infoHash));
    const ctx = {
      identity,
      peerId: this.#peerIdFor(identity),
      key: key.text,
      keyValue: key.value,
      port: this.port,
      globalAddresses: undefined as GlobalAddresses | undefined,
    };
    if (identity.query.includes('ipv4') || identity.query.includes('ipv6'))
      ctx.globalAddresses = this.#globalAddresses();
    return ctx;
  }

  /**
   * announce(url, req, { cancellable, farewell: true }) with a callback: GJS 1.74 spends several
   * µs per promise reaction, and at quit thousands of farewells go out at once. Plain `http://`
   * without a proxy goes straight to the plain transport under the farewell cap, the rest
   * through announce(). `done(null)` when the tracker took it, else announce()'s error.
   */
  farewell(
    url: string,
    req: AnnounceRequest,
    cancellable: Gio.Cancellable | null,
    done: (error: unknown) => void,
  ): void {
    const viaAnnounce = () => this.announce(url, req, { cancellable, farewell: true }).then(() => done(null), done);
    const http = this.#http;
    if (!http.plain || splitUrl(url)?.scheme !== 'http') return void viaAnnounce();
    const hex = hexOf(req.torrentHash ?? req.infoHash);
    this.#farewellCap.acquireThen(cancellable, (release, refused) => {
      const finish = (error: unknown): void => {
        release?.();
        if (error === null || !isCancelled(error)) this.onAnnounceOutcome?.(hex, url, error === null);
        done(error);
      };
      if (!release) return finish(refused);
      const ctx = this.#context(req);
      const timeout = Math.min(ctx.identity.schedule.stopTimeout, this.httpTimeoutSeconds);
      let sent: boolean;
      try {
        sent = http.farewell(url, req, ctx, timeout, cancellable, finish);
      } catch (e) {
        return finish(e); // the request could not be built: nothing was sent
      }
      if (!sent) {
        release();
        void viaAnnounce();
      }
    });
  }

  async #announceNow(
    url: string,
    req: AnnounceRequest,
    ctx: AnnounceContext & { keyValue: number },
    farewell: boolean,
    cancellable: Gio.Cancellable | null,
  ): Promise<AnnounceReply> {
    const identity = ctx.identity;
    const scheme = splitUrl(url)?.scheme;
    if (scheme === 'http' || scheme === 'https') {
      const timeout = farewell
        ? Math.min(identity.schedule.stopTimeout, this.httpTimeoutSeconds)
        : this.httpTimeoutSeconds;
      return this.#http.announce(url, req, ctx, timeout, cancellable, { farewell });
    }
    if (scheme === 'udp') {
      const policy = {
        attempts: farewell ? 1 : identity.udp.attempts,
        timeoutSeconds: farewell
          ? Math.min(identity.schedule.stopTimeout, this.udpTimeoutSeconds)
          : this.udpTimeoutSeconds,
        connectionIdLifetime: identity.udp.connectionIdLifetime,
      };
      const urlData = identity.udp.urlData ? UdpTracker.urlData(url) : null;
      return this.#udpEndpointFor(url, req.family ?? null).announce(urlData, req, ctx, policy, cancellable);
    }
    throw new TrackerError('protocol', _('Unsupported tracker address: %s').replace('%s', url));
  }

  /**
   * Runs `request` under the announce cap, in `url`'s tracker's fair share of it (FairCap). A
   * timeout marks the tracker stalled (fewer slots) until it answers again; any answer, even
   * an error reply, clears that.
   */
  async #underFairCap<T>(url: string, cancellable: Gio.Cancellable | null, request: () => Promise<T>): Promise<T> {
    const tracker = trackerKey(url);
    const cap = this.#announceCap;
    const release = cap.tryAcquire(tracker) ?? (await cap.acquire(tracker, cancellable));
    try {
      const result = await request();
      cap.setStalled(tracker, false);
      return result;
    } catch (e) {
      if (e instanceof TrackerError && e.kind === 'timeout') cap.setStalled(tracker, true);
      else if (e instanceof TrackerError && e.kind !== 'network') cap.setStalled(tracker, false);
      throw e;
    } finally {
      release();
    }
  }

  /** One tracker's share of the announce cap (for specs and the hostile bench). */
  trackerLoad(url: string): { held: number; waiting: number; stalled: boolean } {
    return this.#announceCap.loadOf(trackerKey(url));
  }

  /**
   * Seeders, leechers and completed downloads for several torrents in one request (HTTP BEP 48
   * or UDP action 2), under the announce cap. The caller (ScrapeBatcher) keeps the batch within
   * the tracker's limits.
   */
  scrape(url: string, infoHashes: Uint8Array[], cancellable: Gio.Cancellable | null): Promise<ScrapeReply> {
    const identity = this.identity;
    return this.#underFairCap(url, cancellable, () => {
      if (splitUrl(url)?.scheme === 'udp') {
        const policy = {
          attempts: identity.udp.attempts,
          timeoutSeconds: this.udpTimeoutSeconds,
          connectionIdLifetime: identity.udp.connectionIdLifetime,
        };
        return this.#udpEndpointFor(url).scrape(infoHashes, policy, cancellable);
      }
      return this.#http.scrape(url, infoHashes, identity, this.httpTimeoutSeconds, cancellable);
    });
  }

  /**
   * The endpoint for a UDP tracker. An HTTP or SOCKS 4 proxy cannot carry UDP, and announcing
   * around it would show the tracker the address the proxy is there to hide: refused instead.
   */
  #udpEndpointFor(url: string, family: AddressFamily | null = null): UdpEndpoint {
    if (this.#proxyUri && !this.udp.proxied)
      throw new TrackerError(
        'network',
        _(
          'A UDP tracker cannot be reached through an HTTP or SOCKS 4 proxy without revealing your address: use a SOCKS 5 proxy, or none.',
        ),
      );
    return this.udp.endpointFor(url, family);
  }

  /** Closes sockets and the session; announces still running fail with an error. */
  dispose(): void {
    if (this.#passwordChangedId) this.#settings.proxyPassword?.disconnect(this.#passwordChangedId);
    this.#passwordChangedId = 0;
    if (this.#changedId) {
      this.#settings.disconnect(this.#changedId);
      this.#changedId = 0;
    }
    this.#http.abort();
    this.udp.close();
  }
}
