import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import '../../src/lib/promisify.ts';
import { isCancelled } from '../../src/lib/errors.ts';
import { recoverDroppedSources } from '../../src/lib/garbageCollection.ts';
import { allIdentities, identityById } from '../../src/model/identity/index.ts';
import {
  HttpTracker,
  PlainHttpClient,
  requestHead,
  TorrentAnnouncer,
  TrackerError,
  TrackerNetwork,
} from '../../src/model/tracker/index.ts';
import { delay, waitFor } from '../support/async.ts';
import { type CaptureReply, CaptureServer, latin1Bytes } from '../support/captureServer.ts';
import { OpenTracker } from '../support/opentracker.ts';
import { fixtureInfoHashHex, makeTorrent } from '../support/torrents.ts';
import { hexToBytes, MemorySettings } from '../support/trackerSettings.ts';
import { closedPort } from '../support/ports.ts';

/**
 * The plain transport (PlainHttpClient) that sends `stopped` farewells to `http://` trackers
 * when no proxy is set: the same bytes on the wire as libsoup, the same errors, and the
 * farewell for a `started` that was still in flight.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const STOPPED = { infoHash: HASH, event: 'stopped' as const, uploaded: 1024, downloaded: 0, left: 0, trackerId: null };
const SEED = { uploaded: 0, downloaded: 0, left: 0 };

/** A listener that answers every connection with the given bytes, then closes it. */
class RawReplyServer {
  readonly #service = new Gio.SocketService();
  readonly port: number;
  requests = 0;

  constructor(reply: string | ((n: number) => string)) {
    const [, effective] = this.#service.add_address(
      Gio.InetSocketAddress.new_from_string('127.0.0.1', 0)!,
      Gio.SocketType.STREAM,
      Gio.SocketProtocol.TCP,
      null,
    );
    this.port = (effective as Gio.InetSocketAddress).get_port();
    this.#service.connect('incoming', (_s, conn: Gio.SocketConnection) => {
      const n = ++this.requests;
      void (async () => {
        try {
          await conn.get_input_stream().read_bytes_async(65536, GLib.PRIORITY_DEFAULT, null);
          const text = typeof reply === 'string' ? reply : reply(n);
          await conn.get_output_stream().write_all_async(latin1Bytes(text), GLib.PRIORITY_DEFAULT, null);
        } catch {
          // the client went away
        }
        conn.close(null);
      })();
      return true;
    });
    this.#service.start();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/announce`;
  }

  stop(): void {
    this.#service.stop();
    this.#service.close();
  }
}

/**
 * A listener with a backlog of 0 and its accept queue filled by connections that never send: a
 * new connection's SYN is dropped until serve() empties the queue and answers every request.
 */
class SlowListener {
  readonly #socket = Gio.Socket.new(Gio.SocketFamily.IPV4, Gio.SocketType.STREAM, Gio.SocketProtocol.TCP);
  readonly #fillers: Gio.Socket[] = [];
  /** Accepted connections whose request has not arrived (the fillers never send one). */
  readonly #open: Gio.Socket[] = [];
  readonly port: number;
  #timer = 0;
  requests = 0;

  constructor() {
    this.#socket.set_listen_backlog(0);
    this.#socket.bind(Gio.InetSocketAddress.new_from_string('127.0.0.1', 0)!, true);
    this.#socket.listen();
    this.#socket.set_blocking(false);
    this.port = (this.#socket.get_local_address() as Gio.InetSocketAddress).get_port();
    for (let i = 0; i < 3; i++) {
      const filler = Gio.Socket.new(Gio.SocketFamily.IPV4, Gio.SocketType.STREAM, Gio.SocketProtocol.TCP);
      filler.set_blocking(false);
      try {
        filler.connect(Gio.InetSocketAddress.new_from_string('127.0.0.1', this.port)!, null);
      } catch {
        // PENDING: the queue is full
      }
      this.#fillers.push(filler);
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/announce`;
  }

  /** Accepts every waiting connection from now on, and answers each request with `reply`. */
  serve(reply: string): void {
    const open = this.#open;
    this.#timer = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 20, () => {
      for (;;) {
        try {
          const c = this.#socket.accept(null);
          c.set_blocking(false);
          open.push(c);
        } catch {
          break; // WOULD_BLOCK: none waiting
        }
      }
      for (const c of open.splice(0)) {
        if (c.condition_check(GLib.IOCondition.IN) === (0 as GLib.IOCondition)) {
          open.push(c);
          continue;
        }
        Gio.UnixInputStream.new(c.get_fd(), false).read_bytes(65536, null);
        this.requests++;
        c.send(latin1Bytes(reply), null);
        c.close();
      }
      return GLib.SOURCE_CONTINUE;
    });
  }

  stop(): void {
    if (this.#timer) GLib.source_remove(this.#timer);
    for (const c of [...this.#fillers, ...this.#open]) c.close();
    this.#socket.close();
  }
}

function gzip(text: string): Uint8Array {
  const conv = Gio.ConverterInputStream.new(
    Gio.MemoryInputStream.new_from_bytes(new GLib.Bytes(latin1Bytes(text))),
    Gio.ZlibCompressor.new(Gio.ZlibCompressorFormat.GZIP, -1),
  );
  const parts: number[] = [];
  for (;;) {
    const c = conv.read_bytes(4096, null).toArray();
    if (c.length === 0) break;
    parts.push(...c);
  }
  return Uint8Array.from(parts);
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('plain HTTP farewells (integration)', () => {
  const networks: TrackerNetwork[] = [];
  const servers: { stop(): void }[] = [];
  afterEach(() => {
    for (const n of networks.splice(0)) n.dispose();
    for (const s of servers.splice(0)) s.stop();
  });

  function network(values: Record<string, unknown> = {}): TrackerNetwork {
    const n = new TrackerNetwork(new MemorySettings({ 'connection.listening_port': 51420, ...values }));
    networks.push(n);
    return n;
  }

  function capture(): CaptureServer {
    const s = new CaptureServer();
    servers.push(s);
    return s;
  }

  describe('bytes on the wire', () => {
    for (const identity of allIdentities()) {
      it(`${identity.id}: a farewell is byte for byte the request libsoup sends`, async () => {
        const server = capture();
        const net = network({ agent: identity.id });
        const url = `${server.url}/announce?passkey=a%2Fb`;
        // The same `stopped` through libsoup (not a farewell) and through the plain transport.
        await net.announce(url, STOPPED, { cancellable: null });
        await net.announce(url, STOPPED, { cancellable: null, farewell: true });
        expect(server.requests.length).toBe(2);
        const [soup, plain] = server.requests;
        expect(plain.raw).toBe(soup.raw);
        expect(plain.path).toContain('event=stopped');
        expect(plain.headers.map(([k]) => k)).toEqual(identity.headers.map(([k]) => k));
      });
    }

    it('goes over the plain transport without a proxy, and over libsoup with one', async () => {
      const server = capture();
      const direct = new HttpTracker(null);
      const ctx = {
        identity: identityById('qbittorrent-5.2.3'),
        peerId: new Uint8Array(20).fill(0x41),
        key: 'K',
        port: 1,
      };
      await direct.announce(`${server.url}/announce`, STOPPED, ctx, 5, null, { farewell: true });
      expect(direct.plain!.sent).toBe(1);
      // not a farewell: libsoup as before
      await direct.announce(`${server.url}/announce`, STOPPED, ctx, 5, null);
      expect(direct.plain!.sent).toBe(1);
      expect(server.requests.length).toBe(2);
      expect(new HttpTracker('http://127.0.0.1:9').plain).toBeNull();
    });

    it('requestHead writes the request line, the identity’s headers in order and a blank line', () => {
      const identity = identityById('transmission-4.1.3');
      const head = new TextDecoder().decode(requestHead('http://tracker.example:8080/a/announce?x=%41&y', identity));
      expect(head).toBe(
        'GET /a/announce?x=%41&y HTTP/1.1\r\nHost: tracker.example:8080\r\nUser-Agent: Transmission/4.1.3\r\n' +
          'Accept: */*\r\nAccept-Encoding: deflate, gzip, br, zstd\r\n\r\n',
      );
      expect(new TextDecoder().decode(requestHead('http://[::1]/announce', identity))).toMatch(
        /^GET \/announce HTTP\/1\.1\r\nHost: \[::1\]\r\n/,
      );
    });
  });

  describe('replies and faults', () => {
    const ctx = () => ({
      identity: identityById('qbittorrent-5.2.3'),
      peerId: new Uint8Array(20).fill(0x41),
      key: 'K',
      port: 1,
    });
    let http: HttpTracker;
    beforeEach(() => (http = new HttpTracker(null)));
    afterEach(() => http.abort());

    const farewell = (url: string, timeout = 5, c: Gio.Cancellable | null = null) =>
      http.announce(url, STOPPED, ctx(), timeout, c, { farewell: true });

    it('reads a Content-Length reply, a chunked one and one that ends with the connection', async () => {
      const body = 'd8:intervali1800e8:completei3ee';
      const chunked = new RawReplyServer(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
          `a\r\n${body.slice(0, 10)}\r\n${(body.length - 10).toString(16)}\r\n${body.slice(10)}\r\n0\r\n\r\n`,
      );
      const eof = new RawReplyServer(`HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n${body}`);
      servers.push(chunked, eof);
      const server = capture();
      server.respond = () => ({ body });
      for (const url of [`${server.url}/announce`, chunked.url, eof.url]) {
        const reply = await farewell(url);
        expect(reply.interval).withContext(url).toBe(1800);
        expect(reply.seeders).withContext(url).toBe(3);
      }
      expect(http.plain!.inFlight).toBe(0);
    });

    it('reads a gzip reply', async () => {
      const server = capture();
      server.respond = () => ({ headers: [['Content-Encoding', 'gzip']], body: gzip('d8:intervali900ee') });
      expect((await farewell(`${server.url}/announce`)).interval).toBe(900);
    });

    it('a failure reason, an HTTP error and a body that is not bencode are errors as over libsoup', async () => {
      const server = capture();
      const replies = [
        { status: 400, reason: 'Bad Request', body: 'd14:failure reason8:not heree' },
        { status: 503, reason: 'Service Unavailable', body: '' },
        { body: '<html>oops</html>' },
      ];
      server.respond = () => replies[(server.requests.length - 1) % 3];
      const errors: TrackerError[] = [];
      for (let i = 0; i < 3; i++) {
        const e = await rejection(farewell(`${server.url}/announce`));
        expect(e).toBeInstanceOf(TrackerError);
        errors.push(e as TrackerError);
      }
      // a 4xx that carries a failure reason shows the tracker's words
      expect(errors.map((e) => e.kind)).toEqual(['failure', 'http', 'protocol']);
      expect(errors[0].message).toBe('not here');
      expect(errors[1].message).toBe('The tracker answered HTTP 503 Service Unavailable');
      expect(errors[2].message).toContain('<html>oops</html>');
    });

    it('a refused connection and a server that hangs up are network errors', async () => {
      const refused = (await rejection(farewell(`http://127.0.0.1:${closedPort()}/announce`))) as TrackerError;
      expect(refused.kind).toBe('network');
      const server = capture();
      server.respond = () => 'close';
      const hungUp = (await rejection(farewell(`${server.url}/announce`))) as TrackerError;
      expect(hungUp.kind).toBe('network');
      const garbage = new RawReplyServer('SSH-2.0-OpenSSH\r\n\r\n');
      servers.push(garbage);
      expect(((await rejection(farewell(garbage.url))) as TrackerError).kind).toBe('protocol');
      expect(http.plain!.inFlight).toBe(0);
    });

    it('a handshake that takes its time: the request is written once the connection is made', async () => {
      // A listener whose accept queue (backlog 0) is full drops the next SYN: the farewell's
      // socket stays half-open until the SYN is sent again about a second later.
      const listener = new SlowListener();
      servers.push(listener);
      const reply = farewell(listener.url);
      await delay(300);
      expect(listener.requests).toBe(0);
      listener.serve('HTTP/1.1 200 OK\r\nContent-Length: 17\r\n\r\nd8:intervali600ee');
      expect((await reply).interval).toBe(600);
      expect(listener.requests).toBe(1);
      expect(http.plain!.inFlight).toBe(0);
    });

    it('a tracker that never answers times out; a cancellable shared by many requests cancels them all', async () => {
      const server = capture();
      server.respond = () => 'hang';
      const timedOut = (await rejection(farewell(`${server.url}/announce`, 1))) as TrackerError;
      expect([timedOut.kind, timedOut.message]).toEqual(['timeout', 'The tracker did not answer within 1 seconds.']);

      const c = new Gio.Cancellable();
      const pending = Array.from({ length: 20 }, () => rejection(farewell(`${server.url}/announce`, 30, c)));
      await waitFor(() => server.requests.length === 21, 'all 20 requests to arrive');
      expect(http.plain!.inFlight).toBe(20);
      c.cancel();
      const errors = await Promise.all(pending);
      expect(errors.every(isCancelled)).toBeTrue();
      expect(http.plain!.inFlight).toBe(0);
      // an already-cancelled cancellable sends nothing
      expect(isCancelled(await rejection(farewell(`${server.url}/announce`, 30, c)))).toBeTrue();
      expect(server.requests.length).toBe(21);
    });

    it('follows a redirect (the next hop over libsoup)', async () => {
      const server = capture();
      server.respond = (r) =>
        r.path.startsWith('/moved')
          ? { body: 'd8:intervali600ee' }
          : { status: 302, reason: 'Found', headers: [['Location', '/moved']] };
      expect((await farewell(`${server.url}/announce`)).interval).toBe(600);
      expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/announce', '/moved']);
    });

    it('resolves a host name, trying each address until one accepts (localhost → 127.0.0.1)', async () => {
      const server = capture();
      const reply = await farewell(`http://localhost:${server.port}/announce`);
      expect(reply.interval).toBe(1800);
      expect(server.requests[0].headers[0]).toEqual(['Host', `localhost:${server.port}`]);
    });

    it('PlainHttpClient reads a reply larger than one read whole (each read takes what the socket holds)', async () => {
      const server = capture();
      const body = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      server.respond = () => ({ body });
      const client = new PlainHttpClient();
      const head = requestHead(`${server.url}/announce`, identityById('qbittorrent-5.2.3'));
      const reply = await client.get('127.0.0.1', server.port, head, 5, null, 1024 * 1024);
      expect(reply.status).toBe(200);
      expect(reply.body.length).toBe(body.length);
      expect(new TextDecoder().decode(reply.body) === body).toBeTrue();
    });

    it('PlainHttpClient makes its sources again when GLib removed them (GJS 1.74 dropped their callbacks)', async () => {
      const server = capture();
      const client = new PlainHttpClient();
      const head = requestHead(`${server.url}/announce`, identityById('qbittorrent-5.2.3'));
      const reply = client.get('127.0.0.1', server.port, head, 5, null, 4096);
      // The request waits on an idle of the client's (it connects from there): GLib removes a
      // source whose callback GJS dropped, as here; the stall's finish tells its owners.
      const ids = client.sourceIds;
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) GLib.source_remove(id);
      recoverDroppedSources();
      expect((await reply).status).toBe(200);
      expect(server.requests.length).toBe(1);
      client.abort();
    });

    it('PlainHttpClient refuses a reply larger than the cap', async () => {
      const server = capture();
      server.respond = () => ({ body: 'x'.repeat(5000) });
      const client = new PlainHttpClient();
      const head = requestHead(`${server.url}/announce`, identityById('qbittorrent-5.2.3'));
      const e = (await rejection(client.get('127.0.0.1', server.port, head, 5, null, 4096))) as TrackerError;
      expect([e.kind, e.message]).toEqual(['protocol', 'The tracker’s reply is larger than 4 KiB.']);
    });
  });

  describe('the farewell with a callback (TrackerNetwork.farewell, what the quit sends)', () => {
    /** network.farewell as a promise of its error (null: the tracker took it). */
    const said = (net: TrackerNetwork, url: string, c: Gio.Cancellable | null = null) =>
      new Promise<unknown>((resolve) => net.farewell(url, STOPPED, c, resolve));

    for (const identity of allIdentities()) {
      it(`${identity.id}: sends byte for byte the farewell announce() sends, with the same key and peer id`, async () => {
        const server = capture();
        const net = network({ agent: identity.id });
        const url = `${server.url}/announce?passkey=a%2Fb`;
        await net.announce(url, STOPPED, { cancellable: null, farewell: true });
        expect(await said(net, url)).toBeNull();
        expect(server.requests.length).toBe(2);
        const [announced, farewell] = server.requests;
        expect(farewell.raw).toBe(announced.raw);
        expect(farewell.path).toContain('event=stopped');
      });
    }

    it('reads only the status and a failure reason; a redirect is followed; errors are announce()’s', async () => {
      const server = capture();
      const replies: Record<string, CaptureReply> = {
        '/ok': { body: 'd8:intervali1800ee' },
        '/odd': { body: '<html>fine</html>' }, // 2xx: the tracker took it, whatever the body
        '/refused': { body: 'd14:failure reason8:not heree' },
        '/refused400': { status: 400, reason: 'Bad Request', body: 'd14:failure reason4:nopee' },
        '/down': { status: 503, reason: 'Service Unavailable', body: '' },
        '/moved': { status: 302, reason: 'Found', headers: [['Location', '/ok']] },
      };
      server.respond = (r) => replies[r.path.split('?')[0]];
      const net = network();
      const outcomes: [string, boolean][] = [];
      net.onAnnounceOutcome = (_hash, url, ok) => outcomes.push([url.slice(server.url.length), ok]);
      for (const path of ['/ok', '/odd', '/moved'])
        expect(await said(net, server.url + path))
          .withContext(path)
          .toBeNull();
      const errors = [];
      for (const path of ['/refused', '/refused400', '/down'])
        errors.push((await said(net, server.url + path)) as TrackerError);
      expect(errors.map((e) => [e.kind, e.message])).toEqual([
        ['failure', 'not here'],
        ['failure', 'nope'],
        ['http', 'The tracker answered HTTP 503 Service Unavailable'],
      ]);
      expect(server.requests.map((r) => r.path.split('?')[0])).toEqual([
        '/ok',
        '/odd',
        '/moved',
        '/ok',
        '/refused',
        '/refused400',
        '/down',
      ]);
      // The history hears of each, as of any announce.
      expect(outcomes).toEqual([
        ['/ok', true],
        ['/odd', true],
        ['/moved', true],
        ['/refused', false],
        ['/refused400', false],
        ['/down', false],
      ]);
      const refused = (await said(net, `http://127.0.0.1:${closedPort()}/announce`)) as TrackerError;
      expect(refused.kind).toBe('network');
    });

    it('follows the identity and the port as the settings change (read once per change, not per request)', async () => {
      const server = capture();
      const settings = new MemorySettings({ 'connection.listening_port': 51420, agent: 'qbittorrent-5.2.3' });
      const net = new TrackerNetwork(settings);
      networks.push(net);
      const url = `${server.url}/announce`;
      expect(await said(net, url)).toBeNull();
      settings.change('agent', 'transmission-4.1.3');
      settings.change('connection.listening_port', 51999);
      expect(net.identity.id).toBe('transmission-4.1.3');
      expect(await said(net, url)).toBeNull();
      const agents = server.requests.map((r) => r.headers.find(([k]) => k === 'User-Agent')?.[1]);
      expect(agents).toEqual([
        identityById('qbittorrent-5.2.3').userAgent,
        identityById('transmission-4.1.3').userAgent,
      ]);
      expect(server.requests[0].path).toContain('port=51420');
      expect(server.requests[1].path).toContain('port=51999');
    });

    it('cancelled: CANCELLED, nothing more sent, and no outcome for the history', async () => {
      const server = capture();
      server.respond = () => 'hang';
      const net = network();
      let outcomes = 0;
      net.onAnnounceOutcome = () => outcomes++;
      const c = new Gio.Cancellable();
      const pending = Array.from({ length: 10 }, () => said(net, `${server.url}/announce`, c));
      await waitFor(() => server.requests.length === 10, 'the ten farewells to arrive');
      c.cancel();
      expect((await Promise.all(pending)).every(isCancelled)).toBeTrue();
      expect(isCancelled(await said(net, `${server.url}/announce`, c))).toBeTrue();
      expect(server.requests.length).toBe(10);
      expect(outcomes).toBe(0);
    });
  });

  describe('a `started` still in flight', () => {
    function announcer(net: TrackerNetwork, url: string): TorrentAnnouncer {
      return new TorrentAnnouncer({
        metainfo: { infoHash: HASH, announceTiers: [[url]], isPrivate: false },
        network: net,
      });
    }

    it('cancelled before its answer: the tracker is owed a `stopped`, and gets it', async () => {
      const server = capture();
      server.respond = (r) => (r.path.includes('event=started') ? 'hang' : { body: 'd8:intervali1800ee' });
      const a = announcer(network(), `${server.url}/announce`);
      const c = new Gio.Cancellable();
      const announcing = a.announceDue(SEED, c);
      await waitFor(() => server.requests.length === 1, 'the started to arrive');
      c.cancel();
      await announcing;
      expect(a.startedAcknowledged).toBeFalse();
      expect(a.owesStopped).toBeTrue();
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(1);
      expect(server.requests.map((r) => /event=(\w+)/.exec(r.path)?.[1])).toEqual(['started', 'stopped']);
      expect(server.requests[1].path).toContain('numwant=0');
      expect(a.owesStopped).toBeFalse();
      expect(a.trackers[0].state).toBe('stopped');
      expect(a.trackers[0].nextAnnounce).toBeNull(); // a paused torrent plans nothing
    });

    it('stop() cancels a `started` it finds in flight first, then says goodbye; no other tracker is tried', async () => {
      const slow = capture();
      slow.respond = (r) => (r.path.includes('event=started') ? 'hang' : { body: 'd8:intervali1800ee' });
      const next = capture();
      // Deluge: BEP 12, one tracker of the tier at a time (the second only if the first fails).
      const net = network({ agent: 'deluge-2.2.0' });
      const a = new TorrentAnnouncer({
        metainfo: {
          infoHash: HASH,
          announceTiers: [[`${slow.url}/announce`], [`${next.url}/announce`]],
          isPrivate: false,
        },
        network: net,
      });
      const announcing = a.announceDue(SEED, new Gio.Cancellable());
      await waitFor(() => slow.requests.length === 1, 'the started to arrive');
      expect(a.owesStopped).toBeTrue();
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(1);
      await announcing;
      expect(slow.requests.map((r) => /event=(\w+)/.exec(r.path)?.[1])).toEqual(['started', 'stopped']);
      expect(next.requests.length).toBe(0);
      expect(a.trackers.map((t) => t.state)).toEqual(['stopped', 'idle']);
      expect(a.owesStopped).toBeFalse();
    });

    it('a `started` the tracker refused is owed nothing', async () => {
      const server = capture();
      server.respond = () => ({ body: 'd14:failure reason4:nopee' });
      const a = announcer(network(), `${server.url}/announce`);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.owesStopped).toBeFalse();
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(0);
      expect(server.requests.length).toBe(1);
    });
  });

  describe('against opentracker', () => {
    if (!OpenTracker.isAvailable()) {
      it('needs opentracker', () => pending('opentracker is not installed'));
      return;
    }

    it('300 farewells at once over the plain transport take every torrent off the tracker', async () => {
      const hashes = Array.from({ length: 300 }, (_v, i) => fixtureInfoHashHex(makeTorrent({ name: `p${i}.bin` })));
      const ot = new OpenTracker();
      await ot.start(hashes);
      try {
        const net = network({ concurrent_http_connections: 64 });
        const announcers = hashes.map(
          (h) =>
            new TorrentAnnouncer({
              metainfo: { infoHash: hexToBytes(h), announceTiers: [[ot.announceUrl]], isPrivate: false },
              network: net,
            }),
        );
        const c = new Gio.Cancellable();
        await Promise.all(announcers.map((a) => a.announceDue(SEED, c)));
        const seeders = async () => Number((await ot.stats('peer')).split('\n')[1]);
        expect(await seeders()).toBe(300);
        const acked = await Promise.all(announcers.map((a) => a.stop(SEED, c)));
        expect(acked.every((n) => n === 1)).toBeTrue();
        expect(await seeders()).toBe(0);
      } finally {
        await ot.stop();
      }
    }, 60000);
  });
});
