import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';
import { AppProcess, activateAction } from './dbusAppProcess.ts';
import { waitFor } from '../support/async.ts';

function readBytes(path: string): Uint8Array {
  return GLib.file_get_contents(path)[1];
}

function torrentFilesIn(path: string): string[] {
  const e = Gio.File.new_for_path(path).enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
  const names: string[] = [];
  for (let info = e.next_file(null); info; info = e.next_file(null)) names.push(info.get_name());
  return names.filter((n) => n.endsWith('.torrent'));
}

describe('command line: FILE.torrent arguments', () => {
  let dir: string;
  let app: AppProcess | null;

  beforeEach(() => {
    dir = makeTempDir('dfs-cli');
    app = null;
  });

  afterEach(async () => {
    await app?.stop();
    removeTree(dir);
  });

  const env = () => ({ XDG_CONFIG_HOME: `${dir}/config` });

  it('refuses a missing file with a plain message and exit status 2, without starting', async () => {
    const r = await runProcess(appArgv(`${dir}/nowhere.torrent`), { env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dir}/nowhere.torrent: no such file`);
    expect(GLib.file_test(`${dir}/config/dfakeseeder`, GLib.FileTest.EXISTS)).toBeFalse();
  });

  it('refuses a file that is not a torrent, saying what is wrong with it', async () => {
    writeFile(`${dir}/notes.torrent`, 'hello, I am plain text');
    const r = await runProcess(appArgv(`${dir}/notes.torrent`), { env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${dir}/notes.torrent: This is not a usable torrent file`);
  });

  it('refuses a folder', async () => {
    const r = await runProcess(appArgv(dir), { env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('this is a folder');
  });

  it('rejects an unknown option with a message and a non-zero exit status', async () => {
    const r = await runProcess(appArgv('--seed-faster'), { env: env() });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('--seed-faster');
  });

  it('hands good files to the running instance, one line per file, and still reports the bad ones', async () => {
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    writeFile(`${dir}/good.torrent`, makeTorrent({ name: 'good.bin' }));
    const r = await runProcess(appArgv(`${dir}/good.torrent`, `${dir}/missing.torrent`), { env: env() });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`${dir}/good.torrent: added`);
    expect(r.stderr).toContain(`${dir}/missing.torrent: no such file`);
    // The running instance copies it into its torrents folder.
    const torrentsDir = `${dir}/config/dfakeseeder/torrents`;
    await waitFor(
      () => GLib.file_test(torrentsDir, GLib.FileTest.IS_DIR) && torrentFilesIn(torrentsDir).length === 1,
      'the running instance to add the torrent',
      10000,
    );
    expect(app.exited).toBeFalse();

    // The same torrent again: the running instance says why it did not add it.
    writeFile(`${dir}/copy.torrent`, readBytes(`${dir}/good.torrent`));
    const again = await runProcess(appArgv(`${dir}/copy.torrent`), { env: env() });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`${dir}/copy\\.torrent: \\S`));
    expect(again.stdout).not.toContain('added');
    expect(torrentFilesIn(torrentsDir).length).toBe(1);
  }, 30000);

  it('becomes the app itself when none is running, and adds the files', async () => {
    writeFile(`${dir}/first.torrent`, makeTorrent({ name: 'first.bin' }));
    app = AppProcess.start(`${dir}/config`, '--headless', `${dir}/first.torrent`);
    await app.waitForBus();
    await waitFor(() => app!.output.includes(`Adding ${dir}/first.torrent`), 'the Adding line');
    const torrentsDir = `${dir}/config/dfakeseeder/torrents`;
    await waitFor(
      () => GLib.file_test(torrentsDir, GLib.FileTest.IS_DIR) && torrentFilesIn(torrentsDir).length === 1,
      'the torrent to be added',
      10000,
    );
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 30000);
});
