import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { WatchFolder } from '../../src/controller/WatchFolder.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { delay, waitFor } from '../support/async.ts';
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

  function startWatching(extra: Record<string, unknown> = {}): WatchFolder {
    settings.set('watch_folder', { enabled: true, path: folder, delete_added_torrents: false, ...extra });
    watch = new WatchFolder({
      settings,
      addUris: (uris) => {
        const failures: { uri: string; message: string }[] = [];
        for (const uri of uris) {
          attempts.push(uri);
          const why = refuse.get(GLib.path_get_basename(Gio.File.new_for_uri(uri).get_path()!));
          if (why) failures.push({ uri, message: why });
          else added.push(Gio.File.new_for_uri(uri).get_path()!);
        }
        return Promise.resolve({ failures });
      },
      knownInfoHashes: () => known,
      report: (m) => reports.push(m),
      settleMs: 150,
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
