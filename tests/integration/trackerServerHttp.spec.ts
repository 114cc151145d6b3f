import bencode from 'bencode';

import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { startTrackerService } from '../support/trackerServer.ts';
import type { MemorySettings } from '../support/trackerSettings.ts';
import { ManualClock } from '../support/trackerSettings.ts';
import {
  announceQuery,
  compactPeers,
  rawHttpGet,
  escapeBytes,
  peerIdFor,
  randomBytes,
  text,
  TrackerProbe,
} from '../support/trackerProbe.ts';

/** The built-in tracker's HTTP side (BEP 3, 23, 7, 48) on 127.0.0.1, read back over the wire. */
describe('built-in tracker over HTTP', () => {
  let service: TrackerService;
  let settings: MemorySettings;
  let probe: TrackerProbe;
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock();
    ({ service, settings } = startTrackerService({}, clock));
    probe = new TrackerProbe(service.http.port);
  });
  afterEach(() => {
    probe.dispose();
    service.stop();
  });

  const failureOf = async (query: string, path = '/announce') => {
    const { status, body } = await probe.get(`${path}?${query}`);
    expect(status).toBe(200);
    return text((bencode.decode(body) as Record<string, unknown>)['failure reason']);
  };

  it('hands each peer the others in compact form, with counts and intervals', async () => {
    const infoHash = randomBytes(20);
    const seeder = { infoHash, peerId: peerIdFor('-qB4520-'), port: 6001, event: 'started' as const };
    const first = await probe.announce(seeder);
    expect(first.interval).toBe(1800);
    expect(first['min interval']).toBe(900);
    expect(first.complete).toBe(1);
    expect(compactPeers(first.peers as Uint8Array)).toEqual([]);
    const leecher = { infoHash, peerId: peerIdFor('-TR3000-'), port: 6002, left: 1000, event: 'started' as const };
    const second = await probe.announce(leecher);
    expect(second.complete).toBe(1);
    expect(second.incomplete).toBe(1);
    expect(compactPeers(second.peers as Uint8Array)).toEqual(['127.0.0.1:6001']);
    expect(second.peers6).toBeUndefined();
    const again = await probe.announce({ ...seeder, event: '' });
    expect(compactPeers(again.peers as Uint8Array)).toEqual(['127.0.0.1:6002']);
  });

  it('gives dictionary peers with their peer id when compact=0, without it on no_peer_id=1', async () => {
    const infoHash = randomBytes(20);
    const a = peerIdFor('-DE203s-');
    await probe.announce({ infoHash, peerId: a, port: 7001 });
    const dict = await probe.announce({ infoHash, peerId: peerIdFor(), port: 7002, compact: 0 });
    const peers = dict.peers as Record<string, unknown>[];
    expect(peers.length).toBe(1);
    expect(text(peers[0].ip)).toBe('127.0.0.1');
    expect(peers[0].port).toBe(7001);
    expect(Array.from(peers[0]['peer id'] as Uint8Array)).toEqual(Array.from(a));
    const bare = await probe.announce({ infoHash, peerId: peerIdFor(), port: 7003, compact: 0, noPeerId: true });
    expect((bare.peers as Record<string, unknown>[]).every((p) => !('peer id' in p))).toBeTrue();
  });

  it('caps numwant at max_peers_per_announce and honours a smaller one', async () => {
    settings.change('tracker_settings.max_peers_per_announce', 5);
    const infoHash = randomBytes(20);
    for (let i = 0; i < 12; i++) await probe.announce({ infoHash, peerId: peerIdFor(), port: 8000 + i });
    const many = await probe.announce({ infoHash, peerId: peerIdFor(), port: 8100, numwant: 200 });
    expect((many.peers as Uint8Array).length).toBe(5 * 6);
    const few = await probe.announce({ infoHash, peerId: peerIdFor(), port: 8101, numwant: 2 });
    expect((few.peers as Uint8Array).length).toBe(2 * 6);
    const none = await probe.announce({ infoHash, peerId: peerIdFor(), port: 8102, numwant: 0 });
    expect((none.peers as Uint8Array).length).toBe(0);
  });

  it('removes a peer on stopped and counts completed once', async () => {
    const infoHash = randomBytes(20);
    const hex = escapeBytes(infoHash).replace(/%/g, '');
    const peer = { infoHash, peerId: peerIdFor(), port: 9001, left: 10 };
    await probe.announce({ ...peer, event: 'started' });
    expect(service.core.peers.swarm(hex)!.peers.length).toBe(1);
    await probe.announce({ ...peer, left: 0, event: 'completed' });
    await probe.announce({ ...peer, left: 0, event: 'completed' });
    const scraped = await probe.scrape([infoHash]);
    const files = scraped.files as Record<string, Record<string, number>>;
    expect(Object.values(files)[0]).toEqual({ complete: 1, downloaded: 1, incomplete: 0 });
    const stopped = await probe.announce({ ...peer, left: 0, event: 'stopped', numwant: 0 });
    expect(stopped.complete).toBe(0);
    expect(service.core.peers.swarm(hex)?.peers.length ?? 0).toBe(0);
  });

  it('scrapes one, several or all torrents with 20-byte binary keys', async () => {
    const hashes = [randomBytes(20), randomBytes(20), randomBytes(20)];
    // Bytes that text decoding would mangle must survive as keys.
    hashes[0].set([0x00, 0xff, 0x80, 0x25, 0x26, 0x3d]);
    for (const h of hashes.slice(0, 2)) await probe.announce({ infoHash: h, peerId: peerIdFor(), port: 9100 });
    const { body } = await probe.get(`/scrape?info_hash=${escapeBytes(hashes[0])}&info_hash=${escapeBytes(hashes[2])}`);
    // Read the keys as raw bytes: the reply must carry exactly the hashes asked for.
    const decoded = bencode.decode(body) as { files: Map<Uint8Array, unknown> | Record<string, unknown> };
    const raw = String.fromCharCode(...body);
    for (const h of [hashes[0], hashes[2]]) expect(raw).toContain('20:' + String.fromCharCode(...h));
    expect(Object.keys(decoded.files).length).toBe(2);
    const all = await probe.scrape([]);
    expect(Object.keys(all.files as object).length).toBe(2);
    const one = (await probe.scrape([hashes[1]])).files as Record<string, Record<string, number>>;
    expect(Object.values(one)).toEqual([{ complete: 1, downloaded: 0, incomplete: 0 }]);
  });

  it('refuses bad announces with a failure reason in words', async () => {
    const ok = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 1234 };
    const q = announceQuery(ok);
    expect(await failureOf(q.replace(/info_hash=[^&]*&/, ''))).toMatch(/info_hash/);
    expect(await failureOf(q.replace(/info_hash=[^&]*/, 'info_hash=%01%02'))).toMatch(/20 bytes/);
    expect(await failureOf(q.replace(/peer_id=[^&]*/, 'peer_id=short'))).toMatch(/peer_id/);
    expect(await failureOf(q.replace('port=1234', 'port=70000'))).toMatch(/port/);
    expect(await failureOf(q.replace('port=1234', 'port=x'))).toMatch(/port/);
    expect(await failureOf(q.replace('left=0', 'left=-5'))).toMatch(/left/);
    expect(await failureOf(`${q}&event=exploded`)).toMatch(/event/);
    expect(await failureOf(`${q}&numwant=lots`)).toMatch(/numwant/);
    const badEscape = await rawHttpGet(service.http.port, `/announce?${q}&x=%zz`);
    expect(badEscape.status === 400 || /escape/.test(String.fromCharCode(...badEscape.body))).toBeTrue();
    expect(await failureOf(`${q}&pad=${'a'.repeat(9000)}`)).toMatch(/too long/);
    expect(await failureOf(`info_hash=${escapeBytes(randomBytes(5))}`, '/scrape')).toMatch(/20 bytes/);
    const post = await probe.get(`/announce?${q}`, 'POST');
    expect(text((bencode.decode(post.body) as Record<string, unknown>)['failure reason'])).toMatch(/GET/);
    expect((await probe.get('/elsewhere')).status).toBe(404);
    expect(service.core.peers.totalPeers).toBe(0);
  });

  it('serves only the library’s torrents, or a whitelist, or in private mode', async () => {
    const mine = randomBytes(20);
    const other = randomBytes(20);
    const hex = (b: Uint8Array) => escapeBytes(b).replace(/%/g, '');
    service.setLibrary([[hex(mine), 'mine']]);
    settings.change('tracker_settings.torrent_filter', 'library');
    expect((await probe.announce({ infoHash: mine, peerId: peerIdFor(), port: 1 })).complete).toBe(1);
    expect(text((await probe.announce({ infoHash: other, peerId: peerIdFor(), port: 1 }))['failure reason'])).toMatch(
      /not registered/,
    );
    settings.change('tracker_settings.torrent_filter', 'whitelist');
    settings.change('tracker_settings.torrent_whitelist', [hex(other).toUpperCase()]);
    expect((await probe.announce({ infoHash: other, peerId: peerIdFor(), port: 2 })).complete).toBe(1);
    expect(text((await probe.announce({ infoHash: mine, peerId: peerIdFor(), port: 2 }))['failure reason'])).toMatch(
      /allowed/,
    );
    settings.change('tracker_settings.torrent_filter', 'any');
    settings.change('tracker_settings.private_mode', true);
    expect(text((await probe.scrape([]))['failure reason'])).toMatch(/private/);
    expect(
      text((await probe.announce({ infoHash: randomBytes(20), peerId: peerIdFor(), port: 3 }))['failure reason']),
    ).toMatch(/not registered/);
  });

  it('answers peers6 for IPv6 peers when listening on ::1', async () => {
    settings.change('tracker_settings.bind_address', '::1');
    expect(service.http.address).toBe('::1');
    const v6 = new TrackerProbe(service.http.port, service.udp.port, '[::1]');
    try {
      const infoHash = randomBytes(20);
      await v6.announce({ infoHash, peerId: peerIdFor(), port: 5555 });
      const reply = await v6.announce({ infoHash, peerId: peerIdFor(), port: 5556 });
      const peers6 = reply.peers6 as Uint8Array;
      expect(peers6.length).toBe(18);
      expect(Array.from(peers6.subarray(0, 16))).toEqual([...new Array(15).fill(0), 1]);
      expect((peers6[16] << 8) | peers6[17]).toBe(5555);
      expect((reply.peers as Uint8Array).length).toBe(0);
    } finally {
      v6.dispose();
    }
  });

  it('drops a peer that stops announcing after interval × multiplier', async () => {
    settings.change('tracker_settings.announce_interval_seconds', 60);
    const infoHash = randomBytes(20);
    await probe.announce({ infoHash, peerId: peerIdFor(), port: 1 });
    clock.advance(150);
    await probe.announce({ infoHash, peerId: peerIdFor(), port: 2 });
    expect(service.core.expire()).toBe(0);
    clock.advance(40); // the first is now 190 s old (> 60 × 3), the second 40 s
    expect(service.core.expire()).toBe(1);
    expect((await probe.scrape([infoHash])).files).toBeDefined();
    expect(service.core.peers.totalPeers).toBe(1);
  });

  it('listens on nothing while it is turned off', async () => {
    const port = service.http.port;
    settings.change('tracker_settings.enabled', false);
    expect(service.running).toBeFalse();
    await expectAsync(new TrackerProbe(port).get('/announce')).toBeRejected();
  });
});
