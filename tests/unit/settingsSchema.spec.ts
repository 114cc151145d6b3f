import defaultJson from '../../data/default.json';
import { deepClone, getPath, isPlainObject, type JsonObject, leafPaths } from '../../src/model/settings/json.ts';
import { allSettings, SETTINGS, settingAt } from '../../src/model/settings/schema.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';

/** Every way the table and a defaults file disagree, in words (empty when they agree). */
function disagreements(defaults: JsonObject): string[] {
  const problems: string[] = [];
  for (const s of allSettings()) {
    const v = getPath(defaults, s.path);
    if (v === undefined) problems.push(`${s.path}: missing from default.json`);
    else if (typeof v !== typeof s.default)
      problems.push(`${s.path}: ${typeof v} in default.json, table says ${typeof s.default}`);
    else if (JSON.stringify(v) !== JSON.stringify(s.default))
      problems.push(`${s.path}: default ${JSON.stringify(v)} in default.json, table says ${JSON.stringify(s.default)}`);
  }
  for (const path of leafPaths(defaults, '')) {
    if (path === 'torrents' || path.startsWith('torrents.')) continue;
    if (!settingAt(path)) problems.push(`${path}: in default.json but not in the settings table`);
  }
  return problems;
}

const shipped = (): JsonObject => deepClone(defaultJson as unknown as JsonObject);

describe('The settings table', () => {
  it('holds exactly the keys of data/default.json, with their types and defaults', () => {
    expect(disagreements(shipped())).toEqual([]);
    expect(allSettings().length).toBeGreaterThan(80);
  });

  it('fails when default.json lacks a key, has one of the wrong type, or one the table does not know', () => {
    const missing = shipped();
    delete (missing.speed as JsonObject).upload_limit_kbps;
    expect(disagreements(missing)).toEqual(['speed.upload_limit_kbps: missing from default.json']);
    const wrong = shipped();
    wrong.tickspeed = '9';
    expect(disagreements(wrong)).toEqual(['tickspeed: string in default.json, table says number']);
    const extra = shipped();
    (extra.proxy as JsonObject).timeout = 5;
    expect(disagreements(extra)).toEqual(['proxy.timeout: in default.json but not in the settings table']);
    expect(isPlainObject(extra.proxy)).toBeTrue();
  });

  it('is what the store reads and validates: typed values, bounds and choices from the table', () => {
    const dir = makeTempDir('dfs-schema');
    try {
      const store = SettingsStore.open(dir);
      const tick: number = store.get(SETTINGS.tickspeed);
      expect(tick).toBe(9);
      const type: 'none' | 'http' | 'socks4' | 'socks5' = store.get(SETTINGS.proxy.type);
      expect(type).toBe('none');
      expect(() => store.set(SETTINGS.tickspeed.path, 61)).toThrowError(/tickspeed.*from 1 to 60/);
      expect(() => store.set(SETTINGS.proxy.type.path, 'socks9')).toThrowError(/one of none, http, socks4, socks5/);
      store.set(SETTINGS.tickspeed.path, 3);
      expect(store.get(SETTINGS.tickspeed)).toBe(3);
      store.saveSync();
    } finally {
      removeTree(dir);
    }
  });
});
