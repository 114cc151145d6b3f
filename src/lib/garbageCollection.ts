import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import { gc } from 'system';

import { errorMessage } from './errors.ts';
import { logger } from './log.ts';

/**
 * Finishes any garbage collection in progress, synchronously.
 *
 * GJS 1.74 drops every JS callback (async results, timeouts, signals) that arrives while an
 * incremental garbage collection is between sweep slices ("Attempting to run a JS callback during
 * garbage collection … it has been blocked"; fixed in GJS 1.82, commit 4e53510f), and such a
 * collection can stay unfinished once the main loop goes idle: then every later callback is
 * dropped too, a dropped GLib source is removed and a dropped async result never arrives. A
 * burst of allocation (the JSON of every torrent, a thousand .torrent files read, a thousand
 * farewell requests) starts one, so code that has just allocated a lot calls this before it
 * waits on the main loop.
 */
export function finishGarbageCollection(): void {
  gc();
}

let probe: { list: Gio.ListStore; item: Gio.Cancellable } | null = null;

/**
 * Runs `fn` as a callback from C: GIO calls it synchronously (a list's equal function over one
 * item). Returns false when GJS refused to run it, which it does while a collection is stuck
 * between sweep slices (and then prints its "blocked" warning).
 */
export function runFromC(fn: () => void): boolean {
  if (!probe) {
    probe = { list: new Gio.ListStore({ item_type: Gio.Cancellable.$gtype }), item: new Gio.Cancellable() };
    probe.list.append(probe.item);
  }
  let arrived = false;
  probe.list.find_with_equal_func(probe.item, () => {
    arrived = true;
    fn();
    return true;
  });
  return arrived;
}

/** Whether GJS would run a JS callback now: false while a collection is stuck between sweep slices. */
export function callbacksRun(): boolean {
  return runFromC(() => {});
}

type Listener = () => void;
const listeners = new Set<Listener>();
let checkQueued = false;
let stalls = 0;

/** How many stalled collections were found and finished (bench/scale.sh, specs). */
export function stalledCollections(): number {
  return stalls;
}

/**
 * Called after a stalled collection was finished: callbacks may have been dropped meanwhile,
 * so each owner of a GLib source checks it is still there. Returns the unsubscribe.
 */
export function onStalledCollection(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Checks, right after the current callback, that no collection was left between sweep slices,
 * and finishes it if one was. The check runs as a promise job: GJS runs those from its own job
 * source, which the 1.74 sweeping check does not block, just after the callback (and the
 * collection slice GJS may start when a callback returns). Cheap: one probe, queued once however
 * often this is called in a callback.
 */
export function checkCollectionSoon(): void {
  if (checkQueued) return;
  checkQueued = true;
  void Promise.resolve().then(checkCollectionNow);
}

/** The check itself: true when a stalled collection was found (and finished). */
export function checkCollectionNow(): boolean {
  checkQueued = false;
  if (callbacksRun()) return false;
  gc();
  stalls++;
  recoverDroppedSources();
  return true;
}

/**
 * Tells every owner of a GLib source to re-make the ones that are gone. Called after a stalled
 * collection was finished here, and by the engine's rescue sources when GJS itself finished one
 * (its forced "Big Hammer" collection) while ours were being dropped.
 */
export function recoverDroppedSources(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch (e) {
      logger.warning(`a stalled-collection listener failed: ${errorMessage(e)}`);
    }
  }
}

/** Objects C holds a reference to on JS's behalf (see holdFromC). */
let heldFromC: Gio.ListStore | null = null;

/**
 * Gives `object` a reference from C until the returned release is called, so that its
 * reference count never drops back to one while it works.
 *
 * Why: GJS 1.74 schedules a full, non-incremental collection of the whole heap ("Big Hammer",
 * 10 s later) whenever a wrapped GObject's count drops back to one (a "toggle down"). Emitting a
 * signal, freeze/thaw_notify and g_object_set_property each take a reference and drop it, so an
 * object only JS holds that emits once a second had every object of the app marked every 10 s:
 * 60 ms at 1 000 torrents, ten times that at 10 000 (JS_GC_PROFILE=0 shows them as
 * MEM_PRESSURE). The engine's long-lived emitters (the model, its counts and totals, the
 * settings, the history) are held so.
 */
export function holdFromC(object: GObject.Object): () => void {
  heldFromC ??= new Gio.ListStore({ item_type: GObject.Object.$gtype });
  heldFromC.append(object);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const [found, position] = heldFromC!.find(object);
    if (found) heldFromC!.remove(position);
  };
}
