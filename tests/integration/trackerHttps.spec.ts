import Gio from 'gi://Gio';

import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { tlsDatabaseFrom } from '../../src/model/tracker/tlsFailure.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { type CertificateKind, TlsTracker } from '../support/tlsTracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, ManualClock, MemorySettings } from '../support/trackerSettings.ts';

/**
 * HTTPS announces against a real TLS server: Debian's stunnel4 in front of Debian's opentracker,
 * with a test CA made by openssl at spec time that only the spec's TrackerNetwork trusts (a
 * Gio.TlsFileDatabase on its Soup.Session; the system's trust store is never touched). Each
 * certificate failure reaches the tracker's status in words, and nothing reaches the tracker
 * behind stunnel: no fallback to plain HTTP.
 */
describe('HTTPS trackers behind stunnel (integration)', () => {
  if (!OpenTracker.isAvailable() || !TlsTracker.isAvailable()) {
    it('needs opentracker, stunnel4 and openssl', () => fail('opentracker, stunnel4 or openssl is not installed'));
    return;
  }

  let tracker: OpenTracker;
  let tls: TlsTracker;
  const hashes = Array.from({ length: 8 }, () => fixtureInfoHashHex(makeTorrent()));
  let next = 0;
  const networks: TrackerNetwork[] = [];
  const token = () => new Gio.Cancellable();

  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start(hashes);
    tls = new TlsTracker();
    await tls.start(tracker.port);
  });
  afterAll(async () => {
    await tls?.stop();
    await tracker?.stop();
  });
  afterEach(() => networks.splice(0).forEach((n) => n.dispose()));

  function network(trustTestCa: boolean, agent = 'qbittorrent-5.2.3'): TrackerNetwork {
    const settings = { agent, 'connection.listening_port': 51420, 'seeders.http_timeout_seconds': 2 };
    const n = new TrackerNetwork(new MemorySettings(settings), {
      clock: new ManualClock(),
      tlsDatabase: trustTestCa ? tlsDatabaseFrom(tls.caFile) : null,
    });
    networks.push(n);
    return n;
  }

  function announcer(url: string, net: TrackerNetwork) {
    const hex = hashes[next++];
    const a = new TorrentAnnouncer({
      metainfo: { infoHash: hexToBytes(hex), announceTiers: [[url]], isPrivate: false },
      network: net,
    });
    return { hex, a };
  }

  for (const agent of ['qbittorrent-5.2.3', 'transmission-4.1.3']) {
    it(`${agent}: announces over HTTPS through a certificate the test CA signed, and says goodbye`, async () => {
      const { hex, a } = announcer(tls.announceUrl('good'), network(true, agent));
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
      const [info] = a.trackers;
      expect(info.state).withContext(info.message).toBe('working');
      expect(info.seeders).toBe(1);
      expect(await tracker.scrape(hex)).toEqual({ complete: 1, incomplete: 0, downloaded: 0 });
      expect(await a.stop({ uploaded: 0, downloaded: 0, left: 0 }, token())).toBe(1);
      expect(await tracker.scrape(hex)).toEqual({ complete: 0, incomplete: 0, downloaded: 0 });
    });
  }

  const failures: [string, CertificateKind, boolean, RegExp][] = [
    ['an expired certificate', 'expired', true, /^The tracker’s certificate has expired\. Nothing was sent to it\.$/],
    [
      'a certificate for another name',
      'wrongName',
      true,
      /^The tracker’s certificate is not for 127\.0\.0\.1: it belongs to another name\. Nothing was sent to it\.$/,
    ],
    [
      'a self-signed certificate',
      'selfSigned',
      true,
      /^The tracker’s certificate is not signed by an authority this computer trusts \(it may be self-signed\)\./,
    ],
    // The system's trust store does not know the spec's CA: the same good certificate is refused.
    [
      'a CA this computer does not trust',
      'goodElsewhere',
      false,
      /^The tracker’s certificate is not signed by an authority this computer trusts/,
    ],
  ];
  for (const [what, kind, trusted, words] of failures) {
    it(`${what}: the tracker's status says so in words, and nothing reaches the tracker`, async () => {
      const { hex, a } = announcer(tls.announceUrl(kind), network(trusted));
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
      const [info] = a.trackers;
      expect(info.state).toBe('error');
      expect(info.message).toMatch(words);
      expect(a.startedAcknowledged).toBeFalse();
      // Not announced over plain HTTP instead: opentracker behind stunnel never heard of us.
      expect(await tracker.scrape(hex)).toEqual({ complete: 0, incomplete: 0, downloaded: 0 });
      // and nothing owed a goodbye
      expect(a.owesStopped).toBeFalse();
    });
  }

  // opentracker waits for a request line that a TLS hello never completes: the handshake times out.
  it('a plain HTTP port named by an https:// URL: an error, and not announced in the clear', async () => {
    const url = `https://127.0.0.1:${tracker.port}/announce`;
    const { hex, a } = announcer(url, network(true));
    await a.announceDue({ uploaded: 0, downloaded: 0, left: 0 }, token());
    const [info] = a.trackers;
    expect(info.state).toBe('error');
    expect(info.message).toMatch(/did not answer within 2 seconds|does not speak HTTPS/);
    expect(await tracker.scrape(hex)).toEqual({ complete: 0, incomplete: 0, downloaded: 0 });
  });
});
