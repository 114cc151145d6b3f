import type Gio from 'gi://Gio';
import GObject from 'gi://GObject';

// GObject's own connect/disconnect: Gio.Cancellable overrides both with g_cancellable_connect.
const connectSignal = GObject.Object.prototype.connect as (
  this: GObject.Object,
  signal: string,
  callback: () => void,
) => number;
const disconnectSignal = GObject.Object.prototype.disconnect as (this: GObject.Object, id: number) => void;

/**
 * Calls `callback` once `cancellable` is cancelled — at once if it already is, as
 * g_cancellable_connect() does. Returns the id for offCancelled (0 when it was called at once).
 *
 * Why not `cancellable.connect()`: GJS 1.74 keeps every callback given to a C function such as
 * g_cancellable_connect() in one list for the whole process, and each one released is looked
 * up in it from the start. A 10 000-torrent start-up keeps one such wait per torrent in the
 * announce queue, so every timer, idle and callback released meanwhile scanned ~10 000 entries
 * (8 % of the start-up's CPU in one loop of libgjs). A handler of the `cancelled` signal is
 * owned by the cancellable's wrapper instead, and costs nothing to the others.
 */
export function onCancelled(cancellable: Gio.Cancellable, callback: () => void): number {
  if (cancellable.is_cancelled()) {
    callback();
    return 0;
  }
  return connectSignal.call(cancellable, 'cancelled', callback);
}

/** Stops a wait made by onCancelled (nothing for the id 0). */
export function offCancelled(cancellable: Gio.Cancellable, id: number): void {
  if (id) disconnectSignal.call(cancellable, id);
}
