import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../lib/promisify.ts';
import { errorMessage, isCancelled } from '../../lib/errors.ts';
import { checkCollectionSoon, onStalledCollection } from '../../lib/garbageCollection.ts';
import { _ } from '../../lib/i18n.ts';
import { type ScheduledCall, TickScheduler } from '../torrent/TickScheduler.ts';
import { cancelledError } from './deadline.ts';
import { parseReply, type PlainReply, readSize } from './plainHttpReply.ts';
import {
  ConnectFailed,
  type Exchange,
  type PlainDone,
  report,
  type Request,
  target,
  type Target,
} from './plainHttpExchange.ts';
import { ResolvedNames, timeoutError } from './ResolvedNames.ts';
import { noAddressError, ofFamily } from './trackerFamilies.ts';
import { type AddressFamily, TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

/** A socket worth reading: data, the end of the stream or an error is waiting. */
const READABLE = GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR;
const IO_ERROR = Gio.io_error_quark();
/** How often the one deadline timer looks for requests past their deadline. */
const SWEEP_MS = 100;

/**
 * HTTP/1.1 GET over a bare non-blocking Gio.Socket, for plain `http://` trackers reached
 * without a proxy. It writes the request head it is given byte for byte (the caller builds the
 * identity's exact request) and reads the reply up to its Content-Length, its last chunk or the
 * end of the connection. Why not libsoup: at quit one `stopped` per torrent goes at once, and in
 * GJS a libsoup request costs 1–3 ms of main-loop time (1000 farewells took 2.5 s); this path a
 * few tenths of a ms (bench/tracker-announce.sh): one socket per request, a shared cancellable
 * has one handler, one timer serves every deadline.
 */
export type { PlainDone } from './plainHttpExchange.ts';

export class PlainHttpClient {
  readonly #names = new ResolvedNames();
  /** Address literals by `host port`; null marks a host name (resolved each time, cached above). */
  readonly #socketAddresses = new Map<string, Target | null>();
  /** Requests whose head was just written: one sweep reads the replies already there. */
  #justSent: Exchange[] = [];
  /** Requests to an address literal not connected yet, and the idle that connects them. */
  #connecting: { to: Target; request: Request; done: PlainDone }[] = [];
  /** Read streams by descriptor number, reused by later sockets (they keep only the fd): a GObject less per request. */
  readonly #inputs = new Map<number, Gio.InputStream>();
  #connectSource = 0;
  #sweepJustSentSource = 0;
  readonly #inFlight = new Set<Exchange>();
  readonly #watched = new Map<Gio.Cancellable, { handler: number; exchanges: Set<Exchange> }>();
  /** The deadline sweep, on the engine clock (which outlives a callback GJS 1.74 drops). */
  #sweep: ScheduledCall | null = null;
  /** Requests whose head was written in full (for specs and benches). */
  sent = 0;
  readonly #stopRecovering = onStalledCollection(() => this.#recover());

  /** The GLib sources this client is waiting on (specs take them away as GJS 1.74 would). */
  get sourceIds(): number[] {
    const ids = [this.#connectSource, this.#sweepJustSentSource];
    for (const x of this.#inFlight) ids.push(x.fdSource);
    return ids.filter((id) => id !== 0);
  }

  /** Requests not settled yet (for specs). */
  get inFlight(): number {
    return this.#inFlight.size + this.#connecting.length;
  }

  /**
   * Sends `head` to host:port and resolves with the reply. Rejects with CANCELLED when
   * `cancellable` fires, TrackerError('timeout') after `timeoutSeconds`, TrackerError('network')
   * when the connection fails and TrackerError('protocol') for a reply that is not HTTP.
   */
  get(
    host: string,
    port: number,
    head: Uint8Array,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
    maxBytes: number,
    family: AddressFamily | null = null,
  ): Promise<PlainReply> {
    return new Promise((resolve, reject) =>
      this.send(host, port, head, timeoutSeconds, cancellable, maxBytes, family, (reply, error) =>
        reply ? resolve(reply) : reject(error),
      ),
    );
  }

  /**
   * get() with a callback (a promise reaction costs µs in GJS 1.74, and the quit sends thousands
   * at once); `done` may be called before send() returns (a request refused at once).
   */
  send(
    host: string,
    port: number,
    head: Uint8Array,
    timeoutSeconds: number,
    cancellable: Gio.Cancellable | null,
    maxBytes: number,
    family: AddressFamily | null,
    done: PlainDone,
  ): void {
    if (cancellable?.is_cancelled()) return done(null, cancelledError());
    const deadlineUs = GLib.get_monotonic_time() + Math.max(1, Math.round(timeoutSeconds * 1000)) * 1000;
    const request: Request = { head, deadlineUs, timeoutSeconds, cancellable, maxBytes, family };
    // An address literal (the usual tracker URL here) is parsed once per host and port, here,
    // so a burst of a thousand requests to one tracker starts them all without waiting.
    const literal = this.#literal(host, port);
    if (literal && family && literal.family !== family) return done(null, noAddressError(family));
    if (literal) this.#connectSoon(literal, request, done);
    else
      this.#getByName(host, port, request).then(
        (reply) => done(reply),
        (e: unknown) => done(null, e),
      );
  }

  /** The socket address of an address literal, cached; null for a host name. */
  #literal(host: string, port: number): Target | null {
    const key = `${host} ${port}`;
    const known = this.#socketAddresses.get(key);
    if (known !== undefined) return known;
    const address = Gio.InetAddress.new_from_string(host);
    const a = address ? target(new Gio.InetSocketAddress({ address, port })) : null;
    if (this.#socketAddresses.size > 256) this.#socketAddresses.clear();
    this.#socketAddresses.set(key, a);
    return a;
  }

  async #getByName(host: string, port: number, request: Request): Promise<PlainReply> {
    // An announce for one family (BEP 7) goes to that family's addresses only.
    const addresses = ofFamily(
      await this.#names.lookup(host, request.cancellable, request.timeoutSeconds),
      request.family,
    );
    let lastError: unknown = null;
    // Like a browser: each address of the name in turn until one accepts the connection.
    for (const address of addresses) {
      try {
        const to = target(new Gio.InetSocketAddress({ address, port }));
        return await new Promise<PlainReply>((resolve, reject) =>
          this.#exchange(to, request, (reply, error) => (reply ? resolve(reply) : reject(error))),
        );
      } catch (e) {
        // Only a refused connection moves on: anything later may have reached the tracker.
        if (!(e instanceof ConnectFailed)) throw e;
        lastError = e;
      }
    }
    throw lastError ?? new TrackerError('network', _('The tracker’s address did not resolve.'));
  }

  /** Aborts everything in flight (the network is being disposed). */
  abort(): void {
    this.#stopRecovering();
    const waiting = this.#connecting;
    this.#connecting = [];
    for (const { done } of waiting) report(done, null, cancelledError());
    for (const x of [...this.#inFlight]) this.#fail(x, cancelledError());
  }

  /**
   * Starts the exchange from an idle, batched: a non-blocking connect always throws PENDING, and
   * GJS captures the JS stack for it, twice the cost deep in a farewell's (worker … network).
   * High priority: the request goes out in the next iteration, ahead of the window's sources.
   */
  #connectSoon(to: Target, request: Request, done: PlainDone): void {
    this.#connecting.push({ to, request, done });
    if (!this.#connectSource) this.#scheduleConnect();
  }

  #scheduleConnect(): void {
    this.#connectSource = GLib.idle_add(GLib.PRIORITY_HIGH, () => {
      this.#connectSource = 0;
      const batch = this.#connecting;
      this.#connecting = [];
      for (const { to, request, done } of batch)
        if (request.cancellable?.is_cancelled()) report(done, null, cancelledError());
        else this.#exchange(to, request, done);
      return GLib.SOURCE_REMOVE;
    });
  }

  #exchange(to: Target, request: Request, done: PlainDone): void {
    const { head, deadlineUs, timeoutSeconds, cancellable, maxBytes } = request;
    const x: Exchange = {
      socket: null,
      fd: -1,
      connecting: true,
      input: null,
      fdSource: 0,
      rewatch: null,
      deadlineUs,
      timeoutSeconds,
      cancellable,
      chunks: [],
      settled: false,
      done,
      maxBytes,
    };
    let socket: Gio.Socket;
    try {
      socket = Gio.Socket.new(to.socketFamily, Gio.SocketType.STREAM, Gio.SocketProtocol.TCP);
      socket.set_blocking(false);
    } catch (e) {
      done(null, new TrackerError('network', errorMessage(e)));
      return;
    }
    x.socket = socket;
    this.#track(x);
    try {
      socket.connect(to.address, null);
      x.connecting = false;
    } catch (e) {
      if (!(e instanceof GLib.Error && e.domain === IO_ERROR && e.code === Gio.IOErrorEnum.PENDING)) {
        this.#fail(x, new ConnectFailed(errorMessage(e)));
        return;
      }
    }
    // Written at once, even while the handshake may still be going on: on loopback and near
    // trackers it is done by now, and a socket still connecting takes nothing (WOULD_BLOCK),
    // so #send waits for it then. One GI call per request instead of three: a farewell burst
    // makes a thousand.
    this.#send(x, head, 0);
  }

  /**
   * Writes the head from `offset`; waits for room (or for the handshake) if the socket takes
   * only part of it. A write that fails before the handshake is known to be done is a failed
   * connection: nothing reached the tracker, so the next address may be tried.
   */
  #send(x: Exchange, head: Uint8Array, offset: number): void {
    const socket = x.socket!;
    let sent = offset;
    try {
      while (sent < head.length) {
        sent += socket.send(offset === 0 && sent === 0 ? head : head.subarray(sent), null);
        x.connecting = false;
      }
    } catch (e) {
      if (e instanceof GLib.Error && e.domain === IO_ERROR && e.code === Gio.IOErrorEnum.WOULD_BLOCK) {
        this.#watchWritable(x, head, sent);
        return;
      }
      this.#fail(x, x.connecting ? new ConnectFailed(errorMessage(e)) : new TrackerError('network', errorMessage(e)));
      return;
    }
    this.sent++;
    this.#read(x);
  }

  /** Waits for room to write the rest of the head (or for the handshake to end). */
  #watchWritable(x: Exchange, head: Uint8Array, sent: number): void {
    x.rewatch = () => this.#watchWritable(x, head, sent);
    x.fdSource = GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, this.#fdOf(x), GLib.IOCondition.OUT, () => {
      checkCollectionSoon();
      x.fdSource = 0;
      if (!x.settled) this.#writable(x, head, sent);
      return GLib.SOURCE_REMOVE;
    });
  }

  /** The socket can be written: the handshake's outcome first if it was pending, then the rest. */
  #writable(x: Exchange, head: Uint8Array, sent: number): void {
    if (x.connecting) {
      try {
        x.socket!.check_connect_result();
      } catch (e) {
        this.#fail(x, new ConnectFailed(errorMessage(e)));
        return;
      }
      x.connecting = false;
    }
    this.#send(x, head, sent);
  }

  #fdOf(x: Exchange): number {
    if (x.fd < 0) x.fd = x.socket!.get_fd();
    return x.fd;
  }

  /**
   * Waits for the reply. A burst writes hundreds of requests in one main-loop dispatch; on a
   * near tracker most replies are in by the time it ends, so one sweep right after it reads
   * those at once and only the requests still unanswered get an fd watch of their own.
   */
  #read(x: Exchange): void {
    this.#justSent.push(x);
    if (!this.#sweepJustSentSource) this.#scheduleJustSentSweep();
  }

  #scheduleJustSentSweep(): void {
    this.#sweepJustSentSource = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      this.#sweepJustSentSource = 0;
      checkCollectionSoon();
      const sent = this.#justSent;
      this.#justSent = [];
      for (const e of sent) {
        if (e.settled) continue;
        if (e.socket!.condition_check(READABLE) === (0 as GLib.IOCondition) || this.#readable(e)) this.#watch(e);
      }
      return GLib.SOURCE_REMOVE;
    });
  }

  /** One fd watch that reads each time the socket is readable, until the reply is complete. */
  #watch(x: Exchange): void {
    x.rewatch = () => this.#watch(x);
    const id = GLib.unix_fd_add_full(GLib.PRIORITY_DEFAULT, this.#fdOf(x), READABLE, () => {
      // Replies allocate: see that no collection is left between sweep slices after this one,
      // which would drop every callback after it (src/lib/garbageCollection.ts).
      checkCollectionSoon();
      // Cleared while reading, so settling does not remove the source it runs in.
      x.fdSource = 0;
      if (x.settled || !this.#readable(x)) return GLib.SOURCE_REMOVE;
      x.fdSource = id;
      return GLib.SOURCE_CONTINUE;
    });
    x.fdSource = id;
  }

  /**
   * Reads what the readable socket holds (a synchronous read: there is data, an end of stream
   * or an error to return, so it never waits) and settles the exchange once the reply is
   * complete. True while more of the reply is to come.
   */
  #readable(x: Exchange): boolean {
    const fd = this.#fdOf(x);
    x.input ??= this.#inputs.get(fd) ?? this.#inputs.set(fd, Gio.UnixInputStream.new(fd, false)).get(fd)!;
    let chunk: Uint8Array;
    try {
      chunk = x.input.read_bytes(readSize(x.socket), null).toArray();
    } catch (e) {
      this.#fail(x, isCancelled(e) ? e : new TrackerError('network', errorMessage(e)));
      return false;
    }
    if (chunk.length > 0) x.chunks.push(chunk);
    let reply: PlainReply | null;
    try {
      reply = parseReply(x.chunks, x.maxBytes, chunk.length === 0);
    } catch (e) {
      this.#fail(x, e);
      return false;
    }
    if (!reply) return true;
    this.#finish(x, reply);
    return false;
  }

  /**
   * After GJS 1.74 dropped callbacks (a collection left between sweep slices, see
   * garbageCollection.ts): GLib removed those sources, so the idles and fd watches that are gone
   * are made again. Without this one dropped sweep idle left every later reply unread.
   */
  #recover(): void {
    const gone = (id: number): boolean => id !== 0 && !sourceAlive(id);
    if (gone(this.#connectSource)) this.#scheduleConnect();
    if (gone(this.#sweepJustSentSource)) this.#scheduleJustSentSweep();
    for (const x of this.#inFlight)
      if (!x.settled && gone(x.fdSource)) {
        x.fdSource = 0;
        x.rewatch?.();
      }
  }

  #track(x: Exchange): void {
    this.#inFlight.add(x);
    if (x.cancellable) {
      let w = this.#watched.get(x.cancellable);
      if (!w) {
        const c = x.cancellable;
        const entry = { handler: 0, exchanges: new Set<Exchange>() };
        // Runs inside cancel(): settle from an idle so no caller's code runs under the signal.
        entry.handler = onCancelled(c, () => {
          GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
            for (const e of [...entry.exchanges]) this.#fail(e, cancelledError());
            return GLib.SOURCE_REMOVE;
          });
        });
        this.#watched.set(c, entry);
        w = entry;
      }
      w.exchanges.add(x);
    }
    if (!this.#sweep?.pending) this.#scheduleSweep();
  }

  /** Fails what is past its deadline, every SWEEP_MS while anything is in flight. */
  #scheduleSweep(): void {
    this.#sweep = TickScheduler.shared.after(SWEEP_MS, () => {
      const now = GLib.get_monotonic_time();
      for (const e of [...this.#inFlight]) if (e.deadlineUs <= now) this.#fail(e, timeoutError(e.timeoutSeconds));
      if (this.#inFlight.size > 0) this.#scheduleSweep();
    });
  }

  #finish(x: Exchange, reply: PlainReply): void {
    if (this.#settle(x)) report(x.done, reply);
  }

  #fail(x: Exchange, error: unknown): void {
    if (this.#settle(x)) report(x.done, null, error);
  }

  /** Closes the exchange's socket and forgets it; false if it had already settled. */
  #settle(x: Exchange): boolean {
    if (x.settled) return false;
    x.settled = true;
    x.rewatch = null;
    this.#inFlight.delete(x);
    removeSource(x.fdSource);
    x.fdSource = 0;
    if (x.cancellable) {
      const w = this.#watched.get(x.cancellable);
      if (w) {
        w.exchanges.delete(x);
        if (w.exchanges.size === 0) {
          offCancelled(x.cancellable, w.handler);
          this.#watched.delete(x.cancellable);
        }
      }
    }
    try {
      x.socket?.close();
    } catch {
      // already closed
    }
    x.socket = null;
    x.input = null;
    return true;
  }
}
