import type Gio from 'gi://Gio';

import { errorMessage } from '../../lib/errors.ts';
import { logger } from '../../lib/log.ts';
import type { PlainReply } from './plainHttpReply.ts';
import { familyOf } from './trackerFamilies.ts';
import { type AddressFamily, TrackerError } from './types.ts';

// The pieces of one plain-HTTP request (PlainHttp.ts): where it goes, what it sends, its state.

/** The connection itself failed: nothing reached the tracker, so the next address may be tried. */
export class ConnectFailed extends TrackerError {
  constructor(message: string) {
    super('network', message);
  }
}

/** What to send and how long to wait for it, whichever address it goes to. */
export interface Request {
  head: Uint8Array;
  deadlineUs: number;
  timeoutSeconds: number;
  cancellable: Gio.Cancellable | null;
  maxBytes: number;
  family: AddressFamily | null;
}

/** One request in flight: its socket, where it is, and how it settles. */
export interface Exchange {
  socket: Gio.Socket | null;
  /** The socket's descriptor, read once. */
  fd: number;
  /** The handshake is not known to have finished yet (the first write tells). */
  connecting: boolean;
  /** Reads the reply; only called when the socket is readable, so it never waits. */
  input: Gio.InputStream | null;
  fdSource: number;
  /** Makes the fd watch again (the one GLib removed after GJS 1.74 dropped its callback). */
  rewatch: (() => void) | null;
  deadlineUs: number;
  timeoutSeconds: number;
  cancellable: Gio.Cancellable | null;
  chunks: Uint8Array[];
  settled: boolean;
  done: PlainDone;
  maxBytes: number;
}

/** How a request ended: the reply, or the error (then `reply` is null). Called once. */
export type PlainDone = (reply: PlainReply | null, error?: unknown) => void;

/** Calls a request's `done`; what it throws is logged, never left to break the sweep it runs in. */
export function report(done: PlainDone, reply: PlainReply | null, error?: unknown): void {
  try {
    done(reply, error);
  } catch (e) {
    logger.warning(`plain HTTP: a request's callback failed: ${errorMessage(e)}`);
  }
}

/** Where a request goes: the socket address and its family, read once. */
export interface Target {
  address: Gio.InetSocketAddress;
  socketFamily: Gio.SocketFamily;
  family: AddressFamily;
}

export function target(address: Gio.InetSocketAddress): Target {
  return { address, socketFamily: address.get_family(), family: familyOf(address.get_address()) };
}
