import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { TorrentActions } from '../../src/controller/TorrentActions.ts';
import { variantFromJson } from '../../src/lib/variant.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { makeTempDir, removeTree } from '../support/tempdir.ts';
import { ModelDouble } from '../ui/support/ModelDouble.ts';

describe('variantFromJson: an action parameter from JSON', () => {
  it('builds arrays, tuples and variants of the given type', () => {
    const v = variantFromJson('(assv)', [['abc', 'def'], 'threshold', 40]);
    expect(v.get_type_string()).toBe('(assv)');
    expect(v.recursiveUnpack()).toEqual([['abc', 'def'], 'threshold', 40]);
    expect(variantFromJson('(asii)', [[], 0, -1]).recursiveUnpack()).toEqual([[], 0, -1]);
    expect(variantFromJson('(sdas)', ['upload', 0.5, []]).recursiveUnpack()).toEqual(['upload', 0.5, []]);
    expect(variantFromJson('v', true).get_variant().get_boolean()).toBeTrue();
  });

  it('says where a value of the wrong shape is, and what was expected', () => {
    expect(() => variantFromJson('as', 'abc')).toThrowError('the parameter must be a list.');
    expect(() => variantFromJson('(ass)', [['a'], 3])).toThrowError('the parameter[1] must be a text.');
    expect(() => variantFromJson('(ss)', ['a'])).toThrowError('the parameter must be a list of 2 values.');
    expect(() => variantFromJson('(asii)', [[], 1.5, 0])).toThrowError('the parameter[1] must be a whole number.');
    expect(() => variantFromJson('v', null)).toThrowError(/true, false, a number or a text/);
  });
});

describe('TorrentActions: invoke by name with JSON, errors in words', () => {
  let dir: string;
  let model: ModelDouble;
  let actions: TorrentActions;
  const notices: string[] = [];

  beforeEach(() => {
    dir = makeTempDir('dfs-actions-unit');
    model = new ModelDouble(SettingsStore.open(dir));
    actions = new TorrentActions({
      model,
      addUris: (uris) => model.addUris(uris),
      notice: (_kind, message) => notices.push(message),
      builtInTrackerUrl: () => null,
      settings: model.settings,
    });
  });

  afterEach(() => removeTree(dir));

  it('runs an action from its JSON form on the torrents named by info hash', async () => {
    const a = model.addFixture({ name: 'a.iso' });
    const b = model.addFixture({ name: 'b.iso' });
    await actions.invokeJson('set-priority', [[a.info_hash.toUpperCase(), b.info_hash], 'high']);
    expect([a.priority, b.priority]).toEqual([2, 2]);
    await actions.invoke('set-label', new GLib.Variant('(ass)', [[b.info_hash], 'linux']));
    expect([a.label, b.label]).toEqual(['', 'linux']);
    expect(await actions.run('pause-all', null)).toEqual({ ok: true });
    expect([a.active, b.active]).toEqual([false, false]);
  });

  it('refuses, changing nothing, with a reason a person understands', async () => {
    const a = model.addFixture({ name: 'a.iso' });
    expect(await actions.run('pause-everything', null)).toEqual({
      ok: false,
      error: 'There is no action “pause-everything”.',
    });
    const wrong = await actions.run('pause', a.info_hash);
    expect(wrong.ok).toBeFalse();
    expect((wrong as { error: string }).error).toContain('The action “pause” takes ["<info hash>", …]');
    expect(await actions.run('pause', ['f'.repeat(40)])).toEqual({
      ok: false,
      error: `No torrent has the info hash “${'f'.repeat(40)}”.`,
    });
    expect(await actions.run('resume', [])).toEqual({
      ok: false,
      error: 'No torrent was named: give at least one info hash.',
    });
    expect(await actions.run('scale-speed', ['upload', 3, []])).toEqual({
      ok: false,
      error: 'The speed can be doubled (2) or halved (0.5).',
    });
    expect(await actions.run('set-option', [[a.info_hash], 'colour', 1])).toEqual({
      ok: false,
      error: jasmine.stringContaining('There is no option “colour”'),
    });
    expect(await actions.run('add-built-in-tracker', [a.info_hash])).toEqual({
      ok: false,
      error: 'Turn the built-in tracker on first (Preferences → Tracker).',
    });
    expect(a.active).toBeTrue();
    expect(model.calls.map((c) => c.name)).toEqual([]);
  });
});
