import GLib from 'gi://GLib';
import bencode from 'bencode';

import type { TrackerService } from '../../src/model/trackerServer/index.ts';
import { delay } from '../support/async.ts';
import { startTrackerService } from '../support/trackerServer.ts';
import type { MemorySettings } from '../support/trackerSettings.ts';
import {
  peerIdFor,
  randomBytes,
  rawHttpGet,
  text,
  TrackerProbe,
  udpErrorText,
  udpPacket,
  UdpProbe,
} from '../support/trackerProbe.ts';

/**
 * Hostile input against the built-in tracker: floods from one address, garbage datagrams,
 * oversized queries and memory caps. The tracker stays bounded, says why it refuses, and the
 * rest of the main loop keeps running.
 */
describe('built-in tracker under hostile input', () => {
  let service: TrackerService;
  let settings: MemorySettings;
  let probe: TrackerProbe;

  beforeEach(() => {
    ({ service, settings } = startTrackerService());
    probe = new TrackerProbe(service.http.port, service.udp.port);
  });
  afterEach(() => {
    probe.dispose();
    service.stop();
  });

  it('limits requests per address per minute: refused in words, then dropped', async () => {
    settings.change('tracker_settings.security.rate_limit_loopback', true);
    settings.change('tracker_settings.security.rate_limit_per_minute', 5);
    const a = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 };
    for (let i = 0; i < 5; i++) expect((await probe.announce(a))['failure reason']).toBeUndefined();
    const refused = await probe.announce(a);
    expect(text(refused['failure reason'])).toMatch(/Too many requests.*at most 5 a minute/);
    for (let i = 0; i < 4; i++) await probe.get('/announce');
    expect((await probe.get('/announce')).status).toBe(503);
    // UDP from the same address is counted too.
    const udp = new UdpProbe(service.udp.port);
    const reply = await udp.exchange(udpPacket.connect(1), 300);
    udp.close();
    expect(reply).toBeNull();
    expect(service.core.limiter.limited).toBeGreaterThan(5);
  });

  it('keeps the peer table within its caps and says it is full', async () => {
    settings.change('tracker_settings.max_peers_per_torrent', 3);
    settings.change('tracker_settings.max_total_peers', 5);
    settings.change('tracker_settings.max_torrents', 3);
    const t1 = randomBytes(20);
    const first = { infoHash: t1, peerId: peerIdFor(), port: 1 };
    for (let i = 0; i < 3; i++) await probe.announce(i === 0 ? first : { infoHash: t1, peerId: peerIdFor(), port: 1 });
    expect(text((await probe.announce({ infoHash: t1, peerId: peerIdFor(), port: 1 }))['failure reason'])).toMatch(
      /at most 3 peers for it/,
    );
    // A known peer may still re-announce.
    expect((await probe.announce(first))['failure reason']).toBeUndefined();
    const t2 = randomBytes(20);
    await probe.announce({ infoHash: t2, peerId: peerIdFor(), port: 1 });
    await probe.announce({ infoHash: t2, peerId: peerIdFor(), port: 1 });
    expect(
      text((await probe.announce({ infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 }))['failure reason']),
    ).toMatch(/at most 5 peers in all/);
    settings.change('tracker_settings.max_total_peers', 100);
    await probe.announce({ infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 });
    expect(
      text((await probe.announce({ infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 }))['failure reason']),
    ).toMatch(/at most 3 torrents/);
    expect(service.core.peers.totalPeers).toBe(6);
    expect(service.core.peers.torrentCount).toBe(3);
  });

  it('survives a flood of garbage datagrams and bad queries while the main loop runs on', async () => {
    const udp = new UdpProbe(service.udp.port);
    let ticks = 0;
    const timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 5, () => {
      ticks++;
      return GLib.SOURCE_CONTINUE;
    });
    try {
      for (let round = 0; round < 10; round++) {
        for (let i = 0; i < 200; i++) {
          const junk = randomBytes(16 + GLib.random_int_range(0, 1500));
          udp.send(junk);
        }
        await delay(1);
      }
      const garbage = [
        '%',
        '%%%',
        '&&&&',
        'info_hash=' + '%ff'.repeat(3000),
        '=' + 'x'.repeat(7000),
        'a=b&'.repeat(1500),
      ];
      for (const q of garbage) {
        const { status, body } = await rawHttpGet(service.http.port, `/announce?${q}`);
        // libsoup itself refuses a request line that is not a valid URI (400); the rest get a reason.
        if (status !== 400) {
          expect(status).toBe(200);
          expect(text((bencode.decode(body) as Record<string, unknown>)['failure reason']).length).toBeGreaterThan(5);
        }
      }
      await delay(50);
      expect(ticks).toBeGreaterThan(0);
      expect(service.core.peers.totalPeers).toBe(0);
      expect(service.core.peers.torrentCount).toBe(0);
      // Still serving: an honest announce right after the flood gets a normal reply.
      const ok = await probe.announce({ infoHash: randomBytes(20), peerId: peerIdFor(), port: 2 });
      expect(ok.complete).toBe(1);
      // The flooding socket is full of error packets; a fresh client connects normally.
      const honest = new UdpProbe(service.udp.port);
      const id = await honest.connect();
      honest.close();
      expect(id.length).toBe(8);
      expect(service.udp.received).toBeGreaterThan(100);
    } finally {
      GLib.source_remove(timer);
      udp.close();
    }
  }, 30000);

  it('refuses a blacklisted address and one missing from a non-empty whitelist', async () => {
    settings.change('tracker_settings.security.ip_blacklist', ['127.0.0.1']);
    const a = { infoHash: randomBytes(20), peerId: peerIdFor(), port: 1 };
    expect(text((await probe.announce(a))['failure reason'])).toMatch(/not allowed/);
    const udp = new UdpProbe(service.udp.port);
    expect(udpErrorText((await udp.exchange(udpPacket.connect(3)))!)).toMatch(/not allowed/);
    udp.close();
    settings.change('tracker_settings.security.ip_blacklist', []);
    settings.change('tracker_settings.security.ip_whitelist', ['10.0.0.1']);
    expect(text((await probe.announce(a))['failure reason'])).toMatch(/not allowed/);
    settings.change('tracker_settings.security.ip_whitelist', ['127.0.0.1']);
    expect((await probe.announce(a)).complete).toBe(1);
  });
});
