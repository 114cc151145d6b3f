import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { startTrackerService } from '../support/trackerServer.ts';
import { ManualClock } from '../support/trackerSettings.ts';
import {
  peerIdFor,
  randomBytes,
  udpAnnounceReply,
  udpErrorText,
  udpPacket,
  UdpProbe,
  view,
} from '../support/trackerProbe.ts';

/** The built-in tracker's UDP side (BEP 15, BEP 41) on 127.0.0.1, read back over the wire. */
describe('built-in tracker over UDP', () => {
  let service: TrackerService;
  let clock: ManualClock;
  let probe: UdpProbe;

  beforeEach(() => {
    clock = new ManualClock();
    ({ service } = startTrackerService({}, clock));
    probe = new UdpProbe(service.udp.port);
  });
  afterEach(() => {
    probe.close();
    service.stop();
  });

  it('connects, announces and scrapes several hashes at once', async () => {
    const id = await probe.connect();
    const infoHash = randomBytes(20);
    const other = randomBytes(20);
    const a = udpAnnounceReply(
      (await probe.exchange(
        udpPacket.announce(id, 1, { infoHash, peerId: peerIdFor(), port: 6881, event: 'started' }),
      ))!,
    );
    expect(a).toEqual({ action: 1, interval: 1800, leechers: 0, seeders: 1, peers: [] });
    const b = udpAnnounceReply(
      (await probe.exchange(udpPacket.announce(id, 2, { infoHash, peerId: peerIdFor(), port: 6882, left: 5 })))!,
    );
    expect(b.seeders).toBe(1);
    expect(b.leechers).toBe(1);
    expect(b.peers).toEqual(['127.0.0.1:6881']);
    const s = (await probe.exchange(udpPacket.scrape(id, 3, [infoHash, other])))!;
    expect(view(s).getUint32(0)).toBe(2);
    expect(view(s).getUint32(4)).toBe(3);
    expect(s.length).toBe(8 + 24);
    // seeders, completed, leechers per hash
    expect([8, 12, 16, 20, 24, 28].map((o) => view(s).getUint32(o))).toEqual([1, 0, 1, 0, 0, 0]);
  });

  it('removes a peer on stopped and counts completed', async () => {
    const id = await probe.connect();
    const peer = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 6890, left: 9 };
    await probe.exchange(udpPacket.announce(id, 1, { ...peer, event: 'started' }));
    await probe.exchange(udpPacket.announce(id, 2, { ...peer, left: 0, event: 'completed' }));
    const swarm = [...service.core.peers.swarms()][0];
    expect(swarm.completed).toBe(1);
    expect(swarm.seeders).toBe(1);
    const r = udpAnnounceReply((await probe.exchange(udpPacket.announce(id, 3, { ...peer, event: 'stopped' })))!);
    expect(r.seeders).toBe(0);
    expect(service.core.peers.totalPeers).toBe(0);
  });

  it('accepts BEP 41 URL data and refuses malformed options', async () => {
    const id = await probe.connect();
    const path = new TextEncoder().encode('/announce?pass=1');
    const options = Uint8Array.from([1, 2, path.length, ...path, 0]);
    const a = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 6001 };
    expect(udpAnnounceReply((await probe.exchange(udpPacket.announce(id, 5, a, options)))!).action).toBe(1);
    expect(service.udp.lastUrlData).toBe('/announce?pass=1');
    const bad = Uint8Array.from([2, 40, 1, 2]);
    expect(udpErrorText((await probe.exchange(udpPacket.announce(id, 6, a, bad)))!)).toMatch(/BEP 41/);
  });

  it('refuses wrong, forged and expired connection ids with an error packet', async () => {
    const a = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 6001 };
    const wrong = await probe.exchange(udpPacket.announce(randomBytes(8), 9, a));
    expect(view(wrong!).getUint32(4)).toBe(9);
    expect(udpErrorText(wrong!)).toMatch(/Connection ID/);
    // An id minted for another client (another port) does not work for this one.
    const other = new UdpProbe(service.udp.port);
    const theirs = await other.connect();
    other.close();
    expect(udpErrorText((await probe.exchange(udpPacket.announce(theirs, 10, a)))!)).toMatch(/Connection ID/);
    // Still good after a minute (BEP 15: a client may use it for one), gone after two.
    const id = await probe.connect();
    clock.advance(61);
    expect(udpAnnounceReply((await probe.exchange(udpPacket.announce(id, 11, a)))!).action).toBe(1);
    clock.advance(60);
    expect(udpErrorText((await probe.exchange(udpPacket.announce(id, 12, a)))!)).toMatch(/expired/);
    expect(udpErrorText((await probe.exchange(udpPacket.scrape(id, 13, [a.infoHash])))!)).toMatch(/Connection ID/);
  });

  it('answers bad packets with error packets in words, and ignores runts', async () => {
    const id = await probe.connect();
    const badProtocol = udpPacket.connect(4);
    badProtocol[0] = 9;
    expect(udpErrorText((await probe.exchange(badProtocol))!)).toMatch(/protocol id/);
    const unknown = udpPacket.scrape(id, 5, []);
    view(unknown).setUint32(8, 7);
    expect(udpErrorText((await probe.exchange(unknown))!)).toMatch(/Unknown action 7/);
    const short = udpPacket.announce(id, 6, { infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 }).slice(0, 60);
    expect(udpErrorText((await probe.exchange(short))!)).toMatch(/too short \(60 bytes/);
    expect(udpErrorText((await probe.exchange(udpPacket.scrape(id, 7, [])))!)).toMatch(/at least one/);
    const tooMany = udpPacket.scrape(
      id,
      8,
      Array.from({ length: 80 }, () => randomBytes(20)),
    );
    expect(udpErrorText((await probe.exchange(tooMany))!)).toMatch(/at most 74/);
    const badEvent = udpPacket.announce(id, 9, { infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 });
    view(badEvent).setUint32(80, 9);
    expect(udpErrorText((await probe.exchange(badEvent))!)).toMatch(/Unknown event 9/);
    expect(await probe.exchange(Uint8Array.from([1, 2, 3]), 300)).toBeNull();
    expect(service.core.peers.totalPeers).toBe(0);
  });
});
