import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { checkCollectionSoon } from '../../lib/garbageCollection.ts';
import { removeSource, sourceAlive } from '../../lib/sources.ts';

/** The socket has a datagram, or an error (an ICMP unreachable) to report. */
const READABLE = GLib.IOCondition.IN | GLib.IOCondition.ERR | GLib.IOCondition.HUP;
/** Datagrams read per main-loop wake-up at most; the rest wait in the kernel (or are dropped). */
const DATAGRAMS_PER_WAKEUP = 64;
/**
 * Datagrams read per second at most, per tracker. Well above what a tracker answers (one reply
 * per request; a farewell burst is bounded by the socket buffer anyway), and it bounds what a
 * flood from the tracker's port costs: the kernel drops the rest, and only that tracker's own
 * replies can be among them.
 */
export const DATAGRAMS_PER_SECOND = 2000;

export interface DatagramHandlers {
  datagram(bytes: Uint8Array): void;
  error(e: unknown): void;
  /** Whether to go on reading (some transaction waits for its reply). */
  wanted(): boolean;
}

/**
 * Reads one connected UDP socket while its owner wants replies. Each wake-up reads what is
 * waiting, synchronously (condition_check first, so no read ever blocks), each datagram at its
 * own size (FIONREAD, so a 20-byte stray costs 20 bytes, not a 64 KiB buffer), at most
 * DATAGRAMS_PER_WAKEUP per wake-up and DATAGRAMS_PER_SECOND per second: a flood costs a bounded
 * slice of the main loop and a bounded amount of memory, with no async operation per datagram.
 */
export class UdpDatagramReader {
  readonly #socket: Gio.Socket;
  readonly #stream: Gio.InputStream;
  readonly #handlers: DatagramHandlers;
  #watch: GLib.Source | null = null;
  /** Resumes reading when the one-second window ends, after a flood spent its budget. */
  #resumeSource = 0;
  #windowReads = 0;
  #windowStartUs = 0;
  #closed = false;

  constructor(socket: Gio.Socket, stream: Gio.InputStream, handlers: DatagramHandlers) {
    this.#socket = socket;
    this.#stream = stream;
    this.#handlers = handlers;
  }

  /** Starts watching the socket, unless it is watched already or waiting for the next second. */
  start(): void {
    // A source GJS 1.74 dropped the callback of is gone (garbageCollection.ts): made again here.
    if (this.#watch?.is_destroyed()) this.#watch = null;
    if (!sourceAlive(this.#resumeSource)) this.#resumeSource = 0;
    if (this.#watch || this.#resumeSource || this.#closed) return;
    const source = this.#socket.create_source(READABLE, null);
    source.set_callback(() => {
      if (this.#closed) return GLib.SOURCE_REMOVE;
      // Datagrams allocate: no collection may be left between sweep slices (garbageCollection.ts).
      checkCollectionSoon();
      const withinBudget = this.#drain();
      if (withinBudget && this.#handlers.wanted() && !this.#closed) return GLib.SOURCE_CONTINUE;
      if (this.#watch === source) this.#watch = null;
      if (!withinBudget && !this.#closed) {
        const waitMs = Math.max(1, Math.ceil((this.#windowStartUs + 1e6 - GLib.get_monotonic_time()) / 1000));
        this.#resumeSource = GLib.timeout_add(GLib.PRIORITY_DEFAULT, waitMs, () => {
          this.#resumeSource = 0;
          if (this.#handlers.wanted()) this.start();
          return GLib.SOURCE_REMOVE;
        });
      }
      return GLib.SOURCE_REMOVE;
    });
    source.attach(null);
    this.#watch = source;
  }

  close(): void {
    this.#closed = true;
    this.#watch?.destroy();
    this.#watch = null;
    removeSource(this.#resumeSource);
    this.#resumeSource = 0;
  }

  /** The socket's pending error in words (SO_ERROR, which reading also clears). */
  #pendingError(): string {
    try {
      const [, errno] = this.#socket.get_option(1 /* SOL_SOCKET */, 4 /* SO_ERROR */);
      if (errno) return GLib.strerror(errno);
    } catch {
      // not readable: the generic words below
    }
    return 'The socket reported an error';
  }

  /** Reads what is waiting; false once this second's budget is spent. */
  #drain(): boolean {
    const now = GLib.get_monotonic_time();
    if (now - this.#windowStartUs >= 1e6) {
      this.#windowStartUs = now;
      this.#windowReads = 0;
    }
    for (let n = 0; n < DATAGRAMS_PER_WAKEUP && !this.#closed; n++) {
      if (this.#windowReads >= DATAGRAMS_PER_SECOND) return false;
      const condition = this.#socket.condition_check(READABLE);
      if ((condition & READABLE) === 0) return true;
      // An ICMP error (port unreachable) for an earlier send: read and clear it, never recv()
      // for it (after a peek clears it, a recv on the stream would wait for a datagram).
      if (condition & GLib.IOCondition.ERR) {
        this.#handlers.error(new Error(this.#pendingError()));
        return true;
      }
      const size = this.#socket.get_available_bytes();
      if (size < 0) return true;
      this.#windowReads++;
      let datagram: Uint8Array;
      try {
        datagram = this.#stream.read_bytes(Math.max(1, Math.min(65536, size)), null).toArray();
      } catch (e) {
        this.#handlers.error(e);
        return true;
      }
      this.#handlers.datagram(datagram);
    }
    return true;
  }
}
