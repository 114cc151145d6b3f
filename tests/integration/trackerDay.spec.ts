import GLib from 'gi://GLib';

import { RateBudget } from '../../src/model/simulation/RateBudget.ts';
import { TickScheduler } from '../../src/model/torrent/TickScheduler.ts';
import { Torrent } from '../../src/model/torrent/Torrent.ts';
import { type EngineContext, TorrentWorker } from '../../src/model/torrent/TorrentWorker.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { startTrackerService } from '../support/trackerServer.ts';
import { ManualClock, MemorySettings } from '../support/trackerSettings.ts';

const DAY = 86400;
const TICK = 5;
/** Not a multiple of 10: an announce never falls on the same second as a scrape rounded to 10 s. */
const INTERVAL = 1795;
/** A day of 17 280 ticks takes seconds, not milliseconds. */
const DAY_TIMEOUT_MS = 180_000;

function seed(): Torrent {
  const t = new Torrent();
  t.filepath = `/tmp/day-spec-${GLib.random_int()}.torrent`;
  t.name = 'day';
  t.total_size = 1048576;
  t.progress = 1;
  t.uploading = true;
  t.upload_speed = 10;
  t.active = true;
  return t;
}

function context(scheduler: TickScheduler): EngineContext {
  return {
    random: () => 0.5,
    budget: new RateBudget(),
    tickSeconds: () => TICK,
    environment: () => ({ variationMin: 0.2, variationMax: 0.8, uploadOnlyWithLeechers: false }),
    stopSettings: () => ({ stopAtRatio: 0, randomRatio: false, ratioMin: 0, ratioMax: 0, stopAfterSeedingHours: 0 }),
    ratioTarget: () => 0,
    accrues: () => true,
    distributedSpeed: () => null,
    changed: () => undefined,
    stopConditionMet: () => undefined,
    log: () => undefined,
    scheduler,
  };
}

/**
 * A seeding torrent run for a simulated day by the real engine (TorrentWorker, TorrentAnnouncer,
 * TrackerNetwork) on a clock the spec drives (TickScheduler and TrackerNetwork take it), against
 * a tracker on 127.0.0.1; announces and scrapes are counted at the tracker and compared with the
 * schedule of the identity's family (reference/protocol.md §A4, §A6).
 */
describe('a simulated day of announces and scrapes per identity family', () => {
  const hash = () => Uint8Array.from({ length: 20 }, () => GLib.random_int_range(0, 256));

  /** Runs one torrent announcing to `url` for a day; what the tracker counted is read by the caller. */
  async function runDay(agent: string, url: string, infoHash = hash()): Promise<TorrentAnnouncer> {
    const clock = new ManualClock();
    const scheduler = new TickScheduler(clock);
    const network = new TrackerNetwork(new MemorySettings({ agent, 'connection.listening_port': 51420 }), { clock });
    const announcer = new TorrentAnnouncer({
      metainfo: { infoHash, announceTiers: [[url]], isPrivate: false },
      network,
    });
    const worker = new TorrentWorker(seed(), announcer, context(scheduler));
    worker.start(0);
    try {
      for (let s = 0; s < DAY; s += TICK) {
        scheduler.runDue();
        // The announce or scrape this tick started goes over the network in real time.
        await worker.drained;
        clock.advance(TICK);
      }
    } finally {
      worker.cancel();
      await worker.drained;
      network.dispose();
    }
    return announcer;
  }

  describe('against the built-in tracker (interval 1795 s; announces carry complete, incomplete, downloaded)', () => {
    let service: TrackerService;
    let clock: ManualClock;
    beforeEach(() => {
      clock = new ManualClock();
      ({ service } = startTrackerService({ 'tracker_settings.announce_interval_seconds': INTERVAL }, clock));
    });
    afterEach(() => service.stop());
    const http = () => service.announceUrls().find((u) => u.startsWith('http:'))!;
    const udp = () => service.announceUrls().find((u) => u.startsWith('udp:'))!;

    // 0, 1795, … 48 × 1795 = 86 160 s: 49 announces in a day, for every family (1795 s is above
    // libtorrent's 300 s floor and Transmission uses the interval as given).
    for (const [agent, proto, scrapes, why] of [
      ['qbittorrent-5.2.3', 'HTTP', 0, 'libtorrent scrapes only queued torrents'],
      ['qbittorrent-5.2.3', 'UDP', 0, 'libtorrent scrapes only queued torrents'],
      ['transmission-4.1.3', 'HTTP', 0, 'each announce with three counts pushes the scrape 30 min on'],
      // A UDP announce has no downloaded count: a scrape after the first announce, then every
      // 30 min (5 s, 1810 s, 3610 s … 84 610 s): 48 = 86 400 / 1800.
      ['transmission-4.1.3', 'UDP', 48, 'UDP announces lack a downloaded count: a scrape every 30 min'],
    ] as const) {
      it(
        `${agent} over ${proto}: 49 announces and ${scrapes} scrapes (${why})`,
        async () => {
          const announcer = await runDay(agent, proto === 'HTTP' ? http() : udp());
          const figures = service.figures();
          expect(figures.announces).toBe(49);
          expect(figures.scrapes).toBe(scrapes);
          const info = announcer.trackers[0];
          expect(info.state).withContext(info.message).toBe('working');
          expect(info.seeders).toBe(1);
        },
        DAY_TIMEOUT_MS,
      );
    }
  });

  describe('against a tracker whose announces carry no counts (a local server)', () => {
    let server: CaptureServer;
    afterEach(() => server.stop());

    function start(minRequestInterval: number | null, infoHash: Uint8Array): void {
      server = new CaptureServer();
      const key = String.fromCharCode(...infoHash);
      const flags = minRequestInterval === null ? '' : `5:flagsd20:min_request_intervali${minRequestInterval}ee`;
      server.respond = (req) =>
        req.path.startsWith('/scrape')
          ? { body: `d5:filesd20:${key}d8:completei3e10:downloadedi7e10:incompletei2eee${flags}e` }
          : { body: `d8:intervali${INTERVAL}e5:peers0:e` };
    }
    const count = (prefix: string) => server.requests.filter((r) => r.path.startsWith(prefix)).length;

    it(
      'transmission-4.1.3: a scrape every 30 min (48 a day), and the counts come from it',
      async () => {
        const infoHash = hash();
        start(null, infoHash);
        const announcer = await runDay('transmission-4.1.3', `${server.url}/announce`, infoHash);
        expect(count('/announce')).toBe(49);
        expect(count('/scrape')).toBe(48);
        const info = announcer.trackers[0];
        expect([info.seeders, info.leechers, info.downloaded, info.countsFrom]).toEqual([3, 2, 7, 'scrape']);
      },
      DAY_TIMEOUT_MS,
    );

    it(
      'transmission-4.1.3: min_request_interval 3600 s makes it hourly (5 s, 3610 s … 82 810 s: 24)',
      async () => {
        const infoHash = hash();
        start(3600, infoHash);
        await runDay('transmission-4.1.3', `${server.url}/announce`, infoHash);
        expect(count('/announce')).toBe(49);
        expect(count('/scrape')).toBe(24);
      },
      DAY_TIMEOUT_MS,
    );

    it(
      'qbittorrent-5.2.3: never scrapes on its own, so the counts stay unknown',
      async () => {
        const infoHash = hash();
        start(null, infoHash);
        const announcer = await runDay('qbittorrent-5.2.3', `${server.url}/announce`, infoHash);
        expect(count('/announce')).toBe(49);
        expect(count('/scrape')).toBe(0);
        expect(announcer.trackers[0].seeders).toBeNull();
      },
      DAY_TIMEOUT_MS,
    );
  });
});
