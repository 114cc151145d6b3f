import { identityById } from '../../src/model/identity/index.ts';
import { decodeReply, parseAnnounceReply } from '../../src/model/tracker/bencodeReply.ts';
import { parseMultiScrapeReply } from '../../src/model/tracker/scrapeReply.ts';
import {
  backoffDelay,
  isPermanentRefusal,
  minIntervalDelay,
  regularDelay,
  retryDelay,
  scrapeUrlFor,
  splitUrl,
  TrackerError,
} from '../../src/model/tracker/index.ts';
import { latin1Bytes } from '../support/captureServer.ts';

const qb = identityById('qbittorrent-5.2.3');
const tr = identityById('transmission-4.1.3');
const ut = identityById('utorrent-3.5.5');

describe('announce scheduling (reference/protocol.md §A6)', () => {
  it('libtorrent backoff: min(3600, 5 + 12.5·n²) in integer maths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(qb, n, () => 0))).toEqual([
      17, 55, 117, 205, 317, 455, 617, 805,
    ]);
    expect(backoffDelay(qb, 16, () => 0)).toBe(3205);
    expect(backoffDelay(qb, 17, () => 0)).toBe(3600);
    expect(backoffDelay(qb, 100, () => 0)).toBe(3600);
  });

  it('Transmission backoff: 20 s, then 5/15/30/60/120 min plus 0–59 s of jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(tr, n, () => 0))).toEqual([
      20, 300, 900, 1800, 3600, 7200, 7200,
    ]);
    expect(backoffDelay(tr, 1, (n) => n - 1)).toBe(20); // no jitter on the first retry
    expect(backoffDelay(tr, 2, (n) => n - 1)).toBe(359);
  });

  it('other clients: doubling from 60 s, capped at an hour', () => {
    expect([1, 2, 3, 7, 8].map((n) => backoffDelay(ut, n, () => 0))).toEqual([60, 120, 240, 3600, 3600]);
  });

  it('regular interval: the tracker’s, with the client’s floor; defaults when absent', () => {
    expect(regularDelay(qb, 60)).toBe(300);
    expect(regularDelay(qb, 2000)).toBe(2000);
    expect(regularDelay(qb, null)).toBe(1800);
    expect(regularDelay(tr, 300)).toBe(300);
    expect(regularDelay(tr, null)).toBe(600);
  });

  it('a tracker saying `interval 1` gets the client’s default min interval, not a re-announce each tick', () => {
    expect(regularDelay(tr, 1)).toBe(120);
    expect(regularDelay(tr, 60)).toBe(120);
    expect(regularDelay(qb, 1)).toBe(300);
    expect(regularDelay(ut, 1)).toBe(60);
  });

  it('min interval: the tracker’s, or the client’s default (30 s libtorrent, 120 s Transmission)', () => {
    expect(minIntervalDelay(qb, 900, 1800)).toBe(900);
    expect(minIntervalDelay(qb, null, 1800)).toBe(30);
    expect(minIntervalDelay(tr, null, null)).toBe(120);
    expect(minIntervalDelay(qb, 5000, 1800)).toBe(1800); // never beyond the interval itself
  });

  it('retry after a failure reason waits the tracker’s interval; transport errors back off', () => {
    expect(retryDelay(qb, 1, 'failure', 900, null, () => 0)).toBe(900);
    expect(retryDelay(qb, 1, 'failure', null, null, () => 0)).toBe(1800);
    expect(retryDelay(qb, 1, 'timeout', 900, null, () => 0)).toBe(17);
    expect(retryDelay(tr, 1, 'failure', null, 60, () => 0)).toBe(60);
    expect(retryDelay(tr, 3, 'failure', 60, null, () => 0)).toBe(900);
    expect(retryDelay(tr, 1, 'http', null, null, () => 0)).toBe(20);
    // A UDP error packet has no interval: libtorrent's plain backoff, not its 1800 s default.
    expect(retryDelay(qb, 1, 'failure', null, null, () => 0, true)).toBe(17);
  });

  it('recognises “do not retry” messages', () => {
    for (const m of [
      'Unregistered torrent',
      'torrent not registered with this tracker',
      'Requested download is not authorized for use with this tracker.',
      'Torrent not found',
    ])
      expect(isPermanentRefusal(m)).withContext(m).toBeTrue();
    for (const m of ['Connection ID missmatch.', 'Tracker is busy', 'passkey rate limit'])
      expect(isPermanentRefusal(m)).withContext(m).toBeFalse();
  });
});

describe('tracker replies and URLs', () => {
  it('reads compact and dictionary peers, peers6, and keeps 20-byte keys exact', () => {
    const r = parseAnnounceReply(
      latin1Bytes('d8:intervali1800e12:min intervali900e5:peers12:\x7f\x00\x00\x01\x1a\xe1\x0a\x00\x00\x02\x00\x50e\n'),
    );
    expect(r.peers).toEqual([
      { ip: '127.0.0.1', port: 6881 },
      { ip: '10.0.0.2', port: 80 },
    ]);
    expect([r.interval, r.minInterval, r.trackerId, r.warning]).toEqual([1800, 900, null, null]);
    const hash = Uint8Array.from({ length: 20 }, (_v, i) => 0xf0 + (i % 16));
    const scrape = latin1Bytes(
      `d5:filesd20:${String.fromCharCode(...hash)}d8:completei4e10:downloadedi9e10:incompletei2eeee`,
    );
    const read = parseMultiScrapeReply(scrape, [hash, new Uint8Array(20)]);
    expect([...read.files.values()]).toEqual([{ seeders: 4, leechers: 2, downloaded: 9 }]);
    expect(read.minRequestInterval).toBeNull();
  });

  it('refuses malformed bencode and bounds nesting', () => {
    for (const bad of ['', 'd', 'i12', '5:abc', 'x', 'd3:abci1e'])
      expect(() => decodeReply(latin1Bytes(bad))).toThrow();
    expect(() => decodeReply(latin1Bytes('l'.repeat(100) + 'e'.repeat(100)))).toThrow();
    expect(() => parseAnnounceReply(latin1Bytes('li1ee'))).toThrowError(
      TrackerError,
      'The tracker’s reply is not a dictionary.',
    );
  });

  it('a failure reason carries the tracker’s interval hints', () => {
    try {
      parseAnnounceReply(latin1Bytes('d14:failure reason4:nope8:intervali600e12:min intervali60ee'));
      fail('expected a TrackerError');
    } catch (e) {
      expect(e instanceof TrackerError && [e.kind, e.message, e.interval, e.minInterval]).toEqual([
        'failure',
        'nope',
        600,
        60,
      ]);
    }
  });

  it('scrape URLs per BEP 48', () => {
    expect(scrapeUrlFor('http://t.example/announce')).toBe('http://t.example/scrape');
    expect(scrapeUrlFor('http://t.example:81/x/announce.php?pk=1')).toBe('http://t.example:81/x/scrape.php?pk=1');
    expect(scrapeUrlFor('http://t.example/a')).toBeNull();
    expect(scrapeUrlFor('http://t.example/x%064announce')).toBeNull();
  });

  it('splits tracker URLs without re-escaping them', () => {
    expect(splitUrl('http://[::1]:6969/announce?k=%ab')).toEqual({
      scheme: 'http',
      userinfo: null,
      host: '::1',
      port: 6969,
      path: '/announce',
      query: 'k=%ab',
    });
    expect(splitUrl('udp://tracker.example:1337')?.path).toBe('');
    expect(splitUrl('not a url')).toBeNull();
    expect(splitUrl('http://host:99999/')).toBeNull();
  });
});
