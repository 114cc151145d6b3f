import GLib from 'gi://GLib';
import { exit } from 'system';

/**
 * Runs a bench's async main on a GLib main loop and exits with 0, or 1 after printing
 * `bench failed: …` if it threw.
 */
export function runMain(main: () => Promise<void>): void {
  const loop = new GLib.MainLoop(null, false);
  let status = 0;
  main()
    .catch((e: unknown) => {
      printerr(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
      status = 1;
    })
    .finally(() => loop.quit());
  loop.run();
  exit(status);
}
