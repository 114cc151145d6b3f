import GLib from 'gi://GLib';

import { delay } from '../support/async.ts';
import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';
import { AppProcess, activateAction } from './dbusAppProcess.ts';

/** Names of the top-level X windows on the runner's Xvfb display. */
/**
 * The X windows on the display, without GDK's 1×1 client-leader windows: every GTK process
 * that opened the display has one named after its application, shown to nobody.
 */
async function windowNames(): Promise<string> {
  const r = await runProcess(['xwininfo', '-root', '-tree']);
  return r.stdout
    .split('\n')
    .filter((line) => !/\s1x1\+/.test(line))
    .join('\n');
}

describe('single instance', () => {
  let dir: string;
  let app: AppProcess | null = null;

  beforeAll(() => {
    if (!GLib.getenv('DISPLAY')) pending('no display');
    if (!GLib.find_program_in_path('xwininfo')) pending('xwininfo is not installed');
  });

  beforeEach(() => (dir = makeTempDir('dfs-single')));

  afterEach(async () => {
    await app?.stop();
    app = null;
    removeTree(dir);
  });

  it('a second launch presents the first instance’s window and exits at once', async () => {
    // Started in the background: the first instance has no window yet.
    app = AppProcess.start(`${dir}/config`, '--background');
    await app.waitForBus();
    expect(await windowNames()).not.toContain("D' Fake Seeder");

    const second = await runProcess(appArgv(), { env: { XDG_CONFIG_HOME: `${dir}/config` }, timeoutMs: 15000 });
    expect(second.status).toBe(0);
    // Poll the display until the first instance's window appears (or give up after 10 s).
    let names = '';
    for (let i = 0; i < 100 && !names.includes("D' Fake Seeder"); i++) {
      await delay(100);
      names = await windowNames();
    }
    expect(names).toContain("D' Fake Seeder");
    expect(app.exited).toBeFalse();
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 40000);
});
