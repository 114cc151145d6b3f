import Gio from 'gi://Gio';

import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, ManualClock, MemorySettings } from '../support/trackerSettings.ts';

/** A seeding profile's announce floor against Debian's opentracker (interval ~30 min). */
describe('announce interval floor (seeding profiles) against opentracker (integration)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }
  const hashes = [0, 1].map(() => fixtureInfoHashHex(makeTorrent()));
  let tracker: OpenTracker;
  let network: TrackerNetwork;
  let clock: ManualClock;

  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start(hashes);
  });
  afterAll(async () => tracker?.stop());
  beforeEach(() => {
    clock = new ManualClock();
    network = new TrackerNetwork(new MemorySettings({ agent: 'qbittorrent-5.2.3' }), { clock });
  });
  afterEach(() => network.dispose());

  async function secondsToNextAnnounce(hex: string, floor: number): Promise<number> {
    const a = new TorrentAnnouncer({
      metainfo: { infoHash: hexToBytes(hex), announceTiers: [[tracker.announceUrl]], isPrivate: false },
      network,
    });
    a.intervalFloor = floor;
    const stats = { uploaded: 0, downloaded: 0, left: 0 };
    await a.announceDue(stats, new Gio.Cancellable());
    expect(a.trackers[0].state).withContext(a.trackers[0].message).toBe('working');
    const seconds = (a.nextAnnounceAt() - clock.us) / 1e6;
    await a.stop(stats, new Gio.Cancellable());
    return seconds;
  }

  it('regular announces wait for the floor when it is above the tracker’s interval, and not otherwise', async () => {
    const plain = await secondsToNextAnnounce(hashes[0], 0);
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(3 * 3600);
    expect(await secondsToNextAnnounce(hashes[1], 3 * 3600)).toBe(3 * 3600);
  });
});
