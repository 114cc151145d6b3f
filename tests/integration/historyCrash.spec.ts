import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { BucketCalendar } from '../../src/model/history/BucketCalendar.ts';
import { HistoryStore } from '../../src/model/history/HistoryStore.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';

// The writer's constants (tests/support/bin/history-writer.ts; not imported: importing runs it).
const WRITER_T0 = 1_780_000_000 - (1_780_000_000 % 86400);
const WRITER_BASE = 301;
const WRITER = `${GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0])}/test-bin/history-writer.js`;
// DFS_CRASH_KILLS shortens the run while working on this spec.
const KILLS = Number(GLib.getenv('DFS_CRASH_KILLS') ?? 25);

/** Calls `onLine` for each line the stream gives, until it ends. */
function readLines(stream: Gio.InputStream, onLine: (line: string) => void): Promise<void> {
  const data = new Gio.DataInputStream({ base_stream: stream });
  return new Promise((resolve) => {
    const next = (): void =>
      data.read_line_async(GLib.PRIORITY_DEFAULT, null, (_s, res) => {
        let line: Uint8Array | null;
        try {
          [line] = data.read_line_finish(res);
        } catch {
          line = null;
        }
        if (line === null) return resolve();
        onLine(new TextDecoder().decode(line));
        next();
      });
    next();
  });
}

function modeOf(path: string): number {
  return (
    Gio.File.new_for_path(path)
      .query_info('unix::mode', Gio.FileQueryInfoFlags.NONE, null)
      .get_attribute_uint32('unix::mode') & 0o777
  );
}

describe('history under SIGKILL', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('dfs-history-crash');
  });
  afterAll(() => removeTree(dir));

  it(`always reads back, losing at most the bucket being written (${KILLS} kills at random moments)`, async () => {
    expect(GLib.file_test(WRITER, GLib.FileTest.EXISTS)).withContext(WRITER).toBeTrue();
    let minutes = 0;
    for (let k = 0; k < KILLS; k++) {
      const proc = Gio.Subprocess.new(
        ['gjs', '-m', WRITER, dir],
        Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE,
      );
      let durable = -1;
      const wanted = GLib.random_int_range(2, 25);
      let seen = 0;
      let errors = '';
      void readLines(proc.get_stderr_pipe()!, (l) => (errors += `${l}\n`));
      await new Promise<void>((resolve) => {
        void readLines(proc.get_stdout_pipe()!, (line) => {
          const m = /^durable (\d+)$/.exec(line);
          if (!m) return;
          durable = Number(m[1]);
          if (++seen === wanted) {
            // Kill a moment later, at a random point of the next turn's writes.
            GLib.timeout_add(GLib.PRIORITY_DEFAULT, GLib.random_int_range(0, 15), () => {
              proc.send_signal(9);
              resolve();
              return GLib.SOURCE_REMOVE;
            });
          }
        }).then(() => resolve());
      });
      await proc.wait_async(null);
      expect(errors).withContext(`writer run ${k}`).toBe('');

      // Read it back as the app would.
      const store = new HistoryStore({
        dir,
        calendar: BucketCalendar.forZone('UTC'),
        clock: () => WRITER_T0 + 1400 * 60,
      });
      await store.load();
      expect(store.problems.join(' / ')).withContext(`run ${k}`).toBe('');
      const tier = store.series.get('all')?.tiers[0] ?? [];
      const count = tier.length / 5;
      for (let j = 0; j < count; j++) {
        expect(tier[j * 5])
          .withContext(`run ${k}: start of minute ${j}`)
          .toBe(WRITER_T0 + j * 60);
        expect(tier[j * 5 + 1])
          .withContext(`run ${k}: bytes of minute ${j}`)
          .toBe(WRITER_BASE + j);
      }
      // Everything reported durable is there; at most the one being written when killed may be too.
      expect(count)
        .withContext(`run ${k}`)
        .toBeGreaterThanOrEqual(durable + 1);
      expect(count)
        .withContext(`run ${k}`)
        .toBeLessThanOrEqual(durable + 2);
      expect(count).toBeGreaterThanOrEqual(minutes);
      minutes = count;
    }
    expect(minutes).toBeGreaterThan(KILLS);
    expect(modeOf(`${dir}/history.json`)).toBe(0o600);
    const journals = [] as string[];
    const e = Gio.File.new_for_path(dir).enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
    for (let info = e.next_file(null); info; info = e.next_file(null)) journals.push(info.get_name());
    for (const name of journals.filter((n) => n.endsWith('.log')))
      expect(modeOf(`${dir}/${name}`))
        .withContext(name)
        .toBe(0o600);
  }, 600000);
});
