import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { appArgv } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

const TORRENTS = 50;

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

describe('headless mode (integration, real opentracker)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }

  let tracker: OpenTracker;
  let home: string;
  let proc: Gio.Subprocess | null = null;
  const hashes: string[] = [];

  beforeAll(async () => {
    home = makeTempDir('dfs-headless');
    tracker = new OpenTracker();
    for (let i = 0; i < TORRENTS; i++) {
      const bytes = makeTorrent({
        name: `headless-${i}.bin`,
        length: 1048576 * (i + 1),
        announce: tracker.announceUrl,
      });
      hashes.push(fixtureInfoHashHex(bytes));
      writeFile(`${home}/dfakeseeder/torrents/headless-${i}.torrent`, bytes);
    }
    await tracker.start(hashes);
  });

  afterAll(async () => {
    if (proc) proc.force_exit();
    await tracker.stop();
    removeTree(home);
  });

  it('seeds 50 torrents from the torrents folder, then stops them on SIGTERM', async () => {
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_PIPE,
    });
    launcher.setenv('XDG_CONFIG_HOME', home, true);
    launcher.setenv('DISPLAY', '', true);
    launcher.setenv('WAYLAND_DISPLAY', '', true);
    proc = launcher.spawnv(appArgv('--headless'));
    const lines: string[] = [];
    collectLines(proc.get_stderr_pipe()!, lines);

    // From the tracker's side: every torrent has exactly one seeder (us).
    const scrapeAll = () => Promise.all(hashes.map((h) => tracker.scrape(h)));
    let seeded = 0;
    const deadline = GLib.get_monotonic_time() + 60e6;
    while (GLib.get_monotonic_time() < deadline) {
      const s = await scrapeAll();
      seeded = s.filter((x) => x.complete === 1 && x.incomplete === 0).length;
      if (seeded === TORRENTS) break;
      await new Promise<void>((r) => GLib.timeout_add(GLib.PRIORITY_DEFAULT, 500, () => (r(), GLib.SOURCE_REMOVE)));
    }
    expect(seeded).toBe(TORRENTS);
    // One log line per announce, naming the torrent.
    await waitFor(() => lines.filter((l) => /announced to/.test(l)).length >= TORRENTS, 'announce log lines', 10000);
    expect(lines.some((l) => l.includes('headless-7.bin') && l.includes(tracker.announceUrl))).toBeTrue();

    proc.send_signal(15);
    await proc.wait_async(null);
    expect(proc.get_if_exited()).toBeTrue();
    expect(proc.get_exit_status()).toBe(0);
    proc = null;

    // The quit sequence told the tracker, and saved every torrent's state.
    const after = await scrapeAll();
    expect(after.filter((x) => x.complete === 0).length).toBe(TORRENTS);
    const saved = JSON.parse(readText(`${home}/dfakeseeder/settings.json`)) as { torrents: Record<string, unknown> };
    expect(Object.keys(saved.torrents).length).toBe(TORRENTS);
    // Its own waits are bounded (60 s for the seeders, 10 s for the log); jasmine's 5 s default is not enough.
  }, 120_000);

  it('adds FILE.torrent arguments, and says in words why a duplicate was not added', async () => {
    const cfg = makeTempDir('dfs-headless-args');
    try {
      const bytes = makeTorrent({ name: 'from-args.bin', announce: tracker.announceUrl });
      const hash = fixtureInfoHashHex(bytes);
      await tracker.allow([hash]);
      writeFile(`${cfg}/in/from-args.torrent`, bytes);
      writeFile(`${cfg}/in/copy.torrent`, bytes);
      const launcher = new Gio.SubprocessLauncher({
        flags: Gio.SubprocessFlags.STDOUT_SILENCE | Gio.SubprocessFlags.STDERR_PIPE,
      });
      launcher.setenv('XDG_CONFIG_HOME', cfg, true);
      launcher.setenv('DISPLAY', '', true);
      // Non-unique, so it cannot hand the files to another instance on the spec bus.
      launcher.setenv('DBUS_SESSION_BUS_ADDRESS', 'disabled:', true);
      proc = launcher.spawnv(appArgv('--headless', `${cfg}/in/from-args.torrent`, `${cfg}/in/copy.torrent`));
      const lines: string[] = [];
      collectLines(proc.get_stderr_pipe()!, lines);
      await waitFor(
        () => lines.some((l) => /from-args\.bin: announced to/.test(l)),
        'the added torrent to announce',
        20000,
      );
      await waitFor(() => lines.some((l) => l.includes('copy.torrent:')), 'the duplicate to be reported', 5000);
      expect((await tracker.scrape(hash)).complete).toBe(1);
      expect(lines.find((l) => l.includes('copy.torrent:'))).toMatch(/“from-args\.bin” is already in your list/);
      expect(GLib.file_test(`${cfg}/dfakeseeder/torrents/from-args.torrent`, GLib.FileTest.EXISTS)).toBeTrue();
      proc.send_signal(2);
      await proc.wait_async(null);
      expect(proc.get_exit_status()).toBe(0);
      proc = null;
      expect((await tracker.scrape(hash)).complete).toBe(0);
    } finally {
      removeTree(cfg);
    }
  }, 60_000);
});
