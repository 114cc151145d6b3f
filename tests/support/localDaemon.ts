import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay } from './async.ts';

/** A port for a local server; it may be taken, so callers try again with another. */
export function randomPort(): number {
  return 20000 + GLib.random_int_range(0, 20000);
}

/**
 * Starts a server program on a random 127.0.0.1 port: `configure(port)` writes its configuration
 * and returns its argv, `ready()` succeeds once it answers. A port someone else holds makes the
 * program exit at once, so up to four ports are tried. Returns the process and its port.
 */
export async function startDaemon(
  name: string,
  configure: (port: number) => string[],
  ready: (port: number) => Promise<void>,
  firstPort = randomPort(),
): Promise<{ proc: Gio.Subprocess; port: number }> {
  let port = firstPort;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) port = randomPort();
    const proc = Gio.Subprocess.new(
      configure(port),
      Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
    );
    let exited = false;
    proc.wait_async(null, () => (exited = true));
    // Usually ready within 0.1 s, but a loaded machine can take seconds.
    const deadline = GLib.get_monotonic_time() + 15_000_000;
    while (!exited && GLib.get_monotonic_time() < deadline) {
      try {
        await ready(port);
        return { proc, port };
      } catch {
        await delay(25);
      }
    }
    if (!exited) proc.force_exit();
  }
  throw new Error(`${name} did not start (last port tried: ${port})`);
}

/** Stops a server started by startDaemon (SIGTERM) and waits until it is gone. */
export async function stopDaemon(proc: Gio.Subprocess | null): Promise<void> {
  if (!proc) return;
  proc.send_signal(15);
  try {
    await proc.wait_async(null);
  } catch {
    // already gone
  }
}
