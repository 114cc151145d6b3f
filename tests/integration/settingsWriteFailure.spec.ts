import GLib from 'gi://GLib';

import { normalizeTorrentState, SettingsStore } from '../../src/model/settings/index.ts';
import { runProcess } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';

/** Waits for the next save-failed (or saved) of a store while `run` saves. */
async function saveOutcome(store: SettingsStore, run: () => Promise<void>): Promise<string | null> {
  let failure: string | null = null;
  const id = store.connect('save-failed', (_s, message) => (failure = message));
  await run();
  store.disconnect(id);
  return failure;
}

describe('settings saves that cannot be written', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('dfs-savefail');
  });
  afterEach(() => removeTree(root));

  it('reports a config folder that is really a file, and leaves that file alone', async () => {
    const notADir = `${root}/dfakeseeder`;
    writeFile(notADir, 'precious');
    const s = SettingsStore.open(notADir);
    expect(s.problems).toEqual([]);
    s.set('upload_speed', 99);
    const failure = await saveOutcome(s, () => s.saveNow());
    expect(failure).toMatch(/^Your settings could not be saved \(.+\)\. The previous settings file was kept\.$/);
    expect(s.lastSaveError).toBe(failure);
    expect(readText(notADir)).toBe('precious');
    expect(s.get<number>('upload_speed')).toBe(99); // the app keeps running with the value
  });

  it('reports a folder nobody can write (/proc), without throwing', async () => {
    const s = SettingsStore.open('/proc/dfakeseeder-test');
    expect(await saveOutcome(s, () => s.saveNow())).toContain('could not be saved');
    expect(s.saveSync()).toBeFalse();
  });

  it('keeps the previous settings.json intact when the folder refuses new files', async () => {
    const dir = `${root}/config`;
    const s = SettingsStore.open(dir);
    s.set('upload_speed', 11);
    s.setTorrentState(`${dir}/torrents/a.torrent`, normalizeTorrentState({ total_uploaded: 1 }));
    await s.saveNow();
    const previous = readText(`${dir}/settings.json`);
    // Root ignores permissions, but not the immutable attribute.
    const lock = await runProcess(['chattr', '+i', dir]);
    if (lock.status !== 0) pending(`chattr +i is not supported here: ${lock.stderr.trim()}`);
    try {
      s.set('upload_speed', 22);
      const failure = await saveOutcome(s, () => s.saveNow());
      expect(failure).toContain('The previous settings file was kept');
      expect(readText(`${dir}/settings.json`)).toBe(previous);
      expect(s.saveSync()).toBeFalse();
      expect(readText(`${dir}/settings.json`)).toBe(previous);
    } finally {
      await runProcess(['chattr', '-i', dir]);
    }
    // Once the folder is writable again, the next save goes through and clears the error.
    const failure = await saveOutcome(s, () => s.saveNow());
    expect(failure).toBeNull();
    expect(s.lastSaveError).toBeNull();
    expect((JSON.parse(readText(`${dir}/settings.json`)) as { upload_speed: number }).upload_speed).toBe(22);
    expect(GLib.file_test(`${dir}/settings.json.tmp`, GLib.FileTest.EXISTS)).toBeFalse();
  });

  it('leaves no temporary file behind when the disk is full, and keeps the previous file', async () => {
    const disk = `${root}/disk`;
    GLib.mkdir_with_parents(disk, 0o700);
    // A real full disk: a 256 KiB tmpfs, filled up.
    const mount = await runProcess(['mount', '-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
    if (mount.status !== 0) pending(`a tmpfs cannot be mounted here: ${mount.stderr.trim()}`);
    try {
      const dir = `${disk}/dfakeseeder`;
      const s = SettingsStore.open(dir);
      s.setTorrentState(`${dir}/torrents/a.torrent`, normalizeTorrentState({ total_uploaded: 1 }));
      await s.saveNow();
      const previous = readText(`${dir}/settings.json`);
      await runProcess(['dd', 'if=/dev/zero', `of=${disk}/filler`, 'bs=4k']); // until ENOSPC
      for (let i = 0; i < 50; i++) {
        s.setTorrentState(`${dir}/torrents/${i}.torrent`, normalizeTorrentState({ total_uploaded: i }));
      }
      const failure = await saveOutcome(s, () => s.saveNow());
      expect(failure).toContain('No space left on device');
      expect(s.saveSync()).toBeFalse();
      expect(readText(`${dir}/settings.json`)).toBe(previous);
      expect(GLib.file_test(`${dir}/settings.json.tmp`, GLib.FileTest.EXISTS)).toBeFalse();
      expect(GLib.file_test(`${dir}/settings.json.sync.tmp`, GLib.FileTest.EXISTS)).toBeFalse();
    } finally {
      await runProcess(['umount', '-l', disk]);
    }
  });
});
