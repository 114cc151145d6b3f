import Gio from 'gi://Gio';

import '../../src/lib/promisify.ts';
import { TorrentLibrary } from '../../src/model/library/index.ts';
import { Model } from '../../src/model/Model.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { delay, waitFor } from '../support/async.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';

/** Polls an async condition (e.g. a scrape) until it holds, or fails after `timeoutMs`. */
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

/**
 * The whole engine in-process against Debian's real opentracker: SettingsStore, TorrentLibrary,
 * TrackerNetwork + TorrentAnnouncer, the Model and its workers. Checked from the tracker's side.
 */
describe('engine against opentracker (integration)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }

  let tracker: OpenTracker;
  let dir: string;
  let model: Model;
  let settings: SettingsStore;
  let library: TorrentLibrary;

  beforeEach(async () => {
    dir = makeTempDir('dfs-engine');
    tracker = new OpenTracker();
    await tracker.start();
    settings = SettingsStore.open(dir);
    settings.set('tickspeed', 1);
    const network = new TrackerNetwork(settings);
    library = new TorrentLibrary(`${dir}/torrents`);
    model = new Model({
      settings,
      createAnnouncer: (metainfo, tiers, onChanged) => new TorrentAnnouncer({ metainfo, network, tiers, onChanged }),
      deleteCopy: (e) => library.remove(e),
    });
  });

  afterEach(async () => {
    model.stopTimers();
    const workers = model.workers();
    for (const w of workers) w.cancel();
    await Promise.all(workers.map((w) => w.drained));
    await tracker.stop();
    removeTree(dir);
  });

  async function addTorrent(name: string, length: number) {
    const bytes = makeTorrent({ name, length, announce: tracker.announceUrl });
    const hash = fixtureInfoHashHex(bytes);
    await tracker.allow([hash]);
    writeFile(`${dir}/in/${name}.torrent`, bytes);
    const entry = await library.add(Gio.File.new_for_path(`${dir}/in/${name}.torrent`));
    return { torrent: model.add(entry), hash, entry };
  }

  it('simulates a download to 100 % and sends completed exactly once', async () => {
    settings.set('simulation.new_torrents_complete', false);
    settings.set('download_speed', 4096);
    const { torrent, hash } = await addTorrent('leech', 2 * 1048576);
    expect(torrent.progress).toBe(0);
    model.startAll();
    await eventually(async () => (await tracker.scrape(hash)).incomplete === 1, 'started as a leecher', 10000);
    await waitFor(() => torrent.progress >= 1, 'the simulated download to finish', 15000);
    await eventually(async () => (await tracker.scrape(hash)).downloaded === 1, 'completed at the tracker', 10000);
    const s = await tracker.scrape(hash);
    expect(s.complete).toBe(1);
    expect(s.incomplete).toBe(0);
    expect(torrent.status).toBe('seeding');
  });

  it('while downloading, Next update counts down to the next regular announce (not 0)', async () => {
    settings.set('simulation.new_torrents_complete', false);
    settings.set('download_speed', 1);
    const { torrent, hash } = await addTorrent('slow', 64 * 1048576);
    model.startAll();
    await eventually(async () => (await tracker.scrape(hash)).incomplete === 1, 'started as a leecher', 10000);
    // The announcer asks to be called every tick while `completed` may be owed; the display
    // must still show the tracker's interval, which opentracker sets to minutes.
    await waitFor(() => torrent.next_update > 60, 'the next regular announce to be shown', 5000);
    expect(torrent.progress).toBeLessThan(1);
    expect(torrent.status).toBe('downloading');
  }, 30_000);

  it('a torrent none of whose trackers works is a tracker error, accrues nothing, and seeds once one answers', async () => {
    const late = new OpenTracker(); // not started yet: its port refuses
    const bytes = makeTorrent({
      name: 'dead',
      length: 1048576,
      announce: late.announceUrl,
      announceList: [[late.announceUrl], ['udp://tracker.invalid:6969/announce']],
    });
    const hash = fixtureInfoHashHex(bytes);
    writeFile(`${dir}/in/dead.torrent`, bytes);
    const torrent = model.add(await library.add(Gio.File.new_for_path(`${dir}/in/dead.torrent`)));
    model.startAll();
    try {
      await waitFor(() => torrent.status === 'tracker-error', 'the tracker error', 20000);
      expect(torrent.tracker_message).not.toBe('');
      expect(model.counts.byState().error).toBe(1);
      expect(model.counts.byState().seeding).toBe(0);
      const before = [torrent.total_uploaded, torrent.session_uploaded, torrent.ratio, torrent.seeding_time];
      // Not even the ticks before the first failure came back: no tracker has answered yet.
      expect([torrent.total_uploaded, torrent.total_downloaded]).toEqual([0, 0]);
      await delay(2500); // two ticks at tickspeed 1
      expect([torrent.total_uploaded, torrent.session_uploaded, torrent.ratio, torrent.seeding_time]).toEqual(before);
      expect(torrent.upload_rate).toBe(0);
      await late.start([hash]);
      model.forceAnnounce([torrent]);
      await waitFor(() => torrent.status === 'seeding', 'seeding once a tracker answers', 15000);
      await eventually(async () => (await late.scrape(hash)).complete === 1, 'seeding at the tracker', 10000);
      await waitFor(() => torrent.total_uploaded > before[0], 'upload to accrue again', 5000);
    } finally {
      await model.pause([torrent]);
      await late.stop();
    }
  }, 60_000);

  it('pause sends stopped, resume sends started, remove stops and deletes the copy and state', async () => {
    const { torrent, hash, entry } = await addTorrent('seed', 1048576);
    model.startAll();
    await eventually(async () => (await tracker.scrape(hash)).complete === 1, 'seeding at the tracker', 10000);
    await model.pause([torrent]);
    expect((await tracker.scrape(hash)).complete).toBe(0);
    expect(torrent.status).toBe('paused');
    model.resume([torrent]);
    await eventually(async () => (await tracker.scrape(hash)).complete === 1, 'seeding again', 10000);
    await model.saveState();
    expect(settings.getTorrentState(entry.path)).toBeDefined();
    await model.remove([torrent]);
    expect((await tracker.scrape(hash)).complete).toBe(0);
    expect(Gio.File.new_for_path(entry.path).query_exists(null)).toBeFalse();
    expect(settings.getTorrentState(entry.path)).toBeUndefined();
    expect(model.size).toBe(0);
  });
});
