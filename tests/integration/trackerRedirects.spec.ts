import Gio from 'gi://Gio';

import { TrackerNetwork } from '../../src/model/tracker/index.ts';
import { addressKind, kindOfHost } from '../../src/model/tracker/redirectPolicy.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { hexToBytes, MemorySettings } from '../support/trackerSettings.ts';

/**
 * HTTP redirects from a tracker (a local redirecting listener on 127.0.0.1): followed as the
 * identity's client follows them (count limit, http/https only), never to special addresses
 * unless the tracker's own address is of that kind.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const REQ = { infoHash: HASH, event: 'started' as const, uploaded: 0, downloaded: 0, left: 0, trackerId: null };
const OK = { body: 'd8:intervali1800e5:peers0:e' };

describe('tracker redirects', () => {
  let server: CaptureServer;
  let network: TrackerNetwork | null = null;
  beforeEach(() => (server = new CaptureServer()));
  afterEach(() => {
    network?.dispose();
    network = null;
    server.stop();
  });

  function announceVia(agent: string, farewell = false) {
    network?.dispose();
    network = new TrackerNetwork(new MemorySettings({ agent }));
    return network.announce(`${server.url}/announce`, farewell ? { ...REQ, event: 'stopped' } : REQ, {
      cancellable: null,
      farewell,
    });
  }

  /** Redirects `hops` times along /hop1, /hop2 …, then answers. */
  function chain(hops: number): void {
    server.respond = (r) => {
      const n = Number(/^\/hop(\d+)/.exec(r.path)?.[1] ?? 0);
      return n >= hops ? OK : { status: 302, reason: 'Found', headers: [['Location', `/hop${n + 1}`]] };
    };
  }

  it('follows as many redirects as the client does: libtorrent 5, Transmission 10', async () => {
    chain(5);
    expect((await announceVia('qbittorrent-5.2.3')).interval).toBe(1800);
    chain(6);
    await expectAsync(announceVia('qbittorrent-5.2.3')).toBeRejectedWithError(/redirected more than 5 times/);
    chain(10);
    expect((await announceVia('transmission-4.1.3')).interval).toBe(1800);
    chain(11);
    await expectAsync(announceVia('transmission-4.1.3')).toBeRejectedWithError(/redirected more than 10 times/);
  });

  it('follows a loopback tracker to another loopback tracker, on the farewell path too', async () => {
    const other = new CaptureServer();
    try {
      server.respond = () => ({ status: 307, reason: 'Moved', headers: [['Location', `${other.url}/announce`]] });
      expect((await announceVia('qbittorrent-5.2.3')).interval).toBe(1800);
      expect((await announceVia('qbittorrent-5.2.3', true)).interval).toBe(1800);
      expect(other.requests.length).toBe(2);
    } finally {
      other.stop();
    }
  });

  const refused: [string, RegExp][] = [
    ['http://169.254.169.254/latest/meta-data/', /a cloud metadata service \(169\.254\.169\.254\)/],
    ['http://169.254.10.1/announce', /a link-local address/],
    ['http://[fe80::1]/announce', /a link-local address/],
    ['http://[::ffff:169.254.169.254]/x', /a cloud metadata service/],
    ['http://0.0.0.0:80/announce', /an unspecified address/],
    ['http://224.0.0.1/announce', /a multicast address/],
    ['http://255.255.255.255/announce', /the broadcast address/],
    ['http://2852039166/announce', /a reserved or ambiguous address/],
    ['http://0xa9.0xfe.0xa9.0xfe/announce', /a reserved or ambiguous address/],
    ['http://10.1.2.3/announce', /a local-network address/],
    ['http://metadata.google.internal/computeMetadata/v1/', /a cloud metadata service/],
    ['ftp://127.0.0.1/announce', /not HTTP\(S\)/],
    ['file:///etc/passwd', /not HTTP\(S\)/],
  ];
  for (const [location, words] of refused) {
    it(`does not follow a redirect to ${location}`, async () => {
      server.respond = () => ({ status: 302, reason: 'Found', headers: [['Location', location]] });
      await expectAsync(announceVia('qbittorrent-5.2.3')).toBeRejectedWithError(words);
      await expectAsync(announceVia('transmission-4.1.3', true)).toBeRejectedWithError(words);
    });
  }

  it('`localhost` (a loopback name) from a loopback tracker is followed', async () => {
    server.respond = (r) =>
      r.path.startsWith('/named')
        ? OK
        : { status: 302, reason: 'Found', headers: [['Location', `http://localhost:${server.port}/named`]] };
    expect((await announceVia('qbittorrent-5.2.3')).interval).toBe(1800);
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/announce', '/named']);
  });

  it('classifies addresses: loopback only from loopback, public from anywhere', () => {
    const kind = (text: string) => addressKind(Gio.InetAddress.new_from_string(text)!);
    expect(kind('127.0.0.1')).toBe('loopback');
    expect(kind('::1')).toBe('loopback');
    expect(kind('93.184.216.34')).toBe('public');
    expect(kind('2606:4700::1111')).toBe('public');
    expect(kind('192.168.1.1')).toBe('private');
    expect(kind('fd12::1')).toBe('private');
    expect(kind('fd00:ec2::254')).toBe('metadata');
    expect(kind('100.100.100.200')).toBe('metadata');
    expect(kind('ff02::1')).toBe('multicast');
    expect(kind('::')).toBe('unspecified');
    expect(kindOfHost('tracker.example.org')).toBeNull();
    expect(kindOfHost('a.localhost')).toBe('loopback');
  });
});
