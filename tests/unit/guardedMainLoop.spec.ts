import GLib from 'gi://GLib';

import { GuardedMainLoop } from '../../src/lib/GuardedMainLoop.ts';

/**
 * Runs the loop from a GLib source, as the app does. Not from the spec's own function: jasmine
 * calls that from a promise job, and while a job runs GJS holds every other job back, so its
 * job source stays ready and starves every GLib source of a loop nested there.
 */
function runInSource(loop: GuardedMainLoop): Promise<void> {
  return new Promise((resolve) =>
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      loop.run();
      resolve();
      return GLib.SOURCE_REMOVE;
    }),
  );
}

describe('GuardedMainLoop (the headless main loop, run from JS so the collection check runs between iterations)', () => {
  it('runs the main context’s sources until stop() is called from one of them', async () => {
    const loop = new GuardedMainLoop(() => {});
    const fired: number[] = [];
    for (const ms of [5, 15, 25])
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
        fired.push(ms);
        if (ms === 25) loop.stop();
        return GLib.SOURCE_REMOVE;
      });
    await runInSource(loop);
    expect(fired).toEqual([5, 15, 25]);
    expect(loop.running).toBeFalse();
  });

  it('makes its check between iterations, not inside them, and at most once per 2 ms', async () => {
    let checks = 0;
    let insideCallback = false;
    let checkedInsideCallback = false;
    const loop = new GuardedMainLoop(() => {
      checks++;
      if (insideCallback) checkedInsideCallback = true;
    });
    let ticks = 0;
    const startUs = GLib.get_monotonic_time();
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 10, () => {
      insideCallback = true;
      ticks++;
      insideCallback = false;
      if (ticks < 6) return GLib.SOURCE_CONTINUE;
      loop.stop();
      return GLib.SOURCE_REMOVE;
    });
    // A burst of iterations with nothing to do: idles that re-add themselves for 20 ms.
    GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => GLib.get_monotonic_time() - startUs < 20_000);
    await runInSource(loop);
    const elapsedMs = (GLib.get_monotonic_time() - startUs) / 1000;
    expect(ticks).toBe(6);
    expect(checkedInsideCallback).toBeFalse();
    // One check per wake-up of the 10 ms timer at least; no more than one per 2 ms of loop.
    expect(checks).toBeGreaterThanOrEqual(6);
    expect(checks).toBeLessThanOrEqual(Math.ceil(elapsedMs / 2) + 1);
  });

  it('returns at once when stopped before it runs, and cannot be run twice at the same time', async () => {
    const stopped = new GuardedMainLoop(() => {});
    stopped.stop();
    await runInSource(stopped);
    expect(stopped.running).toBeFalse();

    const loop = new GuardedMainLoop(() => {});
    let nestedReturned = false;
    // Due once the loop below is running (an idle added now would run before it starts).
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 5, () => {
      loop.run(); // already running: returns at once instead of nesting a second loop
      nestedReturned = true;
      loop.stop();
      return GLib.SOURCE_REMOVE;
    });
    await runInSource(loop);
    expect(nestedReturned).toBeTrue();
  });

  it('returns once it is no longer wanted (as GApplication’s loop does once nothing holds it)', async () => {
    let holds = 1;
    const loop = new GuardedMainLoop(
      () => {},
      () => holds > 0,
    );
    let ranAfterRelease = 0;
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 5, () => {
      holds = 0;
      // Still iterating: this source comes back until the loop has noticed.
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, 1, () => {
        ranAfterRelease++;
        return GLib.SOURCE_REMOVE;
      });
      return GLib.SOURCE_REMOVE;
    });
    await runInSource(loop);
    expect(loop.running).toBeFalse();
    expect(holds).toBe(0);
    expect(ranAfterRelease).toBeLessThanOrEqual(1);
  });
});
