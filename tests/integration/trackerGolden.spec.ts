import Gio from 'gi://Gio';

import { allIdentities } from '../../src/model/identity/index.ts';
import { TrackerNetwork } from '../../src/model/tracker/index.ts';
import { CaptureServer } from '../support/captureServer.ts';
import { hexToBytes, MemorySettings, percentDecode } from '../support/trackerSettings.ts';
import { udpReply, UdpTrackerStub } from '../support/udpTrackerStub.ts';

/**
 * Golden specs: the bytes on the wire for every client identity, compared with the real
 * clients' requests in reference/protocol.md §A7 (the same torrent, 20645e13…, port and left
 * as in the captures). The peer_id tail and key are random per session, so they are checked
 * for their format and then substituted into the capture.
 */
const HASH = hexToBytes('20645e13eb9baabd6bddbdc54625f83cb1e309bd');
const LOWER = '%20d%5e%13%eb%9b%aa%bdk%dd%bd%c5F%25%f8%3c%b1%e3%09%bd';
const UPPER = '%20d%5E%13%EB%9B%AA%BDk%DD%BD%C5F%25%F8%3C%B1%E3%09%BD';
const LT_QUERY = `info_hash=${LOWER}&peer_id={PEER}&port=51420&uploaded=0&downloaded=0&left=5300006&corrupt=0&key={KEY}&event=started&numwant=200&compact=1&no_peer_id=1&supportcrypto=1&redundant=0`;
const LT_HEADERS = (ua: string) => [
  ['Host', '{HOST}'],
  ['User-Agent', ua],
  ['Accept-Encoding', 'gzip'],
  ['Connection', 'close'],
];
const TR_HEADERS = (ua: string) => [
  ['Host', '{HOST}'],
  ['User-Agent', ua],
  ['Accept', '*/*'],
  ['Accept-Encoding', 'deflate, gzip, br, zstd'],
];
const LT_TAIL = /^[0-9A-Za-z\-_.!~*()]{12}$/;
/** The captures were made without a public address: none, whatever this machine has. */
const NO_PUBLIC = { globalAddresses: () => ({ ipv4: null, ipv6: null }) };

interface Golden {
  query: string;
  headers: string[][];
  prefix: string;
  tail: RegExp | 'transmission' | 'binary';
  key: RegExp;
  /** Bytes besides letters and digits that the client leaves raw (for the peer_id check). */
  raw: string;
  upper: boolean;
}

// Sources: §A7 observed requests (qBittorrent 4.5.2 and Deluge 2.0.3 on libtorrent 2.0.8,
// Transmission 3.00) and the order/escaping read from the sources (qBittorrent 5.2.3, Deluge
// 2.2.0, libtorrent 2.0.13 as libtorrent's; Transmission 4.1.3 as listed). The four older
// clients (µTorrent, BitTorrent, Vuze, rTorrent) have no capture in §A7: their goldens are
// the public client profiles' formats that data/clients.json records.
const GOLDEN: Record<string, Golden> = {
  'qbittorrent-5.2.3': lt('qBittorrent/5.2.3', '-qB5230-'),
  'qbittorrent-4.5.2': lt('qBittorrent/4.5.2', '-qB4520-'),
  'deluge-2.2.0': lt('Deluge/2.2.0 libtorrent/2.0.8.0', '-DE220s-'),
  'deluge-2.0.3': lt('Deluge/2.0.3 libtorrent/2.0.8.0', '-DE203s-'),
  'libtorrent-2.0.13': lt('libtorrent/2.0.13.0', '-LT20D0-'),
  'transmission-4.1.3': {
    query: `info_hash=${UPPER}&peer_id={PEER}&port=51420&uploaded=0&downloaded=0&left=5300006&numwant=80&key={KEY}&compact=1&supportcrypto=1&event=started`,
    headers: TR_HEADERS('Transmission/4.1.3'),
    prefix: '-TR4130-',
    tail: 'transmission',
    key: /^[0-9A-F]{8}$/,
    raw: '-_.~',
    upper: true,
  },
  'transmission-3.00': {
    query: `info_hash=${LOWER}&peer_id={PEER}&port=51420&uploaded=0&downloaded=0&left=5300006&numwant=80&key={KEY}&compact=1&supportcrypto=1&event=started`,
    headers: TR_HEADERS('Transmission/3.00'),
    prefix: '-TR3000-',
    tail: 'transmission',
    key: /^[0-9a-f]{1,8}$/,
    raw: '-_.~',
    upper: false,
  },
  'utorrent-3.5.5': {
    query: `info_hash=${LOWER}&peer_id={PEER}&port=51420&uploaded=0&downloaded=0&left=5300006&corrupt=0&key={KEY}&event=started&numwant=200&compact=1&no_peer_id=1`,
    headers: [
      ['Host', '{HOST}'],
      ['User-Agent', 'uTorrent/355(45828)'],
      ['Accept-Encoding', 'gzip'],
      ['Connection', 'Close'],
    ],
    prefix: '-UT355S-',
    tail: 'binary',
    key: /^[0-9A-F]{8}$/,
    raw: '-',
    upper: false,
  },
  'bittorrent-7.10.5': {
    query: `info_hash=${LOWER}&peer_id={PEER}&port=51420&uploaded=0&downloaded=0&left=5300006&corrupt=0&key={KEY}&event=started&numwant=200&compact=1&no_peer_id=1`,
    headers: [
      ['Host', '{HOST}'],
      ['User-Agent', 'BitTorrent/7105(45828)'],
      ['Accept-Encoding', 'gzip'],
      ['Connection', 'Close'],
    ],
    prefix: '-BT7a5S-',
    tail: 'binary',
    key: /^[0-9A-F]{8}$/,
    raw: '-',
    upper: false,
  },
  'vuze-5.7.6': {
    query: `info_hash=${UPPER}&peer_id={PEER}&port=51420&azudp=51420&uploaded=0&downloaded=0&left=5300006&corrupt=0&event=started&numwant=100&no_peer_id=1&compact=1&key={KEY}&azver=3`,
    headers: [
      ['Host', '{HOST}'],
      ['User-Agent', 'Azureus 5.7.6.0;Linux;Java 1.8.0_181'],
      ['Connection', 'close'],
      ['Accept-Encoding', 'gzip'],
      ['Accept', 'text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2'],
    ],
    prefix: '-AZ5760-',
    tail: /^[0-9A-Za-z]{12}$/,
    key: /^[0-9A-Za-z]{8}$/,
    raw: '-_.!~*()',
    upper: true,
  },
  'rtorrent-0.9.6': {
    query: `info_hash=${UPPER}&peer_id={PEER}&key={KEY}&compact=1&numwant=50&port=51420&uploaded=0&downloaded=0&left=5300006&event=started`,
    headers: [
      ['Host', '{HOST}'],
      ['User-Agent', 'rtorrent/0.9.6/0.13.6'],
      ['Accept', '*/*'],
      ['Accept-Encoding', 'deflate, gzip'],
    ],
    prefix: '-lt0D60-',
    tail: 'binary',
    key: /^[0-9a-f]{8}$/,
    raw: '-_.~',
    upper: true,
  },
};

function lt(ua: string, prefix: string): Golden {
  return {
    query: LT_QUERY,
    headers: LT_HEADERS(ua),
    prefix,
    tail: LT_TAIL,
    key: /^[0-9A-F]{8}$/,
    raw: '-_.!~*()',
    upper: false,
  };
}

/** An escaper written independently of the app's, from the rule alone. */
function reference(bytes: Uint8Array, raw: string, upper: boolean): string {
  return [...bytes]
    .map((b) => {
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9]/.test(c) || raw.includes(c)) return c;
      const h = b.toString(16).padStart(2, '0');
      return '%' + (upper ? h.toUpperCase() : h);
    })
    .join('');
}

function checkTail(tail: Uint8Array, rule: Golden['tail']): void {
  const text = String.fromCharCode(...tail);
  if (rule === 'transmission') {
    expect(text).toMatch(/^[0-9a-z]{12}$/);
    const sum = [...text].reduce((s, c) => s + parseInt(c, 36), 0);
    expect(sum % 36)
      .withContext('Transmission check character')
      .toBe(0);
  } else if (rule === 'binary') {
    expect(tail.length).toBe(12);
    expect([...tail].every((b) => b >= 1 && b <= 255)).toBeTrue();
  } else expect(text).toMatch(rule);
}

describe('tracker golden requests (bytes on the wire)', () => {
  let server: CaptureServer;

  beforeEach(() => {
    server = new CaptureServer();
  });
  afterEach(() => server.stop());

  it('has a golden for every identity in data/clients.json', () => {
    expect(
      allIdentities()
        .map((c) => c.id)
        .sort(),
    ).toEqual(Object.keys(GOLDEN).sort());
  });

  for (const [id, golden] of Object.entries(GOLDEN)) {
    it(`${id}: HTTP started announce matches the capture byte for byte`, async () => {
      const network = new TrackerNetwork(
        new MemorySettings({ agent: id, 'connection.listening_port': 51420 }),
        NO_PUBLIC,
      );
      await network.announce(
        `${server.url}/announce`,
        { infoHash: HASH, event: 'started', uploaded: 0, downloaded: 0, left: 5300006, trackerId: null },
        { cancellable: null },
      );
      expect(server.requests.length).toBe(1);
      const req = server.requests[0];
      const peerId = network.peerId;
      expect(String.fromCharCode(...peerId.subarray(0, 8))).toBe(golden.prefix);
      checkTail(peerId.subarray(8), golden.tail);
      const key = network.keyFor('20645e13eb9baabd6bddbdc54625f83cb1e309bd').text;
      expect(key).toMatch(golden.key);
      const sentPeer = /[?&]peer_id=([^&]*)/.exec(req.path)![1];
      expect([...percentDecode(sentPeer)]).toEqual([...peerId]);
      expect(sentPeer).toBe(reference(peerId, golden.raw, golden.upper));
      const expected = `GET /announce?${golden.query.replace('{PEER}', sentPeer).replace('{KEY}', key)} HTTP/1.1`;
      expect(req.requestLine).toBe(expected);
      const headers = golden.headers.map(
        ([k, v]) => [k, v.replace('{HOST}', `127.0.0.1:${server.port}`)] as [string, string],
      );
      expect(req.headers).toEqual(headers);
      expect(req.raw).toBe(`${expected}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
      network.dispose();
    });
  }

  it('qBittorrent: stopped carries numwant=0 and echoes the tracker id after redundant', async () => {
    const network = new TrackerNetwork(
      new MemorySettings({ agent: 'qbittorrent-5.2.3', 'connection.listening_port': 51420 }),
    );
    await network.announce(
      `${server.url}/announce?passkey=abc`,
      { infoHash: HASH, event: 'stopped', uploaded: 1024, downloaded: 0, left: 0, trackerId: 'tb tracker/1' },
      { cancellable: null, farewell: true },
    );
    const path = server.requests[0].path;
    expect(path).toMatch(
      new RegExp(
        `^/announce\\?passkey=abc&info_hash=${LOWER.replace(/%/g, '%')}&peer_id=[^&]+&port=51420&uploaded=1024&downloaded=0&left=0&corrupt=0&key=[0-9A-F]{8}&event=stopped&numwant=0&compact=1&no_peer_id=1&supportcrypto=1&redundant=0&trackerid=tb%20tracker%2f1$`,
      ),
    );
    network.dispose();
  });

  it('Transmission 4.1.3: regular announce has no event and echoes trackerid last', async () => {
    const network = new TrackerNetwork(
      new MemorySettings({ agent: 'transmission-4.1.3', 'connection.listening_port': 51413 }),
      NO_PUBLIC,
    );
    await network.announce(
      `${server.url}/announce`,
      { infoHash: HASH, event: 'none', uploaded: 5, downloaded: 6, left: 7, trackerId: 'abc' },
      { cancellable: null },
    );
    expect(server.requests[0].path).toMatch(
      /&port=51413&uploaded=5&downloaded=6&left=7&numwant=80&key=[0-9A-F]{8}&compact=1&supportcrypto=1&trackerid=abc$/,
    );
    network.dispose();
  });

  // reference/protocol.md §A6/§A7: Transmission 4.1.3 appends `ipv4=` and `ipv6=` when it knows
  // this computer's global addresses; 3.00 sends `ipv6=` only; the others send neither.
  for (const [id, tail] of [
    ['transmission-4.1.3', '&trackerid=abc&ipv4=198.51.100.7&ipv6=2001%3Adb8%3A%3A7'],
    ['transmission-3.00', '&trackerid=abc&ipv6=2001%3adb8%3a%3a7'],
    ['qbittorrent-5.2.3', '&redundant=0&trackerid=abc'],
  ]) {
    it(`${id}: with public addresses, the announce ends “${tail}”`, async () => {
      const network = new TrackerNetwork(new MemorySettings({ agent: id, 'connection.listening_port': 51413 }), {
        globalAddresses: () => ({ ipv4: '198.51.100.7', ipv6: '2001:db8::7' }),
      });
      await network.announce(
        `${server.url}/announce`,
        { infoHash: HASH, event: 'none', uploaded: 0, downloaded: 0, left: 0, trackerId: 'abc' },
        { cancellable: null },
      );
      expect(server.requests[0].path.endsWith(tail)).withContext(server.requests[0].path).toBeTrue();
      network.dispose();
    });
  }

  describe('UDP announce packets', () => {
    let stub: UdpTrackerStub;
    beforeEach(() => {
      stub = new UdpTrackerStub();
      stub.respond = (r) =>
        r.action === 0 ? [udpReply.connect(r.transactionId)] : [udpReply.announce(r.transactionId, 1800, 0, 1)];
    });
    afterEach(() => stub.stop());

    async function announceOver(id: string): Promise<{ packet: Uint8Array; network: TrackerNetwork }> {
      const network = new TrackerNetwork(
        new MemorySettings({ agent: id, 'connection.listening_port': 51420 }),
        NO_PUBLIC,
      );
      await network.announce(
        stub.url,
        { infoHash: HASH, event: 'started', uploaded: 1, downloaded: 2, left: 3, trackerId: null },
        { cancellable: new Gio.Cancellable() },
      );
      expect(stub.requests.map((r) => r.action)).toEqual([0, 1]);
      return { packet: stub.requests[1].data, network };
    }

    function field(p: Uint8Array, offset: number, size: 4 | 8): number {
      const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
      return size === 4 ? v.getUint32(offset) : v.getUint32(offset) * 2 ** 32 + v.getUint32(offset + 4);
    }

    it('libtorrent family: 98 bytes + BEP 41 URL data "/announce" (109 bytes), numwant 200', async () => {
      const { packet, network } = await announceOver('qbittorrent-5.2.3');
      expect(packet.length).toBe(109);
      expect([...packet.subarray(0, 8)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]); // the connection id we handed out
      expect([...packet.subarray(16, 36)]).toEqual([...HASH]);
      expect([...packet.subarray(36, 56)]).toEqual([...network.peerId]);
      expect([field(packet, 56, 8), field(packet, 64, 8), field(packet, 72, 8)]).toEqual([2, 3, 1]); // downloaded, left, uploaded
      expect(field(packet, 80, 4)).toBe(2); // started
      expect(field(packet, 88, 4)).toBe(network.keyFor('20645e13eb9baabd6bddbdc54625f83cb1e309bd').value);
      expect(field(packet, 92, 4)).toBe(200);
      expect((packet[96] << 8) | packet[97]).toBe(51420);
      expect(String.fromCharCode(...packet.subarray(98))).toBe('\x02\x09/announce');
      network.dispose();
    });

    it('Transmission: exactly 98 bytes, no options, numwant 80', async () => {
      const { packet, network } = await announceOver('transmission-4.1.3');
      expect(packet.length).toBe(98);
      expect(field(packet, 92, 4)).toBe(80);
      network.dispose();
    });
  });
});
