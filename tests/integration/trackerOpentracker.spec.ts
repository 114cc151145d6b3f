import Gio from 'gi://Gio';

import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, ManualClock, MemorySettings } from '../support/trackerSettings.ts';

/**
 * The announce state machine against Debian's real opentracker on 127.0.0.1, over HTTP and
 * UDP, read back from the tracker's side with its own scrape.
 */
describe('tracker protocol against opentracker (integration)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }

  let tracker: OpenTracker;
  let network: TrackerNetwork;
  let clock: ManualClock;
  const hashes = Array.from({ length: 8 }, () => fixtureInfoHashHex(makeTorrent()));
  let next = 0;
  const token = () => new Gio.Cancellable();

  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start(hashes);
  });
  afterAll(async () => tracker?.stop());

  beforeEach(() => {
    clock = new ManualClock();
    network = new TrackerNetwork(
      new MemorySettings({ agent: 'qbittorrent-5.2.3', 'connection.listening_port': 51420 }),
      {
        clock,
      },
    );
  });
  afterEach(() => network.dispose());

  function announcer(url: string, hex = hashes[next++]) {
    return {
      hex,
      a: new TorrentAnnouncer({
        metainfo: { infoHash: hexToBytes(hex), announceTiers: [[url]], isPrivate: false },
        network,
      }),
    };
  }

  for (const proto of ['HTTP', 'UDP'] as const) {
    const url = () => (proto === 'HTTP' ? tracker.announceUrl : tracker.udpAnnounceUrl);

    it(`${proto}: started lists us as a seeder; stopped takes us off`, async () => {
      const { hex, a } = announcer(url());
      expect(a.nextAnnounceAt()).toBe(0);
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
      const [info] = a.trackers;
      expect(info.state).withContext(info.message).toBe('working');
      expect(a.startedAcknowledged).toBeTrue();
      expect(info.seeders).toBe(1);
      expect(await tracker.scrape(hex)).toEqual({ complete: 1, incomplete: 0, downloaded: 0 });
      // our own scrape agrees (BEP 48 over HTTP, action 2 over UDP)
      const ours = await network.scrape(url(), [hexToBytes(hex)], null);
      expect([...ours.files.values()]).toEqual([{ seeders: 1, leechers: 0, downloaded: 0 }]);
      // opentracker's interval (~1800 s, randomised) is above qBittorrent's 300 s floor
      const delay = (a.nextAnnounceAt() - clock.us) / 1e6;
      expect(delay).toBeGreaterThan(300);
      expect(await a.stop({ uploaded: 4096, downloaded: 0, left: 0 }, token())).toBe(1);
      expect(a.startedAcknowledged).toBeFalse();
      expect(await tracker.scrape(hex)).toEqual({ complete: 0, incomplete: 0, downloaded: 0 });
    });

    it(`${proto}: a download that finishes sends completed exactly once`, async () => {
      const { hex, a } = announcer(url());
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 1_000_000 }, token());
      expect(await tracker.scrape(hex)).toEqual({ complete: 0, incomplete: 1, downloaded: 0 });
      // while a `completed` may be owed the worker is asked to call every tick…
      expect(a.nextAnnounceAt()).toBe(0);
      await a.announceDue({ uploaded: 0, downloaded: 500_000, left: 500_000 }, token()); // nothing due
      expect((await tracker.scrape(hex)).downloaded).toBe(0);
      await a.announceDue({ uploaded: 0, downloaded: 1_000_000, left: 0 }, token());
      expect(await tracker.scrape(hex)).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });
      // …and no more once it went out; the next regular announce carries no event
      expect(a.nextAnnounceAt()).toBeGreaterThan(clock.us);
      clock.advance(3600);
      await a.announceDue({ uploaded: 10, downloaded: 1_000_000, left: 0 }, token());
      expect(a.trackers[0].lastAnnounce).toBe(clock.wallSeconds());
      expect(await tracker.scrape(hex)).toEqual({ complete: 1, incomplete: 0, downloaded: 1 });
      await a.stop({ uploaded: 10, downloaded: 1_000_000, left: 0 }, token());
    });

    it(`${proto}: a torrent complete at start never sends completed`, async () => {
      const { hex, a } = announcer(url());
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
      clock.advance(3600);
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
      expect(await tracker.scrape(hex)).toEqual({ complete: 1, incomplete: 0, downloaded: 0 });
      await a.stop({ uploaded: 0, downloaded: 0, left: 0 }, token());
    });
  }

  it('HTTP: a hash the tracker does not carry is refused and not retried', async () => {
    const { a } = announcer(tracker.announceUrl, 'ab'.repeat(20));
    await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
    const [info] = a.trackers;
    expect(info.state).toBe('disabled');
    expect(info.message).toContain('not authorized');
    expect(info.nextAnnounce).toBeNull();
    expect(a.nextAnnounceAt()).toBe(Infinity);
    expect(a.startedAcknowledged).toBeFalse();
    expect(await a.stop({ uploaded: 0, downloaded: 0, left: 0 }, token())).toBe(0);
  });

  it("UDP: opentracker's 8-byte reply for such a hash is an invalid reply with a retry planned", async () => {
    const { a } = announcer(tracker.udpAnnounceUrl, 'cd'.repeat(20));
    await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
    const [info] = a.trackers;
    expect(info.state).toBe('error');
    expect(info.message).toContain('too short (8 bytes');
    // libtorrent's first backoff: 5 + 12.5·1² ≈ 17 s
    expect((a.nextAnnounceAt() - clock.us) / 1e6).toBe(17);
  });

  it('UDP: the connection id is reused by later announces within its lifetime', async () => {
    const first = announcer(tracker.udpAnnounceUrl);
    const second = announcer(tracker.udpAnnounceUrl);
    await first.a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
    await second.a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
    expect(network.udp.endpointFor(tracker.udpAnnounceUrl).connects).toBe(1);
    expect((await tracker.scrape(first.hex)).complete).toBe(1);
    expect((await tracker.scrape(second.hex)).complete).toBe(1);
    await Promise.all([
      first.a.stop({ uploaded: 0, downloaded: 0, left: 0 }, token()),
      second.a.stop({ uploaded: 0, downloaded: 0, left: 0 }, token()),
    ]);
    expect((await tracker.scrape(first.hex)).complete).toBe(0);
  });
});
