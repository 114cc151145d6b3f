import { TrackerNetwork } from '../../src/model/tracker/index.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { DanteProxy } from '../support/dante.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { SocksProxy } from '../support/socksProxy.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, MemorySettings } from '../support/trackerSettings.ts';

/**
 * HTTP announces go through the proxy from the `proxy.*` settings. The proxies are tiny local
 * ones that answer as the tracker, and the tracker address is a port nothing listens on, so a
 * reply proves the request went through the proxy.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const REQ = { infoHash: HASH, event: 'started' as const, uploaded: 0, downloaded: 0, left: 0, trackerId: null };
const TRACKER = 'http://127.0.0.1:9/announce';

describe('tracker announces through a proxy', () => {
  let network: TrackerNetwork | null = null;
  afterEach(() => network?.dispose());

  it('an HTTP proxy sees the announce with the absolute URL and the identity’s headers', async () => {
    const proxy = new CaptureServer();
    try {
      network = new TrackerNetwork(
        new MemorySettings({ 'proxy.type': 'http', 'proxy.server': '127.0.0.1', 'proxy.port': proxy.port }),
      );
      const reply = await network.announce(TRACKER, REQ, { cancellable: null });
      expect(reply.interval).toBe(1800);
      expect(proxy.requests.length).toBe(1);
      expect(proxy.requests[0].requestLine).toMatch(/^GET http:\/\/127\.0\.0\.1:9\/announce\?info_hash=%20d%5e/);
      expect(proxy.requests[0].headers.map(([k]) => k)).toEqual([
        'Host',
        'User-Agent',
        'Accept-Encoding',
        'Connection',
      ]);
    } finally {
      proxy.stop();
    }
  });

  it('an HTTP proxy that asks for credentials gets the configured ones', async () => {
    const proxy = new CaptureServer();
    proxy.respond = (r) =>
      r.headers.some(([k]) => k === 'Proxy-Authorization')
        ? { body: 'd8:intervali900ee' }
        : {
            status: 407,
            reason: 'Proxy Authentication Required',
            headers: [['Proxy-Authenticate', 'Basic realm="t"']],
          };
    try {
      network = new TrackerNetwork(
        new MemorySettings({
          'proxy.type': 'http',
          'proxy.server': '127.0.0.1',
          'proxy.port': proxy.port,
          'proxy.auth_enabled': true,
          'proxy.username': 'ann',
          'proxy.password': 'p@ss word',
        }),
      );
      const reply = await network.announce(TRACKER, REQ, { cancellable: null });
      expect(reply.interval).toBe(900);
      const auth = proxy.requests.at(-1)!.headers.find(([k]) => k === 'Proxy-Authorization')![1];
      expect(auth).toBe('Basic ' + btoaLatin1('ann:p@ss word'));
    } finally {
      proxy.stop();
    }
  });

  it('a SOCKS5 proxy with authentication tunnels the announce', async () => {
    const proxy = new SocksProxy('d8:intervali1200ee');
    proxy.requireAuth = true;
    try {
      const settings = new MemorySettings({
        'proxy.type': 'none',
        'proxy.server': '127.0.0.1',
        'proxy.port': proxy.port,
      });
      network = new TrackerNetwork(settings);
      // switched on at run time: the network rebuilds its session from the settings
      settings.change('proxy.auth_enabled', true);
      settings.change('proxy.username', 'ann');
      settings.change('proxy.password', 'secret');
      settings.change('proxy.type', 'socks5');
      const reply = await network.announce(TRACKER, REQ, { cancellable: null });
      expect(reply.interval).toBe(1200);
      expect(proxy.sessions.length).toBe(1);
      expect(proxy.sessions[0]).toEqual(
        jasmine.objectContaining({ user: 'ann', password: 'secret', target: '127.0.0.1:9' }),
      );
      expect(proxy.sessions[0].request).toMatch(/^GET \/announce\?info_hash=%20d%5e/);
    } finally {
      proxy.stop();
    }
  });
});

describe('tracker announces through a real SOCKS server to a real tracker', () => {
  if (!DanteProxy.program() || !OpenTracker.isAvailable()) {
    it('needs dante-server and opentracker', () => pending('dante-server or opentracker is not installed'));
    return;
  }
  const hashHex = fixtureInfoHashHex(makeTorrent({ name: 'through-socks.bin' }));
  let tracker: OpenTracker;
  let dante: DanteProxy;
  let network: TrackerNetwork | null = null;
  beforeAll(async () => {
    tracker = new OpenTracker();
    await tracker.start([hashHex]);
    dante = new DanteProxy();
    await dante.start();
  });
  afterAll(async () => {
    await dante.stop();
    await tracker.stop();
  });
  afterEach(() => network?.dispose());

  for (const type of ['socks4', 'socks5']) {
    it(`${type}: Debian's dante carries \`started\` and the \`stopped\` farewell to Debian's opentracker`, async () => {
      network = new TrackerNetwork(
        new MemorySettings({ 'proxy.type': type, 'proxy.server': '127.0.0.1', 'proxy.port': dante.port }),
      );
      const req = { ...REQ, infoHash: hexToBytes(hashHex) };
      const before = dante.connectionsTo(tracker.port);
      const started = await network.announce(tracker.announceUrl, req, { cancellable: null });
      expect(started.interval).toBeGreaterThan(0);
      expect((await tracker.scrape(hashHex)).complete).toBe(1);
      // With a proxy the farewell goes over libsoup too, through the same proxy.
      await network.announce(tracker.announceUrl, { ...req, event: 'stopped' }, { cancellable: null, farewell: true });
      expect((await tracker.scrape(hashHex)).complete).toBe(0);
      // Both went through dante (it logs every connection it makes, and where to).
      expect(dante.connectionsTo(tracker.port) - before).toBe(2);
    });
  }

  it('socks4: a tracker named by a host name is refused in words, never looked up here nor sent', async () => {
    network = new TrackerNetwork(
      new MemorySettings({ 'proxy.type': 'socks4', 'proxy.server': '127.0.0.1', 'proxy.port': dante.port }),
    );
    const req = { ...REQ, infoHash: hexToBytes(hashHex) };
    const before = dante.connectionsTo(tracker.port);
    const named = `http://localhost:${tracker.port}/announce`;
    for (const farewell of [false, true])
      await expectAsync(
        network.announce(named, farewell ? { ...req, event: 'stopped' } : req, { cancellable: null, farewell }),
      ).toBeRejectedWithError(/A SOCKS 4 proxy cannot be given a tracker’s name/);
    // dante was never asked, the tracker never heard of it
    expect(dante.connectionsTo(tracker.port)).toBe(before);
    expect((await tracker.scrape(hashHex)).complete).toBe(0);
    // the same tracker by address goes through dante
    await network.announce(tracker.announceUrl, req, { cancellable: null });
    expect(dante.connectionsTo(tracker.port)).toBe(before + 1);
    await network.announce(tracker.announceUrl, { ...req, event: 'stopped' }, { cancellable: null, farewell: true });
  });

  it('socks5: UDP announces go through its UDP relay, the farewell too', async () => {
    network = new TrackerNetwork(
      new MemorySettings({ 'proxy.type': 'socks5', 'proxy.server': '127.0.0.1', 'proxy.port': dante.port }),
    );
    const req = { ...REQ, infoHash: hexToBytes(hashHex) };
    const started = await network.announce(tracker.udpAnnounceUrl, req, { cancellable: null });
    expect(started.interval).toBeGreaterThan(0);
    expect((await tracker.scrape(hashHex)).complete).toBe(1);
    await network.announce(tracker.udpAnnounceUrl, { ...req, event: 'stopped' }, { cancellable: null, farewell: true });
    expect((await tracker.scrape(hashHex)).complete).toBe(0);
    // The UDP socket talked to dante's relay, not to the tracker.
    expect(network.udp.endpointFor(tracker.udpAnnounceUrl).remotePort).not.toBe(tracker.port);
    expect(dante.log())
      .withContext(dante.log())
      .toMatch(/udp\/udpassociate/);
  });

  it('socks4 and http: a UDP tracker is refused in words, and never sees the announce', async () => {
    for (const type of ['socks4', 'http']) {
      network?.dispose();
      network = new TrackerNetwork(
        new MemorySettings({ 'proxy.type': type, 'proxy.server': '127.0.0.1', 'proxy.port': dante.port }),
      );
      const req = { ...REQ, infoHash: hexToBytes(hashHex) };
      await expectAsync(network.announce(tracker.udpAnnounceUrl, req, { cancellable: null })).toBeRejectedWithError(
        /UDP tracker cannot be reached through an HTTP or SOCKS 4 proxy/,
      );
      expect((await tracker.scrape(hashHex)).complete).toBe(0);
    }
  });
});

/** Base64 of a latin1 string (GJS has no btoa). */
function btoaLatin1(text: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = [...text].map((c) => c.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out +=
      abc[n >> 18] +
      abc[(n >> 12) & 63] +
      (i + 1 < bytes.length ? abc[(n >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? abc[n & 63] : '=');
  }
  return out;
}
