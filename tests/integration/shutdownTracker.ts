import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';

/**
 * An HTTP tracker on 127.0.0.1 for the faults a real tracker will not produce on demand: it
 * answers `started` and regular announces at once, but holds every `stopped` for
 * `stoppedDelayMs` (or forever once `silent`), so a spec or the bench can see how many
 * farewells were in flight at the same time and how the budget treats a tracker that
 * stopped answering.
 *
 * It speaks just enough HTTP/1.1 on a Gio.SocketService (one request per connection): a
 * Soup.Server handler cannot be used, because GJS fails to hand it a query whose `info_hash`
 * decodes to bytes that are not UTF-8.
 */
export class ShutdownTracker {
  readonly #service = new Gio.SocketService();
  readonly port: number;
  /** `started` requests that arrived (answered or not). */
  startedRequests = 0;
  /** Info hashes (40 hex) whose `started` arrived (answered or not). */
  readonly startedArrived = new Set<string>();
  /** Info hashes (40 hex) whose `started` was answered. */
  readonly startedHashes = new Set<string>();
  /** Info hashes whose `stopped` arrived (answered or not). */
  readonly stoppedHashes = new Set<string>();
  stoppedRequests = 0;
  stoppedAnswered = 0;
  /** `stopped` requests being held right now, and the most ever held at once. */
  stoppedInFlight = 0;
  maxStoppedInFlight = 0;
  /**
   * Milliseconds every `started` is held before its answer (0: at once), so a quit can find
   * one in flight. Counted in `startedRequests` on arrival, in `startedHashes` once answered.
   */
  startedDelayMs = 0;
  /** Milliseconds every `stopped` is held before its answer. */
  stoppedDelayMs: number;
  /**
   * When set, no `stopped` is answered before this many were held at the same moment (then each
   * is answered once its delay has passed): proof that the client sent them all at once, which a
   * slow, busy machine cannot fake or spoil.
   */
  answerOnceInFlight: number | null = null;
  #allArrived = false;
  readonly #deferred: Gio.SocketConnection[] = [];
  /** When true nothing is answered any more: a tracker that stopped answering. */
  silent = false;
  readonly #open = new Set<Gio.SocketConnection>();
  readonly #timers = new Set<number>();

  constructor(stoppedDelayMs = 0) {
    this.stoppedDelayMs = stoppedDelayMs;
    // Backlog well above the number of farewells a spec sends at once.
    this.#service.set_backlog(1024);
    const address = new Gio.InetSocketAddress({
      address: Gio.InetAddress.new_loopback(Gio.SocketFamily.IPV4),
      port: 0,
    });
    const [, effective] = this.#service.add_address(address, Gio.SocketType.STREAM, Gio.SocketProtocol.TCP, null);
    this.port = (effective as Gio.InetSocketAddress).get_port();
    this.#service.connect('incoming', (_service, connection: Gio.SocketConnection) => {
      this.#open.add(connection);
      void this.#serve(connection);
      return true;
    });
    this.#service.start();
  }

  get announceUrl(): string {
    return `http://127.0.0.1:${this.port}/announce`;
  }

  stop(): void {
    for (const t of this.#timers) GLib.source_remove(t);
    this.#timers.clear();
    this.#service.stop();
    this.#service.close();
    for (const c of this.#open) closeQuietly(c);
    this.#open.clear();
  }

  async #serve(connection: Gio.SocketConnection): Promise<void> {
    const head = await readHead(connection.get_input_stream());
    if (head === null) return this.#close(connection);
    const target = /^GET (\S+) HTTP\/1\.[01]\r\n/.exec(head)?.[1] ?? '';
    const params = parseQuery(target.slice(target.indexOf('?') + 1));
    const hash = params.get('info_hash') ?? '';
    const event = params.get('event') ?? '';
    if (event === 'started') {
      this.startedRequests++;
      this.startedArrived.add(hash);
    }
    if (event === 'stopped') {
      this.stoppedRequests++;
      this.stoppedHashes.add(hash);
      this.stoppedInFlight++;
      this.maxStoppedInFlight = Math.max(this.maxStoppedInFlight, this.stoppedInFlight);
      if (this.answerOnceInFlight !== null && this.stoppedInFlight >= this.answerOnceInFlight) {
        this.#allArrived = true;
        for (const c of this.#deferred.splice(0)) this.#answerStopped(c);
      }
    }
    // Silent: the request was read and counted; it is never answered.
    if (this.silent) return;
    if (event === 'started' && this.startedDelayMs > 0) {
      const held = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.startedDelayMs, () => {
        this.#timers.delete(held);
        if (this.silent) return GLib.SOURCE_REMOVE;
        this.startedHashes.add(hash);
        void this.#reply(connection);
        return GLib.SOURCE_REMOVE;
      });
      this.#timers.add(held);
      return;
    }
    if (event !== 'stopped') {
      if (event === 'started') this.startedHashes.add(hash);
      return this.#reply(connection);
    }
    const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, this.stoppedDelayMs, () => {
      this.#timers.delete(timer);
      if (this.answerOnceInFlight === null || this.#allArrived) this.#answerStopped(connection);
      else this.#deferred.push(connection);
      return GLib.SOURCE_REMOVE;
    });
    this.#timers.add(timer);
  }

  #answerStopped(connection: Gio.SocketConnection): void {
    this.stoppedInFlight--;
    this.stoppedAnswered++;
    void this.#reply(connection);
  }

  async #reply(connection: Gio.SocketConnection): Promise<void> {
    // One seeder (us), a long interval, no peers: what opentracker answers a lone seeder.
    const body = 'd8:completei1e10:incompletei0e8:intervali1800e12:min intervali900e5:peers0:e';
    const text =
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n' +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    try {
      await connection.get_output_stream().write_all_async(new TextEncoder().encode(text), GLib.PRIORITY_DEFAULT, null);
    } catch {
      // the client gave up (cancelled); nothing to answer
    }
    this.#close(connection);
  }

  #close(connection: Gio.SocketConnection): void {
    this.#open.delete(connection);
    closeQuietly(connection);
  }
}

/** The request head (up to the blank line) as Latin-1 text, or null if the client hung up. */
async function readHead(input: Gio.InputStream): Promise<string | null> {
  let head = '';
  while (!head.includes('\r\n\r\n')) {
    let chunk: Uint8Array;
    try {
      const bytes = (await input.read_bytes_async(4096, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
      chunk = bytes.toArray();
    } catch {
      return null;
    }
    if (chunk.length === 0 || head.length > 65536) return null;
    head += String.fromCharCode(...chunk);
  }
  return head;
}

function closeQuietly(connection: Gio.SocketConnection): void {
  try {
    connection.close(null);
  } catch {
    // already closed
  }
}

/** Query parameters; `info_hash` comes back as 40 lowercase hex digits. */
function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    if (key === 'info_hash') {
      const bytes = GLib.uri_unescape_bytes(raw, -1, null).toArray();
      out.set(key, Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    } else {
      out.set(key, GLib.uri_unescape_string(raw, null) ?? raw);
    }
  }
  return out;
}
