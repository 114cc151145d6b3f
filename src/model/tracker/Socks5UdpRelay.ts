import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../lib/promisify.ts';
import { concatBytes } from '../../lib/bytes.ts';
import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { TrackerError } from './types.ts';

/** A SOCKS 5 proxy that UDP tracker traffic goes through (the `proxy.*` settings). */
export interface Socks5Proxy {
  host: string;
  port: number;
  /** Username and password (RFC 1929), or null for none. */
  credentials: { username: string; password: string } | null;
}

const VERSION = 5;
const METHOD_NONE = 0x00;
const METHOD_PASSWORD = 0x02;
const COMMAND_UDP_ASSOCIATE = 3;
const ATYP_IPV4 = 1;
const ATYP_DOMAIN = 3;
const ATYP_IPV6 = 4;

/**
 * One SOCKS 5 UDP association (RFC 1928 §7): a TCP control connection to the proxy that asks for
 * UDP ASSOCIATE and stays open for as long as the association is used, and the relay address the
 * proxy named. Datagrams to the relay carry a header naming the tracker; the tracker's name goes
 * to the proxy as written, so it is resolved there and nothing about it leaves this machine
 * except through the proxy.
 */
export class Socks5UdpRelay {
  readonly relay: Gio.InetSocketAddress;
  readonly #connection: Gio.SocketConnection;
  #closed = false;
  #onClosed: (() => void) | null = null;

  private constructor(connection: Gio.SocketConnection, relay: Gio.InetSocketAddress) {
    this.#connection = connection;
    this.relay = relay;
    this.#watch();
  }

  /** Asks the proxy for a UDP association. Throws TrackerError('network') in plain words. */
  static async open(proxy: Socks5Proxy, cancellable: Gio.Cancellable | null): Promise<Socks5UdpRelay> {
    let connection: Gio.SocketConnection;
    try {
      connection = (await new Gio.SocketClient().connect_to_host_async(
        `${proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host}:${proxy.port}`,
        proxy.port,
        cancellable,
      )) as Gio.SocketConnection;
    } catch (e) {
      if (isCancelled(e)) throw e;
      throw proxyError(_('could not connect to it (%s)').replace('%s', errorMessage(e)));
    }
    try {
      const io = new ControlStream(connection, cancellable);
      const methods = proxy.credentials ? [METHOD_NONE, METHOD_PASSWORD] : [METHOD_NONE];
      await io.write([VERSION, methods.length, ...methods]);
      const [version, method] = await io.read(2);
      if (version !== VERSION) throw proxyError(_('it is not a SOCKS 5 proxy'));
      if (method === METHOD_PASSWORD && proxy.credentials) {
        const user = new TextEncoder().encode(proxy.credentials.username).subarray(0, 255);
        const pass = new TextEncoder().encode(proxy.credentials.password).subarray(0, 255);
        await io.write([1, user.length, ...user, pass.length, ...pass]);
        const [, status] = await io.read(2);
        if (status !== 0) throw proxyError(_('it refused the username and password'));
      } else if (method !== METHOD_NONE) {
        throw proxyError(_('it accepts none of the offered ways to log in'));
      }
      // The address datagrams will come from is not known yet: all zeros (RFC 1928 §7).
      await io.write([VERSION, COMMAND_UDP_ASSOCIATE, 0, ATYP_IPV4, 0, 0, 0, 0, 0, 0]);
      const [, reply, , atyp] = await io.read(4);
      if (reply !== 0) throw proxyError(_('it refused to relay UDP (reply %d)').replace('%d', String(reply)));
      let address: Gio.InetAddress;
      if (atyp === ATYP_IPV4 || atyp === ATYP_IPV6) {
        const raw = await io.read(atyp === ATYP_IPV4 ? 4 : 16);
        address = Gio.InetAddress.new_from_bytes(
          raw,
          atyp === ATYP_IPV4 ? Gio.SocketFamily.IPV4 : Gio.SocketFamily.IPV6,
        );
      } else {
        throw proxyError(_('it named its relay in a way this app does not read'));
      }
      const portBytes = await io.read(2);
      const port = (portBytes[0] << 8) | portBytes[1];
      // "0.0.0.0" means "the address you reached me at".
      if (address.get_is_any()) {
        const remote = connection.get_remote_address() as Gio.InetSocketAddress;
        address = remote.get_address();
      }
      return new Socks5UdpRelay(connection, new Gio.InetSocketAddress({ address, port }));
    } catch (e) {
      connection.close(null);
      if (isCancelled(e) || e instanceof TrackerError) throw e;
      throw proxyError(errorMessage(e));
    }
  }

  /** False once the proxy closed the control connection (the association is then gone). */
  get open(): boolean {
    return !this.#closed;
  }

  /** Called once when the association ends (the proxy hung up, or close()). */
  set onClosed(callback: (() => void) | null) {
    this.#onClosed = callback;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#connection.close(null);
    } catch {
      // already closed
    }
    this.#onClosed?.();
  }

  /** The header (RFC 1928 §7) that sends a datagram to `host`:`port` through the relay. */
  static header(host: string, port: number): Uint8Array {
    let addr: number[];
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
      addr = [ATYP_IPV4, ...host.split('.').map(Number)];
    } else {
      // A name, or an IPv6 literal as text: the proxy resolves or parses it.
      const name = new TextEncoder().encode(host).subarray(0, 255);
      addr = [ATYP_DOMAIN, name.length, ...name];
    }
    return Uint8Array.from([0, 0, 0, ...addr, port >> 8, port & 0xff]);
  }

  /** The payload of a datagram from the relay, or null for one that is not whole (a fragment). */
  static payload(datagram: Uint8Array): Uint8Array | null {
    if (datagram.length < 4 || datagram[2] !== 0) return null;
    const atyp = datagram[3];
    const addrLength = atyp === ATYP_IPV4 ? 4 : atyp === ATYP_IPV6 ? 16 : atyp === ATYP_DOMAIN ? 1 + datagram[4] : -1;
    if (addrLength < 0 || datagram.length < 4 + addrLength + 2) return null;
    return datagram.subarray(4 + addrLength + 2);
  }

  /** The proxy ends the association by closing the control connection: notice it. */
  #watch(): void {
    const input = this.#connection.get_input_stream();
    input.read_bytes_async(1, GLib.PRIORITY_DEFAULT, null).then(
      (bytes) => ((bytes as GLib.Bytes).get_size() > 0 ? this.#watch() : this.close()),
      () => this.close(),
    );
  }
}

function proxyError(detail: string): TrackerError {
  return new TrackerError(
    'network',
    _('The SOCKS 5 proxy cannot carry UDP tracker traffic: %s.').replace('%s', detail),
  );
}

/** Reads and writes exact byte counts on the control connection. */
class ControlStream {
  readonly #input: Gio.InputStream;
  readonly #output: Gio.OutputStream;
  readonly #cancellable: Gio.Cancellable | null;
  #buffer: Uint8Array = new Uint8Array(0);

  constructor(connection: Gio.SocketConnection, cancellable: Gio.Cancellable | null) {
    this.#input = connection.get_input_stream();
    this.#output = connection.get_output_stream();
    this.#cancellable = cancellable;
  }

  async write(bytes: number[]): Promise<void> {
    await this.#output.write_all_async(Uint8Array.from(bytes), GLib.PRIORITY_DEFAULT, this.#cancellable);
  }

  async read(n: number): Promise<Uint8Array> {
    while (this.#buffer.length < n) {
      const chunk = (
        (await this.#input.read_bytes_async(4096, GLib.PRIORITY_DEFAULT, this.#cancellable)) as GLib.Bytes
      ).toArray();
      if (chunk.length === 0) throw proxyError(_('it closed the connection'));
      this.#buffer = concatBytes([this.#buffer, chunk]);
    }
    const out = this.#buffer.slice(0, n);
    this.#buffer = this.#buffer.slice(n);
    return out;
  }
}
