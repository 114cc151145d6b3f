// Announce throughput of the tracker layer alone (TrackerNetwork + TorrentAnnouncer) against
// Debian's opentracker on 127.0.0.1: for each torrent count, the time for every torrent's
// `started` (under the global cap) and then every `stopped` farewell (its own cap), over HTTP
// and over UDP. Prints a table; asserts nothing. Run through bench/tracker-announce.sh.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { programArgs } from 'system';

import '../src/lib/promisify.ts';
import { farewellCapFor, openFilesLimit, TorrentAnnouncer, TrackerNetwork } from '../src/model/tracker/index.ts';
import { OpenTracker } from '../tests/support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../tests/support/torrents.ts';
import { hexToBytes, MemorySettings } from '../tests/support/trackerSettings.ts';
import { runMain } from './runMain.ts';

const counts = (programArgs[0] ?? '100,1000').split(',').map(Number);
const cap = Number(programArgs[1] ?? 16);
const SEED = { uploaded: 0, downloaded: 0, left: 0 };

async function run(): Promise<void> {
  const hashes = Array.from({ length: Math.max(...counts) }, () => fixtureInfoHashHex(makeTorrent({ length: 16384 })));
  const tracker = new OpenTracker();
  await tracker.start(hashes);
  print(
    `cap ${cap} (concurrent_http_connections); farewell cap ${farewellCapFor(openFilesLimit())} (open files ${openFilesLimit()})`,
  );
  print('proto  torrents  started ms  acked  per s   stopped ms  acked');
  try {
    for (const proto of ['http', 'udp'] as const) {
      for (const n of counts) {
        const network = new TrackerNetwork(new MemorySettings({ concurrent_http_connections: cap }));
        const url = proto === 'http' ? tracker.announceUrl : tracker.udpAnnounceUrl;
        const announcers = hashes.slice(0, n).map(
          (h) =>
            new TorrentAnnouncer({
              metainfo: { infoHash: hexToBytes(h), announceTiers: [[url]], isPrivate: false },
              network,
            }),
        );
        const c = new Gio.Cancellable();
        let t0 = GLib.get_monotonic_time();
        await Promise.all(announcers.map((a) => a.announceDue(SEED, c)));
        const startedMs = (GLib.get_monotonic_time() - t0) / 1000;
        const acked = announcers.filter((a) => a.startedAcknowledged).length;
        t0 = GLib.get_monotonic_time();
        const stopped = await Promise.all(announcers.map((a) => a.stop(SEED, c)));
        const stoppedMs = (GLib.get_monotonic_time() - t0) / 1000;
        print(
          [
            proto.padEnd(5),
            String(n).padStart(8),
            startedMs.toFixed(0).padStart(11),
            String(acked).padStart(6),
            ((n / startedMs) * 1000).toFixed(0).padStart(7),
            stoppedMs.toFixed(0).padStart(12),
            String(stopped.reduce((s, x) => s + x, 0)).padStart(6),
          ].join('  '),
        );
        network.dispose();
      }
    }
  } finally {
    await tracker.stop();
  }
}

runMain(run);
