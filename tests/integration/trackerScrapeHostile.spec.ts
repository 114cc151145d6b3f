import Gio from 'gi://Gio';

import { MAX_MESSAGE_CHARS } from '../../src/lib/printable.ts';
import { ScrapeBatcher } from '../../src/model/tracker/ScrapeBatcher.ts';
import { TorrentAnnouncer, TrackerNetwork } from '../../src/model/tracker/index.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { hexToBytes, ManualClock, MemorySettings, percentDecode } from '../support/trackerSettings.ts';
import { udpReply, UdpTrackerStub } from '../support/udpTrackerStub.ts';

/**
 * Scrape replies a real tracker will not send, from local fake servers on 127.0.0.1: each is
 * refused or bounded in words, and a tracker's garbage never becomes a figure on screen.
 */
describe('hostile scrape replies', () => {
  let server: CaptureServer;
  let udp: UdpTrackerStub;
  let network: TrackerNetwork;
  let clock: ManualClock;
  let n = 0;
  const token = () => new Gio.Cancellable();
  const hash = () => hexToBytes((++n).toString(16).padStart(40, '0'));
  const key = (b: Uint8Array) => String.fromCharCode(...b);

  beforeEach(() => {
    server = new CaptureServer();
    udp = new UdpTrackerStub();
    clock = new ManualClock();
    network = new TrackerNetwork(new MemorySettings({ agent: 'transmission-4.1.3' }), { clock });
  });
  afterEach(() => {
    network.dispose();
    server.stop();
    udp.stop();
  });

  const announcer = (url: string, infoHash = hash()) =>
    new TorrentAnnouncer({ metainfo: { infoHash, announceTiers: [[url]], isPrivate: false }, network });

  /** Scrape Now on each, all in one tick; the tracker info of each afterwards. */
  async function scrapeAll(list: TorrentAnnouncer[]) {
    await Promise.all(list.map((a) => a.scrapeNow(token()).done));
    return list.map((a) => a.trackers[0]);
  }

  /** The info hashes a captured scrape request asked for, as latin1 keys. */
  const asked = (path: string) =>
    [...path.matchAll(/info_hash=([^&]*)/g)].map((m) => String.fromCharCode(...percentDecode(m[1])));

  it('HTTP: a failure reason of a megabyte with control characters is shown escaped and capped', async () => {
    const reason = '\u001b[2J\r\nFAKE LOG LINE ' + 'x'.repeat(900_000);
    server.respond = () => ({ body: `d14:failure reason${reason.length}:${reason}e` });
    const [info] = await scrapeAll([announcer(`${server.url}/announce`)]);
    expect(info.scrapeMessage.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 'Scrape: '.length);
    for (const c of ['\r', '\n', '\u001b']) expect(info.scrapeMessage).not.toContain(c);
    expect(info.scrapeMessage).toContain('\\e[2J\\r\\nFAKE LOG LINE');
    expect(info.seeders).toBeNull();
  });

  it('HTTP: an HTML page, a reply over 1 MiB and a reply without “files” are refused in words', async () => {
    const replies = [
      { body: '<html><body>502 Bad Gateway</body></html>' },
      { body: `d5:filesd${'x'.repeat(1100 * 1024)}` },
      { body: 'd8:intervali1800ee' },
    ];
    const words = [/not bencoded.*502 Bad Gateway/, /larger than 1024 KiB/, /no “files”/];
    for (const [i, reply] of replies.entries()) {
      server.respond = () => reply;
      const [info] = await scrapeAll([announcer(`${server.url}/announce`)]);
      expect(info.scrapeMessage).toMatch(words[i]);
      expect(info.lastScrape).not.toBeNull();
    }
  });

  it('HTTP: counts that are negative, huge or not numbers are not shown; hashes not asked for are ignored', async () => {
    const ours = [hash(), hash(), hash()];
    const stranger = hash();
    const entry = (c: string, i: string, d: string) => `d8:complete${c}10:downloaded${d}10:incomplete${i}e`;
    server.respond = () => ({
      body:
        'd5:filesd' +
        `20:${key(ours[0])}${entry('i-5e', 'i99999999999e', '3:abc')}` +
        `20:${key(ours[1])}${entry('i7e', 'i2e', 'i11e')}` +
        `20:${key(stranger)}${entry('i1e', 'i1e', 'i1e')}` +
        `20:${key(ours[2])}4:junk` +
        'ee',
    });
    const list = ours.map((h) => announcer(`${server.url}/announce`, h));
    const infos = await scrapeAll(list);
    expect(server.requests.length).toBe(1);
    expect(asked(server.requests[0].path).sort()).toEqual(ours.map(key).sort());
    expect([infos[0].seeders, infos[0].leechers, infos[0].downloaded]).toEqual([null, null, null]);
    expect([infos[1].seeders, infos[1].leechers, infos[1].downloaded]).toEqual([7, 2, 11]);
    expect(infos[1].countsFrom).toBe('scrape');
    // Listed as garbage: a good scrape that says nothing.
    expect([infos[2].seeders, infos[2].scrapeMessage]).toEqual([null, '']);
  });

  it('HTTP: a min_request_interval of years holds Scrape Now back one day at most', async () => {
    server.respond = () => ({
      body: 'd5:filesde5:flagsd20:min_request_intervali99999999999eee',
    });
    const a = announcer(`${server.url}/announce`);
    await scrapeAll([a]);
    const again = a.scrapeNow(token());
    expect((again.at - clock.us) / 1e6).toBe(86400);
    await again.done;
    expect(server.requests.length).toBe(1);
  });

  it('HTTP: a tracker that refuses a batch as too long gets smaller ones', async () => {
    server.respond = (req) =>
      asked(req.path).length > 5 ? { status: 414, reason: 'Request-URI Too Long' } : { body: 'd5:filesdee' };
    const list = Array.from({ length: 10 }, () => announcer(`${server.url}/announce`));
    const first = await scrapeAll(list);
    expect(first.every((i) => /414 Request-URI Too Long/.test(i.scrapeMessage))).toBeTrue();
    const second = await scrapeAll(list);
    expect(second.map((i) => i.scrapeMessage)).toEqual(Array(10).fill(''));
    expect(server.requests.map((r) => asked(r.path).length)).toEqual([10, 5, 5]);
  });

  it('HTTP: a long batch is cut to fit the URL length cap', async () => {
    server.respond = () => ({ body: 'd5:filesdee' });
    // A passkey of 5000 characters leaves room for about 40 of Transmission's 60 hashes.
    const url = `${server.url}/announce?pk=${'k'.repeat(5000)}`;
    const list = Array.from({ length: 60 }, (_v, i) => announcer(url, new Uint8Array(20).fill(i + 100)));
    await scrapeAll(list);
    const lengths = server.requests.map((r) => r.requestLine.length);
    expect(server.requests.length).toBeGreaterThan(1);
    for (const l of lengths) expect(l).toBeLessThanOrEqual(8000 + 'GET  HTTP/1.1'.length);
  });

  it('UDP: a reply shorter than 12 bytes per torrent, an error packet of 64 KiB, counts above 2³¹', async () => {
    let mode = 'short';
    udp.respond = (req) => {
      if (req.action === 0) return [udpReply.connect(req.transactionId)];
      const n = (req.data.length - 16) / 20;
      if (mode === 'error') return [udpReply.error(req.transactionId, '\n' + 'E'.repeat(65000))];
      const reply = new Uint8Array(8 + 12 * n - (mode === 'short' ? 1 : 0));
      const v = new DataView(reply.buffer);
      v.setUint32(0, 2);
      v.setUint32(4, req.transactionId);
      for (let i = 0; i + 12 <= reply.length - 8; i += 12) {
        v.setUint32(8 + i, 0xffffffff);
        v.setUint32(12 + i, 4);
        v.setUint32(16 + i, 5);
      }
      return [reply];
    };
    const list = [announcer(udp.url), announcer(udp.url)];
    let infos = await scrapeAll(list);
    expect(infos[0].scrapeMessage).toMatch(/too short/);
    mode = 'error';
    infos = await scrapeAll(list);
    expect(infos[0].scrapeMessage.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 'Scrape: '.length);
    expect(infos[0].scrapeMessage).not.toContain('\n');
    mode = 'huge';
    infos = await scrapeAll(list);
    expect([infos[1].seeders, infos[1].downloaded, infos[1].leechers]).toEqual([null, 4, 5]);
    expect(ScrapeBatcher.for(network).largestBatch).toBe(2);
  });
});
