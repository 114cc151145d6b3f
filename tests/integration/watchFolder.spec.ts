import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { WatchFolder, type WatchFolderOptions } from '../../src/controller/WatchFolder.ts';
import { displayBasename, fileKey } from '../../src/lib/readRegularFile.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { delay, waitFor } from '../support/async.ts';
import { badlyNamedFile, makeFifo, makeSymlink, writeBytesTo } from '../support/hostileFiles.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { AppProcess, activateAction, settingsCall } from './dbusAppProcess.ts';

describe('watch folder', () => {
  let configDir: string;
  let folder: string;
  let settings: SettingsStore;
  let watch: WatchFolder | null;
  let added: string[];
  let reports: string[];
  let known: Set<string>;
  let refuse: Map<string, string>;
  let attempts: string[];

  function startWatching(extra: Record<string, unknown> = {}, options: Partial<WatchFolderOptions> = {}): WatchFolder {
    settings.set('watch_folder', { enabled: true, path: folder, delete_added_torrents: false, ...extra });
    watch = new WatchFolder({
      settings,
      addUris: (uris) => {
        const failures: { uri: string; message: string }[] = [];
        for (const uri of uris) {
          attempts.push(uri);
          const file = Gio.File.new_for_uri(uri);
          const why = refuse.get(displayBasename(file));
          if (why) failures.push({ uri, message: why });
          else added.push(fileKey(file));
        }
        return Promise.resolve({ failures });
      },
      knownInfoHashes: () => known,
      report: (m) => reports.push(m),
      settleMs: 150,
      confirmMs: 300,
      ...options,
    });
    watch.start();
    return watch;
  }

  /** Writes a file the way a browser does: in pieces, with pauses in between. */
  async function writeSlowly(path: string, bytes: Uint8Array): Promise<void> {
    const stream = Gio.File.new_for_path(path).replace(null, false, Gio.FileCreateFlags.NONE, null);
    const half = Math.floor(bytes.length / 2);
    stream.write_bytes(new GLib.Bytes(bytes.subarray(0, half)), null);
    stream.flush(null);
    await delay(60);
    stream.write_bytes(new GLib.Bytes(bytes.subarray(half)), null);
    stream.close(null);
  }

  beforeEach(() => {
    configDir = makeTempDir('dfs-watch-config');
    folder = makeTempDir('dfs-watch');
    settings = SettingsStore.open(configDir);
    watch = null;
    added = [];
    reports = [];
    known = new Set();
    refuse = new Map();
    attempts = [];
  });

  afterEach(() => {
    watch?.stop();
    removeTree(configDir);
    removeTree(folder);
  });

  it('adds the .torrent files already in the folder at start, and ignores other files', async () => {
    writeFile(`${folder}/one.torrent`, makeTorrent());
    writeFile(`${folder}/two.TORRENT`, makeTorrent());
    writeFile(`${folder}/notes.txt`, 'not a torrent');
    startWatching();
    await waitFor(() => added.length === 2, 'the two torrents to be added');
    await delay(300);
    await watch!.whenIdle();
    expect(added.map((p) => GLib.path_get_basename(p)).sort()).toEqual(['one.torrent', 'two.TORRENT']);
    expect(reports).toEqual([]);
  });

  it('adds a new file once, after its write has settled, with the complete contents', async () => {
    startWatching();
    const bytes = makeTorrent({ name: 'slow.bin', length: 50 * 1048576, pieceLength: 16384 });
    await writeSlowly(`${folder}/slow.torrent`, bytes);
    await waitFor(() => added.length === 1, 'the new torrent to be added');
    // What was added parses completely: it was not picked up half-written.
    expect(parseMetainfo(GLib.file_get_contents(added[0])[1]).infoHashHex).toBe(fixtureInfoHashHex(bytes));
    await delay(500);
    expect(added.length).toBe(1);
    expect(reports).toEqual([]);
  });

  it('deletes the file after adding it when delete_added_torrents is on', async () => {
    startWatching({ delete_added_torrents: true });
    writeFile(`${folder}/gone.torrent`, makeTorrent());
    await waitFor(() => added.length === 1, 'the torrent to be added');
    await waitFor(() => !GLib.file_test(`${folder}/gone.torrent`, GLib.FileTest.EXISTS), 'the file to be deleted');
  });

  it('keeps the file when delete_added_torrents is off', async () => {
    startWatching();
    writeFile(`${folder}/kept.torrent`, makeTorrent());
    await waitFor(() => added.length === 1, 'the torrent to be added');
    await delay(200);
    expect(GLib.file_test(`${folder}/kept.torrent`, GLib.FileTest.EXISTS)).toBeTrue();
  });

  it('reports a bad file once, does not retry it, and tries again once it changes', async () => {
    startWatching();
    writeFile(`${folder}/bad.torrent`, 'this is not bencode');
    await waitFor(() => reports.length === 1, 'the bad file to be reported');
    expect(reports[0]).toContain('bad.torrent');
    expect(reports[0]).toContain('not a usable torrent file');
    // Same contents again (a touch without change of size or time is not a new version).
    await delay(700);
    expect(reports.length).toBe(1);
    expect(added).toEqual([]);
    // A new version of the file (now a real torrent) is tried again, and added.
    writeFile(`${folder}/bad.torrent`, makeTorrent());
    await waitFor(() => added.length === 1, 'the fixed file to be added');
    expect(reports.length).toBe(1);
  });

  it('reports a file the model refuses once, with the model’s reason', async () => {
    refuse.set('refused.torrent', 'The trackers of this torrent are all unusable.');
    startWatching();
    writeFile(`${folder}/refused.torrent`, makeTorrent());
    await waitFor(() => reports.length === 1, 'the refusal to be reported');
    expect(reports[0]).toContain('refused.torrent');
    expect(reports[0]).toContain('The trackers of this torrent are all unusable.');
    // Not retried: the same version is not offered to the model again.
    writeFile(`${folder}/other.torrent`, makeTorrent());
    await waitFor(() => added.length === 1, 'another file to be added meanwhile');
    await delay(700);
    expect(reports.length).toBe(1);
    expect(attempts.filter((u) => u.endsWith('/refused.torrent')).length).toBe(1);
  });

  it('skips torrents already in the list quietly (no duplicate reports at every start)', async () => {
    const bytes = makeTorrent();
    known.add(fixtureInfoHashHex(bytes));
    writeFile(`${folder}/already.torrent`, bytes);
    startWatching();
    await delay(400);
    await watch!.whenIdle();
    expect(added).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('rescans the folder every scan interval without adding or reporting anything twice', async () => {
    writeFile(`${folder}/good.torrent`, makeTorrent());
    writeFile(`${folder}/bad.torrent`, 'garbage');
    startWatching({ scan_interval_seconds: 1 });
    await waitFor(() => watch!.scanCount >= 3, 'three scans', 5000);
    await delay(600);
    await watch!.whenIdle();
    expect(added.length).toBe(1);
    expect(reports.length).toBe(1);
    expect(attempts.length).toBe(1);
  }, 10000);

  it('follows the settings: turning it off stops watching, a missing folder is reported', async () => {
    startWatching();
    expect(watch!.folder).toBe(folder);
    settings.set('watch_folder.enabled', false);
    expect(watch!.folder).toBeNull();
    writeFile(`${folder}/late.torrent`, makeTorrent());
    await delay(500);
    expect(added).toEqual([]);

    settings.set('watch_folder', { enabled: true, path: `${folder}/missing` });
    expect(watch!.folder).toBeNull();
    expect(reports.length).toBe(1);
    expect(reports[0]).toContain('does not exist');
  });

  it('adds a file written in two parts 2 s apart once it is whole, with no false “cut short” first', async () => {
    // The default wait before a bad file is reported, as in the app.
    startWatching({}, { confirmMs: undefined });
    const bytes = makeTorrent({ name: 'two-parts.bin' });
    const stream = Gio.File.new_for_path(`${folder}/parts.torrent`).replace(
      null,
      false,
      Gio.FileCreateFlags.NONE,
      null,
    );
    stream.write_bytes(new GLib.Bytes(bytes.subarray(0, 100)), null);
    stream.flush(null);
    // The first part alone is handled (and does not parse) before the rest arrives.
    await waitFor(() => watch!.reportsWaiting === 1, 'the cut-short first part to be seen', 5000);
    await delay(2000);
    stream.write_bytes(new GLib.Bytes(bytes.subarray(100)), null);
    stream.close(null);
    await waitFor(() => added.length === 1, 'the whole file to be added', 5000);
    await waitFor(() => watch!.reportsWaiting === 0, 'the held report to be dropped', 10000);
    await watch!.whenIdle();
    expect(reports).toEqual([]);
    expect(added.length).toBe(1);
  }, 20000);

  it('reports a named pipe and a link to /dev/zero at once, never opening them or holding back later files', async () => {
    makeFifo(`${folder}/pipe.torrent`);
    makeSymlink('/dev/zero', `${folder}/zero.torrent`);
    startWatching();
    await waitFor(() => reports.length === 2, 'the pipe and the device to be reported');
    writeFile(`${folder}/after.torrent`, makeTorrent({ name: 'after' }));
    makeFifo(`${folder}/late-pipe.torrent`);
    await waitFor(() => added.length === 1 && reports.length === 3, 'the later file to be added');
    expect(reports.sort()).toEqual([
      'Watch folder: “late-pipe.torrent” was not added: it is a named pipe, not a regular file, and only files are read',
      'Watch folder: “pipe.torrent” was not added: it is a named pipe, not a regular file, and only files are read',
      'Watch folder: “zero.torrent” was not added: it is a device or another special file, not a regular file, and only files are read',
    ]);
    expect(attempts.length).toBe(1);
  });

  it('adds files whose names are not UTF-8, at start, on arrival and across rescans, once each', async () => {
    writeBytesTo(badlyNamedFile(folder, 'at-start', '.torrent'), makeTorrent({ name: 'a' }));
    writeFile(`${folder}/plain.torrent`, makeTorrent({ name: 'b' }));
    startWatching({ scan_interval_seconds: 1 });
    await waitFor(() => added.length === 2, 'the files already there to be added');
    writeBytesTo(badlyNamedFile(folder, 'arrived', '.torrent'), makeTorrent({ name: 'c' }));
    await waitFor(() => added.length === 3, 'the new file to be added');
    const scans = watch!.scanCount;
    await waitFor(() => watch!.scanCount >= scans + 2, 'two more scans', 5000);
    await watch!.whenIdle();
    expect(added.filter((k) => k.includes('%FF')).length).toBe(2);
    expect(attempts.length).toBe(3);
    expect(reports).toEqual([]);
  }, 10000);
});

describe('watch folder in the running app', () => {
  let dir: string;
  let app: AppProcess | null = null;

  beforeEach(() => {
    dir = makeTempDir('dfs-watch-app');
  });

  afterEach(async () => {
    await app?.stop();
    app = null;
    removeTree(dir);
  });

  it('adds a dropped .torrent to the list and deletes it when asked to', async () => {
    GLib.mkdir_with_parents(`${dir}/inbox`, 0o755);
    writeFile(
      `${dir}/config/dfakeseeder/settings.json`,
      JSON.stringify({ watch_folder: { enabled: true, path: `${dir}/inbox`, delete_added_torrents: true } }),
    );
    app = AppProcess.start(`${dir}/config`, '--headless');
    await app.waitForBus();
    writeFile(`${dir}/inbox/dropped.torrent`, makeTorrent({ name: 'dropped.bin' }));
    await waitFor(
      () => !GLib.file_test(`${dir}/inbox/dropped.torrent`, GLib.FileTest.EXISTS),
      'the dropped file to be added and deleted',
      10000,
    );
    const status = JSON.parse(((await settingsCall('GetConnectionStatus')) as [string])[0]);
    expect(status.torrents).toBe(1);
    await activateAction('quit');
    expect(await app.waitExit(15000)).toBe(0);
  }, 30000);
});
