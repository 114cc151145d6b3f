import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { isCancelled } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { type ScheduledCall, TickScheduler } from '../torrent/TickScheduler.ts';
import { TrackerError } from './types.ts';
import { offCancelled, onCancelled } from '../../lib/cancellation.ts';

/** The error a cancelled Gio operation rejects with, for our own cancellable waits. */
export function cancelledError(): GLib.Error {
  return GLib.Error.new_literal(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED, 'Operation was cancelled');
}

/**
 * Runs `work` with a child of `parent` that is also cancelled after `seconds`. A deadline hit
 * becomes TrackerError('timeout'); cancelling `parent` rejects with the usual CANCELLED error,
 * so callers can tell "the user stopped it" from "the tracker did not answer".
 *
 * The deadline settles the result itself, and runs on the engine clock: GJS 1.74 can drop an
 * async result while a garbage collection is stalled (src/lib/garbageCollection.ts), and work
 * whose completion was dropped would otherwise never settle; the engine clock re-arms itself.
 */
export async function withDeadline<T>(
  seconds: number,
  parent: Gio.Cancellable | null,
  work: (cancellable: Gio.Cancellable) => Promise<T>,
): Promise<T> {
  const child = new Gio.Cancellable();
  let timedOut = false;
  const handler = parent ? onCancelled(parent, () => child.cancel()) : 0;
  let timer: ScheduledCall | null = null;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = TickScheduler.shared.after(Math.max(1, Math.round(seconds * 1000)), () => {
      timedOut = true;
      child.cancel();
      if (!parent?.is_cancelled()) reject(timeoutError(seconds));
    });
  });
  try {
    return await Promise.race([work(child), deadline]);
  } catch (e) {
    if (timedOut && !parent?.is_cancelled() && (isCancelled(e) || e instanceof TrackerError))
      throw timeoutError(seconds);
    throw e;
  } finally {
    timer!.cancel();
    if (parent) offCancelled(parent, handler);
  }
}

function timeoutError(seconds: number): TrackerError {
  return new TrackerError('timeout', _('The tracker did not answer within %d seconds.').replace('%d', String(seconds)));
}
