import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/** A datagram the stub received, and where it came from. */
export interface UdpRequest {
  data: Uint8Array;
  action: number;
  transactionId: number;
}

/** The stub's answer: datagrams to send back (any bytes at all), or none. */
export type UdpResponder = (req: UdpRequest) => Uint8Array[];

/**
 * A UDP socket on 127.0.0.1 that answers with whatever a spec wants, for the faults a real
 * tracker will not produce (wrong transaction ids, truncated or garbage packets, silence).
 * GJS 1.74 cannot introspect Gio.Socket.receive_from, so the sender is read with a PEEK of an
 * empty message and the datagram through the socket's stream.
 */
export class UdpTrackerStub {
  readonly requests: UdpRequest[] = [];
  respond: UdpResponder = () => [];
  readonly port: number;
  readonly #socket: Gio.Socket;
  /** Kept alive on purpose: a collected GSocketConnection closes the socket under us. */
  readonly #connection: Gio.SocketConnection;
  readonly #stream: Gio.InputStream;
  readonly #source: GLib.Source;

  readonly host: string;

  /** `host`: the loopback address to bind, 127.0.0.1 or ::1. */
  constructor(host = '127.0.0.1') {
    this.host = host;
    const family = host.includes(':') ? Gio.SocketFamily.IPV6 : Gio.SocketFamily.IPV4;
    this.#socket = Gio.Socket.new(family, Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
    this.#socket.set_blocking(false);
    this.#socket.bind(Gio.InetSocketAddress.new_from_string(host, 0)!, false);
    this.port = (this.#socket.get_local_address() as Gio.InetSocketAddress).get_port();
    this.#connection = this.#socket.connection_factory_create_connection();
    this.#stream = this.#connection.get_input_stream();
    this.#source = this.#socket.create_source(GLib.IOCondition.IN, null);
    this.#source.set_callback(() => {
      this.#receive();
      return GLib.SOURCE_CONTINUE;
    });
    this.#source.attach(null);
  }

  get url(): string {
    return `udp://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}/announce`;
  }

  #receive(): void {
    let from: Gio.SocketAddress | null;
    try {
      [, from] = this.#socket.receive_message([], Gio.SocketMsgFlags.PEEK, null) as unknown as [
        number,
        Gio.SocketAddress | null,
      ];
    } catch {
      return;
    }
    // The socket is readable, so this read returns the one waiting datagram at once.
    const data = this.#stream.read_bytes(65536, null).toArray();
    if (data.length < 16 || !from) return;
    const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const req = { data, action: v.getUint32(8), transactionId: v.getUint32(12) };
    this.requests.push(req);
    for (const out of this.respond(req)) this.#socket.send_to(from, out, null);
  }

  stop(): void {
    this.#source.destroy();
    this.#socket.close();
  }
}

/** Builders for BEP 15 replies (big-endian). */
export const udpReply = {
  connect(tid: number, connectionId = [1, 2, 3, 4, 5, 6, 7, 8]): Uint8Array {
    const b = new Uint8Array(16);
    const v = new DataView(b.buffer);
    v.setUint32(0, 0);
    v.setUint32(4, tid);
    b.set(connectionId, 8);
    return b;
  },
  announce(tid: number, interval: number, leechers: number, seeders: number, peers: number[] = []): Uint8Array {
    const b = new Uint8Array(20 + peers.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, 1);
    v.setUint32(4, tid);
    v.setUint32(8, interval);
    v.setUint32(12, leechers);
    v.setUint32(16, seeders);
    b.set(peers, 20);
    return b;
  },
  error(tid: number, message: string): Uint8Array {
    const text = new TextEncoder().encode(message + '\0');
    const b = new Uint8Array(8 + text.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, 3);
    v.setUint32(4, tid);
    b.set(text, 8);
    return b;
  },
};
