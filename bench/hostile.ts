// Hostile trackers against the tracker layer (TrackerNetwork + TorrentAnnouncer), on 127.0.0.1:
//  1. Starvation: 150 torrents keep announcing to a tracker that never answers (HTTP and UDP),
//     then healthy torrents are added on Debian's opentracker; prints their time to `started`.
//  2. Flood: a UDP "tracker" (a python3 process) sends DATAGRAMS_PER_MIN stray datagrams a minute
//     from its port to the app's socket for FLOOD_S seconds while 20 torrents announce to it;
//     prints the process's RSS before, at the end of, and after the flood.
// Asserts nothing. Run through bench/hostile.sh.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import { gc, programArgs } from 'system';

import '../src/lib/promisify.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../src/model/tracker/index.ts';
import { CaptureServer } from '../tests/support/captureServer.ts';
import { OpenTracker } from '../tests/support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../tests/support/torrents.ts';
import { hexToBytes, MemorySettings } from '../tests/support/trackerSettings.ts';
import { UdpTrackerStub } from '../tests/support/udpTrackerStub.ts';
import { runMain } from './runMain.ts';

Gio._promisify(Gio.DataInputStream.prototype, 'read_line_async', 'read_line_finish');

const FLOOD_S = Number(programArgs[0] ?? 60);
const DATAGRAMS_PER_MIN = Number(programArgs[1] ?? 1_000_000);
const PARTS = (programArgs[2] ?? 'starvation,flood').split(',');
const DEAD = 150;
const HEALTHY = 20;
const SEED = { uploaded: 0, downloaded: 0, left: 0 };
// The app's own defaults (TrackerNetwork): 16 slots, HTTP 10 s, UDP 5 s.
const APP_DEFAULTS = {
  agent: 'qbittorrent-5.2.3',
  concurrent_http_connections: 16,
  'seeders.http_timeout_seconds': 10,
  'seeders.udp_timeout_seconds': 5,
};

const nowMs = () => GLib.get_monotonic_time() / 1000;
const delay = (ms: number) =>
  new Promise<void>((resolve) =>
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
      resolve();
      return GLib.SOURCE_REMOVE;
    }),
  );

function randomHash(): Uint8Array {
  return Uint8Array.from({ length: 20 }, () => GLib.random_int_range(0, 256));
}

function rssMiB(): number {
  const [, bytes] = GLib.file_get_contents('/proc/self/status');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(new TextDecoder().decode(bytes))?.[1] ?? 0);
  return kb / 1024;
}

/** `n` torrents that announce to `url` again as soon as each announce fails, until `stop` fires. */
function keepAnnouncing(network: TrackerNetwork, url: string, n: number, stop: Gio.Cancellable): Promise<void[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const req = { infoHash: randomHash(), event: 'started' as const, ...SEED, trackerId: null };
      while (!stop.is_cancelled()) {
        try {
          await network.announce(url, req, { cancellable: stop });
        } catch {
          // the point: it fails, and is sent again at once
        }
      }
    }),
  );
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${(at(0.5) / 1000).toFixed(2)} s, max ${(s[s.length - 1] / 1000).toFixed(2)} s (${s.length} torrents)`;
}

async function starvation(tracker: OpenTracker, hashes: string[], proto: 'http' | 'udp'): Promise<void> {
  const network = new TrackerNetwork(new MemorySettings(APP_DEFAULTS));
  const silentHttp = new CaptureServer();
  silentHttp.respond = () => 'hang';
  const silentUdp = new UdpTrackerStub(); // answers nothing
  const deadUrl = proto === 'http' ? `${silentHttp.url}/announce` : silentUdp.url;
  const stop = new Gio.Cancellable();
  const dead = keepAnnouncing(network, deadUrl, DEAD, stop);
  try {
    await delay(1000); // the dead tracker has every slot it may take
    const times: number[] = [];
    // Half the healthy torrents arrive while the dead tracker's first announces are pending,
    // half after they timed out and were sent again.
    for (const [i, h] of hashes.entries()) {
      if (i === hashes.length / 2) await delay(proto === 'http' ? 11_000 : 6_000);
      const a = new TorrentAnnouncer({
        metainfo: {
          infoHash: hexToBytes(h),
          announceTiers: [[proto === 'http' ? tracker.announceUrl : tracker.udpAnnounceUrl]],
          isPrivate: false,
        },
        network,
      });
      const t0 = nowMs();
      await a.announceDue(SEED, new Gio.Cancellable());
      if (a.startedAcknowledged) times.push(nowMs() - t0);
      else print(`  ${proto}: a healthy torrent failed: ${a.trackers[0].message}`);
      void a.stop(SEED, new Gio.Cancellable());
      await delay(200);
    }
    const load = network.trackerLoad(deadUrl);
    print(
      `${proto.toUpperCase().padEnd(4)} time to \`started\` beside ${DEAD} torrents on a dead tracker: ${stats(times)}` +
        ` [dead tracker now holds ${load.held} slots, ${load.waiting} waiting, stalled=${load.stalled}]`,
    );
  } finally {
    stop.cancel();
    await dead;
    network.dispose();
    silentHttp.stop();
    silentUdp.stop();
  }
}

const FLOODER = `
import socket, struct, sys, time
rate, seconds = float(sys.argv[1]) / 60, float(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
data, peer = s.recvfrom(4096)   # the app's first request: now we know where to flood
s.setblocking(False)
start, sent = time.time(), 0
while time.time() - start < seconds:
    due = int((time.time() - start) * rate)
    while sent < due:
        try:
            s.sendto(struct.pack('>II', 1, (sent * 2654435761) & 0xffffffff) + bytes(12), peer)
        except BlockingIOError:
            pass
        sent += 1
    try:
        while True:
            s.recvfrom(4096)
    except BlockingIOError:
        pass
    time.sleep(0.002)
print(sent, flush=True)
`;

async function flood(): Promise<void> {
  const proc = Gio.Subprocess.new(
    ['python3', '-c', FLOODER, String(DATAGRAMS_PER_MIN), String(FLOOD_S)],
    Gio.SubprocessFlags.STDOUT_PIPE,
  );
  const out = new Gio.DataInputStream({ base_stream: proc.get_stdout_pipe()! });
  const [portLine] = (await out.read_line_async(GLib.PRIORITY_DEFAULT, null)) as unknown as [Uint8Array];
  const url = `udp://127.0.0.1:${new TextDecoder().decode(portLine).trim()}/announce`;
  const network = new TrackerNetwork(new MemorySettings(APP_DEFAULTS));
  // Warm up the same code paths without the flood (an answering tracker would need a second
  // port): one announce round to a silent stub, then a collection, then the baseline.
  const warm = new UdpTrackerStub();
  const warmStop = new Gio.Cancellable();
  const warming = keepAnnouncing(network, warm.url, 20, warmStop);
  await delay(6000);
  warmStop.cancel();
  await warming;
  warm.stop();
  gc();
  await delay(500);
  const before = rssMiB();
  const stop = new Gio.Cancellable();
  const t0 = nowMs();
  const announcing = keepAnnouncing(network, url, 20, stop);
  let peak = before;
  const sampler = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 1000, () => {
    peak = Math.max(peak, rssMiB());
    return GLib.SOURCE_CONTINUE;
  });
  const [sentLine] = (await out.read_line_async(GLib.PRIORITY_DEFAULT, null)) as unknown as [Uint8Array];
  const floodS = (nowMs() - t0) / 1000;
  const atEnd = rssMiB();
  stop.cancel();
  await announcing;
  GLib.source_remove(sampler);
  const endpoint = network.udp.endpointFor(url);
  const ignored = endpoint.ignored;
  gc();
  await delay(2000);
  const after = rssMiB();
  print(
    `UDP flood: ${new TextDecoder().decode(sentLine).trim()} datagrams sent in ${floodS.toFixed(0)} s, ` +
      `${ignored} read and ignored by the app`,
  );
  print(
    `RSS before ${before.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB, at the end ${atEnd.toFixed(1)} MiB, ` +
      `after (GC) ${after.toFixed(1)} MiB: ${after - before >= 0 ? '+' : ''}${(after - before).toFixed(1)} MiB`,
  );
  network.dispose();
  await proc.wait_async(null);
}

async function run(): Promise<void> {
  const hashes = Array.from({ length: 2 * HEALTHY }, () => fixtureInfoHashHex(makeTorrent({ length: 16384 })));
  if (PARTS.includes('starvation')) {
    const tracker = new OpenTracker();
    await tracker.start(hashes);
    try {
      await starvation(tracker, hashes.slice(0, HEALTHY), 'http');
      await starvation(tracker, hashes.slice(HEALTHY), 'udp');
    } finally {
      await tracker.stop();
    }
  }
  if (PARTS.includes('flood')) await flood();
}

runMain(run);
