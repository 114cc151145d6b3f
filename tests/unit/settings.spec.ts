import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import {
  normalizeTorrentState,
  SettingsError,
  SettingsStore,
  TORRENT_STATE_DEFAULTS,
  type TorrentState,
} from '../../src/model/settings/index.ts';
import { delay, waitFor } from '../support/async.ts';
import { chmod, fileTypeOf, makeFifo, modeOf } from '../support/hostileFiles.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';

function fileJson(dir: string): Record<string, unknown> {
  return JSON.parse(readText(`${dir}/settings.json`)) as Record<string, unknown>;
}

function listDir(dir: string): string[] {
  const out: string[] = [];
  const e = Gio.File.new_for_path(dir).enumerate_children('standard::name', Gio.FileQueryInfoFlags.NONE, null);
  for (let info = e.next_file(null); info !== null; info = e.next_file(null)) out.push(info.get_name());
  e.close(null);
  return out.sort();
}

function settingsError(fn: () => void): SettingsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw new Error(`expected a SettingsError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a SettingsError, but the call succeeded');
}

describe('SettingsStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('dfs-settings');
  });
  afterEach(() => removeTree(dir));

  describe('defaults and dot paths', () => {
    it('starts from data/default.json with the original key names when there is no file', () => {
      const s = SettingsStore.open(dir);
      expect(s.problems).toEqual([]);
      expect(s.get<number>('upload_speed')).toBe(50);
      expect(s.get<number>('download_speed')).toBe(500);
      expect(s.get<number>('announce_interval')).toBe(1800);
      expect(s.get<number>('threshold')).toBe(30);
      expect(s.get<number>('tickspeed')).toBe(9);
      expect(s.get<string>('agent')).toBe('qbittorrent-5.2.3');
      expect(s.get<number>('connection.listening_port')).toBe(6881);
      expect(s.get<string>('proxy.type')).toBe('none');
      expect(s.get<boolean>('close_to_tray')).toBeFalse();
      expect(s.get<number>('ui_settings.settings_save_debounce_ms')).toBe(1000);
      expect(s.get<boolean>('scheduler.days.sunday')).toBeTrue();
      expect(s.get<string>('speed_distribution.upload.algorithm')).toBe('off');
      expect(s.get<number>('shutdown.budget_ms')).toBe(2000);
      expect(s.get<boolean>('simulation.new_torrents_complete')).toBeTrue();
      expect(s.get<boolean>('run_in_background')).toBeFalse();
      expect(s.get('no.such.key')).toBeUndefined();
      expect(s.get('torrents')).toBeUndefined();
      expect(GLib.file_test(`${dir}/settings.json`, GLib.FileTest.EXISTS)).toBeFalse();
    });

    it('returns groups as copies that cannot change the store behind its back', () => {
      const s = SettingsStore.open(dir);
      const proxy = s.get<Record<string, unknown>>('proxy');
      proxy.port = 1;
      expect(s.get<number>('proxy.port')).toBe(8080);
    });
  });

  describe('set', () => {
    it('sets by dot path and emits changed with the path', () => {
      const s = SettingsStore.open(dir);
      const seen: string[] = [];
      s.connect('changed', (_s, path) => seen.push(path));
      s.set('connection.listening_port', 51413);
      s.set('proxy.type', 'socks5');
      s.set('close_to_tray', true);
      expect(s.get<number>('connection.listening_port')).toBe(51413);
      expect(s.get<string>('proxy.type')).toBe('socks5');
      expect(s.get<boolean>('close_to_tray')).toBeTrue();
      expect(seen).toEqual(['connection.listening_port', 'proxy.type', 'close_to_tray']);
      s.set('close_to_tray', true); // same value: no signal
      expect(seen.length).toBe(3);
    });

    it('sets a group from an object and signals each setting that moved', () => {
      const s = SettingsStore.open(dir);
      const seen: string[] = [];
      s.connect('changed', (_s, path) => seen.push(path));
      s.set('proxy', { type: 'http', server: 'proxy.lan', port: 8080 });
      expect(s.get<string>('proxy.server')).toBe('proxy.lan');
      expect(seen.sort()).toEqual(['proxy.server', 'proxy.type']);
    });

    const refusals: [string, string, unknown, RegExp][] = [
      ['a port out of range', 'connection.listening_port', 70000, /1 to 65535/],
      ['a port of 0', 'proxy.port', 0, /1 to 65535/],
      ['a fractional port', 'connection.listening_port', 80.5, /whole number/],
      ['text for a number', 'upload_speed', 'fast', /must be a number/],
      ['a negative speed', 'download_speed', -1, /from 0/],
      ['NaN', 'threshold', NaN, /number/],
      ['a percentage above 100', 'threshold', 101, /0 to 100/],
      ['a number for on/off', 'close_to_tray', 1, /on\/off/],
      ['an unknown proxy type', 'proxy.type', 'ftp', /none, http, socks4, socks5/],
      ['an unknown colour scheme', 'ui_settings.color_scheme', 'pink', /auto, light, dark/],
      ['an unknown setting', 'upload_sped', 5, /no setting called/],
      ['a value for a group', 'proxy', 'none', /group/],
      ['a bad value inside a group', 'proxy', { type: 'http', port: -5 }, /proxy\.port/],
      ['an unknown key inside a group', 'proxy', { typo: 1 }, /proxy\.typo/],
      ['torrent state through set', 'torrents./x.torrent', {}, /setTorrentState/],
      ['a distribution algorithm', 'speed_distribution.download.algorithm', 'zipf', /pareto/],
    ];
    for (const [what, path, value, message] of refusals) {
      it(`refuses ${what} with a SettingsError and changes nothing`, () => {
        const s = SettingsStore.open(dir);
        const before = JSON.stringify(s.get(path.split('.')[0]));
        let signals = 0;
        s.connect('changed', () => signals++);
        const e = settingsError(() => s.set(path, value));
        expect(e.message).toMatch(message);
        expect(e.path).toContain(path.split('.')[0]);
        expect(JSON.stringify(s.get(path.split('.')[0]))).toBe(before);
        expect(signals).toBe(0);
        expect(s.savePending).toBeFalse();
      });
    }

    it('keeps GObject.Object.set for properties working', () => {
      const s = SettingsStore.open(dir);
      expect(() => s.set({})).not.toThrow();
    });
  });

  describe('reset', () => {
    it('resets one setting, a group, or everything, and signals what moved', () => {
      const s = SettingsStore.open(dir);
      s.set('upload_speed', 70);
      s.set('proxy.port', 3128);
      s.set('tickspeed', 5);
      const seen: string[] = [];
      s.connect('changed', (_s, path) => seen.push(path));
      s.reset('upload_speed');
      expect(s.get<number>('upload_speed')).toBe(50);
      s.reset('proxy');
      expect(s.get<number>('proxy.port')).toBe(8080);
      s.reset();
      expect(s.get<number>('tickspeed')).toBe(9);
      expect(seen).toEqual(['upload_speed', 'proxy.port', 'tickspeed']);
    });
  });

  describe('saving', () => {
    it('writes settings and the torrents map together, atomically, and reads them back', async () => {
      const s = SettingsStore.open(dir);
      s.set('upload_speed', 77);
      const state: TorrentState = { ...normalizeTorrentState({}), total_uploaded: 123456789, name: 'x' };
      s.setTorrentState(`${dir}/torrents/x.torrent`, state);
      await s.saveNow();
      const json = fileJson(dir);
      expect(json.upload_speed).toBe(77);
      expect(
        (json.torrents as Record<string, { total_uploaded: number }>)[`${dir}/torrents/x.torrent`].total_uploaded,
      ).toBe(123456789);
      expect(listDir(dir)).toEqual(['settings.json']); // no temp file left behind
      // The file may hold a proxy password: only the user can read it.
      const info = Gio.File.new_for_path(`${dir}/settings.json`).query_info('unix::mode', 0, null);
      expect(info.get_attribute_uint32('unix::mode') & 0o777).toBe(0o600);
      // A later settings change does not drop the torrents (the original's fatal flaw).
      s.set('tickspeed', 3);
      await s.saveNow();
      const again = SettingsStore.open(dir);
      expect(again.get<number>('tickspeed')).toBe(3);
      expect(again.getTorrentState(`${dir}/torrents/x.torrent`)?.total_uploaded).toBe(123456789);
      expect(again.torrentStateKeys()).toEqual([`${dir}/torrents/x.torrent`]);
    });

    it('indents the settings for a person and writes the torrent state compact, on one line', () => {
      const s = SettingsStore.open(dir);
      expect(s.saveSync()).toBeTrue();
      // No setting changed yet: the torrents map alone is still a valid file.
      expect(readText(`${dir}/settings.json`)).toBe('{\n    "torrents": {}\n}\n');
      s.set('upload_speed', 77);
      s.set('ui_settings.settings_save_debounce_ms', 600000);
      s.setTorrentState('/t/a.torrent', { ...normalizeTorrentState({}), name: 'a "quoted" name' });
      s.setTorrentState('/t/b.torrent', normalizeTorrentState({ total_uploaded: 5 }));
      expect(s.saveSync()).toBeTrue();
      const text = readText(`${dir}/settings.json`);
      const lines = text.split('\n');
      expect(lines).toContain('    "upload_speed": 77,');
      expect(lines).toContain('        "settings_save_debounce_ms": 600000');
      const torrentLines = lines.filter((l) => l.includes('/t/a.torrent') || l.includes('/t/b.torrent'));
      expect(torrentLines.length).toBe(1);
      expect(torrentLines[0].startsWith('    "torrents": {"/t/a.torrent":{')).toBeTrue();
      expect(text.endsWith('}\n}\n')).toBeTrue();
      const again = SettingsStore.open(dir);
      expect(again.get<number>('upload_speed')).toBe(77);
      expect(again.getTorrentState('/t/a.torrent')?.name).toBe('a "quoted" name');
      expect(again.getTorrentState('/t/b.torrent')?.total_uploaded).toBe(5);
      expect(again.torrentStateKeys()).toEqual(['/t/a.torrent', '/t/b.torrent']);
    });

    it('prepareSave: the next write has every change made after it too', () => {
      const s = SettingsStore.open(dir);
      const a = normalizeTorrentState({ name: 'a', total_uploaded: 1 });
      s.setTorrentState('/t/a.torrent', a);
      s.setTorrentState('/t/b.torrent', normalizeTorrentState({ name: 'b' }));
      s.prepareSave();
      // The same state again moves nothing: the prepared JSON is what gets written.
      s.setTorrentState('/t/a.torrent', { ...a });
      expect(s.saveSync()).toBeTrue();
      expect(SettingsStore.open(dir).getTorrentState('/t/a.torrent')?.total_uploaded).toBe(1);

      for (const change of [
        () => s.set('upload_speed', 91),
        () => s.setTorrentState('/t/a.torrent', { ...a, total_uploaded: 2 }),
        () => s.setTorrentState('/t/a.torrent', { ...a, total_uploaded: 2, trackers: [['http://x/announce']] }),
        // Equal lists in new arrays move nothing; one URL inside them does.
        () => s.setTorrentState('/t/a.torrent', { ...a, total_uploaded: 2, trackers: [['http://x/announce']] }),
        () => s.setTorrentState('/t/a.torrent', { ...a, total_uploaded: 2, trackers: [['http://y/announce']] }),
        () => s.deleteTorrentState('/t/b.torrent'),
      ]) {
        s.prepareSave();
        change();
        expect(s.saveSync()).toBeTrue();
      }
      const again = SettingsStore.open(dir);
      expect(again.get<number>('upload_speed')).toBe(91);
      expect(again.getTorrentState('/t/a.torrent')?.total_uploaded).toBe(2);
      expect(again.getTorrentState('/t/a.torrent')?.trackers).toEqual([['http://y/announce']]);
      expect(again.torrentStateKeys()).toEqual(['/t/a.torrent']);
    });

    it('debounces: a burst of changes becomes one write after the quiet period', async () => {
      const s = SettingsStore.open(dir);
      s.set('ui_settings.settings_save_debounce_ms', 200);
      let saves = 0;
      s.connect('saved', () => saves++);
      for (let i = 1; i <= 20; i++) s.set('upload_speed', i);
      expect(s.savePending).toBeTrue();
      expect(GLib.file_test(`${dir}/settings.json`, GLib.FileTest.EXISTS)).toBeFalse();
      await waitFor(() => saves > 0, 'the debounced save', 5000);
      await delay(300);
      expect(saves).toBe(1);
      expect(fileJson(dir).upload_speed).toBe(20);
      expect(s.savePending).toBeFalse();
    });

    it('serialises writes: requests during a write run after it, and join each other', async () => {
      const s = SettingsStore.open(dir);
      let saves = 0;
      s.connect('saved', () => saves++);
      s.set('upload_speed', 1);
      const first = s.saveNow();
      await delay(0); // the first write is under way (or done)
      s.set('upload_speed', 2);
      const second = s.saveNow();
      s.set('upload_speed', 3);
      const third = s.saveNow();
      expect(third).toBe(second);
      expect(second).not.toBe(first);
      await Promise.all([first, second, third]);
      expect(saves).toBe(2);
      expect(fileJson(dir).upload_speed).toBe(3);
    });

    it('keeps keys it does not know, at the top and inside groups', async () => {
      writeFile(
        `${dir}/settings.json`,
        JSON.stringify({ mystery: { a: [1, 2] }, proxy: { port: 3128, extra: 'kept' }, webui: { port: 8080 } }),
      );
      const s = SettingsStore.open(dir);
      expect(s.get<number>('proxy.port')).toBe(3128);
      expect(s.get<string>('proxy.type')).toBe('none');
      s.set('proxy.type', 'http');
      await s.saveNow();
      const json = fileJson(dir);
      expect(json.mystery).toEqual({ a: [1, 2] });
      expect(json.proxy).toEqual({ port: 3128, extra: 'kept', type: 'http' });
      expect(json.webui).toEqual({ port: 8080 });
      expect(json.torrents).toEqual({});
    });

    it('saveSync writes the same file for the very last save', () => {
      const s = SettingsStore.open(dir);
      s.set('tickspeed', 4);
      s.setTorrentState('/t/a.torrent', normalizeTorrentState({ total_uploaded: 5 }));
      expect(s.saveSync()).toBeTrue();
      expect(fileJson(dir).tickspeed).toBe(4);
      expect(SettingsStore.open(dir).getTorrentState('/t/a.torrent')?.total_uploaded).toBe(5);
    });
  });

  describe('bad files', () => {
    const corrupt: [string, string, RegExp][] = [
      ['bad JSON', '{"upload_speed": 70, ', /not valid JSON/],
      ['a list at the root', '[1, 2, 3]', /settings object/],
      ['an empty file', '', /not valid JSON/],
      ['a bare string', '"hello"', /settings object/],
    ];
    for (const [what, content, reason] of corrupt) {
      it(`moves a settings.json with ${what} aside, says why, loads defaults and leaves torrents alone`, async () => {
        writeFile(`${dir}/settings.json`, content);
        writeFile(`${dir}/torrents/keep.torrent`, 'd4:infodee');
        const s = SettingsStore.open(dir);
        expect(s.get<number>('upload_speed')).toBe(50);
        expect(s.problems.length).toBe(1);
        expect(s.problems[0]).toMatch(reason);
        const aside = listDir(dir).filter((n) => n.startsWith('settings.json.corrupt-'));
        expect(aside.length).toBe(1);
        expect(aside[0]).toMatch(/^settings\.json\.corrupt-\d{8}-\d{6}$/);
        expect(s.problems[0]).toContain(aside[0]);
        expect(readText(`${dir}/${aside[0]}`)).toBe(content);
        expect(readText(`${dir}/torrents/keep.torrent`)).toBe('d4:infodee');
        await s.saveNow();
        expect(fileJson(dir).upload_speed).toBeUndefined();
      });
    }

    it('keeps a settings.json that is a named pipe: starts at once on defaults and never replaces it', async () => {
      makeFifo(`${dir}/settings.json`);
      // Opening the pipe would block until someone writes to it: the start would hang here.
      const s = SettingsStore.open(dir);
      expect(s.get<number>('upload_speed')).toBe(50);
      expect(s.problems.length).toBe(1);
      expect(s.problems[0]).toContain('it is a named pipe, not a regular file');
      expect(s.problems[0]).toContain('will not be overwritten');
      s.set('upload_speed', 70);
      await s.saveNow();
      expect(s.lastSaveError).toContain('kept as it is');
      expect(s.saveSync()).toBeFalse();
      expect(fileTypeOf(`${dir}/settings.json`)).toBe(Gio.FileType.SPECIAL);
      expect(listDir(dir).filter((n) => n !== 'settings.json')).toEqual([]);
    });

    it('keeps a settings.json that is a folder, and moves nothing aside', () => {
      GLib.mkdir_with_parents(`${dir}/settings.json/inside`, 0o700);
      const s = SettingsStore.open(dir);
      expect(s.problems[0]).toMatch(/could not be read \(it is a folder, not a file\)\. It is kept as it is/);
      expect(s.saveSync()).toBeFalse();
      expect(GLib.file_test(`${dir}/settings.json/inside`, GLib.FileTest.IS_DIR)).toBeTrue();
      expect(listDir(dir)).toEqual(['settings.json']);
    });

    it('makes the corrupt copy readable by the user only, whatever the old file’s mode', () => {
      writeFile(`${dir}/settings.json`, '{ "proxy": ');
      chmod(`${dir}/settings.json`, 0o644);
      SettingsStore.open(dir);
      const aside = listDir(dir).filter((n) => n.startsWith('settings.json.corrupt-'));
      expect(aside.length).toBe(1);
      expect(modeOf(`${dir}/${aside[0]}`)).toBe(0o600);
    });

    it('never overwrites an earlier corrupt copy', () => {
      writeFile(`${dir}/settings.json`, '{');
      SettingsStore.open(dir);
      writeFile(`${dir}/settings.json`, '[');
      SettingsStore.open(dir);
      expect(listDir(dir).filter((n) => n.startsWith('settings.json.corrupt-')).length).toBe(2);
    });

    it('replaces an unusable value with its default, tells the user, and keeps the rest', () => {
      writeFile(
        `${dir}/settings.json`,
        JSON.stringify({ upload_speed: 'lots', tickspeed: 4, connection: { listening_port: 99999 }, proxy: 7 }),
      );
      const s = SettingsStore.open(dir);
      expect(s.get<number>('upload_speed')).toBe(50);
      expect(s.get<number>('connection.listening_port')).toBe(6881);
      expect(s.get<string>('proxy.type')).toBe('none');
      expect(s.get<number>('tickspeed')).toBe(4);
      expect(s.problems.length).toBe(3);
      expect(s.problems.join('\n')).toMatch(/upload_speed/);
    });

    it('resets a torrents entry that is not a map, and drops entries that are not objects', () => {
      writeFile(`${dir}/settings.json`, JSON.stringify({ torrents: [1, 2] }));
      expect(SettingsStore.open(dir).problems.length).toBe(1);
      writeFile(
        `${dir}/settings.json`,
        JSON.stringify({ torrents: { '/a.torrent': 5, '/b.torrent': { progress: 1 } } }),
      );
      const s = SettingsStore.open(dir);
      expect(s.torrentStateKeys()).toEqual(['/b.torrent']);
    });
  });

  describe('permissions', () => {
    it('makes an existing config folder and the files in it private when it opens', () => {
      writeFile(`${dir}/settings.json`, JSON.stringify({ tickspeed: 5 }));
      writeFile(`${dir}/settings.json.corrupt-20250101-000000`, '{');
      chmod(dir, 0o755);
      chmod(`${dir}/settings.json`, 0o644);
      chmod(`${dir}/settings.json.corrupt-20250101-000000`, 0o664);
      expect(SettingsStore.open(dir).get<number>('tickspeed')).toBe(5);
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(`${dir}/settings.json`)).toBe(0o600);
      expect(modeOf(`${dir}/settings.json.corrupt-20250101-000000`)).toBe(0o600);
    });

    it('creates a missing config folder 0700 when it first saves', async () => {
      const fresh = `${dir}/new/dfakeseeder`;
      const s = SettingsStore.open(fresh);
      s.set('tickspeed', 6);
      await s.saveNow();
      expect(modeOf(fresh)).toBe(0o700);
      expect(modeOf(`${fresh}/settings.json`)).toBe(0o600);
    });
  });

  describe('torrent state', () => {
    it('stores, returns normalised copies, deletes, and keeps fields it does not know', () => {
      const s = SettingsStore.open(dir);
      s.setTorrentState('/t/a.torrent', { ...normalizeTorrentState({}), progress: 0.5, stop_reason: 'x' });
      const got = s.getTorrentState('/t/a.torrent')!;
      expect(got.progress).toBe(0.5);
      expect(got.stop_reason).toBe('x');
      expect(got.filepath).toBe('');
      got.progress = 0.9;
      expect(s.getTorrentState('/t/a.torrent')!.progress).toBe(0.5);
      expect(s.torrentStateKeys()).toEqual(['/t/a.torrent']);
      s.deleteTorrentState('/t/a.torrent');
      expect(s.getTorrentState('/t/a.torrent')).toBeUndefined();
      expect(s.torrentStateKeys()).toEqual([]);
    });

    it('normalizeTorrentState fills defaults, fixes wrong types and never throws', () => {
      for (const junk of [null, undefined, 5, 'x', [], [1], true]) {
        expect<object>(normalizeTorrentState(junk)).toEqual({ ...TORRENT_STATE_DEFAULTS });
      }
      const n = normalizeTorrentState({
        active: 0,
        progress: 1.7,
        total_uploaded: '2048',
        total_downloaded: -5,
        threshold: 'high',
        priority: 'High',
        label: 42,
        name: 'kept',
        announce_interval: 900,
        custom_field: { a: 1 },
      });
      expect(n.active).toBeFalse();
      expect(n.progress).toBe(1);
      expect(n.total_uploaded).toBe(2048);
      expect(n.total_downloaded).toBe(0);
      expect(n.threshold).toBe(30);
      expect(n.priority).toBe(2);
      expect(n.label).toBe('');
      expect(n.name).toBe('kept');
      expect(n.next_update).toBe(900);
      expect<unknown>(n.custom_field).toEqual({ a: 1 });
    });
  });

  describe('export and import', () => {
    it('exports every setting and imports them back, refusing a bad file whole', async () => {
      const s = SettingsStore.open(dir);
      s.set('upload_speed', 123);
      await s.exportTo(`${dir}/export.json`);
      const exported = JSON.parse(readText(`${dir}/export.json`)) as Record<string, unknown>;
      expect(exported.upload_speed).toBe(123);
      expect(exported.tickspeed).toBe(9);
      expect(exported.torrents).toBeUndefined();

      const other = SettingsStore.open(makeTempDir('dfs-settings-b'));
      const seen: string[] = [];
      other.connect('changed', (_s, p) => seen.push(p));
      await other.importFrom(`${dir}/export.json`);
      expect(other.get<number>('upload_speed')).toBe(123);
      expect(seen).toEqual(['upload_speed']);

      writeFile(`${dir}/bad.json`, JSON.stringify({ upload_speed: 1, tickspeed: -4 }));
      await expectAsync(other.importFrom(`${dir}/bad.json`)).toBeRejectedWithError(SettingsError, /tickspeed/);
      expect(other.get<number>('upload_speed')).toBe(123);
      writeFile(`${dir}/broken.json`, '{{');
      await expectAsync(other.importFrom(`${dir}/broken.json`)).toBeRejectedWithError(SettingsError);
      removeTree(other.configDir);
    });
  });
});
