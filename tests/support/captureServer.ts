import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';

/** What the capture server answers one request with. */
export type CaptureReply =
  | { status?: number; reason?: string; headers?: [string, string][]; body?: Uint8Array | string }
  | 'hang' // read the request, never answer (timeouts)
  | 'close'; // close without a byte (a broken server)

export interface CapturedRequest {
  /** The request exactly as it came over the socket, up to and including the blank line. */
  raw: string;
  requestLine: string;
  /** [name, value] in wire order. */
  headers: [string, string][];
  path: string;
}

/**
 * A raw HTTP/1.1 listener on 127.0.0.1 (Gio.SocketService) that records every request's bytes
 * exactly as they arrived, so specs can compare the wire format with real clients' captures.
 * Also plays the fault server: any status, any body, or no answer at all.
 */
export class CaptureServer {
  readonly requests: CapturedRequest[] = [];
  respond: (req: CapturedRequest) => CaptureReply = () => ({ body: 'd8:intervali1800e5:peers0:e' });
  readonly port: number;
  readonly #service = new Gio.SocketService();
  readonly #open = new Set<Gio.SocketConnection>();

  constructor() {
    const [, effective] = this.#service.add_address(
      Gio.InetSocketAddress.new_from_string('127.0.0.1', 0)!,
      Gio.SocketType.STREAM,
      Gio.SocketProtocol.TCP,
      null,
    );
    this.port = (effective as Gio.InetSocketAddress).get_port();
    this.#service.connect('incoming', (_s, conn: Gio.SocketConnection) => {
      this.#open.add(conn);
      void this.#serve(conn);
      return true;
    });
    this.#service.start();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async #serve(conn: Gio.SocketConnection): Promise<void> {
    const input = conn.get_input_stream();
    let text = '';
    try {
      while (!text.includes('\r\n\r\n')) {
        const b = (await input.read_bytes_async(4096, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
        const chunk = b.toArray();
        if (chunk.length === 0) break;
        text += String.fromCharCode(...chunk);
      }
    } catch {
      this.#open.delete(conn);
      return;
    }
    const raw = text.slice(0, text.indexOf('\r\n\r\n') + 4);
    const lines = raw.split('\r\n').filter((l) => l.length);
    const req: CapturedRequest = {
      raw,
      requestLine: lines[0] ?? '',
      headers: lines.slice(1).map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i), l.slice(i + 1).trim()] as [string, string];
      }),
      path: (lines[0] ?? '').split(' ')[1] ?? '',
    };
    this.requests.push(req);
    const reply = this.respond(req);
    if (reply === 'hang') return; // closed by stop()
    if (reply === 'close') {
      conn.close(null);
      this.#open.delete(conn);
      return;
    }
    const body = typeof reply.body === 'string' ? latin1Bytes(reply.body) : (reply.body ?? new Uint8Array());
    const head =
      `HTTP/1.1 ${reply.status ?? 200} ${reply.reason ?? 'OK'}\r\n` +
      [...(reply.headers ?? []), ['Content-Length', String(body.length)], ['Connection', 'close']]
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n';
    const out = new Uint8Array(head.length + body.length);
    out.set(latin1Bytes(head), 0);
    out.set(body, head.length);
    try {
      await conn.get_output_stream().write_all_async(out, GLib.PRIORITY_DEFAULT, null);
    } catch {
      // the client went away
    }
    conn.close(null);
    this.#open.delete(conn);
  }

  stop(): void {
    this.#service.stop();
    this.#service.close();
    for (const c of this.#open) c.close(null);
    this.#open.clear();
  }
}

/** One byte per char (bencode bodies with binary strings are written as latin1 text). */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}
