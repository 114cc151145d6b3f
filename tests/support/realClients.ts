import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../src/lib/promisify.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { delay } from './async.ts';
import { randomPort } from './localDaemon.ts';
import { runProcess } from './process.ts';
import { projectRoot, readText, writeFile } from './tempdir.ts';

/**
 * Real BitTorrent clients on 127.0.0.1 for the built-in tracker specs: Debian's aria2c,
 * qbittorrent-nox, transmission-daemon and python3-libtorrent, each confined to loopback (DHT,
 * LSD, PeX, UPnP/NAT-PMP off), with its files and log in a temp folder. Every client is a
 * RealClient; stop() asks it to quit (which makes it send `stopped`) and kill() ends it.
 */
export const CLIENT_PROGRAMS = {
  aria2: 'aria2c',
  qbittorrent: 'qbittorrent-nox',
  transmission: 'transmission-daemon',
  libtorrent: '/usr/bin/python3',
} as const;

export function hasProgram(program: string): boolean {
  return GLib.find_program_in_path(program) !== null;
}

export function hasLibtorrent(): boolean {
  return GLib.spawn_command_line_sync('/usr/bin/python3 -c "import libtorrent"')[3] === 0;
}

export interface RealTorrent {
  path: string;
  dataDir: string;
  name: string;
  infoHashHex: string;
}

/** A random payload of `size` bytes and a .torrent for it (mktorrent) announcing to `url`. */
export async function makeRealTorrent(dir: string, name: string, url: string, size = 1 << 20): Promise<RealTorrent> {
  const dataDir = `${dir}/data-${name}`;
  GLib.mkdir_with_parents(dataDir, 0o755);
  const payload = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) new DataView(payload.buffer).setUint32(i, GLib.random_int());
  writeFile(`${dataDir}/${name}`, payload);
  const path = `${dir}/${name}.torrent`;
  const r = await runProcess(['mktorrent', '-a', url, '-l', '16', '-o', path, `${dataDir}/${name}`]);
  if (r.status !== 0) throw new Error(`mktorrent failed: ${r.stderr}`);
  const bytes = GLib.file_get_contents(path)[1];
  return { path, dataDir, name, infoHashHex: parseMetainfo(bytes).infoHashHex };
}

export class RealClient {
  readonly name: string;
  readonly log: string;
  proc: Gio.Subprocess | null = null;
  exited = false;
  /** Asks the client to leave the swarm gracefully (default: SIGTERM). */
  stopper: () => Promise<void>;

  constructor(name: string, log: string, argv: string[], env: Record<string, string> = {}) {
    this.name = name;
    this.log = log;
    const launcher = new Gio.SubprocessLauncher({ flags: Gio.SubprocessFlags.STDERR_MERGE });
    launcher.set_stdout_file_path(log);
    for (const [k, v] of Object.entries(env)) launcher.setenv(k, v, true);
    this.proc = launcher.spawnv(argv);
    this.proc.wait_async(null, () => (this.exited = true));
    this.stopper = async () => this.proc?.send_signal(15);
  }

  async stop(): Promise<void> {
    await this.stopper();
  }

  /** Waits (bounded) for the process to end, then makes sure it has. */
  async kill(waitMs = 0): Promise<void> {
    const deadline = GLib.get_monotonic_time() + waitMs * 1000;
    while (!this.exited && GLib.get_monotonic_time() < deadline) await delay(20);
    if (!this.exited) this.proc?.force_exit();
  }

  tail(): string {
    try {
      return readText(this.log).split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  }
}

/** python3-libtorrent seeding or leeching `t` (tests/support/bin/lt_client.py). */
export function libtorrentClient(dir: string, t: RealTorrent, saveDir = t.dataDir, seconds = 60): RealClient {
  const script = `${projectRoot()}/tests/support/bin/lt_client.py`;
  return new RealClient('libtorrent', `${dir}/lt-${randomPort()}.log`, [
    '/usr/bin/python3',
    script,
    t.path,
    saveDir,
    String(randomPort()),
    String(seconds),
  ]);
}

/** aria2c downloading (or seeding) `t` into `saveDir`; UDP trackers need its DHT on (no nodes given). */
export function aria2Client(dir: string, t: RealTorrent, saveDir: string, extra: string[] = []): RealClient {
  const port = randomPort();
  return new RealClient('aria2', `${dir}/aria2-${port}.log`, [
    'aria2c',
    `--dir=${saveDir}`,
    '--enable-dht=true',
    `--dht-listen-port=${port + 1}`,
    `--dht-file-path=${dir}/dht-${port}.dat`,
    '--enable-dht6=false',
    '--bt-enable-lpd=false',
    '--enable-peer-exchange=false',
    `--listen-port=${port}`,
    '--summary-interval=0',
    '--console-log-level=notice',
    '--check-integrity=true',
    ...extra,
    t.path,
  ]);
}

/** transmission-daemon with its RPC on 127.0.0.1; torrents added and removed over transmission-remote. */
export async function transmissionClient(dir: string): Promise<RealClient & { rpc: string }> {
  const cfg = `${dir}/tr-${randomPort()}`;
  GLib.mkdir_with_parents(cfg, 0o755);
  const rpcPort = randomPort();
  const settings = {
    'dht-enabled': false,
    'lpd-enabled': false,
    'pex-enabled': false,
    'utp-enabled': false,
    'port-forwarding-enabled': false,
    'bind-address-ipv4': '127.0.0.1',
    'bind-address-ipv6': '::1',
    'peer-port': randomPort(),
    'peer-port-random-on-start': false,
    'rpc-enabled': true,
    'rpc-bind-address': '127.0.0.1',
    'rpc-port': rpcPort,
    'rpc-authentication-required': false,
    'rpc-whitelist-enabled': true,
    'rpc-whitelist': '127.0.0.1',
    'rpc-host-whitelist-enabled': false,
    'download-dir': `${cfg}/dl`,
    'incomplete-dir-enabled': false,
    'start-added-torrents': true,
    'blocklist-enabled': false,
  };
  writeFile(`${cfg}/settings.json`, JSON.stringify(settings));
  const client = new RealClient('transmission', `${cfg}/log.txt`, [
    'transmission-daemon',
    '-g',
    cfg,
    '-f',
  ]) as RealClient & {
    rpc: string;
  };
  client.rpc = `127.0.0.1:${rpcPort}`;
  const deadline = GLib.get_monotonic_time() + 15e6;
  while ((await runProcess(['transmission-remote', client.rpc, '-l'])).status !== 0) {
    if (GLib.get_monotonic_time() > deadline || client.exited)
      throw new Error(`transmission-daemon did not start: ${client.tail()}`);
    await delay(100);
  }
  return client;
}

/** qbittorrent-nox with its Web API on 127.0.0.1 (no login from localhost); torrents added over it. */
export async function qbittorrentClient(dir: string): Promise<RealClient & { api: string }> {
  const profile = `${dir}/qb-${randomPort()}`;
  const webPort = randomPort();
  const conf = [
    '[BitTorrent]',
    'Session\\DHTEnabled=false',
    'Session\\LSDEnabled=false',
    'Session\\PeXEnabled=false',
    'Session\\Interface=lo',
    'Session\\InterfaceAddress=127.0.0.1',
    'Session\\InterfaceName=lo',
    `Session\\Port=${randomPort()}`,
    'Session\\QueueingSystemEnabled=false',
    `Session\\DefaultSavePath=${profile}/dl`,
    '[LegalNotice]',
    'Accepted=true',
    '[Network]',
    'PortForwardingEnabled=false',
    '[Preferences]',
    'WebUI\\Address=127.0.0.1',
    'WebUI\\CSRFProtection=false',
    'WebUI\\HostHeaderValidation=false',
    'WebUI\\LocalHostAuth=false',
    `WebUI\\Port=${webPort}`,
    '',
  ].join('\n');
  writeFile(`${profile}/qBittorrent/config/qBittorrent.conf`, conf);
  const client = new RealClient('qbittorrent', `${profile}/log.txt`, ['qbittorrent-nox', `--profile=${profile}`], {
    HOME: profile,
  }) as RealClient & { api: string };
  client.api = `http://127.0.0.1:${webPort}/api/v2`;
  const session = new Soup.Session({ timeout: 2 });
  const deadline = GLib.get_monotonic_time() + 20e6;
  for (;;) {
    try {
      const msg = Soup.Message.new('GET', `${client.api}/app/version`)!;
      await session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null);
      if (msg.get_status() === 200) break;
    } catch {
      // not up yet
    }
    if (GLib.get_monotonic_time() > deadline || client.exited)
      throw new Error(`qbittorrent-nox did not start: ${client.tail()}`);
    await delay(100);
  }
  return client;
}

/** POSTs a form (or a multipart with a .torrent file) to qBittorrent's Web API. */
export async function qbPost(api: string, path: string, fields: Record<string, string>, torrentFile?: string) {
  const session = new Soup.Session({ timeout: 5 });
  let msg: Soup.Message;
  if (torrentFile) {
    const multipart = new Soup.Multipart('multipart/form-data');
    const bytes = new GLib.Bytes(GLib.file_get_contents(torrentFile)[1]);
    multipart.append_form_file('torrents', 'x.torrent', 'application/x-bittorrent', bytes);
    for (const [k, v] of Object.entries(fields)) multipart.append_form_string(k, v);
    msg = Soup.Message.new_from_multipart(`${api}${path}`, multipart);
  } else {
    msg = Soup.Message.new('POST', `${api}${path}`)!;
    const body = Object.entries(fields)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    msg.set_request_body_from_bytes(
      'application/x-www-form-urlencoded',
      new GLib.Bytes(new TextEncoder().encode(body)),
    );
  }
  const reply = (await session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null)) as GLib.Bytes;
  if (msg.get_status() !== 200)
    throw new Error(`qBittorrent ${path}: ${msg.get_status()} ${new TextDecoder().decode(reply.toArray())}`);
}

/** Whether the built-in tracker's table holds a peer whose peer_id starts with `prefix`. */
export function hasPeerWithPrefix(peers: { peerId: Uint8Array }[], prefix: string): boolean {
  return peers.some((p) => String.fromCharCode(...p.peerId.subarray(0, prefix.length)) === prefix);
}
