import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../src/lib/promisify.ts';
import { delay } from './async.ts';
import { randomPort, startDaemon, stopDaemon } from './localDaemon.ts';
import { makeTempDir, removeTree, writeFile } from './tempdir.ts';

/**
 * Debian's real opentracker (HTTP and UDP on one port) on 127.0.0.1, for integration specs.
 * Debian builds it whitelist-only, so the info hashes a suite uses must be listed up front
 * (or added later with allow(), which reloads the list with SIGHUP).
 */
export class OpenTracker {
  #port: number;
  readonly #dir: string;
  readonly #hashes = new Set<string>();
  #proc: Gio.Subprocess | null = null;
  readonly #session = new Soup.Session({ timeout: 5 });

  static isAvailable(): boolean {
    return GLib.find_program_in_path('opentracker') !== null;
  }

  constructor(port = randomPort()) {
    this.#port = port;
    this.#dir = makeTempDir('dfs-opentracker');
  }

  /** The port it listens on; read it after start(), which moves to another port if this one is taken. */
  get port(): number {
    return this.#port;
  }

  get announceUrl(): string {
    return `http://127.0.0.1:${this.port}/announce`;
  }

  get udpAnnounceUrl(): string {
    return `udp://127.0.0.1:${this.port}/announce`;
  }

  async start(infoHashesHex: string[] = []): Promise<void> {
    for (const h of infoHashesHex) this.#hashes.add(h.toLowerCase());
    this.#writeWhitelist();
    GLib.spawn_command_line_sync(`chmod 755 ${this.#dir}`);
    const { proc, port } = await startDaemon(
      'opentracker',
      (port) => {
        this.#port = port;
        // It chroots into the folder and drops to `nobody`, so the whitelist path is relative to it.
        writeFile(
          `${this.#dir}/ot.conf`,
          [
            `listen.tcp_udp 127.0.0.1:${port}`,
            'access.whitelist /whitelist.txt',
            'access.stats 127.0.0.1',
            'tracker.user nobody',
            `tracker.rootdir ${this.#dir}`,
            '',
          ].join('\n'),
        );
        return ['opentracker', '-f', `${this.#dir}/ot.conf`];
      },
      async () => void (await this.stats('version')),
      this.#port,
    );
    this.#proc = proc;
    this.#port = port;
  }

  /** Adds info hashes to the whitelist and reloads it. */
  async allow(infoHashesHex: string[]): Promise<void> {
    for (const h of infoHashesHex) this.#hashes.add(h.toLowerCase());
    this.#writeWhitelist();
    const pid = this.#proc?.get_identifier();
    if (pid) GLib.spawn_command_line_sync(`kill -HUP ${pid}`);
    await delay(150);
  }

  /** Raw text of `/stats?mode=MODE` (peer, torr, top100, everything, …). */
  async stats(mode: string): Promise<string> {
    const msg = Soup.Message.new('GET', `http://127.0.0.1:${this.#port}/stats?mode=${mode}`)!;
    const bytes = (await this.#session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
    if (msg.get_status() !== 200) throw new Error(`opentracker stats answered ${msg.get_status()}`);
    return new TextDecoder().decode(bytes.toArray());
  }

  /**
   * Seeders and leechers the tracker holds for one torrent, read by a plain HTTP scrape.
   * Returns zeros for a torrent it has no peers for.
   */
  async scrape(infoHashHex: string): Promise<{ complete: number; incomplete: number; downloaded: number }> {
    const escaped = infoHashHex.replace(/../g, '%$&');
    const msg = Soup.Message.new('GET', `http://127.0.0.1:${this.#port}/scrape?info_hash=${escaped}`)!;
    const bytes = (await this.#session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
    const text = String.fromCharCode(...bytes.toArray());
    const num = (key: string) => Number(new RegExp(`${key}i(\\d+)e`).exec(text)?.[1] ?? 0);
    return { complete: num('complete'), incomplete: num('incomplete'), downloaded: num('downloaded') };
  }

  async stop(): Promise<void> {
    await stopDaemon(this.#proc);
    this.#proc = null;
    removeTree(this.#dir);
  }

  #writeWhitelist(): void {
    writeFile(`${this.#dir}/whitelist.txt`, [...this.#hashes].join('\n') + '\n');
  }
}
