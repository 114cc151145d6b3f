import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay } from './async.ts';
import { makeTempDir, removeTree, writeFile } from './tempdir.ts';

/**
 * Dante, a real SOCKS 4 and 5 server (Debian's `dante-server`: `danted`; Fedora's: `sockd`), on
 * 127.0.0.1 without authentication, letting connections through to 127.0.0.1 only. For specs
 * that announce through a proxy to a real tracker.
 */
export class DanteProxy {
  #port = randomPort();
  readonly #dir = makeTempDir('dfs-dante');
  #proc: Gio.Subprocess | null = null;

  static program(): string | null {
    return GLib.find_program_in_path('danted') ?? GLib.find_program_in_path('sockd');
  }

  get port(): number {
    return this.#port;
  }

  async start(): Promise<void> {
    // A random port may be taken by something else; then it exits at once and we try another.
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) this.#port = randomPort();
      if (await this.#launch()) return;
    }
    throw new Error(`dante did not start (last port tried: ${this.#port})`);
  }

  async #launch(): Promise<boolean> {
    const lines = [
      `logoutput: ${this.#dir}/danted.log`,
      `internal: 127.0.0.1 port = ${this.#port}`,
      'external: 127.0.0.1',
      'clientmethod: none',
      'socksmethod: none',
      // As root it must drop to someone; as anyone else it already runs unprivileged.
      ...(GLib.get_user_name() === 'root' ? ['user.unprivileged: nobody'] : []),
      'client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }',
      // One log line per connection it makes, naming where to: the proof a request went through.
      'socks pass {',
      '  from: 127.0.0.0/8 to: 127.0.0.0/8',
      '  command: connect udpassociate',
      '  log: connect',
      '}',
      // Datagrams coming back from the tracker to the client, through the relay.
      'socks pass {',
      '  from: 127.0.0.0/8 to: 127.0.0.0/8',
      '  command: udpreply',
      '  log: connect',
      '}',
      '',
    ];
    writeFile(`${this.#dir}/danted.conf`, lines.join('\n'));
    const proc = Gio.Subprocess.new(
      [DanteProxy.program()!, '-f', `${this.#dir}/danted.conf`, '-N', '1'],
      Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
    );
    this.#proc = proc;
    let exited = false;
    proc.wait_async(null, () => (exited = true));
    // Ready when it accepts a connection: usually within 0.1 s, on a loaded machine later.
    const deadline = GLib.get_monotonic_time() + 15_000_000;
    while (!exited && GLib.get_monotonic_time() < deadline) {
      try {
        const conn = await new Gio.SocketClient().connect_to_host_async(`127.0.0.1:${this.#port}`, 0, null);
        (conn as Gio.SocketConnection).close(null);
        return true;
      } catch {
        await delay(25);
      }
    }
    if (!exited) proc.force_exit();
    this.#proc = null;
    return false;
  }

  /** Its log, one line per connection or UDP association it made (for a failing spec's message). */
  log(): string {
    const [ok, bytes] = GLib.file_get_contents(`${this.#dir}/danted.log`);
    return ok ? new TextDecoder().decode(bytes) : '';
  }

  /** How many connections it has made to 127.0.0.1:`port` on a client's behalf. */
  connectionsTo(port: number): number {
    const [ok, bytes] = GLib.file_get_contents(`${this.#dir}/danted.log`);
    if (!ok) return 0;
    const line = new RegExp(`tcp/connect .* -> .* 127\\.0\\.0\\.1\\.${port}$`);
    return new TextDecoder()
      .decode(bytes)
      .split('\n')
      .filter((l) => line.test(l)).length;
  }

  async stop(): Promise<void> {
    if (this.#proc) {
      this.#proc.send_signal(15);
      try {
        await this.#proc.wait_async(null);
      } catch {
        // already gone
      }
      this.#proc = null;
    }
    removeTree(this.#dir);
  }
}

function randomPort(): number {
  return 20000 + GLib.random_int_range(0, 20000);
}
