import Gio from 'gi://Gio';

import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { STALLED_SHARE } from '../../src/model/tracker/FairCap.ts';
import { waitFor } from '../support/async.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, MemorySettings } from '../support/trackerSettings.ts';

/**
 * The shared announce cap is fair between trackers: a tracker that never answers (a local
 * listener that reads each request and stays silent) cannot hold back the `started` of a
 * torrent whose tracker (Debian's opentracker) answers.
 */
const SEED = { uploaded: 0, downloaded: 0, left: 0 };

function randomHash(): Uint8Array {
  return Uint8Array.from({ length: 20 }, () => Math.floor(Math.random() * 256));
}

describe('announce cap fairness between trackers', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }
  const healthyHash = fixtureInfoHashHex(makeTorrent({ name: 'healthy.bin' }));
  let tracker: OpenTracker;
  let silent: CaptureServer;
  let network: TrackerNetwork | null = null;
  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start([healthyHash]);
  });
  afterAll(async () => tracker.stop());
  beforeEach(() => {
    silent = new CaptureServer();
    silent.respond = () => 'hang';
  });
  afterEach(() => {
    network?.dispose();
    network = null;
    silent.stop();
  });

  it('150 torrents on a silent tracker do not delay the `started` of a torrent on a tracker that answers', async () => {
    network = new TrackerNetwork(
      new MemorySettings({ concurrent_http_connections: 16, 'seeders.http_timeout_seconds': 120 }),
    );
    const silentUrl = `${silent.url}/announce`;
    const cancel = new Gio.Cancellable();
    let silentSettled = 0;
    const stuck = Array.from({ length: 150 }, () =>
      new TorrentAnnouncer({
        metainfo: { infoHash: randomHash(), announceTiers: [[silentUrl]], isPrivate: false },
        network: network!,
      })
        .announceDue(SEED, cancel)
        .finally(() => silentSettled++),
    );
    // The silent tracker holds every slot it may: the cap less a reserve of a quarter.
    await waitFor(() => silent.requests.length === 12, 'the silent tracker to hold its share');
    expect(network.trackerLoad(silentUrl)).toEqual({ held: 12, waiting: 138, stalled: false });

    const healthy = new TorrentAnnouncer({
      metainfo: { infoHash: hexToBytes(healthyHash), announceTiers: [[tracker.announceUrl]], isPrivate: false },
      network,
    });
    await healthy.announceDue(SEED, new Gio.Cancellable());
    expect(healthy.startedAcknowledged).toBeTrue();
    expect((await tracker.scrape(healthyHash)).complete).toBe(1);
    // …while every announce to the silent tracker is still pending.
    expect(silentSettled).toBe(0);
    expect(network.trackerLoad(silentUrl).waiting).toBe(138);

    await healthy.stop(SEED, new Gio.Cancellable());
    cancel.cancel();
    await Promise.all(stuck);
  });

  it('a tracker whose announces time out keeps at most a small share until it answers again', async () => {
    network = new TrackerNetwork(
      new MemorySettings({ concurrent_http_connections: 16, 'seeders.http_timeout_seconds': 1 }),
    );
    const silentUrl = `${silent.url}/announce`;
    const cancel = new Gio.Cancellable();
    const heldAfterStall: number[] = [];
    const pending = Array.from({ length: 16 }, () =>
      network!
        .announce(
          silentUrl,
          { infoHash: randomHash(), event: 'started', ...SEED, trackerId: null },
          {
            cancellable: cancel,
          },
        )
        .catch((e: unknown) => {
          const load = network!.trackerLoad(silentUrl);
          if (load.stalled) heldAfterStall.push(load.held);
          return e;
        }),
    );
    const errors = await Promise.all(pending);
    expect(errors.every((e) => e instanceof Error && /did not answer/.test(e.message))).toBeTrue();
    expect(network.trackerLoad(silentUrl).stalled).toBeTrue();
    // The first 12 went out together; the 4 after them at most STALLED_SHARE at a time.
    expect(silent.requests.length).toBe(16);
    expect(heldAfterStall.length).toBe(16);
    expect(Math.max(...heldAfterStall.slice(12))).toBeLessThanOrEqual(STALLED_SHARE);
    cancel.cancel();
  });
});
