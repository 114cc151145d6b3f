import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { isCancelled } from '../../lib/errors.ts';
import { _ } from '../../lib/i18n.ts';
import { TrackerError } from './types.ts';

/** The error a cancelled Gio operation rejects with, for our own cancellable waits. */
export function cancelledError(): GLib.Error {
  return GLib.Error.new_literal(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED, 'Operation was cancelled');
}

/**
 * Runs `work` with a child of `parent` that is also cancelled after `seconds`. A deadline hit
 * becomes TrackerError('timeout'); cancelling `parent` rejects with the usual CANCELLED error,
 * so callers can tell "the user stopped it" from "the tracker did not answer".
 */
export async function withDeadline<T>(
  seconds: number,
  parent: Gio.Cancellable | null,
  work: (cancellable: Gio.Cancellable) => Promise<T>,
): Promise<T> {
  const child = new Gio.Cancellable();
  let timedOut = false;
  const handler = parent ? parent.connect(() => child.cancel()) : 0;
  const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, Math.max(1, Math.round(seconds * 1000)), () => {
    timedOut = true;
    child.cancel();
    return GLib.SOURCE_REMOVE;
  });
  try {
    return await work(child);
  } catch (e) {
    if (timedOut && !parent?.is_cancelled() && (isCancelled(e) || e instanceof TrackerError))
      throw new TrackerError(
        'timeout',
        _('The tracker did not answer within %d seconds.').replace('%d', String(seconds)),
      );
    throw e;
  } finally {
    if (!timedOut) GLib.source_remove(timer);
    if (parent && handler) parent.disconnect(handler);
  }
}
