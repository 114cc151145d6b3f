import '../../src/lib/promisify.ts';
import { delay } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { appArgv } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { activateAction, AppProcess } from './dbusAppProcess.ts';

const SIGINT = 2;
const SIGTERM = 15;

/**
 * The quit sequence of the real app process, from outside: started with torrents in a fresh
 * config folder against Debian's opentracker, stopped by a signal or by `app.quit` over D-Bus.
 * Checked on the tracker's side (it no longer lists us), in the saved state and in the exit code.
 */
describe('quitting the app process (integration, real opentracker)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }

  let tracker: OpenTracker;
  let home: string;
  let app: AppProcess | null = null;
  let hashes: string[];

  beforeEach(() => {
    home = makeTempDir('dfs-shutdown-app');
    tracker = new OpenTracker();
    hashes = [];
  });

  afterEach(async () => {
    await app?.stop();
    app = null;
    await tracker.stop();
    removeTree(home);
  });

  /** Writes `n` torrents into the app's torrents folder and starts the tracker for them. */
  async function prepare(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const bytes = makeTorrent({ name: `quit-${i}.bin`, announce: tracker.announceUrl });
      hashes.push(fixtureInfoHashHex(bytes));
      writeFile(`${home}/dfakeseeder/torrents/quit-${i}.torrent`, bytes);
    }
    await tracker.start(hashes);
  }

  /** Seeders opentracker lists for each of our torrents. */
  async function seeders(): Promise<number[]> {
    return Promise.all(hashes.map(async (h) => (await tracker.scrape(h)).complete));
  }

  async function waitUntilSeeding(): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if (app?.exited) throw new Error(`the app exited early:\n${app.output}`);
      // Listed by the tracker, and the app has read every reply (a `started` still in flight
      // when the quit comes is cancelled, and counts as never acknowledged).
      const replies = app?.output.match(/announced to /g)?.length ?? 0;
      if (replies >= hashes.length && (await seeders()).every((c) => c === 1)) return;
      await delay(100);
    }
    throw new Error(`not every torrent reached the tracker:\n${app?.output}`);
  }

  function start(...args: string[]): AppProcess {
    const env: Record<string, string> = { XDG_CONFIG_HOME: home, G_MESSAGES_DEBUG: 'dfakeseeder' };
    if (args.includes('--headless')) Object.assign(env, { DISPLAY: '', WAYLAND_DISPLAY: '' });
    return new AppProcess(appArgv(...args), env);
  }

  function savedTorrentCount(): number {
    const saved = JSON.parse(readText(`${home}/dfakeseeder/settings.json`)) as { torrents?: object };
    return Object.keys(saved.torrents ?? {}).length;
  }

  async function expectCleanQuit(n: number): Promise<void> {
    const status = await app!.waitExit(15000);
    expect(status).withContext(app!.output).toBe(0);
    expect(app!.output).toMatch(
      new RegExp(
        `SHUTDOWN PHASE BREAKDOWN: signal=\\S+ prepare=\\S+ drain=\\S+ \\(stopped sent ${n}, timed out 0\\) save=\\S+ total=`,
      ),
    );
    // opentracker drops a peer on `stopped`: it no longer lists us for any torrent.
    expect(await seeders())
      .withContext(app!.output)
      .toEqual(hashes.map(() => 0));
    expect(savedTorrentCount()).toBe(n);
  }

  it('headless: SIGTERM says goodbye to the tracker for every torrent, saves and exits 0', async () => {
    await prepare(20);
    app = start('--headless');
    await waitUntilSeeding();
    app.proc.send_signal(SIGTERM);
    await expectCleanQuit(20);
    expect(app.output).toContain('shutdown started (SIGTERM): 20 torrents');
  }, 60000);

  it('headless: a SIGTERM during the SIGINT shutdown joins it instead of starting another', async () => {
    await prepare(3);
    app = start('--headless');
    await waitUntilSeeding();
    app.proc.send_signal(SIGINT);
    app.proc.send_signal(SIGTERM);
    await expectCleanQuit(3);
    expect(app.output).toContain('shutdown started (SIGINT)');
    expect(app.output).toContain('SIGTERM joins the shutdown already running');
    expect(app.output.match(/SHUTDOWN PHASE BREAKDOWN/g)?.length).toBe(1);
  }, 60000);

  it('windowed: app.quit over D-Bus runs the same sequence and exits 0', async () => {
    await prepare(5);
    app = start();
    await app.waitForBus();
    await waitUntilSeeding();
    await activateAction('quit');
    await expectCleanQuit(5);
    expect(app.output).toContain('shutdown started (app.quit): 5 torrents');
  }, 60000);

  it('windowed: SIGTERM runs the same sequence and exits 0', async () => {
    await prepare(5);
    app = start();
    await app.waitForBus();
    await waitUntilSeeding();
    app.proc.send_signal(SIGTERM);
    await expectCleanQuit(5);
    expect(app.output).toContain('shutdown started (SIGTERM): 5 torrents');
  }, 60000);
});
