import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';
import bencode from 'bencode';

import '../../src/lib/promisify.ts';

/**
 * A test client for any tracker on 127.0.0.1 (ours or opentracker): raw HTTP GETs decoded as
 * bencode, and BEP 15 exchanges over a UDP socket of its own, each bounded by a timeout.
 */
export interface ProbeAnnounce {
  infoHash: Uint8Array;
  peerId: Uint8Array;
  port: number;
  left?: number;
  uploaded?: number;
  downloaded?: number;
  event?: 'started' | 'completed' | 'stopped' | '';
  numwant?: number;
  compact?: 0 | 1;
  noPeerId?: boolean;
}

export function escapeBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => '%' + b.toString(16).padStart(2, '0')).join('');
}

export function randomBytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => GLib.random_int_range(0, 256));
}

/** A peer_id with a readable client prefix and random tail. */
export function peerIdFor(prefix = '-PR0001-'): Uint8Array {
  const id = randomBytes(20);
  id.set(new TextEncoder().encode(prefix));
  return id;
}

export function announceQuery(a: ProbeAnnounce): string {
  const parts = [
    `info_hash=${escapeBytes(a.infoHash)}`,
    `peer_id=${escapeBytes(a.peerId)}`,
    `port=${a.port}`,
    `uploaded=${a.uploaded ?? 0}`,
    `downloaded=${a.downloaded ?? 0}`,
    `left=${a.left ?? 0}`,
  ];
  if (a.event) parts.push(`event=${a.event}`);
  if (a.numwant !== undefined) parts.push(`numwant=${a.numwant}`);
  parts.push(`compact=${a.compact ?? 1}`);
  if (a.noPeerId) parts.push('no_peer_id=1');
  return parts.join('&');
}

export type BDecoded = Record<string, unknown>;

/** Text of a bencoded byte string. */
export function text(v: unknown): string {
  return v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v);
}

export class TrackerProbe {
  readonly #session = new Soup.Session({ timeout: 5, max_conns_per_host: 4 });
  readonly host: string;
  readonly port: number;
  readonly udpPort: number;

  constructor(port: number, udpPort = port, host = '127.0.0.1') {
    this.host = host;
    this.port = port;
    this.udpPort = udpPort;
  }

  /** GET a path (with its raw query); resolves to the status and body bytes. */
  async get(pathAndQuery: string, method = 'GET'): Promise<{ status: number; body: Uint8Array }> {
    const msg = Soup.Message.new(method, `http://${this.host}:${this.port}${pathAndQuery}`)!;
    const bytes = (await this.#session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
    return { status: msg.get_status(), body: bytes.toArray() };
  }

  async announce(a: ProbeAnnounce): Promise<BDecoded> {
    const { body } = await this.get(`/announce?${announceQuery(a)}`);
    return bencode.decode(body) as BDecoded;
  }

  async scrape(hashes: Uint8Array[]): Promise<BDecoded> {
    const q = hashes.map((h) => `info_hash=${escapeBytes(h)}`).join('&');
    const { body } = await this.get(`/scrape${q ? '?' + q : ''}`);
    return bencode.decode(body) as BDecoded;
  }

  dispose(): void {
    this.#session.abort();
  }
}

/**
 * A GET sent byte for byte over a plain socket (Soup.Message refuses malformed URIs, and
 * hostile clients do not ask): returns the status and the body (Connection: close).
 */
export async function rawHttpGet(port: number, target: string): Promise<{ status: number; body: Uint8Array }> {
  const client = new Gio.SocketClient({ timeout: 5 });
  const conn = (await client.connect_to_host_async(`127.0.0.1:${port}`, port, null)) as Gio.SocketConnection;
  const request = `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
  conn.get_output_stream().write_all(
    Uint8Array.from(request, (c) => c.charCodeAt(0)),
    null,
  );
  const chunks: number[] = [];
  for (;;) {
    const bytes = (await conn.get_input_stream().read_bytes_async(65536, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
    const b = bytes.toArray();
    if (b.length === 0) break;
    chunks.push(...b);
  }
  conn.close(null);
  const all = Uint8Array.from(chunks);
  let headEnd = 0;
  while (
    headEnd + 3 < all.length &&
    !(all[headEnd] === 13 && all[headEnd + 1] === 10 && all[headEnd + 2] === 13 && all[headEnd + 3] === 10)
  )
    headEnd++;
  const head = String.fromCharCode(...all.subarray(0, headEnd));
  return { status: Number(/^HTTP\/1\.\d (\d+)/.exec(head)?.[1] ?? 0), body: all.subarray(headEnd + 4) };
}

/** A UDP client socket on 127.0.0.1 that sends datagrams and waits (bounded) for one reply. */
export class UdpProbe {
  readonly #socket: Gio.Socket;
  readonly #input: Gio.InputStream;
  readonly #to: Gio.InetSocketAddress;

  constructor(port: number, host = '127.0.0.1') {
    this.#to = Gio.InetSocketAddress.new_from_string(host, port)!;
    this.#socket = Gio.Socket.new(this.#to.get_family(), Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
    this.#socket.set_blocking(false);
    this.#socket.bind(Gio.InetSocketAddress.new_from_string(host, 0)!, false);
    this.#input = Gio.UnixInputStream.new(this.#socket.get_fd(), false);
  }

  send(data: Uint8Array): void {
    this.#socket.send_to(this.#to, data, null);
  }

  /** The next datagram, or null after `timeoutMs`. */
  receive(timeoutMs = 2000): Promise<Uint8Array | null> {
    return new Promise((resolve) => {
      let timer = 0;
      const watch = GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, this.#socket.get_fd(), GLib.IOCondition.IN, () => {
        GLib.source_remove(timer);
        resolve(this.#input.read_bytes(65536, null).toArray());
        return GLib.SOURCE_REMOVE;
      });
      timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, timeoutMs, () => {
        GLib.source_remove(watch);
        resolve(null);
        return GLib.SOURCE_REMOVE;
      });
    });
  }

  async exchange(data: Uint8Array, timeoutMs = 2000): Promise<Uint8Array | null> {
    this.send(data);
    return this.receive(timeoutMs);
  }

  /** connect → the 8-byte connection id (throws on anything else). */
  async connect(): Promise<Uint8Array> {
    const reply = await this.exchange(udpPacket.connect(77));
    if (!reply || reply.length < 16 || view(reply).getUint32(0) !== 0) throw new Error('no UDP connect reply');
    return reply.slice(8, 16);
  }

  close(): void {
    this.#socket.close();
  }
}

export function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** BEP 15 request builders. */
export const udpPacket = {
  connect(tid: number): Uint8Array {
    const b = new Uint8Array(16);
    b.set([0, 0, 0x04, 0x17, 0x27, 0x10, 0x19, 0x80]);
    view(b).setUint32(8, 0);
    view(b).setUint32(12, tid);
    return b;
  },
  announce(
    connectionId: Uint8Array,
    tid: number,
    a: ProbeAnnounce,
    options: Uint8Array = new Uint8Array(0),
  ): Uint8Array {
    const b = new Uint8Array(98 + options.length);
    const v = view(b);
    b.set(connectionId, 0);
    v.setUint32(8, 1);
    v.setUint32(12, tid);
    b.set(a.infoHash, 16);
    b.set(a.peerId, 36);
    v.setUint32(60, a.downloaded ?? 0);
    v.setUint32(68, a.left ?? 0);
    v.setUint32(76, a.uploaded ?? 0);
    v.setUint32(80, { '': 0, completed: 1, started: 2, stopped: 3 }[a.event ?? '']);
    v.setUint32(88, 0x1234);
    v.setInt32(92, a.numwant ?? -1);
    v.setUint16(96, a.port);
    b.set(options, 98);
    return b;
  },
  scrape(connectionId: Uint8Array, tid: number, hashes: Uint8Array[]): Uint8Array {
    const b = new Uint8Array(16 + 20 * hashes.length);
    b.set(connectionId, 0);
    view(b).setUint32(8, 2);
    view(b).setUint32(12, tid);
    hashes.forEach((h, i) => b.set(h, 16 + 20 * i));
    return b;
  },
};

/** Decodes a BEP 15 announce reply. */
export function udpAnnounceReply(b: Uint8Array): {
  action: number;
  interval: number;
  leechers: number;
  seeders: number;
  peers: string[];
} {
  const v = view(b);
  const peers: string[] = [];
  for (let i = 20; i + 6 <= b.length; i += 6)
    peers.push(`${b[i]}.${b[i + 1]}.${b[i + 2]}.${b[i + 3]}:${v.getUint16(i + 4)}`);
  return {
    action: v.getUint32(0),
    interval: v.getUint32(8),
    leechers: v.getUint32(12),
    seeders: v.getUint32(16),
    peers,
  };
}

/** The text of a BEP 15 error packet (action 3), without opentracker's trailing NUL. */
export function udpErrorText(b: Uint8Array): string | null {
  if (b.length < 8 || view(b).getUint32(0) !== 3) return null;
  return new TextDecoder().decode(b.subarray(8)).replace(/\0+$/, '');
}

/** Compact peers (BEP 23) as "a.b.c.d:port" strings. */
export function compactPeers(b: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i + 6 <= b.length; i += 6)
    out.push(`${b[i]}.${b[i + 1]}.${b[i + 2]}.${b[i + 3]}:${(b[i + 4] << 8) | b[i + 5]}`);
  return out;
}
