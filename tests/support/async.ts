import GLib from 'gi://GLib';

/** Resolves after `ms` milliseconds of main-loop time. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
      resolve();
      return GLib.SOURCE_REMOVE;
    });
  });
}

/** Polls `condition` on the main loop until it holds; rejects with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = GLib.get_monotonic_time() + timeoutMs * 1000;
  while (!condition()) {
    if (GLib.get_monotonic_time() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}
