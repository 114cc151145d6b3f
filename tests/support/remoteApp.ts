import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';

import '../../src/lib/promisify.ts';
import type { CommandSurface, RemoteSource } from '../../src/controller/remote/RemoteSource.ts';
import { waitFor } from './async.ts';
import { closedPort } from './ports.ts';
import { appArgv, runProcess } from './process.ts';
import { readText, writeFile } from './tempdir.ts';

export const REMOTE_PASSWORD = 'correct horse battery';

/** Collects a child's stderr line by line while it runs. */
function collectLines(stream: Gio.InputStream, into: string[]): void {
  const data = new Gio.DataInputStream({ base_stream: stream });
  const next = () =>
    data.read_line_async(GLib.PRIORITY_DEFAULT, null, (_s, res) => {
      try {
        const [line] = data.read_line_finish_utf8(res);
        if (line === null) return;
        into.push(line);
        next();
      } catch {
        // the child closed its end
      }
    });
  next();
}

/**
 * The real app (`--headless`) with remote access on, in its own XDG folders: the password is
 * set with `--set-remote-password` (as a user would), the port and other `remote.*` keys are
 * written into settings.json, and start() returns once the server says it listens.
 */
export class RemoteApp {
  readonly home: string;
  readonly port = closedPort();
  readonly lines: string[] = [];
  #proc: Gio.Subprocess | null = null;

  constructor(home: string) {
    this.home = home;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get settingsPath(): string {
    return `${this.home}/config/dfakeseeder/settings.json`;
  }

  #env(): Record<string, string> {
    return {
      XDG_CONFIG_HOME: `${this.home}/config`,
      XDG_CACHE_HOME: `${this.home}/cache`,
      XDG_DATA_HOME: `${this.home}/data`,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      // Its own: no D-Bus name clash with other specs, and no keyring (settings.json hash).
      DBUS_SESSION_BUS_ADDRESS: 'disabled:',
    };
  }

  async setPassword(password = REMOTE_PASSWORD): Promise<void> {
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDIN_PIPE | Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE,
    });
    for (const [k, v] of Object.entries(this.#env())) launcher.setenv(k, v, true);
    const proc = launcher.spawnv(appArgv('--set-remote-password'));
    const [out, err] = (await proc.communicate_utf8_async(`${password}\n`, null)) as unknown as [string, string];
    if (proc.get_exit_status() !== 0) throw new Error(`--set-remote-password failed: ${out}${err}`);
  }

  /** Merges `remote` keys (and any others) into settings.json. */
  configure(settings: Record<string, unknown>): void {
    let current: Record<string, unknown> = {};
    try {
      current = JSON.parse(readText(this.settingsPath)) as Record<string, unknown>;
    } catch {
      // no file yet
    }
    const remote = { ...((current.remote as object) ?? {}), ...((settings.remote as object) ?? {}) };
    writeFile(this.settingsPath, JSON.stringify({ ...current, ...settings, remote }, null, 2));
  }

  async start(extraArgs: string[] = []): Promise<void> {
    this.configure({ remote: { enabled: true, port: this.port } });
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_PIPE,
    });
    for (const [k, v] of Object.entries(this.#env())) launcher.setenv(k, v, true);
    this.#proc = launcher.spawnv(appArgv('--headless', ...extraArgs));
    collectLines(this.#proc.get_stderr_pipe()!, this.lines);
    await waitFor(
      () => this.lines.some((l) => l.includes('remote access: listening on') || l.includes('remote access is off')),
      'remote access to start',
      30000,
    );
    const off = this.lines.find((l) => l.includes('remote access is off'));
    if (off) throw new Error(off);
  }

  get pid(): number {
    return Number(this.#proc?.get_identifier() ?? 0);
  }

  async stop(): Promise<number> {
    const proc = this.#proc;
    if (!proc) return 0;
    this.#proc = null;
    proc.send_signal(15);
    await proc.wait_async(null);
    return proc.get_exit_status();
  }
}

export interface Reply {
  status: number;
  headers: Soup.MessageHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** An HTTP client for the API: keeps the session cookie and the CSRF token like the page does. */
export class RemoteClient {
  readonly base: string;
  cookie = '';
  csrf = '';
  readonly #session = new Soup.Session({ timeout: 30, max_conns: 64, max_conns_per_host: 64 });

  constructor(base: string) {
    this.base = base;
  }

  async request(
    method: string,
    path: string,
    options: { json?: unknown; bytes?: Uint8Array; headers?: Record<string, string>; noCsrf?: boolean } = {},
  ): Promise<Reply> {
    const msg = Soup.Message.new(method, `${this.base}${path}`)!;
    const h = msg.get_request_headers();
    if (this.cookie) h.replace('Cookie', this.cookie);
    if (this.csrf && !options.noCsrf && method !== 'GET') h.replace('X-CSRF-Token', this.csrf);
    for (const [k, v] of Object.entries(options.headers ?? {})) h.replace(k, v);
    if (options.json !== undefined)
      msg.set_request_body_from_bytes(
        'application/json',
        new GLib.Bytes(new TextEncoder().encode(JSON.stringify(options.json))),
      );
    else if (options.bytes) msg.set_request_body_from_bytes('application/x-bittorrent', new GLib.Bytes(options.bytes));
    const body = (await this.#session.send_and_read_async(msg, GLib.PRIORITY_DEFAULT, null)) as unknown as GLib.Bytes;
    const text = new TextDecoder().decode(body.toArray());
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: statusOf(msg), headers: msg.get_response_headers(), text, json };
  }

  async login(password = REMOTE_PASSWORD): Promise<Reply> {
    const r = await this.request('POST', '/api/v1/login', { json: { password } });
    if (r.status === 200) {
      const set = r.headers.get_one('Set-Cookie') ?? '';
      this.cookie = set.split(';')[0];
      this.csrf = r.json.csrf;
    }
    return r;
  }
}

/**
 * The reply's status code. libsoup 3.2's Soup.Status enum has no 429, and GJS refuses to return
 * an enum value it does not know, naming the number in its error: take it from there.
 */
export function statusOf(msg: Soup.Message): number {
  try {
    return msg.get_status();
  } catch (e) {
    const m = /^(\d+) is not a valid value for enumeration/.exec((e as Error).message);
    if (m) return Number(m[1]);
    throw e;
  }
}

/** Runs `gjs -m dist/main.js …` to completion (for options that exit). */
export function runApp(args: string[], env: Record<string, string>) {
  return runProcess(appArgv(...args), { env });
}

/** The app's read access with no torrents: these specs are about who may get in, not what they see. */
export const emptySource: RemoteSource = {
  torrents: () => [],
  trackers: () => [],
  files: () => [],
  log: () => [],
  options: () => {
    throw new Error('no torrents');
  },
  totals: () => ({
    sessionUploaded: 0,
    sessionDownloaded: 0,
    totalUploaded: 0,
    totalDownloaded: 0,
    uploadRate: 0,
    downloadRate: 0,
  }),
  stateCounts: () => ({ all: 0, downloading: 0, seeding: 0, active: 0, paused: 0, error: 0 }),
  clientIdentities: () => [],
  onChanged: () => () => undefined,
  onListChanged: () => () => undefined,
  onNotice: () => () => undefined,
  statistics: () => null,
  builtInTracker: () => null,
};

/** No torrent actions: for specs about who may get in. */
export const noCommands: CommandSurface = {
  has: () => false,
  run: (name) => Promise.reject(new Error(`There is no action “${name}”.`)),
};
