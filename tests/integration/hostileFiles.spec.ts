import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { waitFor } from '../support/async.ts';
import {
  badlyNamedFile,
  chmod,
  fileTypeOf,
  isRoot,
  makeFifo,
  makeSparseFile,
  makeSymlink,
  writeBytesTo,
} from '../support/hostileFiles.ts';
import { appArgv, runProcess } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';
import { AppProcess, activateAction, APP_BUS_NAME, APP_PATH, busCall, settingsCall } from './dbusAppProcess.ts';

/** The real app against hostile files: names that are not UTF-8, pipes, devices, huge files. */

async function torrentCount(): Promise<number> {
  return (JSON.parse(((await settingsCall('GetConnectionStatus')) as [string])[0]) as { torrents: number }).torrents;
}

function addOverDBus(uris: string[]): Promise<unknown[]> {
  return busCall(APP_BUS_NAME, APP_PATH, 'ie.fio.dfakeseeder.Torrents', 'Add', new GLib.Variant('(as)', [uris]));
}

const EXIT_SAVE_FAILED = 3;

describe('hostile files in the running app', () => {
  let dir: string;
  let app: AppProcess | null = null;

  beforeEach(() => {
    dir = makeTempDir('dfs-hostile');
  });

  afterEach(async () => {
    await app?.stop();
    app = null;
    removeTree(dir);
  });

  it('loads the torrents folder with a file whose name is not UTF-8 (4 of 4), and adds such a file over D-Bus', async () => {
    const torrents = `${dir}/config/dfakeseeder/torrents`;
    GLib.mkdir_with_parents(torrents, 0o700);
    for (const n of [1, 2, 3]) writeFile(`${torrents}/${n}.torrent`, makeTorrent({ name: `seeded ${n}` }));
    writeBytesTo(badlyNamedFile(torrents, 'bad', 'name.torrent'), makeTorrent({ name: 'seeded 4' }));
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    await waitFor(() => app!.output.includes('loaded 4 torrents'), 'the folder to load', 15000);
    expect(app.output).not.toContain('could not be read');

    GLib.mkdir_with_parents(`${dir}/in`, 0o755);
    const odd = badlyNamedFile(`${dir}/in`, 'over', '-dbus.torrent');
    writeBytesTo(odd, makeTorrent({ name: 'via D-Bus' }));
    const [rows] = (await addOverDBus([odd.get_uri()])) as [[string, boolean, string][]];
    expect(rows).toEqual([[odd.get_uri(), true, '']]);
    expect(await torrentCount()).toBe(5);
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 40000);

  it('D-Bus Add refuses /dev/zero, a pipe and a huge file at once, and adds the good file beside them', async () => {
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    GLib.mkdir_with_parents(`${dir}/in`, 0o755);
    makeFifo(`${dir}/in/pipe.torrent`);
    makeSparseFile(`${dir}/in/huge.torrent`, '500M');
    writeFile(`${dir}/in/good.torrent`, makeTorrent({ name: 'good' }));
    const uri = (p: string) => Gio.File.new_for_path(p).get_uri();
    const uris = [
      'file:///dev/zero',
      uri(`${dir}/in/pipe.torrent`),
      uri(`${dir}/in/huge.torrent`),
      uri(`${dir}/in/good.torrent`),
    ];
    const [rows] = (await addOverDBus(uris)) as [[string, boolean, string][]];
    expect(rows.map(([, added]) => added)).toEqual([false, false, false, true]);
    expect(rows[0][2]).toContain('it is a device or another special file, not a regular file');
    expect(rows[1][2]).toContain('it is a named pipe, not a regular file');
    expect(rows[2][2]).toContain('it is larger than 16 MiB, the limit for a .torrent file');
    expect(await torrentCount()).toBe(1);
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 40000);

  it('the watch folder refuses a pipe and a /dev/zero link and still adds the files after them', async () => {
    const inbox = `${dir}/inbox`;
    GLib.mkdir_with_parents(inbox, 0o755);
    makeFifo(`${inbox}/a-pipe.torrent`);
    makeSymlink('/dev/zero', `${inbox}/b-zero.torrent`);
    writeBytesTo(badlyNamedFile(inbox, 'c-', '.torrent'), makeTorrent({ name: 'odd' }));
    writeFile(
      `${dir}/config/dfakeseeder/settings.json`,
      JSON.stringify({ watch_folder: { enabled: true, path: inbox } }),
    );
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    writeFile(`${inbox}/d-later.torrent`, makeTorrent({ name: 'later' }));
    const seen = [
      'watch folder: added d-later.torrent',
      'watch folder: added c-\uFFFD.torrent',
      '“a-pipe.torrent” was not added: it is a named pipe',
      '“b-zero.torrent” was not added: it is a device',
    ];
    await waitFor(() => seen.every((line) => app!.output.includes(line)), 'every file to be handled', 15000);
    expect(await torrentCount()).toBe(2);
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 40000);

  it('starts with a named pipe at settings.json, on defaults, and never replaces it (exit status 3)', async () => {
    GLib.mkdir_with_parents(`${dir}/config/dfakeseeder`, 0o700);
    makeFifo(`${dir}/config/dfakeseeder/settings.json`);
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus(); // before the fix it hung before its main loop, never on the bus
    // The warning is on stderr, which can arrive after the bus name: wait for it, not for a time.
    await waitFor(
      () => app!.output.includes('it is a named pipe, not a regular file'),
      'the named-pipe warning',
      10000,
    );
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(EXIT_SAVE_FAILED);
    expect(fileTypeOf(`${dir}/config/dfakeseeder/settings.json`)).toBe(Gio.FileType.SPECIAL);
  }, 40000);

  it('exits with status 3 when the final save fails (a read-only folder), and leaves no temporary file', async () => {
    const config = `${dir}/config/dfakeseeder`;
    writeFile(`${config}/settings.json`, JSON.stringify({ tickspeed: 5 }));
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    await waitFor(() => app!.output.includes('loaded 0 torrents'), 'the app to load', 15000);
    // Root ignores permissions, but not the immutable attribute.
    const lock = isRoot() ? await runProcess(['chattr', '+i', config]) : null;
    if (lock && lock.status !== 0) pending(`chattr +i is not supported here: ${lock.stderr.trim()}`);
    if (!lock) chmod(config, 0o500);
    try {
      await activateAction('quit');
      expect(await app.waitExit(15000)).toBe(EXIT_SAVE_FAILED);
    } finally {
      if (lock) await runProcess(['chattr', '-i', config]);
      else chmod(config, 0o700);
    }
    expect(app.output).toContain('could not be saved');
    expect(JSON.parse(readText(`${config}/settings.json`))).toEqual({ tickspeed: 5 });
    expect(GLib.file_test(`${config}/settings.json.sync.tmp`, GLib.FileTest.EXISTS)).toBeFalse();
  }, 40000);

  it('keeps a settings.json it may not read (EACCES): says so, runs on defaults, never moves or saves over it', async () => {
    const config = `${dir}/config/dfakeseeder`;
    const content = JSON.stringify({ tickspeed: 5, torrents: {} });
    writeFile(`${config}/settings.json`, content);
    chmod(`${config}/settings.json`, 0o000);
    // Root reads any file: the app runs as nobody then, on its own session bus. The shell
    // prints the app's own pid, so the spec can ask it to quit (SIGTERM) like a service manager.
    let argv = ['dbus-run-session', '--', 'sh', '-c', 'echo "app pid $$"; exec "$@"', 'sh', ...appArgv('--headless')];
    if (isRoot()) {
      await runProcess(['chown', '-R', '65534:65534', dir]);
      argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...argv];
    }
    const run = new AppProcess(argv, {
      XDG_CONFIG_HOME: `${dir}/config`,
      XDG_RUNTIME_DIR: dir,
      HOME: dir,
      G_MESSAGES_DEBUG: 'dfakeseeder',
    });
    app = run;
    await waitFor(() => run.output.includes('loaded 0 torrents'), 'the app to start on defaults', 20000);
    expect(run.output).toContain(`Your settings file “${config}/settings.json” could not be read (`);
    expect(run.output).toContain('Permission denied');
    expect(run.output).toContain('It is kept as it is and will not be overwritten');
    const pid = /app pid (\d+)/.exec(run.output)![1];
    await runProcess(['kill', '-TERM', pid]);
    expect(await run.waitExit(15000)).toBe(EXIT_SAVE_FAILED);
    chmod(`${config}/settings.json`, 0o600);
    expect(readText(`${config}/settings.json`)).toBe(content);
    const names: string[] = [];
    const e = Gio.File.new_for_path(config).enumerate_children('standard::name', 0, null);
    for (let i = e.next_file(null); i; i = e.next_file(null)) names.push(i.get_name());
    expect(names.filter((n) => n.startsWith('settings.json.'))).toEqual([]);
  }, 40000);
});

describe('hostile files on the command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('dfs-hostile-cli');
  });
  afterEach(() => removeTree(dir));
  const env = () => ({ XDG_CONFIG_HOME: `${dir}/config` });

  it('refuses /dev/zero, a named pipe and a file over 16 MiB at once, without starting', async () => {
    makeFifo(`${dir}/pipe.torrent`);
    makeSparseFile(`${dir}/huge.torrent`, '17M');
    const r = await runProcess(appArgv('/dev/zero', `${dir}/pipe.torrent`, `${dir}/huge.torrent`), { env: env() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/dev/zero: cannot be read (it is a device or another special file, not a regular file');
    expect(r.stderr).toContain(`${dir}/pipe.torrent: cannot be read (it is a named pipe, not a regular file`);
    expect(r.stderr).toContain(
      `${dir}/huge.torrent: cannot be read (it is larger than 16 MiB, the limit for a .torrent file)`,
    );
    expect(GLib.file_test(`${dir}/config/dfakeseeder`, GLib.FileTest.EXISTS)).toBeFalse();
  });
});
