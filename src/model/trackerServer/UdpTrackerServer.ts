import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { errorMessage } from '../../lib/errors.ts';
import { format, _ } from '../../lib/i18n.ts';
import { logger } from '../../lib/log.ts';
import { ipv4Bytes, ipv6Bytes, normalizeAddress } from './addresses.ts';
import { ConnectionIds } from './ConnectionIds.ts';
import type { ServerEvent, TrackerCore } from './TrackerCore.ts';

const PROTOCOL_ID = [0x00, 0x00, 0x04, 0x17, 0x27, 0x10, 0x19, 0x80];
const CONNECT = 0;
const ANNOUNCE = 1;
const SCRAPE = 2;
const ERROR = 3;
const EVENTS: ServerEvent[] = ['', 'completed', 'started', 'stopped'];
/** BEP 15: about 74 hashes fit one scrape packet. */
const MAX_SCRAPE_HASHES = 74;
/** Datagrams read per main-loop dispatch, so a flood cannot starve the rest of the app. */
const BURST = 256;
const MAX_DATAGRAM = 2048;

/**
 * The UDP side of the built-in tracker (BEP 15, with BEP 41 URL data): one non-blocking
 * Gio.Socket and a GLib fd source on the app's main loop. GJS 1.74 cannot fill a caller's
 * buffer, so each datagram's source address is read with a zero-length MSG_PEEK
 * receive_message() and its bytes with a plain read() of the descriptor. Connection ids come
 * from ConnectionIds (unforgeable, two minutes at most). Bad input gets an error packet (action
 * 3) in words; a packet too short to carry a transaction id is ignored.
 */
export class UdpTrackerServer {
  readonly #core: TrackerCore;
  readonly ids: ConnectionIds;
  #socket: Gio.Socket | null = null;
  #input: Gio.InputStream | null = null;
  #source = 0;
  #port = 0;
  #address = '';
  /** Datagrams answered and ignored since start (specs and the Tracker page). */
  received = 0;
  ignored = 0;
  /** The last BEP 41 URL data seen (path and query the client's URL had). */
  lastUrlData = '';

  constructor(core: TrackerCore, ids = new ConnectionIds()) {
    this.#core = core;
    this.ids = ids;
  }

  listen(bindAddress: string, port: number): void {
    this.close();
    const address = Gio.InetSocketAddress.new_from_string(bindAddress, port);
    if (!address) throw new Error(format(_('“%1$s” is not an IP address.'), bindAddress));
    const socket = Gio.Socket.new(address.get_family(), Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
    socket.set_blocking(false);
    socket.bind(address, true);
    this.#socket = socket;
    this.#input = Gio.UnixInputStream.new(socket.get_fd(), false);
    this.#port = (socket.get_local_address() as Gio.InetSocketAddress).get_port();
    this.#address = bindAddress;
    this.#source = GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, socket.get_fd(), GLib.IOCondition.IN, () => {
      this.#drain();
      return GLib.SOURCE_CONTINUE;
    });
  }

  get listening(): boolean {
    return this.#socket !== null;
  }

  get port(): number {
    return this.#port;
  }

  get address(): string {
    return this.#address;
  }

  close(): void {
    if (this.#source) GLib.source_remove(this.#source);
    this.#source = 0;
    try {
      this.#socket?.close();
    } catch {
      // already closed
    }
    this.#socket = null;
    this.#input = null;
  }

  #drain(): void {
    const socket = this.#socket!;
    for (let i = 0; i < BURST; i++) {
      let from: Gio.InetSocketAddress;
      let data: Uint8Array;
      try {
        const [, address] = socket.receive_message([], Gio.SocketMsgFlags.PEEK, null);
        data = this.#input!.read_bytes(MAX_DATAGRAM, null).toArray();
        if (!(address instanceof Gio.InetSocketAddress)) continue;
        from = address;
      } catch (e) {
        if (!(e instanceof GLib.Error && e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.WOULD_BLOCK)))
          logger.warning(`tracker UDP: ${errorMessage(e)}`);
        return;
      }
      this.received++;
      let reply: Uint8Array | null;
      try {
        reply = this.handle(data, from);
      } catch (e) {
        // A bug must not stop the listener; the client gets nothing and retries.
        logger.error(`tracker UDP: ${errorMessage(e)}`);
        reply = null;
      }
      if (!reply) {
        this.ignored++;
        continue;
      }
      try {
        socket.send_to(from, reply, null);
      } catch {
        // A full send buffer drops the reply, as the network could; the client retries.
      }
    }
  }

  /** The reply to one datagram from `from`, or null to ignore it. Public for specs. */
  handle(data: Uint8Array, from: Gio.InetSocketAddress): Uint8Array | null {
    if (data.length < 16) return null;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const action = view.getUint32(8);
    const transaction = view.getUint32(12);
    const ip = normalizeAddress(from.get_address().to_string());
    const port = from.get_port();
    const admitted = this.#core.admit(ip);
    if (admitted === 'drop') return null;
    if (admitted) return errorPacket(transaction, admitted);
    const addressBytes = ipv4Bytes(ip) ?? ipv6Bytes(ip) ?? new Uint8Array(0);
    if (action === CONNECT) {
      if (!PROTOCOL_ID.every((b, i) => data[i] === b))
        return errorPacket(transaction, _('This is not a BEP 15 connect request (wrong protocol id).'));
      this.#core.stats.udpConnects++;
      const out = new Uint8Array(16);
      const v = new DataView(out.buffer);
      v.setUint32(0, CONNECT);
      v.setUint32(4, transaction);
      out.set(this.ids.mint(addressBytes, port), 8);
      return out;
    }
    if (action !== ANNOUNCE && action !== SCRAPE)
      return errorPacket(transaction, format(_('Unknown action %1$d (0 connect, 1 announce, 2 scrape).'), action));
    if (!this.ids.check(data.subarray(0, 8), addressBytes, port))
      return errorPacket(transaction, _('Connection ID missmatch: it is wrong or has expired; connect again.'));
    return action === ANNOUNCE ? this.#announce(data, view, transaction, ip) : this.#scrape(data, transaction);
  }

  #announce(data: Uint8Array, view: DataView, transaction: number, ip: string): Uint8Array {
    if (data.length < 98)
      return errorPacket(transaction, format(_('The announce is too short (%1$d bytes; 98 needed).'), data.length));
    const urlData = readUrlData(data);
    if (urlData === null) return errorPacket(transaction, _('The announce’s BEP 41 options are malformed.'));
    this.lastUrlData = urlData;
    const eventCode = view.getUint32(80);
    if (eventCode >= EVENTS.length)
      return errorPacket(
        transaction,
        format(_('Unknown event %1$d (0 none, 1 completed, 2 started, 3 stopped).'), eventCode),
      );
    const port = view.getUint16(96);
    if (port === 0) return errorPacket(transaction, _('The announce has no valid port (1 to 65535).'));
    const u64 = (offset: number) => view.getUint32(offset) * 0x100000000 + view.getUint32(offset + 4);
    const numwant = view.getInt32(92);
    const outcome = this.#core.announce({
      infoHash: data.slice(16, 36),
      peerId: data.slice(36, 56),
      ip,
      port,
      downloaded: u64(56),
      left: u64(64),
      uploaded: u64(72),
      event: EVENTS[eventCode],
      numwant: numwant < 0 ? null : numwant,
    });
    if ('failure' in outcome) return errorPacket(transaction, outcome.failure);
    // BEP 15: the reply carries peers of the family the request came over.
    const ipv6 = ip.includes(':');
    const size = ipv6 ? 18 : 6;
    const peers = outcome.peers.filter((p) => p.ipv6 === ipv6);
    const out = new Uint8Array(20 + peers.length * size);
    const v = new DataView(out.buffer);
    v.setUint32(0, ANNOUNCE);
    v.setUint32(4, transaction);
    v.setUint32(8, outcome.interval);
    v.setUint32(12, outcome.swarm.peers.length - outcome.swarm.seeders);
    v.setUint32(16, outcome.swarm.seeders);
    peers.forEach((p, i) => out.set(p.compact, 20 + i * size));
    return out;
  }

  #scrape(data: Uint8Array, transaction: number): Uint8Array {
    const count = Math.floor((data.length - 16) / 20);
    if (count < 1) return errorPacket(transaction, _('A scrape must name at least one torrent.'));
    if (count > MAX_SCRAPE_HASHES)
      return errorPacket(transaction, format(_('A scrape may ask for at most %1$d torrents.'), MAX_SCRAPE_HASHES));
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < count; i++) hashes.push(data.slice(16 + i * 20, 36 + i * 20));
    const result = this.#core.scrape(hashes);
    if ('failure' in result) return errorPacket(transaction, result.failure);
    const out = new Uint8Array(8 + result.length * 12);
    const v = new DataView(out.buffer);
    v.setUint32(0, SCRAPE);
    v.setUint32(4, transaction);
    result.forEach((f, i) => {
      v.setUint32(8 + i * 12, f.complete);
      v.setUint32(12 + i * 12, f.downloaded);
      v.setUint32(16 + i * 12, f.incomplete);
    });
    return out;
  }
}

export function errorPacket(transaction: number, message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  const out = new Uint8Array(8 + text.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, ERROR);
  v.setUint32(4, transaction);
  out.set(text, 8);
  return out;
}

/**
 * BEP 41 options after byte 98: 0 ends them, 1 is a no-op, 2 is URL data (a length byte, then
 * that many bytes; several are concatenated). Returns the URL data, or null when malformed.
 */
export function readUrlData(data: Uint8Array): string | null {
  let url = '';
  for (let i = 98; i < data.length;) {
    const option = data[i];
    if (option === 0) break;
    if (option === 1) {
      i++;
      continue;
    }
    // Every other option has a length byte; unknown ones are skipped.
    if (i + 1 >= data.length) return null;
    const length = data[i + 1];
    if (i + 2 + length > data.length) return null;
    if (option === 2) for (let j = 0; j < length; j++) url += String.fromCharCode(data[i + 2 + j]);
    i += 2 + length;
  }
  return url;
}
