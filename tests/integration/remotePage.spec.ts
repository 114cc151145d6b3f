import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { REMOTE_PASSWORD, RemoteApp } from '../support/remoteApp.ts';
import { makeTempDir, projectRoot, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

interface Step {
  step: string;
  [key: string]: unknown;
}

/**
 * The remote page in a real browser: Debian's chromium, headless, driven by puppeteer-core from
 * a Node script (tests/support/browser/remotePage.mjs) that reports one JSON line per step.
 */
describe('remote web page (integration: the headless app, real chromium through puppeteer-core)', () => {
  const chromium = GLib.find_program_in_path('chromium');
  if (!OpenTracker.isAvailable() || !chromium) {
    it('needs opentracker and chromium', () => pending('opentracker or chromium is not installed'));
    return;
  }
  let home: string;
  let tracker: OpenTracker;
  let app: RemoteApp;

  beforeAll(async () => {
    home = makeTempDir('dfs-remote-page');
    tracker = new OpenTracker();
    await tracker.start([]);
    const seeds = [0, 1, 2].map((i) =>
      makeTorrent({
        name: `ubuntu-2${i}.04-desktop-amd64.iso`,
        length: 1048576 * 512 * (i + 1),
        announce: tracker.announceUrl,
      }),
    );
    const upload = makeTorrent({ name: 'browser-upload.iso', length: 1048576 * 64, announce: tracker.announceUrl });
    writeFile(`${home}/in/browser-upload.torrent`, upload);
    await tracker.allow([...seeds, upload].map(fixtureInfoHashHex));
    seeds.forEach((b, i) => writeFile(`${home}/config/dfakeseeder/torrents/seed-${i}.torrent`, b));
    app = new RemoteApp(home);
    await app.setPassword();
    app.configure({ tickspeed: 1 });
    await app.start();
    await waitFor(() => app.lines.filter((l) => /announced to/.test(l)).length >= 3, 'the first announces', 30000);
  }, 90000);

  afterAll(async () => {
    if (app) expect(await app.stop()).toBe(0);
    await tracker?.stop();
    removeTree(home);
  });

  it('logs in, lists, adds by upload, shows the upload growing live, pauses, and logs out; screenshots at 390 and 1280 px, light and dark', async () => {
    const root = projectRoot();
    const launcher = new Gio.SubprocessLauncher({
      flags: Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE,
    });
    launcher.set_cwd(root);
    const proc = launcher.spawnv([
      'node',
      `${root}/tests/support/browser/remotePage.mjs`,
      app.base,
      REMOTE_PASSWORD,
      `${home}/in/browser-upload.torrent`,
      `${root}/artifacts`,
    ]);
    const killer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 150000, () => (proc.force_exit(), GLib.SOURCE_REMOVE));
    const [out, err] = (await proc.communicate_utf8_async(null, null)) as unknown as [string, string];
    GLib.source_remove(killer);
    const steps = new Map<string, Step>();
    const shots: string[] = [];
    for (const line of (out ?? '').split('\n').filter((l) => l.startsWith('{'))) {
      const s = JSON.parse(line) as Step;
      if (s.step === 'screenshot') shots.push(s.path as string);
      else steps.set(s.step, s);
    }
    if (!steps.has('done')) fail(`the browser run did not finish: ${out}\n${err}`);
    expect(steps.get('wrong password')?.message).toBe('That password is not right.');
    expect((steps.get('list')?.names as string[]).sort()).toEqual([
      'ubuntu-20.04-desktop-amd64.iso',
      'ubuntu-21.04-desktop-amd64.iso',
      'ubuntu-22.04-desktop-amd64.iso',
    ]);
    expect(steps.get('added')?.hash).toMatch(/^[0-9a-f]{40}$/);
    const grew = steps.get('uploaded grows')!;
    expect(grew.then as number).toBeGreaterThan(grew.first as number);
    expect(steps.get('details')?.tracker).toBe(tracker.announceUrl);
    expect(steps.get('paused')?.status).toBe('Paused');
    expect(steps.get('phone width')?.overflow).toBe(0);
    expect(steps.get('logged out')?.status).toBe(401);
    // The strict CSP and the page's own code: nothing refused, nothing thrown.
    expect(steps.get('console')?.errors).toEqual([]);
    expect(shots.map((p) => GLib.path_get_basename(p)).sort()).toEqual([
      'remote-1280-dark.png',
      'remote-1280-light.png',
      'remote-390-dark.png',
      'remote-390-light.png',
      'remote-login-1280-light.png',
    ]);
    for (const p of shots) expect(GLib.file_test(p, GLib.FileTest.EXISTS)).toBeTrue();
  }, 180000);
});
