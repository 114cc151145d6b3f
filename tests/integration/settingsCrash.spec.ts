import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { gc } from 'system';

import '../../src/lib/promisify.ts';
import { delay, waitFor } from '../support/async.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';

const WRITER = `${GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0])}/test-bin/settings-writer.js`;
const TORRENTS = 200;
// DFS_CRASH_KILLS shortens the run while working on this spec; the suite uses 200.
const KILLS = Number(GLib.getenv('DFS_CRASH_KILLS') ?? 200);

interface Generation {
  n: number;
}

/** The counter the file holds, after checking that the whole file is one consistent save. */
function readGeneration(dir: string): Generation | null {
  let text: string;
  try {
    text = new TextDecoder().decode(GLib.file_get_contents(`${dir}/settings.json`)[1]);
  } catch {
    return null;
  }
  const json = JSON.parse(text) as {
    tickspeed: number;
    torrents: Record<string, { session_uploaded: number; total_uploaded: number }>;
  };
  const states = Object.entries(json.torrents);
  if (states.length !== TORRENTS) throw new Error(`${states.length} torrents in the file, expected ${TORRENTS}`);
  const n = states[0][1].session_uploaded;
  for (const [key, s] of states) {
    const i = Number(/t(\d+)\.torrent$/.exec(key)![1]);
    if (s.session_uploaded !== n || s.total_uploaded !== n * 1000 + i)
      throw new Error(`mixed generations in the file at ${key}`);
  }
  if (json.tickspeed !== 1 + (n % 60))
    throw new Error(`tickspeed ${json.tickspeed} does not belong to generation ${n}`);
  // Parsing a large file every few ms would otherwise leave GJS 1.74 mid-collection (see SettingsStore).
  gc();
  return { n };
}

/** Modification time of settings.json in µs (cheap to poll, unlike parsing it). */
function modified(dir: string): number {
  try {
    const info = Gio.File.new_for_path(`${dir}/settings.json`).query_info(
      'time::modified,time::modified-usec',
      Gio.FileQueryInfoFlags.NONE,
      null,
    );
    return info.get_attribute_uint64('time::modified') * 1e6 + info.get_attribute_uint32('time::modified-usec');
  } catch {
    return 0;
  }
}

describe('settings.json under SIGKILL', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('dfs-crash');
  });
  afterAll(() => removeTree(dir));

  it(`always holds the latest or the previous complete save (${KILLS} kills at random moments)`, async () => {
    expect(GLib.file_test(WRITER, GLib.FileTest.EXISTS)).withContext(WRITER).toBeTrue();
    let last = 0;
    let midWrite = 0;
    for (let k = 0; k < KILLS; k++) {
      const proc = Gio.Subprocess.new(
        ['gjs', '-m', WRITER, dir, String(TORRENTS)],
        Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_SILENCE,
      );
      // Let it save at least once (so each kill lands inside the save loop), then a little more.
      const before = modified(dir);
      await waitFor(() => modified(dir) !== before, `writer run ${k} to save`, 20000);
      await delay(GLib.random_int_range(0, 40));
      proc.send_signal(9);
      await proc.wait_async(null);
      expect(proc.get_if_signaled()).withContext(`run ${k} ended by itself`).toBeTrue();
      if (GLib.file_test(`${dir}/settings.json.tmp`, GLib.FileTest.EXISTS)) midWrite++;
      const generation = readGeneration(dir); // throws if the file is torn or mixed
      expect(generation).not.toBeNull();
      // Never older than what was already on disk before the kill.
      expect(generation!.n).toBeGreaterThanOrEqual(last);
      last = generation!.n;
    }
    const names: string[] = [];
    const e = Gio.File.new_for_path(dir).enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
    for (let info = e.next_file(null); info; info = e.next_file(null)) names.push(info.get_name());
    expect(names.filter((x) => x.includes('corrupt'))).toEqual([]);
    print(`    ${KILLS} kills, ${midWrite} during a write, last generation ${last}`);
  }, 300000);
});
