import bencode from 'bencode';

import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { startTrackerService } from '../support/trackerServer.ts';
import {
  compactPeers,
  escapeBytes,
  peerIdFor,
  randomBytes,
  TrackerProbe,
  udpAnnounceReply,
  udpErrorText,
  udpPacket,
  UdpProbe,
  view,
} from '../support/trackerProbe.ts';

/**
 * One request/reply corpus run against Debian's opentracker and against the built-in tracker,
 * the replies reduced to what the protocol says both must agree on (counts, keys, shapes, the
 * other peers handed out, error actions), then compared field by field. Where they may differ
 * (opentracker's randomised interval, it listing the requester itself) only the shape is kept.
 */
async function runCorpus(httpPort: number, udpPort: number, hash: Uint8Array, stranger: Uint8Array) {
  const http = new TrackerProbe(httpPort);
  const udp = new UdpProbe(udpPort);
  const out: Record<string, unknown> = {};
  try {
    const a = { infoHash: hash, peerId: peerIdFor('-qB4520-'), port: 6001, left: 0, event: 'started' as const };
    const b = { infoHash: hash, peerId: peerIdFor('-TR3000-'), port: 6002, left: 100, event: 'started' as const };
    const first = await http.announce(a);
    out.first = {
      failure: 'failure reason' in first,
      interval: Number.isInteger(first.interval) && (first.interval as number) > 0,
      minInterval: Number.isInteger(first['min interval']) && (first['min interval'] as number) > 0,
      complete: first.complete,
      incomplete: first.incomplete,
      compactShape: (first.peers as Uint8Array).length % 6,
    };
    const second = await http.announce(b);
    out.second = {
      complete: second.complete,
      incomplete: second.incomplete,
      getsSeeder: compactPeers(second.peers as Uint8Array).includes('127.0.0.1:6001'),
    };
    const scrape = async () => {
      const { body } = await http.get(`/scrape?info_hash=${escapeBytes(hash)}`);
      const files = (bencode.decode(body) as { files: Record<string, Record<string, number>> }).files;
      const keys = Object.keys(files);
      // The key must be the 20 raw bytes of the hash (the decoder above turns keys into text).
      const keyIsHash = String.fromCharCode(...body).startsWith(`d5:filesd20:${String.fromCharCode(...hash)}d`);
      return { keyIsHash: keyIsHash && keys.length === 1, ...files[keys[0]] };
    };
    out.scrapeTwo = await scrape();
    await http.announce({ ...b, left: 0, event: 'completed' });
    out.scrapeCompleted = await scrape();
    await http.announce({ ...b, left: 0, event: 'stopped', numwant: 0 });
    out.scrapeStopped = await scrape();
    out.strangerHttp = 'failure reason' in (await http.announce({ ...a, infoHash: stranger }));

    const connect = (await udp.exchange(udpPacket.connect(0x1234)))!;
    out.connect = { length: connect.length, action: view(connect).getUint32(0), tid: view(connect).getUint32(4) };
    const id = connect.slice(8, 16);
    const c = { infoHash: hash, peerId: peerIdFor('-LT2080-'), port: 6003, left: 50, event: 'started' as const };
    const reply = (await udp.exchange(udpPacket.announce(id, 0x99, c)))!;
    const r = udpAnnounceReply(reply);
    out.udpAnnounce = {
      action: r.action,
      tid: view(reply).getUint32(4),
      atLeast20: reply.length >= 20,
      intervalPositive: r.interval > 0,
      seeders: r.seeders,
      leechers: r.leechers,
      getsSeeder: r.peers.includes('127.0.0.1:6001'),
    };
    const s = (await udp.exchange(udpPacket.scrape(id, 0x77, [hash])))!;
    out.udpScrape = [0, 4, 8, 12, 16].map((o) => view(s).getUint32(o));
    const bad = (await udp.exchange(udpPacket.announce(randomBytes(8), 0x55, c)))!;
    out.udpBadId = { action: view(bad).getUint32(0), tid: view(bad).getUint32(4), hasText: !!udpErrorText(bad) };
    return out;
  } finally {
    http.dispose();
    udp.close();
  }
}

describe('built-in tracker against opentracker, the same corpus (integration)', () => {
  if (!OpenTracker.isAvailable()) {
    it('needs opentracker', () => pending('opentracker is not installed'));
    return;
  }
  let opentracker: OpenTracker;
  let service: TrackerService;
  const hashes = [randomBytes(20), randomBytes(20)];
  const stranger = randomBytes(20);
  const hex = (b: Uint8Array) => escapeBytes(b).replace(/%/g, '');

  beforeAll(async () => {
    opentracker = new OpenTracker();
    await opentracker.start([hex(hashes[0])]);
    // Debian's opentracker is whitelist-only, so ours runs with the same whitelist.
    ({ service } = startTrackerService({
      'tracker_settings.torrent_filter': 'whitelist',
      'tracker_settings.torrent_whitelist': [hex(hashes[1])],
    }));
  });
  afterAll(async () => {
    service?.stop();
    await opentracker?.stop();
  });

  it('gives the replies opentracker gives where the protocol says they must agree', async () => {
    const theirs = await runCorpus(opentracker.port, opentracker.port, hashes[0], stranger);
    const ours = await runCorpus(service.http.port, service.udp.port, hashes[1], stranger);
    for (const key of Object.keys(theirs)) expect(ours[key]).withContext(key).toEqual(theirs[key]);
    // And the corpus does check something: two peers, one completed, the seeder handed out.
    expect(ours.scrapeCompleted).toEqual({ keyIsHash: true, complete: 2, downloaded: 1, incomplete: 0 });
    expect((ours.udpAnnounce as { getsSeeder: boolean }).getsSeeder).toBeTrue();
    expect(ours.strangerHttp).toBeTrue();
  });
});
