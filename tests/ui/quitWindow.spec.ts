import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { AppProcess } from '../integration/dbusAppProcess.ts';
import { delay, waitFor } from '../support/async.ts';
import { initGtk } from '../support/gtk.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

const SIGUSR1 = 10;
const TORRENTS = 5;

/**
 * Closing the main window of the real windowed app (a child process on the runner's Xvfb
 * display and session bus; SIGUSR1 makes it call Gtk.Window.close(), as the close button does):
 * the window is hidden first, the tracker hears `stopped` for every torrent, the state is
 * saved and the process exits 0.
 */
describe('closing the main window (UI, real app process)', () => {
  const testBin = `${GLib.path_get_dirname(GLib.filename_from_uri(import.meta.url)[0])}/test-bin`;
  let tracker: OpenTracker;
  let home: string;
  let app: AppProcess | null = null;
  const hashes: string[] = [];

  beforeEach(async () => {
    if (!initGtk()) pending('no display');
    if (!OpenTracker.isAvailable()) pending('opentracker is not installed');
    home = makeTempDir('dfs-quit-window');
    tracker = new OpenTracker();
    for (let i = 0; i < TORRENTS; i++) {
      const bytes = makeTorrent({ name: `window-${i}.bin`, announce: tracker.announceUrl });
      hashes.push(fixtureInfoHashHex(bytes));
      writeFile(`${home}/dfakeseeder/torrents/window-${i}.torrent`, bytes);
    }
    await tracker.start(hashes);
  });

  afterEach(async () => {
    await app?.stop();
    app = null;
    await tracker?.stop();
    if (home) removeTree(home);
  });

  const seeders = () => Promise.all(hashes.map(async (h) => (await tracker.scrape(h)).complete));

  it('hides the window, tells the tracker, saves every torrent and exits 0', async () => {
    app = new AppProcess(['gjs', '-m', `${testBin}/closable-gui-app.js`], {
      XDG_CONFIG_HOME: home,
      G_MESSAGES_DEBUG: 'dfakeseeder',
      DFS_BENCH: '1',
    });
    await app.waitForBus();
    const replies = () => app!.output.match(/announced to /g)?.length ?? 0;
    for (let i = 0; i < 300 && !(replies() >= TORRENTS && (await seeders()).every((c) => c === 1)); i++)
      await delay(100);
    expect(await seeders()).toEqual(hashes.map(() => 1));

    app.proc.send_signal(SIGUSR1);
    await waitFor(() => app!.output.includes('CLOSED WINDOW'), 'the window to be closed');
    const status = await app.waitExit(15000);
    const out = app.output;
    expect(status).withContext(out).toBe(0);

    expect(out).toContain(`shutdown started (window closed): ${TORRENTS} torrents`);
    // The window went first: hidden before any torrent was cancelled or told the tracker.
    const hiddenAt = out.indexOf('DFS_BENCH quit requested at');
    expect(hiddenAt).toBeGreaterThan(-1);
    expect(hiddenAt).toBeLessThan(out.indexOf('shutdown phase signal'));
    expect(out).toMatch(new RegExp(`SHUTDOWN PHASE BREAKDOWN: .*\\(stopped sent ${TORRENTS}, timed out 0\\)`));

    expect(await seeders()).toEqual(hashes.map(() => 0));
    const saved = JSON.parse(readText(`${home}/dfakeseeder/settings.json`)) as { torrents?: object };
    expect(Object.keys(saved.torrents ?? {}).length).toBe(TORRENTS);
  }, 60000);
});
