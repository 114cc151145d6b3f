import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { projectRoot } from './tempdir.ts';

export interface ProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by `timeoutMs`) and returns its exit status and output. */
export async function runProcess(argv: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}) {
  const launcher = new Gio.SubprocessLauncher({
    flags: Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE,
  });
  for (const [k, v] of Object.entries(options.env ?? {})) launcher.setenv(k, v, true);
  const proc = launcher.spawnv(argv);
  const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, options.timeoutMs ?? 20000, () => {
    proc.force_exit();
    return GLib.SOURCE_REMOVE;
  });
  const [stdout, stderr] = (await proc.communicate_utf8_async(null, null)) as unknown as [string, string];
  GLib.source_remove(timer);
  return { status: proc.get_exit_status(), stdout: stdout ?? '', stderr: stderr ?? '' } as ProcessResult;
}

/** argv that starts the built app bundle: `gjs -m dist/main.js …`. */
export function appArgv(...args: string[]): string[] {
  return ['gjs', '-m', GLib.build_filenamev([projectRoot(), 'dist', 'main.js']), ...args];
}
