import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';

/**
 * A minimal SOCKS5 server on 127.0.0.1 (RFC 1928, with RFC 1929 user/password when asked):
 * it records the handshake, then plays the tracker itself on the tunnelled stream instead of
 * dialling anywhere, so nothing leaves the machine.
 */
export class SocksProxy {
  readonly port: number;
  readonly sessions: { user: string | null; password: string | null; target: string; request: string }[] = [];
  requireAuth = false;
  readonly #service = new Gio.SocketService();

  constructor(readonly reply: string) {
    const [, a] = this.#service.add_address(
      Gio.InetSocketAddress.new_from_string('127.0.0.1', 0)!,
      Gio.SocketType.STREAM,
      Gio.SocketProtocol.TCP,
      null,
    );
    this.port = (a as Gio.InetSocketAddress).get_port();
    this.#service.connect('incoming', (_s, conn: Gio.SocketConnection) => {
      void this.#serve(conn).catch(() => conn.close(null));
      return true;
    });
    this.#service.start();
  }

  async #serve(conn: Gio.SocketConnection): Promise<void> {
    const input = conn.get_input_stream();
    const output = conn.get_output_stream();
    let buffer = new Uint8Array(0);
    const take = async (n: number): Promise<Uint8Array> => {
      while (buffer.length < n) {
        const chunk = ((await input.read_bytes_async(4096, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes).toArray();
        if (!chunk.length) throw new Error('closed');
        const joined = new Uint8Array(buffer.length + chunk.length);
        joined.set(buffer);
        joined.set(chunk, buffer.length);
        buffer = joined;
      }
      const out = buffer.slice(0, n);
      buffer = buffer.slice(n);
      return out;
    };
    const send = (bytes: number[] | Uint8Array) =>
      output.write_all_async(Uint8Array.from(bytes), GLib.PRIORITY_DEFAULT, null);
    const text = (b: Uint8Array) => String.fromCharCode(...b);

    const [, nMethods] = await take(2);
    const methods = [...(await take(nMethods))];
    let user: string | null = null;
    let password: string | null = null;
    if (this.requireAuth) {
      if (!methods.includes(2)) return void (await send([5, 0xff]));
      await send([5, 2]);
      const [, ulen] = await take(2);
      user = text(await take(ulen));
      const [plen] = await take(1);
      password = text(await take(plen));
      await send([1, 0]);
    } else await send([5, 0]);
    const [, , , atyp] = await take(4);
    let host: string;
    if (atyp === 1) host = [...(await take(4))].join('.');
    else if (atyp === 3) host = text(await take((await take(1))[0]));
    else host = 'ipv6';
    const portBytes = await take(2);
    await send([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    let request = text(buffer);
    while (!request.includes('\r\n\r\n')) {
      const chunk = ((await input.read_bytes_async(4096, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes).toArray();
      if (!chunk.length) break;
      request += text(chunk);
    }
    this.sessions.push({ user, password, target: `${host}:${(portBytes[0] << 8) | portBytes[1]}`, request });
    await send(
      Uint8Array.from(
        `HTTP/1.1 200 OK\r\nContent-Length: ${this.reply.length}\r\nConnection: close\r\n\r\n${this.reply}`,
        (c) => c.charCodeAt(0),
      ),
    );
    conn.close(null);
  }

  stop(): void {
    this.#service.stop();
    this.#service.close();
  }
}
