import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { waitFor } from './async.ts';
import { randomPort, startDaemon, stopDaemon } from './localDaemon.ts';
import { makeTempDir, projectRoot, removeTree } from './tempdir.ts';

/** One announce the tracker handled, as its launcher logged it. */
export interface BtAnnounce {
  event: 'start' | 'update' | 'complete' | 'stop';
  /** Where it came from: `[::1]:port` (IPv6) or `127.0.0.1:port`. */
  addr: string;
  type: 'http' | 'udp';
  infoHash: string;
  peerId: string;
  port: number;
}

/**
 * The npm `bittorrent-tracker` server (a real tracker implementation, run by node) on loopback:
 * HTTP and UDP on [::1] and on 127.0.0.1, for the IPv6 specs (Debian's opentracker is built
 * IPv4-only). Open: it tracks any info hash.
 */
export class BtTracker {
  readonly #dir = makeTempDir('dfs-bt-tracker');
  #proc: Gio.Subprocess | null = null;
  port = 0;

  static isAvailable(): boolean {
    const root = projectRoot();
    return (
      GLib.find_program_in_path('node') !== null &&
      GLib.file_test(`${root}/node_modules/bittorrent-tracker/server.js`, GLib.FileTest.EXISTS)
    );
  }

  /** True when this machine can bind [::1] (a container may have no IPv6 at all). */
  static hasIpv6Loopback(): boolean {
    try {
      const s = Gio.Socket.new(Gio.SocketFamily.IPV6, Gio.SocketType.DATAGRAM, Gio.SocketProtocol.UDP);
      s.bind(Gio.InetSocketAddress.new_from_string('::1', 0)!, false);
      s.close();
      return true;
    } catch {
      return false;
    }
  }

  get #logFile(): string {
    return `${this.#dir}/announces.jsonl`;
  }

  async start(): Promise<void> {
    const script = `${projectRoot()}/tests/support/node/bt-tracker.mjs`;
    const { proc, port } = await startDaemon(
      'bittorrent-tracker',
      (port) => ['node', script, String(port), this.#logFile],
      async (port) => {
        for (const host of ['::1', '127.0.0.1']) {
          const client = new Gio.SocketClient({ timeout: 2 });
          const address = new Gio.InetSocketAddress({ address: Gio.InetAddress.new_from_string(host)!, port });
          ((await client.connect_async(address, null)) as Gio.SocketConnection).close(null);
        }
      },
      randomPort(),
    );
    this.#proc = proc;
    this.port = port;
  }

  /** Every announce handled so far, in order. */
  announces(): BtAnnounce[] {
    if (!GLib.file_test(this.#logFile, GLib.FileTest.EXISTS)) return [];
    const [, bytes] = GLib.file_get_contents(this.#logFile);
    return (
      new TextDecoder()
        .decode(bytes)
        .split('\n')
        .filter((l) => l.startsWith('{"event"'))
        .map((l) => JSON.parse(l) as BtAnnounce)
        // Its UDP side writes IPv6 sources without brackets (`::1:6881`, a TODO in its code).
        .map((a) => ({ ...a, addr: a.addr.replace(/^([0-9a-f:]*:[0-9a-f:]*):(\d+)$/i, '[$1]:$2') }))
    );
  }

  /** The announces for one hash, once there are at least `count` (the log line follows the reply). */
  async announcesFor(infoHashHex: string, count: number): Promise<BtAnnounce[]> {
    const mine = () => this.announces().filter((a) => a.infoHash === infoHashHex);
    await waitFor(() => mine().length >= count, `${count} announces of ${infoHashHex} in the tracker's log`);
    return mine();
  }

  async stop(): Promise<void> {
    await stopDaemon(this.#proc);
    this.#proc = null;
    removeTree(this.#dir);
  }
}
