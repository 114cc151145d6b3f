import Gio from 'gi://Gio';
import Soup from 'gi://Soup?version=3.0';

import { format, _ } from '../../lib/i18n.ts';
import { normalizeAddress } from './addresses.ts';
import { bencode, type BDict, type BValue, binaryString } from './bencodeWriter.ts';
import { asciiValue, parseQuery } from './queryString.ts';
import type { ServerEvent, TrackerCore } from './TrackerCore.ts';

/** Longest query accepted (a real announce is ~300 bytes; a 74-hash scrape ~4.5 kB). */
export const MAX_QUERY_BYTES = 8192;
/** Most info hashes in one scrape. */
export const MAX_SCRAPE_HASHES = 100;
const EVENTS = new Set(['', 'empty', 'started', 'completed', 'stopped', 'paused']);
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

type Query = Map<string, Uint8Array[]>;

/**
 * The HTTP side of the built-in tracker (BEP 3, 23, 7, 48) on a libsoup Soup.Server, on the
 * app's main loop. Requests are answered as soon as their headers are in, before any body is read, so a
 * client cannot make the tracker buffer a large upload. Every refusal is a bencoded
 * `failure reason`; only paths other than /announce and /scrape get a plain 404.
 */
export class HttpTrackerServer {
  readonly #core: TrackerCore;
  #server: Soup.Server | null = null;
  #address = '';
  #port = 0;

  constructor(core: TrackerCore) {
    this.#core = core;
  }

  /** Starts listening; throws a GLib.Error (e.g. address in use) the service reports. */
  listen(bindAddress: string, port: number): void {
    this.close();
    const server = new Soup.Server({ server_header: 'dfakeseeder-tracker' });
    // Not add_handler(): GJS would turn the decoded query into UTF-8 strings first, and a raw
    // info_hash is not UTF-8. A status set at got-headers makes libsoup skip handlers and body.
    server.connect('request-started', (_s, msg: Soup.ServerMessage) => {
      msg.connect('got-headers', () => this.#handle(msg, msg.get_uri().get_path()));
    });
    const address = Gio.InetSocketAddress.new_from_string(bindAddress, port);
    if (!address) throw new Error(format(_('“%1$s” is not an IP address.'), bindAddress));
    server.listen(address, 0 as Soup.ServerListenOptions);
    this.#server = server;
    this.#address = bindAddress;
    const uri = server.get_uris()[0];
    this.#port = uri ? uri.get_port() : port;
  }

  get listening(): boolean {
    return this.#server !== null;
  }

  /** The port it listens on (the real one when 0 was asked for). */
  get port(): number {
    return this.#port;
  }

  get address(): string {
    return this.#address;
  }

  close(): void {
    if (!this.#server) return;
    this.#server.disconnect();
    this.#server = null;
  }

  #handle(msg: Soup.ServerMessage, path: string): void {
    const reply = (status: number, body: Uint8Array | null) => {
      msg.set_status(status, null);
      msg.get_response_headers().replace('Cache-Control', 'no-store');
      if (body) msg.set_response('text/plain', Soup.MemoryUse.COPY, body);
      else msg.set_response(null, Soup.MemoryUse.COPY, null);
    };
    const ip = normalizeAddress(msg.get_remote_host() ?? '');
    const admitted = this.#core.admit(ip);
    if (admitted === 'drop') return reply(Soup.Status.SERVICE_UNAVAILABLE, null);
    if (admitted) return reply(200, failure(admitted));
    if (path !== '/announce' && path !== '/scrape') return reply(404, null);
    const method = msg.get_method();
    if (method !== 'GET' && method !== 'HEAD') return reply(200, failure(_('The tracker only answers GET requests.')));
    const raw = msg.get_uri().get_query() ?? '';
    if (raw.length > MAX_QUERY_BYTES)
      return reply(
        200,
        failure(format(_('The request is too long (%1$d bytes; at most %2$d).'), raw.length, MAX_QUERY_BYTES)),
      );
    const query = parseQuery(raw);
    if (!query) return reply(200, failure(_('The request is not a valid URL query (a bad % escape).')));
    reply(200, path === '/announce' ? this.#announce(query, ip) : this.#scrape(query));
  }

  #announce(q: Query, ip: string): Uint8Array {
    const infoHash = single(q, 'info_hash');
    if (infoHash?.length !== 20) return failure(_('The announce has no valid info_hash (it must be 20 bytes).'));
    const peerId = single(q, 'peer_id');
    if (peerId?.length !== 20) return failure(_('The announce has no valid peer_id (it must be 20 bytes).'));
    const port = integer(q, 'port');
    if (port === null || port < 1 || port > 65535) return failure(_('The announce has no valid port (1 to 65535).'));
    const numbers: Record<string, number> = {};
    for (const key of ['uploaded', 'downloaded', 'left']) {
      const n = q.has(key) ? integer(q, key) : 0;
      if (n === null) return failure(format(_('The announce’s %1$s is not a whole number.'), key));
      numbers[key] = n;
    }
    const event = q.has('event') ? asciiValue(single(q, 'event') ?? undefined) : '';
    if (event === null || !EVENTS.has(event))
      return failure(_('The announce’s event is not one of started, completed, stopped.'));
    let numwant: number | null = null;
    if (q.has('numwant')) {
      numwant = integer(q, 'numwant', true);
      if (numwant === null) return failure(_('The announce’s numwant is not a whole number.'));
    }
    const outcome = this.#core.announce({
      infoHash,
      peerId,
      ip,
      port,
      uploaded: numbers.uploaded,
      downloaded: numbers.downloaded,
      left: numbers.left,
      event: (event === 'empty' ? '' : event) as ServerEvent,
      numwant,
    });
    if ('failure' in outcome) return failure(outcome.failure);
    const { swarm, peers } = outcome;
    const reply: BDict = new Map<string, BValue>([
      ['interval', outcome.interval],
      ['min interval', outcome.minInterval],
      ['complete', swarm.seeders],
      ['incomplete', swarm.peers.length - swarm.seeders],
      ['downloaded', swarm.completed],
    ]);
    const compact = asciiValue(single(q, 'compact') ?? undefined) !== '0';
    if (compact) {
      const v4 = peers.filter((p) => !p.ipv6);
      const v6 = peers.filter((p) => p.ipv6);
      reply.set('peers', joinCompact(v4, 6));
      if (v6.length) reply.set('peers6', joinCompact(v6, 18));
    } else {
      const withId = asciiValue(single(q, 'no_peer_id') ?? undefined) !== '1';
      reply.set(
        'peers',
        peers.map((p) => {
          const d: BDict = new Map<string, BValue>([
            ['ip', p.ip],
            ['port', p.port],
          ]);
          if (withId) d.set('peer id', p.peerId);
          return d;
        }),
      );
    }
    return bencode(reply);
  }

  #scrape(q: Query): Uint8Array {
    const hashes = q.get('info_hash') ?? [];
    if (hashes.length > MAX_SCRAPE_HASHES)
      return failure(format(_('A scrape may ask for at most %1$d torrents.'), MAX_SCRAPE_HASHES));
    if (hashes.some((h) => h.length !== 20)) return failure(_('Every info_hash of a scrape must be 20 bytes.'));
    const result = this.#core.scrape(hashes);
    if ('failure' in result) return failure(result.failure);
    const files: BDict = new Map();
    for (const f of result)
      files.set(
        binaryString(f.infoHash),
        new Map<string, BValue>([
          ['complete', f.complete],
          ['downloaded', f.downloaded],
          ['incomplete', f.incomplete],
        ]),
      );
    return bencode(new Map<string, BValue>([['files', files]]));
  }
}

export function failure(reason: string): Uint8Array {
  return bencode(new Map<string, BValue>([['failure reason', reason]]));
}

function single(q: Query, key: string): Uint8Array | null {
  const values = q.get(key);
  return values?.length === 1 ? values[0] : null;
}

/** A decimal whole number within JS's exact range; `signed` allows a leading minus (numwant=-1). */
function integer(q: Query, key: string, signed = false): number | null {
  const text = asciiValue(single(q, key) ?? undefined);
  if (text === null || !(signed ? /^-?\d{1,16}$/ : /^\d{1,16}$/).test(text)) return null;
  const n = Number(text);
  return Math.abs(n) <= MAX_SAFE ? n : null;
}

function joinCompact(peers: { compact: Uint8Array }[], size: number): Uint8Array {
  const out = new Uint8Array(peers.length * size);
  peers.forEach((p, i) => out.set(p.compact, i * size));
  return out;
}
