import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { randomPort, startDaemon, stopDaemon } from './localDaemon.ts';
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
    const { proc, port } = await startDaemon(
      'dante',
      (port) => {
        this.#port = port;
        const lines = [
          `logoutput: ${this.#dir}/danted.log`,
          `internal: 127.0.0.1 port = ${port}`,
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
        return [DanteProxy.program()!, '-f', `${this.#dir}/danted.conf`, '-N', '1'];
      },
      // Ready when it accepts a connection.
      async (port) => {
        const conn = await new Gio.SocketClient().connect_to_host_async(`127.0.0.1:${port}`, 0, null);
        (conn as Gio.SocketConnection).close(null);
      },
      this.#port,
    );
    this.#proc = proc;
    this.#port = port;
  }

  /** Its log, one line per connection or UDP association it made (for a failing spec's message). */
  log(): string {
    const [ok, bytes] = GLib.file_get_contents(`${this.#dir}/danted.log`);
    return ok ? new TextDecoder().decode(bytes) : '';
  }

  /** How many connections it has made to 127.0.0.1:`port` on a client's behalf. */
  connectionsTo(port: number): number {
    const line = new RegExp(`tcp/connect .* -> .* 127\\.0\\.0\\.1\\.${port}$`);
    return this.log()
      .split('\n')
      .filter((l) => line.test(l)).length;
  }

  async stop(): Promise<void> {
    await stopDaemon(this.#proc);
    this.#proc = null;
    removeTree(this.#dir);
  }
}
