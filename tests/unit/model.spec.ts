import GLib from 'gi://GLib';
import '../../src/lib/promisify.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { type LibraryEntry, Model } from '../../src/model/Model.ts';
import { SETTINGS } from '../../src/model/settings/schema.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { seededRandom } from '../../src/model/simulation/random.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { Announcer } from '../../src/model/torrent/TorrentWorker.ts';
import type { TrackerInfo } from '../../src/model/tracker/types.ts';
import { delay, waitFor } from '../support/async.ts';
import { makeTempDir, readText, removeTree } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

/** Every store a spec opened, in its own temp folder (the real SettingsStore with its defaults). */
const openStores: { store: SettingsStore; dir: string }[] = [];

/** A real SettingsStore in a temp folder with these settings set (validated as the app would). */
function store(values: Record<string, unknown> = {}): SettingsStore {
  const dir = makeTempDir('dfs-model-spec');
  const s = SettingsStore.open(dir);
  for (const [path, value] of Object.entries(values)) s.set(path, value);
  s.saveSync(); // written now: no debounced save of these values comes later
  openStores.push({ store: s, dir });
  return s;
}

/** How many times the store reached the disk. */
function countSaves(s: SettingsStore): { saves: number } {
  const counter = { saves: 0 };
  s.connect('saved', () => counter.saves++);
  return counter;
}

afterEach(() => {
  for (const { store: s, dir } of openStores.splice(0)) {
    s.saveSync(); // ends a debounced save still waiting, so nothing writes after the folder is gone
    removeTree(dir);
  }
});

/** Torrents that are never started in these specs never reach their trackers. */
const idleAnnouncer = (): Announcer => ({
  startedAcknowledged: false,
  trackers: [],
  nextAnnounceAt: () => Infinity,
  earliestForcedAnnounce: () => Infinity,
  announceDue: async () => undefined,
  forceAnnounce: async () => undefined,
  stop: async () => 0,
});

/**
 * Its trackers answer at the first announce (synchronously, as if the reply were instant): a
 * running torrent accrues only once a tracker has answered.
 */
const answeringAnnouncer = (tiers: string[][], changed: () => void): Announcer => {
  let answered = false;
  const announcer: Announcer & { trackers: TrackerInfo[] } = {
    ...idleAnnouncer(),
    trackers: [],
    nextAnnounceAt: () => (answered ? Infinity : 0),
    announceDue: async () => {
      answered = true;
      announcer.trackers = tiers.flat().map((url, tier) => ({
        url,
        tier,
        state: 'working',
        status: 'Working',
        lastAnnounce: Math.floor(Date.now() / 1000),
        nextAnnounce: null,
        seeders: 1,
        leechers: 1,
        downloaded: null,
        countsAt: Math.floor(Date.now() / 1000),
        countsFrom: 'announce',
        canScrape: true,
        lastScrape: null,
        nextScrape: null,
        scrapeMessage: '',
        message: '',
        peers: [],
        failures: 0,
      }));
      changed();
    },
  };
  return announcer;
};

function entry(
  name: string,
  announce: string | null = 'http://tracker.example:6969/announce',
  size = 1048576,
): LibraryEntry {
  const bytes =
    announce === null
      ? makeTorrent({ name, length: size, announce: '' })
      : makeTorrent({ name, length: size, announce });
  return { path: `/tmp/dfs-model-spec/${name}.torrent`, metainfo: parseMetainfo(bytes) };
}

function newModel(
  settings: SettingsStore = store(),
  removed: string[] = [],
  localTime = () => ({ weekday: 1, hour: 12, minute: 0 }),
) {
  return new Model({
    settings,
    localTime,
    createAnnouncer: (_metainfo, tiers, changed) => answeringAnnouncer(tiers, changed),
    deleteCopy: async (e) => {
      removed.push(e.path);
    },
    random: seededRandom(42),
  });
}

const names = (ts: Torrent[]) => ts.map((t) => t.name);
const byId = (m: Model) => names(m.all().sort((a, b) => a.id - b.id));

describe('Model', () => {
  it('adds torrents as complete, active seeds with the default speeds, ids 1..n', () => {
    const m = newModel(store({ upload_speed: 70, download_speed: 300, threshold: 25 }));
    const a = m.add(entry('alpha'));
    const b = m.add(entry('beta'));
    expect(m.torrents.get_n_items()).toBe(2);
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(a.progress).toBe(1);
    expect(a.active).toBeTrue();
    expect(a.status).toBe('seeding');
    expect(a.upload_speed).toBe(70);
    expect(a.download_speed).toBe(300);
    expect(a.threshold).toBe(25);
    expect(a.uploading).toBeTrue();
    expect(a.tracker_host).toBe('tracker.example');
    // adding the same path again gives the same torrent
    expect(m.add(entry('alpha'))).toBe(a);
    expect(m.size).toBe(2);
  });

  it('starts new torrents at 0 % when simulation.new_torrents_complete is off', () => {
    const m = newModel(store({ 'simulation.new_torrents_complete': false }));
    const t = m.add(entry('fresh'));
    expect(t.progress).toBe(0);
    expect(t.status).toBe('downloading');
    expect(t.uploading).toBeFalse();
  });

  it('loads a torrent with no tracker with status tracker-error and a message', () => {
    const m = newModel();
    const t = m.add(entry('lonely', null));
    expect(t.status).toBe('tracker-error');
    expect(t.tracker_message).toBe('No tracker: add one to announce');
  });

  it('counts torrents per state and per tracker host, and filters by state, host and text', async () => {
    const m = newModel(store({ 'simulation.new_torrents_complete': false }));
    const ubuntu = m.add(entry('ubuntu-24.04-desktop.iso', 'http://torrent.ubuntu.com/announce'));
    const debian = m.add(entry('debian-12.iso', 'udp://tracker.debian.org:6969/announce'));
    const arch = m.add(entry('archlinux.iso', 'http://tracker.debian.org/announce'));
    m.add(entry('broken', null));
    m.forceComplete([debian]);
    await m.pause([arch]);
    expect(m.counts.byState()).toEqual({ all: 4, downloading: 1, seeding: 1, active: 0, paused: 1, error: 1 });
    expect(m.counts.byHost()).toEqual([
      { host: 'torrent.ubuntu.com', count: 1 },
      { host: 'tracker.debian.org', count: 2 },
    ]);
    const filter = (state: Parameters<Model['matcher']>[0], host: string, text: string) =>
      names(m.all().filter(m.matcher(state, host, text)));
    expect(filter('all', 'tracker.debian.org', '')).toEqual(['debian-12.iso', 'archlinux.iso']);
    expect(filter('all', '', 'UBUNTU desktop')).toEqual(['ubuntu-24.04-desktop.iso']);
    expect(filter('all', '', debian.info_hash.slice(0, 8))).toEqual(['debian-12.iso']);
    expect(filter('seeding', 'tracker.debian.org', '')).toEqual(['debian-12.iso']);
    expect(filter('paused', '', '')).toEqual(['archlinux.iso']);
    expect(filter('error', '', '')).toEqual(['broken']);
    expect(filter('downloading', '', 'iso')).toEqual(['ubuntu-24.04-desktop.iso']);
    // As a tick does: the rate goes into the torrent's values, and the session tells the counts.
    ubuntu.upload_rate = 100;
    expect(m.counts.byState().active).toBe(0);
    m.counts.refresh(ubuntu, ubuntu.values);
    expect(m.counts.byState().active).toBe(1);
  });

  it('keeps queue ids 1..n without gaps when moving and removing', async () => {
    const removed: string[] = [];
    const m = newModel(store(), removed);
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((n) => m.add(entry(n)));
    m.moveInQueue([d], 'top');
    expect(byId(m)).toEqual(['d', 'a', 'b', 'c', 'e']);
    m.moveInQueue([a, b], 'bottom');
    expect(byId(m)).toEqual(['d', 'c', 'e', 'a', 'b']);
    m.moveInQueue([e], 'up');
    expect(byId(m)).toEqual(['d', 'e', 'c', 'a', 'b']);
    m.moveInQueue([d, c], 'down');
    expect(byId(m)).toEqual(['e', 'd', 'a', 'c', 'b']);
    m.moveInQueue([b], 'down'); // already last
    expect(byId(m)).toEqual(['e', 'd', 'a', 'c', 'b']);
    await m.remove([d]);
    expect(byId(m)).toEqual(['e', 'a', 'c', 'b']);
    expect(
      m
        .all()
        .map((t) => t.id)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    expect(removed).toEqual(['/tmp/dfs-model-spec/d.torrent']);
    expect(m.registry.byPath('/tmp/dfs-model-spec/d.torrent')).toBeUndefined();
    void [a, b, c, e];
  });

  it('doubles and halves speeds for a selection or for all', () => {
    const m = newModel(store({ upload_speed: 50, download_speed: 500 }));
    const a = m.add(entry('a'));
    const b = m.add(entry('b'));
    m.scaleSpeed('upload', 2, [a]);
    expect([a.upload_speed, b.upload_speed]).toEqual([100, 50]);
    m.scaleSpeed('download', 0.5, null);
    expect([a.download_speed, b.download_speed]).toEqual([250, 250]);
  });

  it('force complete and random progress move progress as the original; recheck confirms it', () => {
    const m = newModel(store({ 'simulation.new_torrents_complete': false }));
    const a = m.add(entry('a', undefined, 10 * 1048576));
    const b = m.add(entry('b'));
    m.setRandomProgress([a]);
    expect(a.progress).toBeGreaterThan(0);
    expect(a.progress).toBeLessThan(1);
    const before = a.progress;
    m.setRandomProgress([a]); // only at 0 %
    expect(a.progress).toBe(before);
    m.forceRecheck([a]); // an incomplete torrent keeps its progress
    expect(a.progress).toBe(before);
    expect(m.sessionOf(a)!.canForceComplete).toBeTrue();
    m.forceComplete([a]);
    expect(a.progress).toBe(1);
    expect(a.total_downloaded).toBe(10 * 1048576);
    expect(a.status).toBe('seeding');
    expect(b.progress).toBe(0);
    // on a finished torrent: recheck leaves it at exactly 100 %, the others do nothing and say so
    const session = m.sessionOf(a)!;
    expect([session.canForceComplete, session.canSetRandomProgress]).toEqual([false, false]);
    const downloaded = a.total_downloaded;
    m.forceComplete([a]);
    m.setRandomProgress([a]);
    m.forceRecheck([a]);
    expect([a.progress, a.total_downloaded]).toEqual([1, downloaded]);
    expect(session.log.map((l) => l.message)).toContain('Recheck: 100.0 % of the data verified');
  });

  it('validates per-torrent options and limits and changes nothing on bad input', () => {
    const m = newModel();
    const a = m.add(entry('a'));
    m.setOption([a], 'threshold', 60);
    m.setOption([a], 'stop_ratio', 1.5);
    m.setLimits([a], { upload: 20 });
    expect(a.threshold).toBe(60);
    expect(a.upload_limit).toBe(20);
    expect(m.options(a).stop_ratio).toBe(1.5);
    expect(() => m.setOption([a], 'threshold', 101)).toThrowError(/between 0 and 100/);
    expect(() => m.setLimits([a], { download: -1 })).toThrowError(/0 or more/);
    expect(() => m.rename(a, '   ')).toThrowError(/needs a name/);
    expect(a.threshold).toBe(60);
    expect(a.download_limit).toBe(0);
  });

  it('edits a torrent’s trackers in its state, rejecting bad URLs', async () => {
    const m = newModel();
    const t = m.add(entry('lonely', null));
    expect(() => m.addTracker(t, 'ftp://nope')).toThrowError(/http:\/\/, https:\/\/ or udp:\/\//);
    expect(t.status).toBe('tracker-error');
    await m.addTracker(t, 'udp://tracker.one:1337/announce');
    expect(t.status).toBe('seeding');
    expect(t.tracker_message).toBe('');
    await m.editTracker(t, 'udp://tracker.one:1337/announce', 'http://tracker.two/announce');
    expect(m.sessionOf(t)!.tiers).toEqual([['http://tracker.two/announce']]);
    expect(m.sessionOf(t)!.trackerHosts).toEqual(['tracker.two']);
    expect(m.counts.byHost()).toEqual([{ host: 'tracker.two', count: 1 }]);
    await m.removeTracker(t, 'http://tracker.two/announce');
    expect(t.status).toBe('tracker-error');
    expect(m.counts.byHost()).toEqual([]);
  });

  it('restores every torrent’s state after a save (round trip)', async () => {
    const settings = store({ 'simulation.new_torrents_complete': false });
    const disk = countSaves(settings);
    const m1 = newModel(settings);
    const [a, b] = [m1.add(entry('a')), m1.add(entry('b'))];
    a.total_uploaded = 123456;
    a.session_uploaded = 4567;
    a.progress = 0.42;
    m1.setLabel([a], 'linux');
    m1.setPriority([a], 2);
    m1.rename(b, 'my name');
    m1.moveInQueue([b], 'top');
    await m1.addTracker(a, 'udp://extra.tracker:1/announce');
    await m1.pause([b]);
    await m1.saveState();
    expect(disk.saves).toBe(1);

    const m2 = newModel(settings);
    const a2 = m2.add(entry('a'));
    const b2 = m2.add(entry('b'));
    expect(a2.total_uploaded).toBe(123456);
    // "This session" is the app's run: a new run starts from 0 (the lifetime figure goes on).
    expect(settings.getTorrentState(a2.filepath)!.session_uploaded).toBe(4567);
    expect(a2.session_uploaded).toBe(0);
    expect(a2.progress).toBeCloseTo(0.42, 9);
    expect(a2.label).toBe('linux');
    expect(a2.priority).toBe(2);
    expect(a2.id).toBe(2);
    expect(b2.id).toBe(1);
    expect(b2.name).toBe('my name');
    expect(b2.active).toBeFalse();
    expect(b2.status).toBe('paused');
    expect(m2.sessionOf(a2)!.tiers).toEqual([
      ['http://tracker.example:6969/announce'],
      ['udp://extra.tracker:1/announce'],
    ]);
  });

  it('coalesces data-changed to a few emissions for many changes', async () => {
    const m = newModel();
    let emitted = 0;
    m.connect('data-changed', () => emitted++);
    const ts = Array.from({ length: 50 }, (_v, i) => m.add(entry(`t${i}`)));
    for (const t of ts) m.setLabel([t], 'x');
    await waitFor(() => emitted > 0, 'data-changed', 3000);
    await delay(150);
    expect(emitted).toBe(1);
  });

  it('lists restored torrents in queue order, whatever order the folder gives their files in', async () => {
    const dir = makeTempDir('dfs-model-order');
    try {
      const store1 = SettingsStore.open(dir);
      const m1 = newModel(store1);
      const [a, b, c] = ['order-a', 'order-b', 'order-c'].map((n) => m1.add(entry(n)));
      m1.moveInQueue([c], 'top');
      void [a, b];
      await m1.saveState();
      const m2 = newModel(SettingsStore.open(dir));
      m2.addAll(['order-a', 'order-b', 'order-c'].map((n) => entry(n)));
      const list = m2.torrents;
      const shown = Array.from({ length: list.get_n_items() }, (_, i) => list.get_item(i) as Torrent);
      expect(shown.map((t) => [t.id, t.name])).toEqual([
        [1, 'order-c'],
        [2, 'order-a'],
        [3, 'order-b'],
      ]);
    } finally {
      removeTree(dir);
    }
  });

  it('persists through the real SettingsStore: settings.json holds every torrent, a new store restores it', async () => {
    const dir = makeTempDir('dfs-model-store');
    try {
      const store1 = SettingsStore.open(dir);
      const m1 = newModel(store1);
      const a = m1.add(entry('stored-a'));
      m1.add(entry('stored-b'));
      a.total_uploaded = 987654;
      m1.setOption([a], 'stop_seeding_minutes', 90);
      await m1.saveState();
      const onDisk = JSON.parse(readText(`${dir}/settings.json`)) as {
        torrents: Record<string, Record<string, unknown>>;
      };
      expect(Object.keys(onDisk.torrents).sort()).toEqual([
        '/tmp/dfs-model-spec/stored-a.torrent',
        '/tmp/dfs-model-spec/stored-b.torrent',
      ]);
      expect(onDisk.torrents['/tmp/dfs-model-spec/stored-a.torrent'].total_uploaded).toBe(987654);

      const m2 = newModel(SettingsStore.open(dir));
      const a2 = m2.add(entry('stored-a'));
      expect(a2.total_uploaded).toBe(987654);
      expect(m2.options(a2).stop_seeding_minutes).toBe(90);
      await m2.remove([a2]);
      await m2.saveState();
      const after = JSON.parse(readText(`${dir}/settings.json`)) as { torrents: Record<string, unknown> };
      expect(Object.keys(after.torrents)).toEqual(['/tmp/dfs-model-spec/stored-b.torrent']);
    } finally {
      removeTree(dir);
    }
  });

  describe('with running workers', () => {
    let model: Model | null = null;
    afterEach(() => {
      model?.stopTimers();
      for (const w of model?.workers() ?? []) w.cancel();
      model = null;
    });

    const tickAll = (m: Model) => {
      for (const w of m.workers()) w.tick();
    };

    it('caps the sum of all torrents at the global upload limit', async () => {
      const settings = store({ 'speed.upload_limit_kbps': 100, upload_speed: 50 });
      model = newModel(settings);
      const m = model;
      for (let i = 0; i < 10; i++) m.add(entry(`capped-${i}`));
      m.startAll();
      await delay(300);
      tickAll(m);
      tickAll(m);
      const sum = m.all().reduce((a, t) => a + t.upload_rate, 0);
      // 10 × 50 KB/s × 0.2..0.8 wants 100..400 KB/s; together they get the 100 KB/s cap
      expect(sum).toBeLessThanOrEqual(100 * 1024 + 10); // rounding to whole bytes/s only
      expect(sum).toBeGreaterThan(100 * 1024 * 0.85);
      settings.set('speed.upload_limit_kbps', 0);
      m.settingChanged('speed.upload_limit_kbps');
      tickAll(m);
      expect(m.all().reduce((a, t) => a + t.upload_rate, 0)).toBeGreaterThan(100 * 1024);
    });

    it('switches to the alternative limits inside the scheduled window, and back', () => {
      const settings = store({
        'scheduler.enabled': true,
        'scheduler.start_hour': 22,
        'scheduler.start_minute': 0,
        'scheduler.end_hour': 6,
        'scheduler.end_minute': 0,
        'speed.enable_alternative_speeds': false,
        'speed.upload_limit_kbps': 500,
        'speed.alt_upload_limit_kbps': 20,
      });
      let now = { weekday: 3, hour: 21, minute: 0 };
      model = newModel(settings, [], () => now);
      const messages: string[] = [];
      model.connect('message', (_m, text) => messages.push(text));
      model.globalTick(0);
      expect(settings.get(SETTINGS.speed.enable_alternative_speeds)).toBeFalse();
      expect(model.rates.limitsKBps().up).toBe(500);
      now = { weekday: 3, hour: 23, minute: 30 };
      model.globalTick(30e6); // checked once a minute
      expect(settings.get(SETTINGS.speed.enable_alternative_speeds)).toBeFalse();
      model.globalTick(61e6);
      expect(settings.get(SETTINGS.speed.enable_alternative_speeds)).toBeTrue();
      expect(model.rates.limitsKBps().up).toBe(20);
      now = { weekday: 4, hour: 6, minute: 0 };
      model.globalTick(122e6);
      expect(settings.get(SETTINGS.speed.enable_alternative_speeds)).toBeFalse();
      expect(messages).toEqual(['Scheduler: alternative speeds on', 'Scheduler: alternative speeds off']);
    });

    it('stops some torrents and skews the rest with a speed distribution, without writing settings', async () => {
      const settings = store({
        'speed_distribution.upload.algorithm': 'pareto',
        'speed_distribution.upload.stopped_min_percentage': 20,
        'speed_distribution.upload.stopped_max_percentage': 40,
        'speed.upload_limit_kbps': 1000,
      });
      const written: string[] = [];
      settings.connect('changed', (_s, path) => written.push(path));
      model = newModel(settings);
      const m = model;
      for (let i = 0; i < 20; i++) m.add(entry(`dist-${i}`));
      m.startAll();
      await delay(300);
      m.globalTick();
      tickAll(m);
      const rates = m.all().map((t) => t.upload_rate);
      const idle = rates.filter((r) => r === 0).length;
      expect(idle).toBeGreaterThanOrEqual(4);
      expect(idle).toBeLessThanOrEqual(8);
      expect(written).toEqual([]); // the shares live in memory; no setting is written
      for (const t of m.all()) expect(t.upload_speed).toBe(50); // configured speeds untouched
    });

    it('pauses a torrent that met its ratio target and says why', async () => {
      model = newModel(store({ 'simulation.stop_at_ratio': 1 }));
      const m = model;
      const done = m.add(entry('done'));
      const other = m.add(entry('other'));
      done.total_uploaded = done.total_size;
      const messages: string[] = [];
      m.connect('message', (_m, text) => messages.push(text));
      m.startAll();
      await delay(300);
      tickAll(m);
      await delay(50);
      expect(done.active).toBeFalse();
      expect(done.status).toBe('stopped');
      expect(done.stop_reason).toBe('Ratio target 1.00 reached');
      expect(messages).toEqual(['done: Ratio target 1.00 reached']);
      expect(m.sessionOf(done)!.worker.isRunning).toBeFalse();
      expect(other.active).toBeTrue();
      expect(m.counts.byState().paused).toBe(1);
      // resuming clears the reason; force start ignores the condition from then on
      m.forceStart([done]);
      tickAll(m);
      expect(done.active).toBeTrue();
      expect(done.stop_reason).toBe('');
      expect(m.sessionOf(done)!.worker.isRunning).toBeTrue();
    });
  });

  it('saves every torrent’s state periodically while running, not only at quit', async () => {
    const settings = store({ upload_speed: 0 }); // the figures stay as the spec sets them
    const disk = countSaves(settings);
    const m = new Model({
      settings,
      createAnnouncer: () => idleAnnouncer(),
      random: seededRandom(1),
      saveEverySeconds: 1,
    });
    const t = m.add(entry('periodic'));
    m.startAll();
    try {
      t.total_uploaded = 4242;
      await waitFor(() => disk.saves >= 1, 'a periodic save', 4000);
      expect(settings.getTorrentState(t.filepath)!.total_uploaded).toBe(4242);
      t.total_uploaded = 8484;
      await waitFor(() => disk.saves >= 2, 'the next periodic save', 4000);
      expect(settings.getTorrentState(t.filepath)!.total_uploaded).toBe(8484);
    } finally {
      m.stopTimers();
      for (const w of m.workers()) w.cancel();
    }
  });

  it('saves less often when a save takes long (at most half a percent of the time goes to saving)', async () => {
    const settings = store({ upload_speed: 0 });
    const disk = countSaves(settings);
    // A library so big that writing its state takes at least 30 ms.
    const save = settings.saveNow.bind(settings);
    let slow = true;
    settings.saveNow = async () => {
      if (slow)
        await new Promise<void>((resolve) =>
          GLib.timeout_add(GLib.PRIORITY_DEFAULT, 30, () => {
            resolve();
            return GLib.SOURCE_REMOVE;
          }),
        );
      return save();
    };
    const m = new Model({
      settings,
      createAnnouncer: () => idleAnnouncer(),
      random: seededRandom(1),
      saveEverySeconds: 1,
    });
    m.add(entry('big library'));
    m.startAll();
    try {
      expect(m.saveIntervalSeconds).toBe(1);
      await waitFor(() => disk.saves >= 1, 'a periodic save', 4000);
      // 30 ms / 0.5 % = 6 s at least before the next one.
      await waitFor(() => m.saveIntervalSeconds !== 1, 'the next save scheduled', 2000);
      expect(m.saveIntervalSeconds).toBeGreaterThanOrEqual(6);
    } finally {
      slow = false;
      m.stopTimers();
      for (const w of m.workers()) w.cancel();
    }
  });
});
