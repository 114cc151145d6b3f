import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../lib/promisify.ts';
import { concatBytes } from '../../lib/bytes.ts';
import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _, format } from '../../lib/i18n.ts';
import { type ClientIdentity, escapeBytes } from '../identity/index.ts';
import {
  type AnnounceContext,
  buildAnnounceUrl,
  hostHeader,
  requestHead,
  scrapeUrlFor,
  type SplitUrl,
  splitUrl,
} from './announceUrl.ts';
import { glimpse, parseAnnounceReply } from './bencodeReply.ts';
import { withDeadline } from './deadline.ts';
import { PlainHttpClient } from './PlainHttp.ts';
import type { PlainReply } from './plainHttpReply.ts';
import { checkRedirect } from './redirectPolicy.ts';
import { multiScrapeUrl, parseMultiScrapeReply, type ScrapeReply } from './scrapeReply.ts';
import { TlsWatch } from './tlsFailure.ts';
import { type AddressFamily, type AnnounceReply, type AnnounceRequest, TrackerError } from './types.ts';

/** Replies larger than this are refused: a real announce reply is a few kilobytes. */
export const MAX_REPLY_BYTES = 1 << 20;

interface Fetched {
  status: number;
  reason: string;
  body: Uint8Array;
}

/**
 * HTTP(S) tracker client on one shared Soup.Session. The session has no content decoder
 * (it would add its own Accept-Encoding), and every request carries the identity's headers in
 * the identity's order, with Host first where the client puts it; bodies are decoded here.
 */
export interface HttpTrackerOptions {
  /**
   * A SOCKS 4 proxy: it can only be given an address, so a tracker named by a host name would
   * be resolved here, telling the local DNS which trackers the proxy is meant to hide. Names
   * are refused instead (SOCKS 5 carries them).
   */
  refuseHostNames?: boolean;
  maxConnections?: number;
  /** The CA certificates HTTPS trackers are checked against, instead of the system's (specs). */
  tlsDatabase?: Gio.TlsDatabase | null;
}

export class HttpTracker {
  readonly session: Soup.Session;
  /** Plain `http://` farewells when there is no proxy (see PlainHttpClient for why). */
  readonly plain: PlainHttpClient | null;
  readonly #refuseHostNames: boolean;
  /** No proxy: redirect targets' names are resolved here and every address checked. */
  readonly #resolveNames: boolean;

  constructor(proxyUri: string | null, options: HttpTrackerOptions = {}) {
    const maxConnections = options.maxConnections ?? 256;
    this.#refuseHostNames = options.refuseHostNames === true;
    this.#resolveNames = proxyUri === null;
    this.plain = proxyUri ? null : new PlainHttpClient();
    this.session = new Soup.Session({
      max_conns: maxConnections,
      max_conns_per_host: maxConnections,
      proxy_resolver: proxyUri ? Gio.SimpleProxyResolver.new(proxyUri, null) : null,
    } as Partial<Soup.Session.ConstructorProps>);
    if (options.tlsDatabase) this.session.set_tls_database(options.tlsDatabase);
    this.session.remove_feature_by_type(Soup.ContentDecoder.$gtype);
    // With no resolver set, Soup falls back to the system proxy settings; "none" means none.
    if (!proxyUri) this.session.set_proxy_resolver(Gio.SimpleProxyResolver.new(null, null));
  }

  async announce(
    url: string,
    req: AnnounceRequest,
    ctx: AnnounceContext,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
    options: { farewell?: boolean } = {},
  ): Promise<AnnounceReply> {
    const full = buildAnnounceUrl(url, req, ctx);
    // libsoup cannot be told which of a name's addresses to use: an announce for one address
    // family (BEP 7) goes over the plain transport, which can. Through a proxy there is none.
    const split = (options.farewell || req.family) && this.plain ? splitUrl(full) : null;
    if (split?.scheme === 'http') {
      const r = await this.#fetchPlain(full, split, ctx.identity, timeoutSeconds, cancellable, req.family ?? null);
      return this.#check(r, parseAnnounceReply);
    }
    const r = await withDeadline(timeoutSeconds, cancellable, (c) => this.#fetch(full, ctx.identity, c));
    return this.#check(r, parseAnnounceReply);
  }

  /**
   * A `stopped` over the plain transport with a callback instead of promises (the quit's
   * farewell burst: see PlainHttpClient.send). False when it cannot go that way (a proxy,
   * `https://`): the caller uses announce(). A redirect is followed as announce() follows it.
   * `done(null)` once the tracker took it, else `done(error)` with what announce() would throw;
   * only the status and a `failure reason` are read of the reply (a farewell's reply has
   * nothing else for us).
   */
  farewell(
    url: string,
    req: AnnounceRequest,
    ctx: AnnounceContext,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
    done: (error: unknown) => void,
  ): boolean {
    if (!this.plain) return false;
    const full = buildAnnounceUrl(url, req, ctx);
    const u = splitUrl(full);
    if (u?.scheme !== 'http') return false;
    const identity = ctx.identity;
    const port = u.port === -1 ? 80 : u.port;
    const head = requestHead(full, identity, u);
    this.plain.send(u.host, port, head, timeoutSeconds, cancellable, MAX_REPLY_BYTES, req.family ?? null, (r, e) => {
      if (!r) return done(e);
      let fetched: Fetched | Promise<Fetched>;
      try {
        fetched = this.#afterPlain(full, r, identity, timeoutSeconds, cancellable);
      } catch (error) {
        return done(error);
      }
      if (fetched instanceof Promise)
        fetched.then(
          (f) => done(this.#farewellError(f)),
          (error: unknown) => done(error),
        );
      else done(this.#farewellError(fetched));
    });
    return true;
  }

  /** What a farewell's reply says: null when the tracker took it, else announce()'s error. */
  #farewellError(r: Fetched): unknown {
    try {
      this.#check(r, farewellReply);
      return null;
    } catch (e) {
      return e;
    }
  }

  /** Aborts every request in flight. */
  abort(): void {
    this.session.abort();
    this.plain?.abort();
  }

  /** One GET on the plain transport; a redirect is followed by libsoup like any other. */
  async #fetchPlain(
    url: string,
    u: SplitUrl,
    identity: ClientIdentity,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
    family: AddressFamily | null = null,
  ): Promise<Fetched> {
    const head = requestHead(url, identity, u);
    const r: PlainReply = await this.plain!.get(
      u.host,
      u.port === -1 ? 80 : u.port,
      head,
      timeoutSeconds,
      cancellable,
      MAX_REPLY_BYTES,
      family,
    );
    return this.#afterPlain(url, r, identity, timeoutSeconds, cancellable);
  }

  /** A plain reply as a Fetched: a redirect's chain goes on over libsoup, a body is decoded. */
  #afterPlain(
    url: string,
    r: PlainReply,
    identity: ClientIdentity,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
  ): Fetched | Promise<Fetched> {
    if (r.status >= 300 && r.status < 400 && r.location !== null) {
      // The rest of the chain goes over libsoup, under the same redirect rules.
      return withDeadline(timeoutSeconds, cancellable, async (c) => {
        const next = await this.#redirectTarget(url, url, r.location!, 0, identity, c);
        return this.#fetch(next, identity, c, url, 1);
      });
    }
    const encoding = r.contentEncoding.trim().toLowerCase();
    const body = encoding && encoding !== 'identity' ? decodeBody(r.body, encoding) : r.body;
    return { status: r.status, reason: r.reason, body };
  }

  /** One scrape for several torrents (BEP 48: the repeated `info_hash=`); the caller keeps the URL short enough. */
  async scrape(
    url: string,
    infoHashes: Uint8Array[],
    identity: ClientIdentity,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
  ): Promise<ScrapeReply> {
    const base = scrapeUrlFor(url);
    if (!base) throw new TrackerError('protocol', _('This tracker does not support scrape.'));
    const full = multiScrapeUrl(base, infoHashes, (h) => escapeBytes(identity, h));
    const r = await withDeadline(timeoutSeconds, cancellable, (c) => this.#fetch(full, identity, c));
    return this.#check(r, (b) => parseMultiScrapeReply(b, infoHashes));
  }

  #check<T>(r: Fetched, parse: (body: Uint8Array) => T): T {
    if (r.status >= 200 && r.status < 300) return parse(r.body);
    // Some trackers send their `failure reason` with an error status: show theirs.
    try {
      parse(r.body);
    } catch (e) {
      if (e instanceof TrackerError && e.kind === 'failure') throw e;
    }
    const detail = r.body.length ? ` (${glimpse(r.body)})` : '';
    throw new TrackerError('http', format(_('The tracker answered HTTP %1$d %2$s'), r.status, r.reason) + detail);
  }

  /**
   * GET `url`, following redirects as the identity's client does (its count limit; http and
   * https only) and only where redirectPolicy allows: `origin` is the user's own URL, `hops`
   * the redirects already followed to reach `url`.
   */
  async #fetch(
    url: string,
    identity: ClientIdentity,
    cancellable: Gio.Cancellable,
    origin = url,
    hops = 0,
  ): Promise<Fetched> {
    let current = url;
    for (let hop = hops; ; hop++) {
      const r = await this.#fetchOnce(current, identity, cancellable);
      if (r.status < 300 || r.status >= 400 || r.location === null) return r;
      current = await this.#redirectTarget(origin, current, r.location, hop, identity, cancellable);
    }
  }

  /** The absolute URL a redirect points to, once checked; throws TrackerError if it is not followed. */
  async #redirectTarget(
    origin: string,
    current: string,
    location: string,
    hop: number,
    identity: ClientIdentity,
    cancellable: Gio.Cancellable,
  ): Promise<string> {
    if (hop >= identity.maxRedirects)
      throw new TrackerError(
        'http',
        _('The tracker redirected more than %d times.').replace('%d', String(identity.maxRedirects)),
      );
    const next = resolveLocation(current, location);
    const split = next ? splitUrl(next) : null;
    if (!next || !split) throw new TrackerError('http', _('The tracker redirected to an address that is not HTTP(S).'));
    await checkRedirect({ url: origin, resolveNames: this.#resolveNames }, split, cancellable);
    return next;
  }

  async #fetchOnce(
    url: string,
    identity: ClientIdentity,
    cancellable: Gio.Cancellable,
  ): Promise<Fetched & { location: string | null }> {
    const u = splitUrl(url);
    if (!u || (u.scheme !== 'http' && u.scheme !== 'https'))
      throw new TrackerError('protocol', _('Not an HTTP(S) tracker address: %s').replace('%s', url));
    if (this.#refuseHostNames && !Gio.InetAddress.new_from_string(u.host))
      throw new TrackerError(
        'network',
        _(
          'A SOCKS 4 proxy cannot be given a tracker’s name, and looking it up here would reveal it to your DNS: use the tracker’s IP address, or a SOCKS 5 proxy.',
        ),
      );
    let uri: GLib.Uri;
    try {
      uri = GLib.Uri.build(Soup.HTTP_URI_FLAGS, u.scheme, null, u.host, u.port, u.path || '/', u.query, null);
    } catch (e) {
      throw new TrackerError('protocol', _('Not a valid tracker address: %s').replace('%s', errorMessage(e)));
    }
    const msg = Soup.Message.new_from_uri('GET', uri);
    msg.set_flags(Soup.MessageFlags.NO_REDIRECT);
    const headers = msg.get_request_headers();
    for (const [name, value] of identity.headers)
      headers.append(name, value.replace('{host}', hostHeader(u)).replace('{user_agent}', identity.userAgent));
    // Soup adds `Connection: Keep-Alive` (and could add others) while queueing the message;
    // "starting" comes after that and before the headers are written, so drop what the
    // client would not send. Proxy-* headers belong to the proxy hop and stay.
    const own = new Set(identity.headers.map(([name]) => name.toLowerCase()));
    msg.connect('starting', () => {
      const extra: string[] = [];
      headers.foreach((name: string) => {
        if (!own.has(name.toLowerCase()) && !/^proxy-/i.test(name)) extra.push(name);
      });
      for (const name of extra) headers.remove(name);
    });
    const tls = u.scheme === 'https' ? new TlsWatch(msg) : null;
    let stream: Gio.InputStream;
    try {
      stream = (await this.session.send_async(msg, GLib.PRIORITY_DEFAULT, cancellable)) as Gio.InputStream;
    } catch (e) {
      if (isCancelled(e)) throw e;
      throw tls?.refused(e, u.host) ?? new TrackerError('network', errorMessage(e));
    }
    const status = msg.get_status();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const declared = msg.get_response_headers().get_content_length();
      if (declared > MAX_REPLY_BYTES) throw tooLarge();
      // Reads of the declared size, or 4 KiB: read_bytes mallocs the whole size asked and keeps it
      // behind the chunk until a collection (64 KiB reads of replies of a few hundred bytes
      // fragmented the heap; see PlainHttp's readSize).
      const want = declared > 0 ? Math.min(declared, 65536) : 4096;
      for (;;) {
        const bytes = (await stream.read_bytes_async(want, GLib.PRIORITY_DEFAULT, cancellable)) as GLib.Bytes;
        const chunk = bytes.toArray();
        if (chunk.length === 0) break;
        total += chunk.length;
        if (total > MAX_REPLY_BYTES) throw tooLarge();
        chunks.push(chunk);
      }
    } catch (e) {
      if (isCancelled(e) || e instanceof TrackerError) throw e;
      throw new TrackerError('network', errorMessage(e));
    } finally {
      stream.close_async(GLib.PRIORITY_DEFAULT, null, null);
    }
    let body = concatBytes(chunks);
    const encoding = (msg.get_response_headers().get_one('Content-Encoding') ?? '').trim().toLowerCase();
    if (encoding && encoding !== 'identity') body = decodeBody(body, encoding);
    return {
      status,
      reason: msg.get_reason_phrase() ?? '',
      body,
      location: msg.get_response_headers().get_one('Location'),
    };
  }
}

/** "failure reason" in ASCII: a farewell's reply is only parsed when it holds these bytes. */
const FAILURE_REASON = new TextEncoder().encode('failure reason');

/** Throws the tracker's `failure reason` if the reply has one (parseAnnounceReply's TrackerError). */
function farewellReply(body: Uint8Array): void {
  if (contains(body, FAILURE_REASON)) parseAnnounceReply(body);
}

function contains(bytes: Uint8Array, part: Uint8Array): boolean {
  const first = part[0];
  for (let i = bytes.indexOf(first); i >= 0 && i + part.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < part.length && bytes[i + j] === part[j]) j++;
    if (j === part.length) return true;
  }
  return false;
}

function tooLarge(): TrackerError {
  return new TrackerError(
    'protocol',
    _('The tracker’s reply is larger than %d KiB.').replace('%d', String(MAX_REPLY_BYTES >> 10)),
  );
}

function resolveLocation(base: string, location: string): string | null {
  try {
    const resolved = GLib.Uri.resolve_relative(base, location.trim(), GLib.UriFlags.ENCODED);
    return /^https?:\/\//i.test(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** gzip/deflate bodies (the identities that send Accept-Encoding get them from some trackers). */
function decodeBody(body: Uint8Array, encoding: string): Uint8Array {
  const format =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? Gio.ZlibCompressorFormat.GZIP
      : encoding === 'deflate'
        ? body[0] === 0x78
          ? Gio.ZlibCompressorFormat.ZLIB
          : Gio.ZlibCompressorFormat.RAW
        : null;
  if (format === null)
    throw new TrackerError(
      'protocol',
      _('The tracker used a content encoding this app cannot read: %s').replace('%s', encoding),
    );
  try {
    // In memory and capped: the converter never waits on I/O.
    const input = Gio.ConverterInputStream.new(
      Gio.MemoryInputStream.new_from_bytes(new GLib.Bytes(body)),
      Gio.ZlibDecompressor.new(format),
    );
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = input.read_bytes(65536, null).toArray();
      if (chunk.length === 0) break;
      total += chunk.length;
      if (total > MAX_REPLY_BYTES) throw tooLarge();
      parts.push(chunk);
    }
    return concatBytes(parts);
  } catch (e) {
    if (e instanceof TrackerError) throw e;
    throw new TrackerError(
      'protocol',
      _('The tracker’s compressed reply is damaged: %s').replace('%s', errorMessage(e)),
    );
  }
}
