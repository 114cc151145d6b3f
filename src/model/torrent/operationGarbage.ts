import { finishGarbageCollection } from '../../lib/garbageCollection.ts';

/**
 * Full collections after bursts of tracker operations. Each operation leaves garbage the collector
 * does not weigh (a socket and a stream GObject, GLib sources, reply bytes) that lives until the
 * next collection: a start-up burst of announces grew the malloc heap by tens of MB, and a heap
 * grown so does not shrink. A collection costs time in proportion to the torrents (about 300 ms
 * at 10 000), so one comes every quarter of the running torrents' operations, at least
 * MIN_OPERATIONS_PER_COLLECTION: four per round of announces whatever the count, a linear cost.
 */
export const MIN_OPERATIONS_PER_COLLECTION = 250;
let operationsSinceCollection = 0;
/** Workers that tick (started, not paused or cancelled). */
let runningWorkers = 0;

/** After each tracker operation of a worker. */
export function operationDone(): void {
  if (++operationsSinceCollection < Math.max(MIN_OPERATIONS_PER_COLLECTION, runningWorkers / 4)) return;
  operationsSinceCollection = 0;
  finishGarbageCollection();
}

/** A worker started (+1) or stopped (-1) ticking. */
export function workerRunning(delta: 1 | -1): void {
  runningWorkers += delta;
}

/** Operations until the next collection (for specs). */
export function operationsUntilCollection(): number {
  return Math.max(
    0,
    Math.ceil(Math.max(MIN_OPERATIONS_PER_COLLECTION, runningWorkers / 4)) - operationsSinceCollection,
  );
}
