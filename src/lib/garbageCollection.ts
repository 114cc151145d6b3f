import { gc } from 'system';

/**
 * Finishes any garbage collection in progress, synchronously.
 *
 * GJS 1.74 drops every JS callback (async results, timeouts, signals) that arrives while an
 * incremental garbage collection is between sweep slices ("Attempting to run a JS callback during
 * garbage collection … it has been blocked"), and such a collection can stay unfinished once the
 * main loop goes idle: then every later callback is dropped too and the app stops for good. A
 * burst of allocation (the JSON of every torrent, a thousand .torrent files read, a thousand
 * farewell requests) starts one, so code that has just allocated a lot calls this before it
 * waits on the main loop.
 */
export function finishGarbageCollection(): void {
  gc();
}
