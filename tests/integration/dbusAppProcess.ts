import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { delay } from '../support/async.ts';
import { appArgv } from '../support/process.ts';

export const APP_BUS_NAME = 'ie.fio.dfakeseeder';
export const APP_PATH = '/ie/fio/dfakeseeder';

/**
 * The real app in a child process on the runner's session bus (and Xvfb display), with its own
 * config folder, for the D-Bus, command-line and background specs. Its output is collected.
 */
export class AppProcess {
  readonly proc: Gio.Subprocess;
  output = '';
  #exited = false;
  readonly exitedPromise: Promise<number>;

  constructor(argv: string[], env: Record<string, string>) {
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_MERGE,
    });
    for (const [k, v] of Object.entries(env)) launcher.setenv(k, v, true);
    this.proc = launcher.spawnv(argv);
    this.#readLines(new Gio.DataInputStream({ base_stream: this.proc.get_stdout_pipe()! }));
    this.exitedPromise = this.proc.wait_async(null).then(() => {
      this.#exited = true;
      return this.proc.get_if_exited() ? this.proc.get_exit_status() : -1;
    });
  }

  /** `gjs -m dist/main.js ARGS` with XDG_CONFIG_HOME pointing at `configHome`. */
  static start(configHome: string, ...args: string[]): AppProcess {
    return new AppProcess(appArgv(...args), { XDG_CONFIG_HOME: configHome, G_MESSAGES_DEBUG: 'dfakeseeder' });
  }

  get exited(): boolean {
    return this.#exited;
  }

  #readLines(stream: Gio.DataInputStream): void {
    stream.read_line_async(GLib.PRIORITY_DEFAULT, null, (_s, res) => {
      try {
        const [line] = stream.read_line_finish_utf8(res);
        if (line === null) return;
        this.output += `${line}\n`;
        this.#readLines(stream);
      } catch {
        // the pipe closed
      }
    });
  }

  /** Waits until the app owns its bus name (it has registered and exported its objects). */
  async waitForBus(timeoutMs = 15000): Promise<void> {
    const deadline = GLib.get_monotonic_time() + timeoutMs * 1000;
    while (GLib.get_monotonic_time() < deadline) {
      if (this.#exited) throw new Error(`the app exited before it registered:\n${this.output}`);
      const owned = await appNameHasOwner();
      // Owned by this very process, not by an instance some other spec left running.
      if (owned && (await this.#ownerPid()) === Number(this.proc.get_identifier())) return;
      await delay(50);
    }
    const owner = await this.#ownerPid().catch(() => null);
    throw new Error(`the app did not register on the session bus (name owner pid ${owner}):\n${this.output}`);
  }

  async #ownerPid(): Promise<number> {
    const [pid] = (await busCall(
      'org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus',
      'GetConnectionUnixProcessID',
      new GLib.Variant('(s)', [APP_BUS_NAME]),
    )) as [number];
    return pid;
  }

  /** Resolves with the exit status, or null if it is still running after `timeoutMs`. */
  async waitExit(timeoutMs: number): Promise<number | null> {
    return Promise.race([this.exitedPromise, delay(timeoutMs).then(() => null)]);
  }

  /** Makes sure it is gone (SIGTERM, then SIGKILL), whatever a spec did. */
  async stop(): Promise<void> {
    if (this.#exited) return;
    this.proc.send_signal(15);
    if ((await this.waitExit(5000)) === null) {
      this.proc.force_exit();
      await this.exitedPromise;
    }
  }
}

/** One method call on the session bus; resolves with the unpacked reply tuple. */
/** True while someone owns the app's bus name. */
export async function appNameHasOwner(): Promise<boolean> {
  const [owned] = (await busCall(
    'org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus',
    'NameHasOwner',
    new GLib.Variant('(s)', [APP_BUS_NAME]),
  )) as [boolean];
  return owned;
}

export async function busCall(
  name: string,
  path: string,
  iface: string,
  method: string,
  params: GLib.Variant | null = null,
): Promise<unknown[]> {
  const reply = (await Gio.DBus.session.call(
    name,
    path,
    iface,
    method,
    params,
    null,
    Gio.DBusCallFlags.NONE,
    10000,
    null,
  )) as unknown as GLib.Variant;
  return reply.deepUnpack() as unknown[];
}

/** A call to the app's `ie.fio.dfakeseeder.Settings` interface. */
export function settingsCall(method: string, params: GLib.Variant | null = null): Promise<unknown[]> {
  return busCall(APP_BUS_NAME, APP_PATH, 'ie.fio.dfakeseeder.Settings', method, params);
}

/** Activates an app action over org.gtk.Actions, as `gapplication action` does. */
export function activateAction(name: string, parameter: GLib.Variant | null = null): Promise<unknown[]> {
  return busCall(
    APP_BUS_NAME,
    APP_PATH,
    'org.gtk.Actions',
    'Activate',
    new GLib.Variant('(sava{sv})', [name, parameter ? [parameter] : [], {}]),
  );
}
