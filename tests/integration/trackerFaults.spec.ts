import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

import { TorrentAnnouncer, TrackerNetwork, type TrackerInfo } from '../../src/model/tracker/index.ts';
import { type CaptureReply, CaptureServer, latin1Bytes } from '../support/captureServer.ts';
import { hexToBytes, ManualClock, MemorySettings } from '../support/trackerSettings.ts';
import { udpReply, UdpTrackerStub } from '../support/udpTrackerStub.ts';
import { closedPort } from '../support/ports.ts';
import { addLogListener, logger } from '../../src/lib/log.ts';

/**
 * Faults a real tracker will not produce, from a local raw HTTP listener and a local UDP
 * socket: each must end in a visible tracker status and a correct next retry, never in an
 * uncaught exception. Schedules are read from an injected clock, not waited for.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const SEED = { uploaded: 0, downloaded: 0, left: 0 };

function gzip(text: string): Uint8Array {
  const conv = Gio.ConverterInputStream.new(
    Gio.MemoryInputStream.new_from_bytes(new GLib.Bytes(latin1Bytes(text))),
    Gio.ZlibCompressor.new(Gio.ZlibCompressorFormat.GZIP, -1),
  );
  const parts: number[] = [];
  for (;;) {
    const c = conv.read_bytes(4096, null).toArray();
    if (!c.length) break;
    parts.push(...c);
  }
  return Uint8Array.from(parts);
}

describe('tracker faults (local fault servers)', () => {
  let clock: ManualClock;
  let settings: MemorySettings;
  let networks: TrackerNetwork[];

  beforeEach(() => {
    clock = new ManualClock();
    settings = new MemorySettings({ agent: 'qbittorrent-5.2.3', 'seeders.http_timeout_seconds': 1 });
    networks = [];
  });
  afterEach(() => networks.forEach((n) => n.dispose()));

  function makeAnnouncer(tiers: string[][], options: { agent?: string; isPrivate?: boolean } = {}) {
    if (options.agent) settings.change('agent', options.agent);
    // random(n) = n - 1: tier shuffles keep the torrent's order, jitter is its maximum
    const network = new TrackerNetwork(settings, { clock, random: (n) => n - 1 });
    networks.push(network);
    const changes: TrackerInfo[][] = [];
    const a = new TorrentAnnouncer({
      metainfo: { infoHash: HASH, announceTiers: tiers, isPrivate: options.isPrivate ?? false },
      network,
      onChanged: () => changes.push(a.trackers),
    });
    return { a, network, changes };
  }

  /** Seconds from now to the announcer's next due announce. */
  function dueIn(a: TorrentAnnouncer): number {
    return (a.nextAnnounceAt() - clock.us) / 1e6;
  }

  describe('HTTP', () => {
    let server: CaptureServer;
    beforeEach(() => (server = new CaptureServer()));
    afterEach(() => server.stop());

    function replyWith(reply: CaptureReply): string {
      server.respond = () => reply;
      return `${server.url}/announce`;
    }

    it('a tracker that never answers times out, shows it and backs off 17, 55, 117 s (libtorrent)', async () => {
      const { a, changes } = makeAnnouncer([[replyWith('hang')]]);
      const expected = [17, 55, 117];
      for (const seconds of expected) {
        await a.announceDue(SEED, new Gio.Cancellable());
        const [t] = a.trackers;
        expect(t.state).toBe('error');
        expect(t.message).toContain('did not answer within 1 seconds');
        expect(dueIn(a)).toBe(seconds);
        expect(t.nextAnnounce).toBe(clock.wallSeconds() + seconds);
        clock.advance(seconds);
      }
      expect(changes.some((c) => c[0].state === 'announcing')).toBeTrue();
      expect(a.startedAcknowledged).toBeFalse();
    });

    it('Transmission backs off 20 s, then 300 s plus jitter', async () => {
      const { a } = makeAnnouncer(
        [[replyWith({ status: 503, reason: 'Service Unavailable', body: '<html>busy</html>' })]],
        {
          agent: 'transmission-4.1.3',
        },
      );
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker answered HTTP 503 Service Unavailable (“<html>busy</html>”)');
      expect(dueIn(a)).toBe(20);
      clock.advance(20);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(a)).toBe(300 + 59); // the injected random draws the largest jitter
    });

    it('a refused connection is a network error with a retry planned', async () => {
      const { a } = makeAnnouncer([[`http://127.0.0.1:${closedPort()}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('error');
      expect(a.trackers[0].message).toMatch(/refused/i);
      expect(dueIn(a)).toBe(17);
    });

    it('a server that hangs up without answering is a network error', async () => {
      const { a } = makeAnnouncer([[replyWith('close')]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('error');
      expect(a.trackers[0].message).not.toBe('');
      expect(dueIn(a)).toBe(17);
    });

    it('an empty 200 reply is not bencode', async () => {
      const { a } = makeAnnouncer([[replyWith({ body: '' })]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker’s reply is not bencoded: an empty reply');
    });

    it('a body that is not bencode is reported with a glimpse of it', async () => {
      const { a } = makeAnnouncer([[replyWith({ body: 'Hello, I am a web page' })]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker’s reply is not bencoded: “Hello, I am a web page”');
      expect(dueIn(a)).toBe(17);
    });

    it('a 4xx that carries a failure reason shows the tracker’s words', async () => {
      const { a } = makeAnnouncer([
        [replyWith({ status: 403, reason: 'Forbidden', body: 'd14:failure reason11:passkey bade' })],
      ]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('passkey bad');
      // libtorrent waits the tracker's interval (none given: 1800 s) after a failure reason
      expect(dueIn(a)).toBe(1800);
    });

    it('a failure reason with an interval waits that interval; Transmission without one uses its table', async () => {
      const one = makeAnnouncer([[replyWith({ body: 'd14:failure reason4:busy8:intervali900ee' })]]);
      await one.a.announceDue(SEED, new Gio.Cancellable());
      expect(one.a.trackers[0].message).toBe('busy');
      expect(dueIn(one.a)).toBe(900);
      const two = makeAnnouncer([[replyWith({ body: 'd14:failure reason4:busye' })]], { agent: 'transmission-4.1.3' });
      await two.a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(two.a)).toBe(20);
    });

    for (const words of ['Unregistered torrent', 'torrent not registered with this tracker']) {
      it(`"${words}" stops retries for that tracker and says why; the torrent is untouched`, async () => {
        const body = `d14:failure reason${words.length}:${words}e`;
        const { a } = makeAnnouncer([[replyWith({ body })]]);
        await a.announceDue(SEED, new Gio.Cancellable());
        const [t] = a.trackers;
        expect(t.state).toBe('disabled');
        expect(t.status).toBe('Error (not retried)');
        expect(t.message).toBe(`Not retried until you update the tracker: it said “${words}”`);
        expect(a.nextAnnounceAt()).toBe(Infinity);
        clock.advance(100000);
        await a.announceDue(SEED, new Gio.Cancellable());
        expect(server.requests.length).toBe(1);
        // Update Tracker asks it once more (its operator may have registered the torrent since).
        expect(a.earliestForcedAnnounce()).toBeLessThan(Infinity);
        await a.forceAnnounce(SEED, new Gio.Cancellable());
        expect(server.requests.length).toBe(2);
      });
    }

    it('a 1 MB failure reason with CR, LF and ESC is kept and shown escaped, on one line, capped at 300 characters', async () => {
      const reason = 'refused\r\nFAKE LOG LINE \u001b[31m' + 'x'.repeat(1_000_000);
      const body = `d14:failure reason${reason.length}:${reason}e`;
      const { a } = makeAnnouncer([[replyWith({ body })]]);
      const logged: string[] = [];
      const stop = addLogListener((_level, line) => logged.push(line));
      await a.announceDue(SEED, new Gio.Cancellable());
      logger.warning(`tracker said: ${a.trackers[0].message}`);
      stop();
      const message = a.trackers[0].message;
      expect(message.length).toBeLessThanOrEqual(300);
      expect(message.startsWith('refused\\r\\nFAKE LOG LINE \\e[31mxxx')).toBeTrue();
      expect(message.endsWith('…')).toBeTrue();
      // eslint-disable-next-line no-control-regex
      expect(/[\u0000-\u001f\u007f]/.test(message)).toBeFalse();
      expect(logged).toEqual([`tracker said: ${message}`]);
    });

    it('a warning, a tracker id and a peer list are bounded too', async () => {
      const warning = 'w\n'.repeat(100_000);
      // 127.0.0.1:6882, not our own announced 6881 (which would be our announce echoed back).
      const peers = '\x7f\x00\x00\x01\x1a\xe2'.repeat(20_000);
      const id = 'i'.repeat(10_000);
      const body = `d8:intervali1800e15:warning message${warning.length}:${warning}10:tracker id${id.length}:${id}5:peers${peers.length}:${peers}e`;
      const { a } = makeAnnouncer([[replyWith({ body })]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('working');
      expect(a.trackers[0].message.length).toBeLessThanOrEqual(300);
      expect(a.trackers[0].message.startsWith('w\\nw\\n')).toBeTrue();
      expect(a.trackers[0].peers.length).toBe(500);
    });

    it('an oversized reply is refused', async () => {
      const big = 'd5:peers' + `${2_000_000}:` + 'x'.repeat(2_000_000) + 'e';
      const { a } = makeAnnouncer([[replyWith({ body: big })]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker’s reply is larger than 1024 KiB.');
    });

    it('follows a redirect, but not a redirect loop', async () => {
      server.respond = (r) =>
        r.path.startsWith('/moved')
          ? { body: 'd8:intervali1800e5:peers0:e' }
          : { status: 302, reason: 'Found', headers: [['Location', '/moved' + r.path.slice(r.path.indexOf('?'))]] };
      const { a } = makeAnnouncer([[`${server.url}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('working');
      expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/announce', '/moved']);
      server.respond = () => ({ status: 301, reason: 'Moved', headers: [['Location', '/announce']] });
      const loop = makeAnnouncer([[`${server.url}/announce`]]);
      await loop.a.announceDue(SEED, new Gio.Cancellable());
      expect(loop.a.trackers[0].message).toBe('The tracker redirected more than 5 times.');
    });

    it('reads gzip replies, dict and compact peers, peers6, warnings, and echoes the tracker id', async () => {
      const peers6 = String.fromCharCode(0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1, 0x1a, 0xe1);
      server.respond = () => ({
        headers: [['Content-Encoding', 'gzip']],
        body: gzip(
          'd8:completei7e10:incompletei3e8:intervali60e12:min intervali30e10:tracker id5:tid-1' +
            '15:warning message8:be nice!' +
            '5:peersld2:ip8:10.0.0.14:porti6881eee6:peers618:' +
            peers6 +
            'e',
        ),
      });
      const { a } = makeAnnouncer([[`${server.url}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      const [t] = a.trackers;
      expect(t.state).withContext(t.message).toBe('working');
      expect([t.seeders, t.leechers]).toEqual([7, 3]);
      expect(t.message).toBe('be nice!');
      expect(t.peers).toEqual([
        { ip: '10.0.0.1', port: 6881 },
        { ip: '2001:db8::1', port: 6881 },
      ]);
      expect(dueIn(a)).toBe(300); // interval 60, qBittorrent's floor 300
      clock.advance(300);
      server.respond = () => ({
        // Port 6882: 127.0.0.1 at our own announced port (6881) would be our announce echoed back.
        body: 'd8:intervali1800e5:peers6:' + String.fromCharCode(127, 0, 0, 1, 0x1a, 0xe2) + 'e',
      });
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(server.requests[1].path).toMatch(/&trackerid=tid-1$/);
      expect(server.requests[1].path).not.toContain('event=');
      expect(a.trackers[0].peers).toEqual([{ ip: '127.0.0.1', port: 6882 }]);
      expect(a.trackers[0].message).toBe('');
    });

    it('Transmission takes the interval as given down to its 120 s min interval; with none, each client uses its default', async () => {
      server.respond = () => ({ body: 'd8:intervali300e5:peers0:e' });
      const tr = makeAnnouncer([[`${server.url}/announce`]], { agent: 'transmission-4.1.3' });
      await tr.a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(tr.a)).toBe(300);
      server.respond = () => ({ body: 'd8:intervali1e5:peers0:e' });
      const hasty = makeAnnouncer([[`${server.url}/announce`]], { agent: 'transmission-4.1.3' });
      await hasty.a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(hasty.a)).toBe(120);
      server.respond = () => ({ body: 'd5:peers0:e' });
      const tr2 = makeAnnouncer([[`${server.url}/announce`]], { agent: 'transmission-4.1.3' });
      await tr2.a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(tr2.a)).toBe(600);
      settings.change('agent', 'qbittorrent-5.2.3');
      const qb = makeAnnouncer([[`${server.url}/announce`]]);
      await qb.a.announceDue(SEED, new Gio.Cancellable());
      expect(dueIn(qb.a)).toBe(1800);
    });

    it('a forced announce waits for min interval', async () => {
      server.respond = () => ({ body: 'd8:intervali1800e12:min intervali120e5:peers0:e' });
      const { a } = makeAnnouncer([[`${server.url}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      clock.advance(60);
      await a.forceAnnounce(SEED, new Gio.Cancellable());
      expect(server.requests.length).toBe(1);
      expect(dueIn(a)).toBe(60); // brought forward to the end of min interval
      clock.advance(60);
      await a.forceAnnounce(SEED, new Gio.Cancellable());
      expect(server.requests.length).toBe(2);
    });

    it('a completed that fails is retried on the backoff, not on every tick, and stays “completed”', async () => {
      server.respond = () => ({ body: 'd8:intervali1800e5:peers0:e' });
      const { a } = makeAnnouncer([[`${server.url}/announce`]]);
      await a.announceDue({ uploaded: 0, downloaded: 0, left: 100 }, new Gio.Cancellable());
      server.respond = () => ({ status: 502, reason: 'Bad Gateway' });
      await a.announceDue({ uploaded: 0, downloaded: 100, left: 0 }, new Gio.Cancellable());
      expect(server.requests.length).toBe(2);
      expect(server.requests[1].path).toContain('event=completed');
      expect(dueIn(a)).toBe(17);
      await a.announceDue({ uploaded: 0, downloaded: 100, left: 0 }, new Gio.Cancellable());
      await a.announceDue({ uploaded: 0, downloaded: 100, left: 0 }, new Gio.Cancellable());
      expect(server.requests.length).toBe(2);
      server.respond = () => ({ body: 'd8:intervali1800e5:peers0:e' });
      clock.advance(17);
      await a.announceDue({ uploaded: 0, downloaded: 100, left: 0 }, new Gio.Cancellable());
      expect(server.requests.length).toBe(3);
      expect(server.requests[2].path).toContain('event=completed');
      clock.advance(1800);
      await a.announceDue({ uploaded: 0, downloaded: 100, left: 0 }, new Gio.Cancellable());
      expect(server.requests[3].path).not.toContain('event=');
    });

    it('a cancelled announce leaves no error behind and can run again', async () => {
      const { a } = makeAnnouncer([[replyWith('hang')]]);
      settings.change('seeders.http_timeout_seconds', 30);
      const c = new Gio.Cancellable();
      GLib.timeout_add(GLib.PRIORITY_DEFAULT, 50, () => {
        c.cancel();
        return GLib.SOURCE_REMOVE;
      });
      await a.announceDue(SEED, c);
      expect(a.trackers[0].state).toBe('idle');
      expect(a.trackers[0].failures).toBe(0);
      expect(a.nextAnnounceAt()).toBeLessThanOrEqual(clock.us);
    });
  });

  describe('tiers', () => {
    let good: CaptureServer;
    let bad: CaptureServer;
    let other: CaptureServer;
    beforeEach(() => {
      good = new CaptureServer();
      bad = new CaptureServer();
      bad.respond = () => ({ status: 500, reason: 'Internal Server Error' });
      other = new CaptureServer();
    });
    afterEach(() => [good, bad, other].forEach((s) => s.stop()));

    it('BEP 12 (Deluge): a failing tracker hands over to the next of its tier, which is then promoted', async () => {
      const { a } = makeAnnouncer([[`${bad.url}/announce`, `${good.url}/announce`], [`${other.url}/announce`]], {
        agent: 'deluge-2.2.0',
      });
      await a.announceDue(SEED, new Gio.Cancellable());
      expect([bad.requests.length, good.requests.length, other.requests.length]).toEqual([1, 1, 0]);
      expect(a.trackers.map((t) => t.state)).toEqual(['error', 'working', 'idle']);
      clock.advance(1800);
      await a.announceDue(SEED, new Gio.Cancellable());
      // the working tracker now comes first: the failed one is not tried again while it works
      expect([bad.requests.length, good.requests.length]).toEqual([1, 2]);
      expect(good.requests[1].path).not.toContain('event=');
    });

    it('BEP 12: only when the whole first tier fails is the next tier used', async () => {
      const { a } = makeAnnouncer([[`${bad.url}/announce`], [`${good.url}/announce`]], { agent: 'deluge-2.2.0' });
      await a.announceDue(SEED, new Gio.Cancellable());
      expect([bad.requests.length, good.requests.length]).toEqual([1, 1]);
      expect(a.trackers[1].state).toBe('working');
    });

    it('qBittorrent announces to one tracker of every tier in parallel', async () => {
      const { a } = makeAnnouncer([[`${good.url}/announce`], [`${other.url}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect([good.requests.length, other.requests.length]).toEqual([1, 1]);
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(2);
      expect(good.requests[1].path).toContain('event=stopped&numwant=0');
      expect(other.requests[1].path).toContain('event=stopped&numwant=0');
    });

    it('a private torrent uses one tracker at a time, even for qBittorrent', async () => {
      const { a } = makeAnnouncer([[`${good.url}/announce`], [`${other.url}/announce`]], { isPrivate: true });
      await a.announceDue(SEED, new Gio.Cancellable());
      expect([good.requests.length, other.requests.length]).toEqual([1, 0]);
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(1);
      expect(other.requests.length).toBe(0);
    });

    it('stopped goes only to trackers that acknowledged started', async () => {
      const { a } = makeAnnouncer([[`${bad.url}/announce`], [`${good.url}/announce`]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(await a.stop(SEED, new Gio.Cancellable())).toBe(1);
      expect(a.trackers.map((t) => t.status)).toEqual(['Error', 'Stopped']);
      expect(bad.requests.length).toBe(1);
      expect(good.requests.map((r) => /event=(\w+)/.exec(r.path)?.[1])).toEqual(['started', 'stopped']);
      // after stopped, the next announce is a new `started`
      expect(a.nextAnnounceAt()).toBeLessThanOrEqual(clock.us);
    });
  });

  describe('global announce cap', () => {
    let server: CaptureServer;
    beforeEach(() => {
      server = new CaptureServer();
      server.respond = (r) => (r.path.includes('event=stopped') ? { body: 'd8:intervali1800ee' } : 'hang');
    });
    afterEach(() => server.stop());

    it('bounds concurrent announces (one tracker: the cap less a quarter), but never holds back a farewell', async () => {
      settings.change('concurrent_http_connections', 4);
      settings.change('seeders.http_timeout_seconds', 30);
      const network = new TrackerNetwork(settings, { clock });
      networks.push(network);
      const c = new Gio.Cancellable();
      const url = `${server.url}/announce`;
      const req = (event: 'started' | 'stopped') => ({ infoHash: HASH, event, ...SEED, trackerId: null });
      const pending = Array.from({ length: 6 }, () =>
        network.announce(url, req('started'), { cancellable: c }).catch((e) => e),
      );
      await new Promise<void>((resolve) =>
        GLib.timeout_add(GLib.PRIORITY_DEFAULT, 200, () => {
          resolve();
          return GLib.SOURCE_REMOVE;
        }),
      );
      expect(network.announceLoad).toEqual({ running: 3, waiting: 3, limit: 4 });
      expect(network.trackerLoad(url)).toEqual({ held: 3, waiting: 3, stalled: false });
      expect(server.requests.length).toBe(3);
      const reply = await network.announce(url, req('stopped'), { cancellable: null, farewell: true });
      expect(reply.interval).toBe(1800);
      settings.change('concurrent_http_connections', 5);
      expect(network.announceLoad.limit).toBe(5);
      c.cancel();
      const results = await Promise.all(pending);
      expect(results.every((e) => e instanceof GLib.Error)).toBeTrue();
      expect(network.announceLoad).toEqual({ running: 0, waiting: 0, limit: 5 });
    });
  });

  describe('UDP', () => {
    let stub: UdpTrackerStub;
    beforeEach(() => {
      stub = new UdpTrackerStub();
      settings.change('seeders.udp_timeout_seconds', 1);
    });
    afterEach(() => stub.stop());

    const connectThen = (announce: (tid: number) => Uint8Array[]) => (r: { action: number; transactionId: number }) =>
      r.action === 0 ? [udpReply.connect(r.transactionId)] : announce(r.transactionId);

    it('silence: a timeout with a retry planned', async () => {
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker did not answer within 1 seconds.');
      expect(dueIn(a)).toBe(17);
    });

    it('a reply with a wrong transaction id is ignored, and the timeout says so', async () => {
      stub.respond = (r) => [udpReply.connect((r.transactionId + 1) >>> 0)];
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('error');
      expect(a.trackers[0].message).toBe(
        'The tracker did not answer within 1 seconds. Ignored: 1 reply with an unknown transaction id.',
      );
      expect(dueIn(a)).toBe(17);
    });

    it('garbage shorter than a header is ignored', async () => {
      stub.respond = () => [Uint8Array.from([1, 2, 3, 4, 5])];
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toContain('Ignored: 1 packet too short to be a reply.');
    });

    it('a truncated announce reply is an error', async () => {
      stub.respond = connectThen((tid) => [udpReply.announce(tid, 1800, 0, 1).subarray(0, 12)]);
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker’s reply is too short (12 bytes, at least 20 needed).');
      expect(dueIn(a)).toBe(17);
    });

    it('a connection-id complaint: a new connect at once, and the same announce goes through', async () => {
      let complaints = 1;
      stub.respond = connectThen((tid) => [
        complaints-- > 0 ? udpReply.error(tid, 'Connection ID missmatch.') : udpReply.announce(tid, 1800, 2, 5),
      ]);
      const { a, network } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('working');
      expect([a.trackers[0].seeders, a.trackers[0].leechers]).toEqual([5, 2]);
      expect(stub.requests.map((r) => r.action)).toEqual([0, 1, 0, 1]);
      expect(network.udp.endpointFor(stub.url).reconnects).toBe(1);
      expect(dueIn(a)).toBe(1800);
    });

    it('an error packet shows the tracker’s message and waits the plain backoff, not 30 minutes', async () => {
      stub.respond = connectThen((tid) => [udpReply.error(tid, 'Connection ID missmatch.')]);
      const { a, network } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('Connection ID missmatch.');
      // libtorrent: a UDP error carries no interval, so its backoff (17 s), not the 1800 s default
      expect(dueIn(a)).toBe(17);
      // one reconnect for the complaint, not a loop of them
      expect(network.udp.endpointFor(stub.url).connects).toBe(2);
      stub.respond = connectThen((tid) => [udpReply.error(tid, 'torrent is not allowed here')]);
      clock.advance(17);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('torrent is not allowed here');
      expect(dueIn(a)).toBe(55);
    });

    it('Transmission: a tracker saying `interval 1` is announced to again after 120 s, not each tick', async () => {
      stub.respond = connectThen((tid) => [udpReply.announce(tid, 1, 0, 1)]);
      const { a } = makeAnnouncer([[stub.url]], { agent: 'transmission-4.1.3' });
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('working');
      expect(dueIn(a)).toBe(120);
    });

    it('a flood of stray datagrams is counted, not kept: the message stays short', async () => {
      // Every request is answered with 2000 datagrams carrying other transaction ids.
      stub.respond = (r) => Array.from({ length: 2000 }, (_, i) => udpReply.connect((r.transactionId + 1 + i) >>> 0));
      const { a, network } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      const ignored = network.udp.endpointFor(stub.url).ignored;
      expect(ignored).toBeGreaterThan(100);
      expect(a.trackers[0].message).toMatch(
        /^The tracker did not answer within 1 seconds\. Ignored: \d+ repl(y|ies) with an unknown transaction id\.$/,
      );
    });

    it('an answer with the wrong action is an error', async () => {
      stub.respond = connectThen((tid) => [udpReply.connect(tid)]);
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].message).toBe('The tracker answered with action 0 instead of 1.');
    });

    it('peers are read by length: 6-byte entries over IPv4, a trailing partial entry ignored', async () => {
      stub.respond = connectThen((tid) => [
        udpReply.announce(tid, 1800, 1, 2, [10, 0, 0, 1, 0x1a, 0xe1, 10, 0, 0, 2, 0, 80, 9, 9]),
      ]);
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].peers).toEqual([
        { ip: '10.0.0.1', port: 6881 },
        { ip: '10.0.0.2', port: 80 },
      ]);
    });

    it('a closed UDP port (ICMP unreachable) is a network error, not a hang', async () => {
      const dead = new UdpTrackerStub();
      const url = dead.url;
      dead.stop();
      const { a } = makeAnnouncer([[url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('error');
      expect(a.trackers[0].message).toMatch(/refused/i);
    });

    it('µTorrent resends (BEP 15 doubling) before giving up', async () => {
      settings.change('agent', 'utorrent-3.5.5');
      let seen = 0;
      stub.respond = (r) =>
        r.action === 0 && ++seen < 2
          ? []
          : r.action === 0
            ? [udpReply.connect(r.transactionId)]
            : [udpReply.announce(r.transactionId, 1800, 0, 1)];
      const { a } = makeAnnouncer([[stub.url]]);
      await a.announceDue(SEED, new Gio.Cancellable());
      expect(a.trackers[0].state).toBe('working');
      expect(stub.requests.map((r) => r.action)).toEqual([0, 0, 1]);
      expect(stub.requests[0].transactionId).toBe(stub.requests[1].transactionId);
    });
  });
});
