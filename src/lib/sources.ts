import GLib from 'gi://GLib';

/**
 * Whether GLib still has the source `id` (false for 0). A stored id is looked up, not trusted:
 * GJS 1.74 drops a callback that arrives while a collection is stalled, and GLib then removes
 * the source without telling its owner (src/lib/garbageCollection.ts).
 */
export function sourceAlive(id: number): boolean {
  return id !== 0 && GLib.MainContext.default().find_source_by_id(id) !== null;
}

/** Removes the source `id` if GLib still has it: no warning for one already gone. */
export function removeSource(id: number): void {
  if (id) GLib.MainContext.default().find_source_by_id(id)?.destroy();
}
