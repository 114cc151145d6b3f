import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { parseMetainfo } from '../../src/model/metainfo/index.ts';
import { AnnouncerLanes, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { BtTracker } from '../support/btTracker.ts';
import { makeTorrent } from '../support/torrents.ts';
import { ManualClock, MemorySettings } from '../support/trackerSettings.ts';
import { udpReply, UdpTrackerStub } from '../support/udpTrackerStub.ts';

/** The first of these names that resolves to both 127.0.0.1 and ::1 here, or null. */
async function dualStackName(): Promise<string | null> {
  for (const name of ['localhost', 'ip6-localhost', 'ip6-loopback']) {
    try {
      const list = (await Gio.Resolver.get_default().lookup_by_name_async(name, null)) as Gio.InetAddress[];
      const text = list.map((a) => a.to_string());
      if (text.includes('::1') && text.includes('127.0.0.1')) return name;
    } catch {
      // not a name here
    }
  }
  return null;
}

/**
 * IPv6 trackers (BEP 7) against a real tracker implementation, the npm bittorrent-tracker server
 * run by node on [::1] and 127.0.0.1 (Debian's opentracker is IPv4-only): literal [::1] URLs over
 * HTTP and UDP, `peers6` and 18-byte UDP peers counted, and libtorrent identities announcing
 * once per address family of a name, as libtorrent does, where Transmission announces once.
 */
describe('IPv6 trackers against bittorrent-tracker (integration)', () => {
  if (!BtTracker.isAvailable()) {
    it('needs node and the bittorrent-tracker devDependency', () =>
      fail('node or node_modules/bittorrent-tracker is missing: run tools/setup.sh'));
    return;
  }
  if (!BtTracker.hasIpv6Loopback()) {
    // Said, not passed: a container without IPv6 cannot show any of this.
    it('needs the IPv6 loopback address ::1', () =>
      pending('This machine (or container) has no IPv6 loopback (::1): the IPv6 tracker specs cannot run here.'));
    return;
  }

  let tracker: BtTracker;
  const networks: TrackerNetwork[] = [];
  const token = () => new Gio.Cancellable();
  const seed = { uploaded: 0, downloaded: 0, left: 0 };

  beforeAll(async () => {
    tracker = new BtTracker();
    await tracker.start();
  });
  afterAll(async () => tracker?.stop());
  afterEach(() => networks.splice(0).forEach((n) => n.dispose()));

  function network(agent: string, port = 51420): TrackerNetwork {
    const n = new TrackerNetwork(new MemorySettings({ agent, 'connection.listening_port': port }), {
      clock: new ManualClock(),
    });
    networks.push(n);
    return n;
  }

  function torrent(url: string) {
    return parseMetainfo(makeTorrent({ announce: url }));
  }

  for (const scheme of ['http', 'udp'] as const) {
    const url = () => `${scheme}://[::1]:${tracker.port}/announce`;

    it(`${scheme}://[::1]: started and stopped reach the tracker over IPv6`, async () => {
      const m = torrent(url());
      const lanes = new AnnouncerLanes({ metainfo: m, network: network('qbittorrent-5.2.3') });
      await lanes.announceDue(seed, token());
      const [info] = lanes.trackers;
      expect(info.state).withContext(info.message).toBe('working');
      expect(info.seeders).toBe(1);
      expect(info.lane ?? '').toBe(''); // one family: one row, no label
      expect(await lanes.stop(seed, token())).toBe(1);
      const seen = await tracker.announcesFor(m.infoHashHex, 2);
      expect(seen.map((a) => [a.event, a.type, a.addr])).toEqual([
        ['start', scheme, `[::1]:51420`],
        ['stop', scheme, `[::1]:51420`],
      ]);
    });
  }

  // bittorrent-tracker leaves IPv6 peers out of its UDP replies (it writes `peers` only, never its
  // `peers6`), and no other tracker here speaks UDP over IPv6: for the 18-byte entries of BEP 15
  // over IPv6, a local UDP server on ::1 sends what such a tracker sends.
  it('http://[::1]: IPv6 peers in peers6 are read and counted', async () => {
    const m = torrent(`http://[::1]:${tracker.port}/announce`);
    // Another client is in the swarm first, over IPv6, on port 6881.
    const other = new AnnouncerLanes({ metainfo: m, network: network('transmission-4.1.3', 6881) });
    await other.announceDue(seed, token());
    const lanes = new AnnouncerLanes({ metainfo: m, network: network('qbittorrent-5.2.3') });
    await lanes.announceDue(seed, token());
    const [info] = lanes.trackers;
    expect(info.state).withContext(info.message).toBe('working');
    expect(info.seeders).toBe(2);
    expect(info.peers).toContain({ ip: '::1', port: 6881 });
    await other.stop(seed, token());
    await lanes.stop(seed, token());
  });

  it('udp://[::1]: a reply over IPv6 with 18-byte peers is read and counted', async () => {
    const stub = new UdpTrackerStub('::1');
    const v6 = (last: number, port: number) => [...new Array<number>(15).fill(0), last, port >> 8, port & 0xff];
    stub.respond = (r) =>
      r.action === 0
        ? [udpReply.connect(r.transactionId)]
        : [udpReply.announce(r.transactionId, 1800, 1, 2, [...v6(1, 6881), ...v6(1, 51413)])];
    try {
      const lanes = new AnnouncerLanes({ metainfo: torrent(stub.url), network: network('qbittorrent-5.2.3') });
      await lanes.announceDue(seed, token());
      const [info] = lanes.trackers;
      expect(info.state).withContext(info.message).toBe('working');
      expect([info.seeders, info.leechers]).toEqual([2, 1]);
      expect(info.peers).toEqual([
        { ip: '::1', port: 6881 },
        { ip: '::1', port: 51413 },
      ]);
    } finally {
      stub.stop();
    }
  });

  describe('a tracker name with addresses of both families', () => {
    let name: string | null = null;
    beforeAll(async () => (name = await dualStackName()));

    for (const scheme of ['http', 'udp'] as const) {
      it(`${scheme}: a libtorrent identity announces once over IPv4 and once over IPv6, each its own row`, async () => {
        if (!name)
          pending(
            'No host name resolves to both 127.0.0.1 and ::1 here (/etc/hosts has no “::1 localhost” line): the name part of BEP 7 cannot be shown on this machine.',
          );
        const m = torrent(`${scheme}://${name}:${tracker.port}/announce`);
        const lanes = new AnnouncerLanes({ metainfo: m, network: network('qbittorrent-5.2.3') });
        await lanes.announceDue(seed, token());
        expect(lanes.trackers.map((t) => [t.lane, t.state])).toEqual([
          ['IPv4', 'working'],
          ['IPv6', 'working'],
        ]);
        const seen = await tracker.announcesFor(m.infoHashHex, 2);
        expect(seen.map((a) => a.addr).sort()).toEqual(['127.0.0.1:51420', '[::1]:51420']);
        expect(await lanes.stop(seed, token())).toBe(2);
      });
    }

    it('a Transmission identity announces once', async () => {
      if (!name) pending('No host name resolves to both 127.0.0.1 and ::1 here: see the spec above.');
      const m = torrent(`http://${name}:${tracker.port}/announce`);
      const lanes = new AnnouncerLanes({ metainfo: m, network: network('transmission-4.1.3') });
      await lanes.announceDue(seed, token());
      expect(lanes.trackers.length).toBe(1);
      expect((await tracker.announcesFor(m.infoHashHex, 1)).length).toBe(1);
      await lanes.stop(seed, token());
    });
  });

  it('a libtorrent identity announces a name with IPv4 addresses only once, over IPv4', async () => {
    // GLib answers `localhost` with both loopbacks itself (RFC 6761); this machine's own name
    // usually has an IPv4 address only.
    const name = GLib.get_host_name();
    let list: Gio.InetAddress[] = [];
    try {
      list = (await Gio.Resolver.get_default().lookup_by_name_async(name, null)) as Gio.InetAddress[];
    } catch {
      // no address at all
    }
    if (list.map((a) => a.to_string()).join() !== '127.0.0.1')
      pending(`This machine's name “${name}” is not 127.0.0.1 alone here: no IPv4-only name to show this with.`);
    const m = torrent(`http://${name}:${tracker.port}/announce`);
    const lanes = new AnnouncerLanes({ metainfo: m, network: network('qbittorrent-5.2.3') });
    await lanes.announceDue(seed, token());
    expect(lanes.trackers.map((t) => [t.lane ?? '', t.state])).toEqual([['', 'working']]);
    expect((await tracker.announcesFor(m.infoHashHex, 1)).map((a) => a.addr)).toEqual(['127.0.0.1:51420']);
    await lanes.stop(seed, token());
  });
});
