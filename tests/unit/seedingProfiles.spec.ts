import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { ModelReadout } from '../../src/controller/ModelReadout.ts';
import { TorrentActions } from '../../src/controller/TorrentActions.ts';
import { AppHealthSampler } from '../../src/model/health/AppHealthSampler.ts';
import { exportHistory } from '../../src/model/history/historyExport.ts';
import { HistoryStore } from '../../src/model/history/HistoryStore.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { type LibraryEntry, Model, type TorrentOptionValues } from '../../src/model/Model.ts';
import {
  BUILT_IN_PROFILES,
  PROFILE_FIELDS,
  PROFILE_NAMES,
  type ProfileChange,
} from '../../src/model/session/seedingProfiles.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { seededRandom } from '../../src/model/simulation/random.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { Announcer } from '../../src/model/torrent/TorrentWorker.ts';
import { makeTempDir, readText, removeTree } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

/** Never started here: no tracker is reached. */
const idleAnnouncer = (): Announcer => ({
  startedAcknowledged: false,
  trackers: [],
  nextAnnounceAt: () => Infinity,
  earliestForcedAnnounce: () => Infinity,
  announceDue: async () => undefined,
  forceAnnounce: async () => undefined,
  stop: async () => 0,
});

const CUSTOM = {
  upload_speed: 77,
  download_speed: 770,
  'seeding_profile.custom.upload_limit': 120,
  'seeding_profile.custom.download_limit': 900,
  'seeding_profile.custom.announce_floor': 2700,
  'seeding_profile.custom.stop_ratio': 3.5,
  'seeding_profile.custom.stop_seeding_minutes': 600,
};
const CUSTOM_VALUES = {
  upload_speed: 77,
  download_speed: 770,
  upload_limit: 120,
  download_limit: 900,
  announce_floor: 2700,
  stop_ratio: 3.5,
  stop_seeding_minutes: 600,
};

const entries = new Map<string, LibraryEntry>();
/** The same .torrent each time a name is asked for (a restart finds its saved state by path). */
function entry(name: string): LibraryEntry {
  let e = entries.get(name);
  if (!e) {
    const bytes = makeTorrent({ name, announce: 'http://tracker.example:6969/announce' });
    e = { path: `/tmp/dfs-profile-spec/${name}.torrent`, metainfo: parseMetainfo(bytes) };
    entries.set(name, e);
  }
  return e;
}

interface App {
  dir: string;
  settings: SettingsStore;
  model: Model;
  readout: ModelReadout;
  actions: TorrentActions;
  notices: string[];
}

/** The app's own parts on a real SettingsStore in `dir` (opened from disk: a restart is a new App). */
function app(dir: string, values: Record<string, unknown> = {}): App {
  const settings = SettingsStore.open(dir);
  for (const [path, value] of Object.entries(values)) settings.set(path, value);
  const model = new Model({ settings, createAnnouncer: idleAnnouncer, random: seededRandom(7) });
  const notices: string[] = [];
  const actions = new TorrentActions({
    model,
    addUris: async () => ({ added: [], failures: [] }),
    notice: (_kind, message) => notices.push(message),
    builtInTrackerUrl: () => null,
    settings,
  });
  // The readout's statistics: an in-memory history (these specs read none of it).
  const history = new HistoryStore();
  const statistics = {
    history,
    health: new AppHealthSampler(),
    ratioInputs: () => [],
    exportHistory: (path: string, fmt: 'csv' | 'json') => exportHistory(history, path, fmt),
  };
  return { dir, settings, model, readout: new ModelReadout(model, settings, statistics), actions, notices };
}

function profileOf(a: App, t: Torrent): Record<string, number> {
  const o = a.model.options(t);
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, o[f]]));
}

const applyProfile = (a: App, name: string, ts: Torrent[]) =>
  a.actions.invoke('apply-profile', new GLib.Variant('(sas)', [name, ts.map((t) => t.info_hash)]));

describe('seeding profiles (issue 16 item 5)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = makeTempDir('dfs-profiles');
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) removeTree(d);
  });

  for (const name of PROFILE_NAMES) {
    it(`${name}: its values reach a new torrent, announce floor included`, () => {
      const a = app(tempDir(), { 'seeding_profile.name': name, ...CUSTOM });
      const t = a.model.add(entry(`new-${name}`));
      const expected = name === 'custom' ? CUSTOM_VALUES : BUILT_IN_PROFILES[name];
      expect(profileOf(a, t)).toEqual(expected);
      expect(a.readout.profileValues(name)).toEqual(expected);
      expect(a.readout.seedingProfile(t)).toBe(name);
      // The floor is the announcer's, the engine's own schedule.
      expect(a.model.sessionOf(t)!.worker.announcer.intervalFloor).toBe(expected.announce_floor);
      // Torrents other than new ones are not touched by the choice.
      a.settings.saveSync();
    });
  }

  it('the default is Custom with the shipped speeds and nothing else: new torrents are as before', () => {
    const a = app(tempDir());
    const t = a.model.add(entry('plain'));
    expect(profileOf(a, t)).toEqual({
      upload_speed: 50,
      download_speed: 500,
      upload_limit: 0,
      download_limit: 0,
      announce_floor: 0,
      stop_ratio: 0,
      stop_seeding_minutes: 0,
    });
    a.settings.saveSync();
  });

  it('applying one to existing torrents changes exactly what the preview said, and nothing else', async () => {
    const a = app(tempDir());
    const [x, y, z, other] = ['x', 'y', 'z', 'other'].map((n) => a.model.add(entry(n)));
    // Different starting points: hand-edited, partly conservative already, a removed-limit one.
    a.model.setOption([x], 'upload_speed', 333);
    a.model.setOption([x], 'threshold', 12);
    a.model.setOption([y], 'stop_ratio', 1);
    a.model.setOption([y], 'announce_floor', 3600);
    a.model.setLimits([z], { upload: 40, download: 5 });
    const before = new Map<Torrent, TorrentOptionValues>([x, y, z, other].map((t) => [t, a.model.options(t)]));

    const preview: ProfileChange[] = a.readout.profilePreview('conservative', [x, y, z]);
    // Fields already at the profile's value are not in it (y's ratio and floor, z's upload limit).
    expect(preview.some((c) => c.infoHash === y.info_hash && c.field === 'stop_ratio')).toBeFalse();
    expect(preview.some((c) => c.infoHash === y.info_hash && c.field === 'announce_floor')).toBeFalse();
    expect(preview.some((c) => c.infoHash === z.info_hash && c.field === 'upload_limit')).toBeFalse();
    expect(preview).toContain({ infoHash: x.info_hash, name: 'x', field: 'upload_speed', from: 333, to: 20 });
    expect(preview.length).toBe(3 * 7 - 3);

    await applyProfile(a, 'conservative', [x, y, z]);
    for (const [t, old] of before) {
      const now = a.model.options(t);
      for (const key of Object.keys(old) as (keyof TorrentOptionValues)[]) {
        const change = preview.find((c) => c.infoHash === t.info_hash && c.field === key);
        expect(now[key])
          .withContext(`${t.name}.${key}`)
          .toBe(change ? change.to : old[key]);
      }
    }
    expect(a.readout.profilePreview('conservative', [x, y, z])).toEqual([]);
    expect([x, y, z].map((t) => a.readout.seedingProfile(t))).toEqual(['conservative', 'conservative', 'conservative']);
    expect(a.readout.seedingProfile(other)).toBe('custom');
    // Edited by hand afterwards: it no longer follows the profile (a threshold is not a profile field).
    a.model.setOption([y], 'threshold', 40);
    expect(a.readout.seedingProfile(y)).toBe('conservative');
    a.model.setOption([y], 'upload_speed', 21);
    expect(a.readout.seedingProfile(y)).toBe('');
    a.settings.saveSync();
  });

  it('refuses an unknown profile in words and changes nothing', async () => {
    const a = app(tempDir());
    const t = a.model.add(entry('refused'));
    const before = a.model.options(t);
    await expectAsync(applyProfile(a, 'reckless', [t])).toBeRejectedWithError(/no seeding profile “reckless”/);
    expect(a.model.options(t)).toEqual(before);
    a.settings.saveSync();
  });

  it('the choice in Preferences and each torrent’s profile survive a restart', async () => {
    const dir = tempDir();
    const first = app(dir, { 'seeding_profile.name': 'aggressive' });
    const kept = first.model.add(entry('kept'));
    expect(profileOf(first, kept)).toEqual(BUILT_IN_PROFILES.aggressive);
    await applyProfile(first, 'conservative', [kept]);
    await first.model.saveState();
    first.settings.saveSync();
    const saved = JSON.parse(readText(`${dir}/settings.json`));
    expect(saved.seeding_profile.name).toBe('aggressive');

    const second = app(dir);
    expect(second.settings.get<string>('seeding_profile.name')).toBe('aggressive');
    const again = second.model.add(entry('kept'));
    expect(profileOf(second, again)).toEqual(BUILT_IN_PROFILES.conservative);
    expect(second.readout.seedingProfile(again)).toBe('conservative');
    expect(second.model.sessionOf(again)!.worker.announcer.intervalFloor).toBe(3600);
    const fresh = second.model.add(entry('fresh-after-restart'));
    expect(profileOf(second, fresh)).toEqual(BUILT_IN_PROFILES.aggressive);
    second.settings.saveSync();
  });
});
