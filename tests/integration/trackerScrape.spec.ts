import Gio from 'gi://Gio';

import { ScrapeBatcher } from '../../src/model/tracker/ScrapeBatcher.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, ManualClock, MemorySettings } from '../support/trackerSettings.ts';

/**
 * Scrapes (BEP 48 over HTTP, BEP 15 action 2 over UDP) against Debian's real opentracker on
 * 127.0.0.1: several torrents in one request where the identity's client batches them, one per
 * request where it does not, and the freshest of announce and scrape shown per tracker.
 */
describe('tracker scrape against opentracker (integration)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }

  let tracker: OpenTracker;
  const networks: TrackerNetwork[] = [];
  const hashes = Array.from({ length: 16 }, () => fixtureInfoHashHex(makeTorrent()));
  let next = 0;
  const token = () => new Gio.Cancellable();
  const seeding = { uploaded: 0, downloaded: 0, left: 0 };

  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start(hashes);
  });
  afterAll(async () => tracker?.stop());
  afterEach(() => {
    for (const n of networks.splice(0)) n.dispose();
  });

  function network(agent: string, port = 51420): TrackerNetwork {
    const n = new TrackerNetwork(new MemorySettings({ agent, 'connection.listening_port': port }), {
      clock: new ManualClock(),
    });
    networks.push(n);
    return n;
  }

  function announcer(n: TrackerNetwork, url: string, hex = hashes[next++]) {
    const a = new TorrentAnnouncer({
      metainfo: { infoHash: hexToBytes(hex), announceTiers: [[url]], isPrivate: false },
      network: n,
    });
    return { hex, a };
  }

  for (const proto of ['HTTP', 'UDP'] as const) {
    const url = () => (proto === 'HTTP' ? tracker.announceUrl : tracker.udpAnnounceUrl);

    it(`${proto}: Transmission scrapes three torrents in one request, each with its own figures`, async () => {
      const ours = network('transmission-4.1.3');
      const torrents = [announcer(ours, url()), announcer(ours, url()), announcer(ours, url())];
      for (const { a } of torrents) await a.announceDue(seeding, token());
      // Another client joins the second torrent as a leecher after our announce.
      const other = announcer(network('qbittorrent-5.2.3', 51999), url(), torrents[1].hex);
      await other.a.announceDue({ uploaded: 0, downloaded: 0, left: 1000 }, token());
      expect(torrents[1].a.trackers[0].leechers).toBe(0);

      const batcher = ScrapeBatcher.for(ours);
      const runs = torrents.map(({ a }) => a.scrapeNow(token()));
      for (const r of runs) expect(r.at).toBeLessThan(Infinity);
      await Promise.all(runs.map((r) => r.done));
      expect(batcher.requestsSent).toBe(1);
      expect(batcher.largestBatch).toBe(3);

      const infos = torrents.map(({ a }) => a.trackers[0]);
      for (const info of infos) {
        expect(info.scrapeMessage).withContext(info.url).toBe('');
        expect(info.lastScrape).not.toBeNull();
        expect(info.seeders).toBe(1);
      }
      // The scrape is fresher than our announce: it shows the leecher that came since.
      expect(infos[1].leechers).toBe(1);
      expect(infos[1].countsFrom).toBe('scrape');
      expect(infos[0].leechers).toBe(0);
      await other.a.stop(seeding, token());
      for (const { a } of torrents) await a.stop(seeding, token());
    });

    it(`${proto}: qBittorrent (libtorrent) scrapes one torrent per request, and never on its own`, async () => {
      const ours = network('qbittorrent-5.2.3');
      const torrents = [announcer(ours, url()), announcer(ours, url()), announcer(ours, url())];
      for (const { a } of torrents) await a.announceDue(seeding, token());
      // libtorrent auto-scrapes only queued torrents: a running one has no scrape planned.
      for (const { a } of torrents) expect(a.nextScrapeAt()).toBe(Infinity);
      const batcher = ScrapeBatcher.for(ours);
      await Promise.all(torrents.map(({ a }) => a.scrapeNow(token()).done));
      expect(batcher.requestsSent).toBe(3);
      expect(batcher.largestBatch).toBe(1);
      for (const { a } of torrents) {
        expect(a.trackers[0].seeders).toBe(1);
        expect(a.trackers[0].lastScrape).not.toBeNull();
        expect(a.nextScrapeAt()).toBe(Infinity);
      }
      for (const { a } of torrents) await a.stop(seeding, token());
    });
  }

  it('UDP: Transmission plans its next scrape 30 min on, since a UDP announce carries no “downloaded”', async () => {
    const ours = network('transmission-4.1.3');
    const { a } = announcer(ours, tracker.udpAnnounceUrl);
    const clock = ours.clock as ManualClock;
    await a.announceDue(seeding, token());
    // Two counts only: a scrape soon, at the next whole 10 s.
    const soon = (a.nextScrapeAt() - clock.us) / 1e6;
    expect(soon).toBeGreaterThanOrEqual(0);
    expect(soon).toBeLessThan(10);
    clock.advance(soon);
    await a.scrapeDue(token());
    expect(a.trackers[0].lastScrape).not.toBeNull();
    const after = (a.nextScrapeAt() - clock.us) / 1e6;
    expect(after).toBeGreaterThanOrEqual(1800);
    expect(after).toBeLessThan(1810);
    await a.stop(seeding, token());
  });

  it('HTTP: Transmission plans no scrape while announces carry complete, incomplete and downloaded', async () => {
    const ours = network('transmission-4.1.3');
    const { a } = announcer(ours, tracker.announceUrl);
    const clock = ours.clock as ManualClock;
    await a.announceDue(seeding, token());
    const info = a.trackers[0];
    expect(info.countsFrom).toBe('announce');
    // Pushed back 30 min from now, beyond the next announce (opentracker's interval is ~1800 s).
    expect((a.nextScrapeAt() - clock.us) / 1e6).toBeGreaterThanOrEqual(1800);
    await a.stop(seeding, token());
  });

  it('a tracker whose path has no “announce” has no scrape URL and is never scraped', async () => {
    const ours = network('transmission-4.1.3');
    const { a } = announcer(ours, `http://127.0.0.1:${tracker.port}/a`);
    const batcher = ScrapeBatcher.for(ours);
    const run = a.scrapeNow(token());
    expect(run.at).toBe(Infinity);
    await run.done;
    expect(a.trackers[0].canScrape).toBeFalse();
    expect(a.nextScrapeAt()).toBe(Infinity);
    expect(batcher.requestsSent).toBe(0);
  });
});
