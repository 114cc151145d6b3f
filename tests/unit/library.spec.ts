import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { LibraryError, TorrentLibrary } from '../../src/model/library/index.ts';
import {
  badlyNamedFile,
  makeFifo,
  makeSparseFile,
  makeSymlink,
  modeOf,
  writeBytesTo,
} from '../support/hostileFiles.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

function listDir(dir: string): string[] {
  const out: string[] = [];
  const e = Gio.File.new_for_path(dir).enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
  for (let info = e.next_file(null); info !== null; info = e.next_file(null)) out.push(info.get_name());
  e.close(null);
  return out.sort();
}

function bytesOf(path: string): Uint8Array {
  return GLib.file_get_contents(path)[1];
}

async function refusal(promise: Promise<unknown>): Promise<LibraryError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof LibraryError) return e;
    throw new Error(`expected a LibraryError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a LibraryError, but it succeeded');
}

describe('TorrentLibrary', () => {
  let root: string;
  let dir: string;
  let lib: TorrentLibrary;
  const source = (name: string, bytes: Uint8Array) => {
    const path = `${root}/downloads/${GLib.random_int()}/${name}`;
    writeFile(path, bytes);
    return Gio.File.new_for_path(path);
  };

  beforeEach(() => {
    root = makeTempDir('dfs-library');
    dir = `${root}/config/dfakeseeder/torrents`;
    lib = new TorrentLibrary(dir);
  });
  afterEach(() => removeTree(root));

  it('adds a torrent by copying its exact bytes into the folder (creating it)', async () => {
    const bytes = makeTorrent({ name: 'linux.iso' });
    const entry = await lib.add(source('linux.torrent', bytes));
    expect(entry.path).toBe(`${dir}/linux.torrent`);
    expect(entry.metainfo.name).toBe('linux.iso');
    expect(bytesOf(entry.path)).toEqual(bytes);
    expect(listDir(dir)).toEqual(['linux.torrent']);
    expect(lib.find(entry.metainfo.infoHashHex)).toBe(entry);
  });

  it('refuses a torrent already in the list, whatever its file name, and copies nothing', async () => {
    const bytes = makeTorrent({ name: 'Big Buck Bunny' });
    await lib.add(source('a.torrent', bytes));
    const again = await refusal(lib.add(source('a.torrent', bytes)));
    expect(again.message).toBe('“Big Buck Bunny” is already in your list.');
    const renamed = await refusal(lib.add(source('other name.torrent', bytes)));
    expect(renamed.message).toContain('already in your list');
    expect(listDir(dir)).toEqual(['a.torrent']);
  });

  it('refuses the second of two simultaneous adds of the same torrent', async () => {
    const bytes = makeTorrent();
    const results = await Promise.allSettled([
      lib.add(source('x.torrent', bytes)),
      lib.add(source('y.torrent', bytes)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(LibraryError);
    expect(listDir(dir).length).toBe(1);
  });

  it('gives a different torrent with a taken file name the name “name (2).torrent”', async () => {
    const a = await lib.add(source('same.torrent', makeTorrent()));
    const b = await lib.add(source('same.torrent', makeTorrent()));
    const c = await lib.add(source('same.torrent', makeTorrent()));
    expect([a.path, b.path, c.path]).toEqual([
      `${dir}/same.torrent`,
      `${dir}/same (2).torrent`,
      `${dir}/same (3).torrent`,
    ]);
    // Simultaneous adds never pick the same name either.
    const more = await Promise.all([1, 2, 3].map(() => lib.add(source('same.torrent', makeTorrent()))));
    expect(new Set(more.map((e) => e.path)).size).toBe(3);
    expect(listDir(dir).length).toBe(6);
  });

  it('does not overwrite an unreadable file that happens to have the same name', async () => {
    writeFile(`${dir}/clash.torrent`, 'not a torrent');
    const entry = await lib.add(source('clash.torrent', makeTorrent()));
    expect(entry.path).toBe(`${dir}/clash (2).torrent`);
    expect(new TextDecoder().decode(bytesOf(`${dir}/clash.torrent`))).toBe('not a torrent');
  });

  it('gives a file without the .torrent ending one, so it loads next time', async () => {
    const entry = await lib.add(source('download', makeTorrent()));
    expect(entry.path).toBe(`${dir}/download.torrent`);
  });

  it('refuses an unusable or unreadable file with a plain message and copies nothing', async () => {
    const bad = await refusal(lib.add(source('broken.torrent', new TextEncoder().encode('hello'))));
    expect(bad.message).toMatch(/^“broken\.torrent”: This is not a usable torrent file/);
    const missing = await refusal(lib.add(Gio.File.new_for_path(`${root}/nowhere.torrent`)));
    expect(missing.message).toMatch(/“nowhere\.torrent” could not be read/);
    expect(listDir(dir)).toEqual([]);
  });

  it('loads every torrent in the folder; a bad file is reported and never stops the others', async () => {
    const good = [makeTorrent({ name: 'one' }), makeTorrent({ name: 'two' }), makeTorrent({ name: 'three' })];
    writeFile(`${dir}/1.torrent`, good[0]);
    writeFile(`${dir}/2.torrent`, good[1]);
    writeFile(`${dir}/4.torrent`, good[2]);
    writeFile(`${dir}/3-garbage.torrent`, 'this is not bencode');
    writeFile(`${dir}/5-truncated.torrent`, good[0].subarray(0, 100));
    writeFile(`${dir}/6-copy-of-one.torrent`, good[0]);
    writeFile(`${dir}/notes.txt`, 'ignored');
    writeFile(`${dir}/.interrupted.torrent.part`, 'half a cop');
    GLib.mkdir_with_parents(`${dir}/folder.torrent`, 0o755);

    const { entries, failures } = await lib.loadAll();
    expect(entries.map((e) => e.metainfo.name)).toEqual(['one', 'two', 'three']);
    expect(entries.map((e) => GLib.path_get_basename(e.path))).toEqual(['1.torrent', '2.torrent', '4.torrent']);
    expect(failures.map((f) => GLib.path_get_basename(f.path))).toEqual([
      '3-garbage.torrent',
      '5-truncated.torrent',
      '6-copy-of-one.torrent',
    ]);
    expect(failures[0].message).toMatch(/^“3-garbage\.torrent” could not be loaded: This is not a usable torrent file/);
    expect(failures[1].message).toMatch(/cut short/);
    expect(failures[2].message).toBe('“6-copy-of-one.torrent” is the same torrent as “1.torrent” and was skipped.');
    expect(lib.entries.length).toBe(3);
    // A copy left half-written by an interrupted add is cleared away; other files are left alone.
    expect(GLib.file_test(`${dir}/.interrupted.torrent.part`, GLib.FileTest.EXISTS)).toBeFalse();
    expect(GLib.file_test(`${dir}/notes.txt`, GLib.FileTest.EXISTS)).toBeTrue();
    // Loading again gives the same list (no duplicates from the first load).
    expect((await lib.loadAll()).entries.length).toBe(3);
  });

  it('creates a missing torrents folder when loading', async () => {
    const { entries, failures } = await lib.loadAll();
    expect(entries).toEqual([]);
    expect(failures).toEqual([]);
    expect(GLib.file_test(dir, GLib.FileTest.IS_DIR)).toBeTrue();
  });

  it('removes: deletes the copy, after which the torrent can be added again', async () => {
    const bytes = makeTorrent();
    const entry = await lib.add(source('r.torrent', bytes));
    await lib.remove(entry);
    expect(GLib.file_test(entry.path, GLib.FileTest.EXISTS)).toBeFalse();
    expect(lib.find(entry.metainfo.infoHashHex)).toBeUndefined();
    await expectAsync(lib.remove(entry)).toBeResolved(); // already gone is fine
    const back = await lib.add(source('r.torrent', bytes));
    expect(back.path).toBe(entry.path);
  });

  it('reports a folder it cannot create as a LibraryError', async () => {
    writeFile(`${root}/file`, 'x');
    const blocked = new TorrentLibrary(`${root}/file/torrents`);
    const e = await refusal(blocked.loadAll());
    expect(e.message).toContain('could not be created');
  });

  describe('hostile files', () => {
    it('loads a torrent whose file name is not UTF-8 beside the others (4 of 4)', async () => {
      for (const n of [1, 2, 3]) writeFile(`${dir}/${n}.torrent`, makeTorrent({ name: `good ${n}` }));
      writeBytesTo(badlyNamedFile(dir, 'bad', 'name.torrent'), makeTorrent({ name: 'odd name' }));
      const { entries, failures } = await lib.loadAll();
      expect(failures).toEqual([]);
      expect(entries.map((e) => e.metainfo.name).sort()).toEqual(['good 1', 'good 2', 'good 3', 'odd name']);
      // Its key maps back to exactly that file, so it can be removed.
      const odd = entries.find((e) => e.metainfo.name === 'odd name')!;
      expect(odd.path).toMatch(/^file:\/\/.*\/bad%FFname\.torrent$/);
      await lib.remove(odd);
      expect(badlyNamedFile(dir, 'bad', 'name.torrent').query_exists(null)).toBeFalse();
    });

    it('adds a torrent from a file whose name is not UTF-8, naming it with “�” for people', async () => {
      const folder = `${root}/downloads`;
      GLib.mkdir_with_parents(folder, 0o755);
      const odd = badlyNamedFile(folder, 'caf', '.torrent');
      writeBytesTo(odd, makeTorrent({ name: 'cafe' }));
      const entry = await lib.add(odd);
      expect(entry.path).toBe(`${dir}/caf\uFFFD.torrent`);
      const bad = badlyNamedFile(folder, 'junk', '.torrent');
      writeBytesTo(bad, new TextEncoder().encode('junk'));
      expect((await refusal(lib.add(bad))).message).toMatch(
        /^“junk\uFFFD\.torrent”: This is not a usable torrent file/,
      );
    });

    it('refuses /dev/zero, a named pipe and a file over 16 MiB without reading them, and copies nothing', async () => {
      const zero = await refusal(lib.add(Gio.File.new_for_path('/dev/zero')));
      expect(zero.message).toBe(
        '“zero” could not be read: it is a device or another special file, not a regular file, and only files are read',
      );
      GLib.mkdir_with_parents(`${root}/in`, 0o755);
      makeFifo(`${root}/in/pipe.torrent`);
      const pipe = await refusal(lib.add(Gio.File.new_for_path(`${root}/in/pipe.torrent`)));
      expect(pipe.message).toContain('it is a named pipe, not a regular file');
      makeSparseFile(`${root}/in/huge.torrent`, '17M');
      const huge = await refusal(lib.add(Gio.File.new_for_path(`${root}/in/huge.torrent`)));
      expect(huge.message).toBe(
        '“huge.torrent” could not be read: it is larger than 16 MiB, the limit for a .torrent file',
      );
      expect(listDir(dir)).toEqual([]);
    });

    it('loading refuses links to a 500 MB file and to /dev/zero, and a pipe, and loads the rest', async () => {
      GLib.mkdir_with_parents(dir, 0o755);
      makeSparseFile(`${root}/big.iso`, '500M');
      makeSymlink(`${root}/big.iso`, `${dir}/big.torrent`);
      makeSymlink('/dev/zero', `${dir}/zero.torrent`);
      makeFifo(`${dir}/pipe.torrent`);
      writeFile(`${root}/elsewhere.torrent`, makeTorrent({ name: 'linked' }));
      makeSymlink(`${root}/elsewhere.torrent`, `${dir}/linked.torrent`);
      writeFile(`${dir}/plain.torrent`, makeTorrent({ name: 'plain' }));
      const { entries, failures } = await lib.loadAll();
      expect(entries.map((e) => e.metainfo.name)).toEqual(['linked', 'plain']);
      expect(failures.map((f) => f.message)).toEqual([
        '“big.torrent” could not be loaded: it is larger than 16 MiB, the limit for a .torrent file',
        '“zero.torrent” could not be loaded: it is a device or another special file, not a regular file, and only files are read',
      ]);
      // The pipe is not a torrent file at all: never opened, never listed.
      expect(GLib.file_test(`${dir}/pipe.torrent`, GLib.FileTest.EXISTS)).toBeTrue();
    });
  });

  describe('permissions', () => {
    it('writes copies 0600 in a 0700 folder, whatever the source’s mode', async () => {
      const src = source('open.torrent', makeTorrent());
      src.set_attribute_uint32('unix::mode', 0o644, Gio.FileQueryInfoFlags.NONE, null);
      const entry = await lib.add(src);
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(entry.path)).toBe(0o600);
    });

    it('makes an existing 0755 folder and its 0644 copies private when loading', async () => {
      writeFile(`${dir}/old.torrent`, makeTorrent());
      Gio.File.new_for_path(dir).set_attribute_uint32('unix::mode', 0o755, Gio.FileQueryInfoFlags.NONE, null);
      Gio.File.new_for_path(`${dir}/old.torrent`).set_attribute_uint32(
        'unix::mode',
        0o644,
        Gio.FileQueryInfoFlags.NONE,
        null,
      );
      writeFile(`${root}/outside.torrent`, makeTorrent({ name: 'outside' }));
      Gio.File.new_for_path(`${root}/outside.torrent`).set_attribute_uint32(
        'unix::mode',
        0o644,
        Gio.FileQueryInfoFlags.NONE,
        null,
      );
      makeSymlink(`${root}/outside.torrent`, `${dir}/link.torrent`);
      expect((await lib.loadAll()).entries.length).toBe(2);
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(`${dir}/old.torrent`)).toBe(0o600);
      // A link's target is not the app's file: its mode is left alone.
      expect(modeOf(`${root}/outside.torrent`)).toBe(0o644);
    });
  });
});
