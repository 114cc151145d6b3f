import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import bencode from 'bencode';

import { allIdentities, identityById } from '../../src/model/identity/index.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { AnnouncerLanes, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { ManualClock, MemorySettings, percentDecode } from '../support/trackerSettings.ts';
import { udpReply, UdpTrackerStub } from '../support/udpTrackerStub.ts';

/**
 * Golden specs of BEP 52 announces, per identity family (reference/protocol.md §A3, §A4): a
 * hybrid torrent is announced once per tracker with each hash by libtorrent 2 identities — the
 * SHA-1 and the SHA-256 truncated to 20 bytes, same peer_id and key, each request otherwise
 * byte for byte the family's capture — and with the SHA-1 only by Transmission (and the clients
 * without v2); a v2-only torrent with the truncated SHA-256 by everyone. Each hash keeps its own
 * tracker state, interval and figures.
 */
function hybridTorrent(announce: string, v2Only = false): Uint8Array {
  const root = new Uint8Array(32).map(() => GLib.random_int_range(0, 256));
  const info: Record<string, unknown> = {
    'file tree': { 'a.bin': { '': { length: 20000, 'pieces root': root } } },
    'meta version': 2,
    name: 'a.bin',
    'piece length': 16384,
  };
  if (!v2Only) Object.assign(info, { length: 20000, pieces: new Uint8Array(40).fill(7) });
  return bencode.encode({ announce, info });
}

function digest(type: GLib.ChecksumType, bytes: Uint8Array): Uint8Array {
  const hex = GLib.compute_checksum_for_bytes(type, new GLib.Bytes(bytes))!;
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** Both hashes computed here from the info dict's bytes, not by the app. */
function hashesOf(torrent: Uint8Array): { v1: Uint8Array; v2: Uint8Array } {
  const info = bencode.encode((bencode.decode(torrent) as Record<string, unknown>).info);
  return { v1: digest(GLib.ChecksumType.SHA1, info), v2: digest(GLib.ChecksumType.SHA256, info).slice(0, 20) };
}

/** An escaper written from the rule alone (trackerGolden.spec.ts has the same). */
function esc(bytes: Uint8Array, raw: string, upper: boolean): string {
  return [...bytes]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9]/.test(c) || raw.includes(c)) return c;
      const h = b.toString(16).padStart(2, '0');
      return '%' + (upper ? h.toUpperCase() : h);
    })
    .join('');
}

const LIBTORRENT = ['qbittorrent-5.2.3', 'qbittorrent-4.5.2', 'deluge-2.2.0', 'deluge-2.0.3', 'libtorrent-2.0.13'];
const TRANSMISSION = ['transmission-4.1.3', 'transmission-3.00'];

/** The request line a client of this family sends with `hash` (§A7 order and escaping). */
function expectedLine(id: string, hash: Uint8Array, peerId: Uint8Array, key: string): string | null {
  if (LIBTORRENT.includes(id)) {
    const e = (b: Uint8Array) => esc(b, '-_.!~*()', false);
    return `GET /announce?info_hash=${e(hash)}&peer_id=${e(peerId)}&port=51420&uploaded=0&downloaded=0&left=0&corrupt=0&key=${key}&event=started&numwant=200&compact=1&no_peer_id=1&supportcrypto=1&redundant=0 HTTP/1.1`;
  }
  if (TRANSMISSION.includes(id)) {
    const e = (b: Uint8Array) => esc(b, '-_.~', id === 'transmission-4.1.3');
    return `GET /announce?info_hash=${e(hash)}&peer_id=${e(peerId)}&port=51420&uploaded=0&downloaded=0&left=0&numwant=80&key=${key}&compact=1&supportcrypto=1&event=started HTTP/1.1`;
  }
  return null;
}

describe('hybrid and v2 torrents: announces per identity family (golden)', () => {
  let server: CaptureServer;
  const networks: TrackerNetwork[] = [];
  const token = () => new Gio.Cancellable();
  const seed = { uploaded: 0, downloaded: 0, left: 0 };

  beforeEach(() => (server = new CaptureServer()));
  afterEach(() => {
    server.stop();
    networks.splice(0).forEach((n) => n.dispose());
  });

  let clock: ManualClock;
  function network(agent: string): TrackerNetwork {
    clock = new ManualClock();
    // no public address, as in the captures (Transmission would add ipv4=/ipv6=)
    const globalAddresses = () => ({ ipv4: null, ipv6: null });
    const n = new TrackerNetwork(new MemorySettings({ agent, 'connection.listening_port': 51420 }), {
      clock,
      globalAddresses,
    });
    networks.push(n);
    return n;
  }

  function sentHash(path: string): string {
    return [...percentDecode(/[?&]info_hash=([^&]*)/.exec(path)![1])].join(',');
  }

  it('the golden families cover every libtorrent and Transmission identity', () => {
    for (const c of allIdentities())
      if (c.family === 'libtorrent') expect(LIBTORRENT).toContain(c.id);
      else if (c.family === 'transmission') expect(TRANSMISSION).toContain(c.id);
  });

  for (const c of allIdentities()) {
    const both = c.family === 'libtorrent';
    it(`${c.id}: a hybrid torrent is announced with ${both ? 'each hash' : 'the SHA-1 only'}`, async () => {
      const torrent = hybridTorrent(`${server.url}/announce`);
      const { v1, v2 } = hashesOf(torrent);
      const metainfo = parseMetainfo(torrent);
      expect(metainfo.version).toBe('hybrid');
      const net = network(c.id);
      const lanes = new AnnouncerLanes({ metainfo, network: net });
      await lanes.announceDue(seed, token());
      const wanted = both ? [v1, v2] : [v1];
      expect(server.requests.map((r) => sentHash(r.path)).sort()).toEqual(wanted.map((h) => [...h].join(',')).sort());
      const key = net.keyFor(metainfo.infoHashHex).text;
      for (const hash of wanted) {
        const line = expectedLine(c.id, hash, net.peerId, key);
        const req = server.requests.find((r) => sentHash(r.path) === [...hash].join(','))!;
        // the same peer_id and the torrent's one key for both hashes
        expect(/[?&]key=([^&]*)/.exec(req.path)?.[1]).toBe(key);
        // (µTorrent, Vuze and rTorrent: their request format is trackerGolden.spec.ts's)
        if (line) expect(req.requestLine).toBe(line);
        expect(req.headers.find(([k]) => k === 'User-Agent')?.[1]).toBe(identityById(c.id).userAgent);
      }
      const rows = lanes.trackers;
      expect(rows.map((r) => r.lane ?? '')).toEqual(both ? ['v1', 'v2'] : ['']);
      expect(rows.every((r) => r.state === 'working')).toBeTrue();
    });
  }

  for (const id of ['qbittorrent-5.2.3', 'transmission-4.1.3', 'rtorrent-0.9.6']) {
    it(`${id}: a v2-only torrent is announced with the SHA-256 truncated to 20 bytes`, async () => {
      const torrent = hybridTorrent(`${server.url}/announce`, true);
      const { v2 } = hashesOf(torrent);
      const metainfo = parseMetainfo(torrent);
      expect(metainfo.version).toBe('v2');
      const net = network(id);
      await new AnnouncerLanes({ metainfo, network: net }).announceDue(seed, token());
      expect(server.requests.length).toBe(1);
      const line = expectedLine(id, v2, net.peerId, net.keyFor(metainfo.infoHashHex).text);
      if (line) expect(server.requests[0].requestLine).toBe(line);
      expect(sentHash(server.requests[0].path)).toBe([...v2].join(','));
    });
  }

  it('libtorrent: each hash has its own state, interval and figures, and its own stopped', async () => {
    const torrent = hybridTorrent(`${server.url}/announce`);
    const { v1 } = hashesOf(torrent);
    const v1Key = [...v1].join(',');
    // The tracker knows the two hashes as two swarms, with their own intervals.
    server.respond = (r) =>
      sentHash(r.path) === v1Key
        ? { body: 'd8:completei7e10:incompletei2e8:intervali1800ee' }
        : { body: 'd8:completei3e10:incompletei1e8:intervali3600ee' };
    const net = network('qbittorrent-5.2.3');
    const lanes = new AnnouncerLanes({ metainfo: parseMetainfo(torrent), network: net });
    await lanes.announceDue(seed, token());
    const [a, b] = lanes.trackers;
    expect([a.lane, a.seeders, a.leechers]).toEqual(['v1', 7, 2]);
    expect([b.lane, b.seeders, b.leechers]).toEqual(['v2', 3, 1]);
    expect(b.nextAnnounce! - a.nextAnnounce!).toBeGreaterThanOrEqual(1799);
    // the v2 swarm fails: only its row shows it
    server.respond = (r) =>
      sentHash(r.path) === v1Key ? { body: 'd8:intervali1800ee' } : { body: 'd14:failure reason4:nopee' };
    clock.advance(60); // past libtorrent's default min interval (30 s)
    await lanes.forceAnnounce(seed, token());
    expect(lanes.trackers.map((t) => t.state)).toEqual(['working', 'error']);
    expect(lanes.trackers[1].message).toBe('nope');
    server.requests.length = 0;
    server.respond = () => ({ body: 'd8:intervali1800ee' });
    expect(await lanes.stop(seed, token())).toBe(2);
    expect(server.requests.map((r) => /event=stopped/.test(r.path))).toEqual([true, true]);
    expect(new Set(server.requests.map((r) => sentHash(r.path))).size).toBe(2);
  });

  it("a seeding profile's announce floor holds in every hash's lane", async () => {
    const torrent = hybridTorrent(`${server.url}/announce`);
    const lanes = new AnnouncerLanes({ metainfo: parseMetainfo(torrent), network: network('qbittorrent-5.2.3') });
    lanes.intervalFloor = 7200; // the tracker says 1800
    await lanes.announceDue(seed, token());
    expect(lanes.trackers.length).toBe(2);
    for (const t of lanes.trackers) expect(t.nextAnnounce! - clock.wallSeconds()).toBe(7200);
  });

  describe('over UDP', () => {
    let stub: UdpTrackerStub;
    beforeEach(() => {
      stub = new UdpTrackerStub();
      stub.respond = (r) =>
        r.action === 0 ? [udpReply.connect(r.transactionId)] : [udpReply.announce(r.transactionId, 1800, 0, 1)];
    });
    afterEach(() => stub.stop());

    for (const [id, count] of [
      ['qbittorrent-5.2.3', 2],
      ['transmission-4.1.3', 1],
    ] as const) {
      it(`${id}: ${count} announce packet(s) for a hybrid, one key`, async () => {
        const torrent = hybridTorrent(stub.url);
        const { v1, v2 } = hashesOf(torrent);
        const metainfo = parseMetainfo(torrent);
        const net = network(id);
        await new AnnouncerLanes({ metainfo, network: net }).announceDue(seed, token());
        const announces = stub.requests.filter((r) => r.action === 1).map((r) => r.data);
        const hashes = announces.map((p) => [...p.subarray(16, 36)].join(',')).sort();
        expect(hashes).toEqual((count === 2 ? [v1, v2] : [v1]).map((h) => [...h].join(',')).sort());
        const key = net.keyFor(metainfo.infoHashHex).value;
        for (const p of announces) {
          expect(new DataView(p.buffer, p.byteOffset).getUint32(88)).toBe(key);
          expect([...p.subarray(36, 56)]).toEqual([...net.peerId]);
        }
      });
    }
  });
});
