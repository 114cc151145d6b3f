import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../lib/promisify.ts';
import { concatBytes } from '../../lib/bytes.ts';
import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _, format, ngettext } from '../../lib/i18n.ts';
import { compactPeers } from './bencodeReply.ts';
import { cancelledError } from './deadline.ts';
import type { AnnounceContext } from './announceUrl.ts';
import { type Socks5Proxy, Socks5UdpRelay } from './Socks5UdpRelay.ts';
import { parseUdpScrapeReply, type ScrapeReply, udpScrapePacket, udpScrapeReplyLength } from './scrapeReply.ts';
import { UdpDatagramReader } from './UdpDatagramReader.ts';
import {
  ACTION_ANNOUNCE,
  ACTION_CONNECT,
  ACTION_ERROR,
  ACTION_SCRAPE,
  announcePacket,
  connectPacket,
  isConnectionIdError,
  randomU32,
  type UdpPolicy,
} from './udpPackets.ts';
import { ofFamily } from './trackerFamilies.ts';
import { type AddressFamily, type AnnounceReply, type AnnounceRequest, TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

interface Pending {
  action: number;
  minLength: number;
  resolve: (reply: Uint8Array) => void;
  reject: (e: unknown) => void;
}

/**
 * One UDP tracker address (host:port): a connected, non-blocking Gio.Socket shared by every
 * torrent announcing there, demultiplexed by transaction id. Datagrams are read when the socket
 * says one is waiting, so the main loop never blocks (see #read for the flood bounds). The connection
 * id from the connect step is reused for its lifetime (BEP 15: one minute). With a SOCKS 5
 * proxy the socket talks to the proxy's UDP relay instead, each datagram framed for it.
 */
export class UdpEndpoint {
  readonly host: string;
  readonly port: number;
  readonly #proxy: Socks5Proxy | null;
  #relay: Socks5UdpRelay | null = null;
  /** The relay's header for this tracker, put before every datagram sent through the proxy. */
  #header: Uint8Array | null = null;
  #socket: Gio.Socket | null = null;
  /** Held for as long as the socket: a collected GSocketConnection closes its socket. */
  #connection: Gio.SocketConnection | null = null;
  #opening: Promise<void> | null = null;
  /** Reads the socket while replies are awaited (bounded against floods). */
  #reader: UdpDatagramReader | null = null;
  readonly #pending = new Map<number, Pending>();
  #connectionId: Uint8Array | null = null;
  #connectionIdAt = 0;
  #connecting: Promise<Uint8Array> | null = null;
  /**
   * Datagrams ignored since the last good reply, counted by why, for the timeout message. Only
   * counts: a tracker flooding a million stray datagrams must cost nothing that grows.
   */
  readonly #dropped = { split: 0, short: 0, unknown: 0 };
  /** Datagrams ignored since the endpoint opened (for specs and the hostile bench). */
  ignored = 0;
  /** Connect exchanges done (for specs: connection-id reuse). */
  connects = 0;
  /** Requests sent again after the tracker refused our connection id (for specs). */
  reconnects = 0;

  /** Only this family's addresses (BEP 7: one announce per family), or any. */
  readonly #family: AddressFamily | null;

  constructor(host: string, port: number, proxy: Socks5Proxy | null = null, family: AddressFamily | null = null) {
    this.host = host;
    this.port = port;
    this.#proxy = proxy;
    this.#family = family;
  }

  /** The port the socket sends to: the tracker's, or the proxy relay's (for specs). */
  get remotePort(): number {
    const a = this.#socket?.get_remote_address() as Gio.InetSocketAddress | undefined;
    return a ? a.get_port() : 0;
  }

  get localPort(): number {
    const a = this.#socket?.get_local_address() as Gio.InetSocketAddress | undefined;
    return a ? a.get_port() : 0;
  }

  close(): void {
    for (const p of this.#pending.values()) p.reject(cancelledError());
    this.#pending.clear();
    this.#closeSocket();
  }

  /** The proxy ended the association: what waits fails now, the next request opens a new one. */
  #associationEnded(relay: Socks5UdpRelay): void {
    if (relay !== this.#relay) return;
    const error = new TrackerError('network', _('The SOCKS 5 proxy ended the UDP association.'));
    for (const p of [...this.#pending.values()]) p.reject(error);
    this.#closeSocket();
  }

  #closeSocket(): void {
    const relay = this.#relay;
    this.#relay = null;
    this.#header = null;
    relay?.close();
    this.#socket?.close();
    this.#socket = null;
    this.#connection = null;
    this.#reader?.close();
    this.#reader = null;
    this.#connectionId = null;
  }

  async #open(cancellable: Gio.Cancellable | null): Promise<void> {
    if (this.#socket) return;
    this.#opening ??= (async () => {
      if (this.#proxy) return this.#openThroughProxy(this.#proxy, cancellable);
      let address = Gio.InetAddress.new_from_string(this.host);
      if (address) ofFamily([address], this.#family);
      else {
        let list: Gio.InetAddress[];
        try {
          list = (await Gio.Resolver.get_default().lookup_by_name_async(this.host, cancellable)) as Gio.InetAddress[];
        } catch (e) {
          if (isCancelled(e)) throw e;
          throw new TrackerError(
            'network',
            _('Could not find the tracker’s address: %s').replace('%s', errorMessage(e)),
          );
        }
        list = ofFamily(list, this.#family);
        address = list.find((a) => a.get_family() === Gio.SocketFamily.IPV4) ?? list[0];
      }
      this.#connectSocket(new Gio.InetSocketAddress({ address, port: this.port }));
    })();
    try {
      await this.#opening;
    } finally {
      this.#opening = null;
    }
  }

  /** The tracker's name goes to the proxy as written: no lookup happens here. */
  async #openThroughProxy(proxy: Socks5Proxy, cancellable: Gio.Cancellable | null): Promise<void> {
    const relay = await Socks5UdpRelay.open(proxy, cancellable);
    relay.onClosed = () => this.#associationEnded(relay);
    this.#relay = relay;
    this.#header = Socks5UdpRelay.header(this.host, this.port);
    try {
      this.#connectSocket(relay.relay);
    } catch (e) {
      this.#closeSocket();
      throw e;
    }
  }

  #connectSocket(to: Gio.InetSocketAddress): void {
    try {
      const socket = Gio.Socket.new(to.get_family(), Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
      socket.set_blocking(false);
      try {
        // A farewell to many torrents gets hundreds of replies at once: room for them
        // (SOL_SOCKET, SO_RCVBUF on Linux; the kernel caps it at net.core.rmem_max).
        socket.set_option(1, 8, 1 << 20);
      } catch {
        // not Linux, or not allowed: the default buffer still works, with more resends
      }
      socket.connect(to, null);
      this.#connection = socket.connection_factory_create_connection();
      this.#reader = new UdpDatagramReader(socket, this.#connection.get_input_stream(), {
        datagram: (d) => this.#receive(d),
        // A connected UDP socket reports the ICMP "port unreachable" of an earlier send here.
        error: (e) => {
          const err = new TrackerError('network', errorMessage(e));
          for (const p of [...this.#pending.values()]) p.reject(err);
        },
        wanted: () => this.#pending.size > 0,
      });
      this.#socket = socket;
    } catch (e) {
      throw new TrackerError('network', errorMessage(e));
    }
  }

  #ipv6(): boolean {
    // Through a proxy the socket's family is the relay's; the tracker's shows in its address.
    if (this.#proxy) return this.host.includes(':');
    return this.#socket?.get_family() === Gio.SocketFamily.IPV6;
  }

  /** Sends a request (its transaction id goes at byte 12) and waits for the matching reply. */
  async #transact(
    packet: Uint8Array,
    action: number,
    minLength: number,
    policy: UdpPolicy,
    cancellable: Gio.Cancellable | null,
  ): Promise<Uint8Array> {
    await this.#open(cancellable);
    let tid = randomU32();
    while (this.#pending.has(tid)) tid = randomU32();
    new DataView(packet.buffer, packet.byteOffset).setUint32(12, tid);
    return new Promise<Uint8Array>((resolve, reject) => {
      let timer = 0;
      let handler = 0;
      const finish = () => {
        this.#pending.delete(tid);
        if (timer) GLib.source_remove(timer);
        timer = 0;
        if (cancellable) offCancelled(cancellable, handler);
        handler = 0;
      };
      this.#pending.set(tid, {
        action,
        minLength,
        resolve: (r) => {
          finish();
          resolve(r);
        },
        reject: (e) => {
          finish();
          reject(e);
        },
      });
      if (cancellable) {
        handler = onCancelled(cancellable, () => {
          // onCancelled() runs this at once for a cancellable that is already cancelled.
          GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
            this.#pending.get(tid)?.reject(cancelledError());
            return GLib.SOURCE_REMOVE;
          });
        });
      }
      const send = (attempt: number) => {
        if (!this.#pending.has(tid)) return;
        if (attempt >= policy.attempts) {
          const seconds = policy.timeoutSeconds * (2 ** policy.attempts - 1);
          const dropped = this.#droppedText();
          this.#pending
            .get(tid)
            ?.reject(
              new TrackerError(
                'timeout',
                _('The tracker did not answer within %d seconds.').replace('%d', String(seconds)) + dropped,
              ),
            );
          return;
        }
        try {
          this.#socket!.send(this.#header ? concatBytes([this.#header, packet]) : packet, null);
        } catch (e) {
          this.#pending.get(tid)?.reject(new TrackerError('network', errorMessage(e)));
          return;
        }
        timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, policy.timeoutSeconds * 1000 * 2 ** attempt, () => {
          timer = 0;
          send(attempt + 1);
          return GLib.SOURCE_REMOVE;
        });
      };
      send(0);
      this.#read();
    });
  }

  /** Reads replies while any transaction waits for one. */
  #read(): void {
    this.#reader?.start();
  }

  /** " Ignored: …" for a timeout message (empty when nothing was ignored); resets the counts. */
  #droppedText(): string {
    const d = this.#dropped;
    const parts: string[] = [];
    if (d.unknown)
      parts.push(
        format(
          ngettext('%d reply with an unknown transaction id', '%d replies with an unknown transaction id', d.unknown),
          d.unknown,
        ),
      );
    if (d.short)
      parts.push(
        format(ngettext('%d packet too short to be a reply', '%d packets too short to be replies', d.short), d.short),
      );
    if (d.split)
      parts.push(
        format(
          ngettext('%d piece of a datagram the proxy split', '%d pieces of datagrams the proxy split', d.split),
          d.split,
        ),
      );
    d.unknown = d.short = d.split = 0;
    return parts.length ? ' ' + _('Ignored: %s.').replace('%s', parts.join('; ')) : '';
  }

  #receive(datagram: Uint8Array): void {
    const d = this.#header ? Socks5UdpRelay.payload(datagram) : datagram;
    if (!d || d.length < 8) {
      if (!d) this.#dropped.split++;
      else this.#dropped.short++;
      this.ignored++;
      return;
    }
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const action = view.getUint32(0);
    const tid = view.getUint32(4);
    const p = this.#pending.get(tid);
    if (!p) {
      this.#dropped.unknown++;
      this.ignored++;
      return;
    }
    if (action === ACTION_ERROR) {
      // Only the start of the text is read: an error datagram can be 64 KiB of anything.
      const text = new TextDecoder()
        .decode(d.subarray(8, 8 + 1024))
        .replace(/\0+$/, '')
        .trim();
      const error = new TrackerError('failure', text || _('The tracker sent an error without a message.'));
      error.udp = true;
      if (isConnectionIdError(text)) {
        this.#connectionId = null;
        error.connectionIdRefused = true;
      }
      p.reject(error);
      return;
    }
    if (action !== p.action) {
      p.reject(
        new TrackerError(
          'protocol',
          format(_('The tracker answered with action %1$d instead of %2$d.'), String(action), String(p.action)),
        ),
      );
      return;
    }
    if (d.length < p.minLength) {
      p.reject(
        new TrackerError(
          'protocol',
          format(
            _('The tracker’s reply is too short (%1$d bytes, at least %2$d needed).'),
            String(d.length),
            String(p.minLength),
          ),
        ),
      );
      return;
    }
    this.#dropped.unknown = this.#dropped.short = this.#dropped.split = 0;
    p.resolve(d);
  }

  async #connectionIdFor(policy: UdpPolicy, cancellable: Gio.Cancellable | null): Promise<Uint8Array> {
    const now = GLib.get_monotonic_time();
    if (this.#connectionId && now - this.#connectionIdAt < policy.connectionIdLifetime * 1e6) return this.#connectionId;
    this.#connecting ??= (async () => {
      this.connects++;
      const reply = await this.#transact(connectPacket(), ACTION_CONNECT, 16, policy, cancellable);
      this.#connectionId = reply.slice(8, 16);
      this.#connectionIdAt = GLib.get_monotonic_time();
      return this.#connectionId;
    })();
    try {
      return await this.#connecting;
    } finally {
      this.#connecting = null;
    }
  }

  /**
   * Runs `exchange` (a connect-then-request), and once more at once if the tracker refused our
   * connection id (expired on its side, or it restarted): BEP 15's "re-connect", so an expired
   * id costs one round trip, not a failure and a backoff of minutes.
   */
  async #withFreshIdOnRefusal<T>(exchange: () => Promise<T>): Promise<T> {
    try {
      return await exchange();
    } catch (e) {
      if (!(e instanceof TrackerError && e.connectionIdRefused)) throw e;
      this.reconnects++;
      return exchange();
    }
  }

  announce(
    urlData: Uint8Array | null,
    req: AnnounceRequest,
    ctx: AnnounceContext & { keyValue: number },
    policy: UdpPolicy,
    cancellable: Gio.Cancellable | null,
  ): Promise<AnnounceReply> {
    return this.#withFreshIdOnRefusal(() => this.#announceOnce(urlData, req, ctx, policy, cancellable));
  }

  async #announceOnce(
    urlData: Uint8Array | null,
    req: AnnounceRequest,
    ctx: AnnounceContext & { keyValue: number },
    policy: UdpPolicy,
    cancellable: Gio.Cancellable | null,
  ): Promise<AnnounceReply> {
    const cid = await this.#connectionIdFor(policy, cancellable);
    const packet = announcePacket(cid, urlData, req, ctx);
    const d = await this.#transact(packet, ACTION_ANNOUNCE, 20, policy, cancellable);
    const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const rest = d.subarray(20);
    // The stride follows the address family, unless the length says otherwise (some trackers
    // send IPv4 entries over IPv6).
    const stride: 6 | 18 = this.#ipv6() && rest.length % 18 === 0 ? 18 : 6;
    return {
      interval: view.getUint32(8) || null,
      minInterval: null,
      trackerId: null,
      leechers: view.getUint32(12),
      seeders: view.getUint32(16),
      downloaded: null,
      warning: null,
      peers: compactPeers(rest, stride),
    };
  }

  /** One scrape for up to MAX_UDP_SCRAPE_HASHES torrents (BEP 15 action 2). */
  scrape(infoHashes: Uint8Array[], policy: UdpPolicy, cancellable: Gio.Cancellable | null): Promise<ScrapeReply> {
    return this.#withFreshIdOnRefusal(() => this.#scrapeOnce(infoHashes, policy, cancellable));
  }

  async #scrapeOnce(
    infoHashes: Uint8Array[],
    policy: UdpPolicy,
    cancellable: Gio.Cancellable | null,
  ): Promise<ScrapeReply> {
    const cid = await this.#connectionIdFor(policy, cancellable);
    const packet = udpScrapePacket(cid, infoHashes);
    const d = await this.#transact(packet, ACTION_SCRAPE, udpScrapeReplyLength(infoHashes.length), policy, cancellable);
    return parseUdpScrapeReply(d, infoHashes);
  }
}
