import { compactPeer, ipv4Bytes, ipv6Bytes, normalizeAddress } from '../../src/model/trackerServer/addresses.ts';
import { bencode, binaryString } from '../../src/model/trackerServer/bencodeWriter.ts';
import { ConnectionIds } from '../../src/model/trackerServer/ConnectionIds.ts';
import { PeerTable } from '../../src/model/trackerServer/PeerTable.ts';
import { RateLimiter } from '../../src/model/trackerServer/RateLimiter.ts';
import { parseQuery } from '../../src/model/trackerServer/queryString.ts';
import { TrackerStats } from '../../src/model/trackerServer/TrackerStats.ts';
import { readUrlData } from '../../src/model/trackerServer/UdpTrackerServer.ts';

const text = (b: Uint8Array) => String.fromCharCode(...b);

describe('built-in tracker parts', () => {
  it('encodes bencode with dictionary keys sorted as raw bytes and text as UTF-8', () => {
    const key = binaryString(Uint8Array.from([0xff, 0x00, 0x41]));
    const d = new Map<string, never>([
      ['b', 1 as never],
      [key, 'é' as never],
      ['a', [Uint8Array.from([0, 1]), -3] as never],
    ]);
    expect(text(bencode(d))).toBe('d1:al2:\x00\x01i-3ee1:bi1e3:\xff\x00A2:\xc3\xa9e');
  });

  it('parses a raw query into bytes and refuses bad escapes and raw non-ASCII', () => {
    const q = parseQuery('info_hash=%00%FF%2541&x=a+b&x=2&flag')!;
    expect(Array.from(q.get('info_hash')![0])).toEqual([0, 255, 0x25, 0x34, 0x31]);
    expect(q.get('x')!.map(text)).toEqual(['a b', '2']);
    expect(q.get('flag')!.length).toBe(1);
    expect(parseQuery('a=%G1')).toBeNull();
    expect(parseQuery('a=%4')).toBeNull();
    expect(parseQuery('a=\u00e9')).toBeNull();
  });

  it('reads IPv4 and IPv6 addresses and nothing else', () => {
    expect(Array.from(ipv4Bytes('10.0.255.1')!)).toEqual([10, 0, 255, 1]);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', ' 1.2.3.4']) expect(ipv4Bytes(bad)).toBeNull();
    expect(Array.from(ipv6Bytes('::1')!)).toEqual([...new Array(15).fill(0), 1]);
    expect(Array.from(ipv6Bytes('2001:db8::ff00:42:8329')!.subarray(0, 4))).toEqual([0x20, 0x01, 0x0d, 0xb8]);
    expect(Array.from(ipv6Bytes('::ffff:1.2.3.4')!.subarray(10))).toEqual([255, 255, 1, 2, 3, 4]);
    for (const bad of [':::', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::1', '1:2:3:4:5:6:7'])
      expect(ipv6Bytes(bad)).withContext(bad).toBeNull();
    expect(normalizeAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
    expect(Array.from(compactPeer('127.0.0.1', 6881)!)).toEqual([127, 0, 0, 1, 0x1a, 0xe1]);
    expect(compactPeer('::1', 1)!.length).toBe(18);
    expect(compactPeer('example.org', 1)).toBeNull();
  });

  it('mints connection ids that only work for their address and port, for one to two minutes', () => {
    let now = 1000;
    const ids = new ConnectionIds(() => now);
    const other = new ConnectionIds(() => now);
    const addr = Uint8Array.from([127, 0, 0, 1]);
    const id = ids.mint(addr, 5000);
    expect(id.length).toBe(8);
    expect(ids.check(id, addr, 5000)).toBeTrue();
    expect(ids.check(id, addr, 5001)).toBeFalse();
    expect(ids.check(id, Uint8Array.from([127, 0, 0, 2]), 5000)).toBeFalse();
    expect(other.check(id, addr, 5000))
      .withContext('another run’s secret')
      .toBeFalse();
    now += 59;
    expect(ids.check(id, addr, 5000)).toBeTrue();
    now += 61;
    expect(ids.check(id, addr, 5000)).toBeFalse();
  });

  it('keeps swarms with caps, counts completed once and expires silent peers', () => {
    const table = new PeerTable();
    const limits = { maxPeersPerTorrent: 2, maxTorrents: 2, maxTotalPeers: 3 };
    const hash = new Uint8Array(20);
    const peer = (n: number, seeder = false) => ({
      peerId: Uint8Array.from({ length: 20 }, () => n),
      ip: '127.0.0.1',
      port: n,
      compact: compactPeer('127.0.0.1', n)!,
      ipv6: false,
      seeder,
      uploaded: 0,
      downloaded: 0,
      left: seeder ? 0 : 1,
    });
    table.upsert(hash, 'a', peer(1), false, 0, limits);
    table.upsert(hash, 'a', peer(2), false, 10, limits);
    expect(table.upsert(hash, 'a', peer(3), false, 10, limits)).toBe('torrent');
    table.upsert(hash, 'a', peer(1, true), true, 20, limits);
    table.upsert(hash, 'a', peer(1, true), true, 20, limits);
    const swarm = table.swarm('a')!;
    expect([swarm.seeders, swarm.completed, swarm.peers.length]).toEqual([1, 1, 2]);
    table.upsert(hash, 'b', peer(4), false, 30, limits);
    expect(table.upsert(hash, 'b', peer(5), false, 30, limits)).toBe('total');
    expect(table.upsert(hash, 'c', peer(6), false, 30, limits)).toBe('torrents');
    expect(table.pick(swarm, 10, swarm.peers[0].key, null, () => 0.99).length).toBe(1);
    expect(table.expire(15, () => false)).toBe(1); // peer 2, last seen at 10
    expect(table.totalPeers).toBe(2);
    expect(table.remove('a', peer(1).peerId, false)).toBeTrue();
    expect(table.expire(0, () => false)).toBe(0);
    expect(table.swarm('a')).withContext('an empty swarm goes').toBeUndefined();
  });

  it('limits requests per minute per address, then drops, and forgets at the next minute', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const verdicts = Array.from({ length: 7 }, () => limiter.take('1.2.3.4', 3));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'refuse', 'refuse', 'refuse', 'drop']);
    expect(limiter.take('5.6.7.8', 3)).toBe('ok');
    expect(limiter.take('1.2.3.4', 0)).toBe('ok');
    now = 61;
    expect(limiter.take('1.2.3.4', 3)).toBe('ok');
    expect(limiter.trackedAddresses).toBe(1);
  });

  it('counts announces a minute in a lazily advanced ring', () => {
    let now = 100;
    const stats = new TrackerStats(() => now);
    stats.countAnnounce();
    stats.countAnnounce();
    now = 130;
    stats.countAnnounce();
    expect(stats.announcesPerMinute()).toBe(3);
    now = 165;
    expect(stats.announcesPerMinute()).toBe(1);
    expect(stats.history().length).toBe(300);
    now = 1000;
    expect(stats.announcesPerMinute()).toBe(0);
    expect(stats.announces).toBe(3);
  });

  it('reads BEP 41 URL data, skipping NOPs and unknown options', () => {
    const packet = (options: number[]) => Uint8Array.from([...new Array(98).fill(0), ...options]);
    expect(readUrlData(packet([1, 2, 3, 0x2f, 0x61, 0x62, 2, 1, 0x63, 0]))).toBe('/abc');
    expect(readUrlData(packet([9, 2, 0x41, 0x42, 2, 1, 0x7a]))).toBe('z');
    expect(readUrlData(packet([]))).toBe('');
    expect(readUrlData(packet([2, 5, 1]))).toBeNull();
    expect(readUrlData(packet([2]))).toBeNull();
  });
});
