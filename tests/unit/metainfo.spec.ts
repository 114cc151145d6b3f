import GLib from 'gi://GLib';
import bencode from 'bencode';

import { MetainfoError, parseMetainfo } from '../../src/model/metainfo/index.ts';
import { torrentFor } from '../../src/model/session/sessionCodec.ts';
import { runProcess } from '../support/process.ts';
import { makeTempDir, readText, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? enc(p) : p));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function hex(bytes: Uint8Array | null): string {
  return Array.from(bytes ?? [], (b) => b.toString(16).padStart(2, '0')).join('');
}

function readBytes(path: string): Uint8Array {
  return GLib.file_get_contents(path)[1];
}

/** Digest computed by coreutils over a file, independent of the parser. */
async function coreutilsDigest(tool: 'sha1sum' | 'sha256sum', bytes: Uint8Array, dir: string): Promise<string> {
  const path = `${dir}/slice-${GLib.random_int()}`;
  writeFile(path, bytes);
  const { stdout } = await runProcess([tool, path]);
  return stdout.split(' ')[0];
}

/** Position of the `info` value in hand-built bytes, found by plain string search (not the parser). */
function infoSlice(bytes: Uint8Array): Uint8Array {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  const start = text.indexOf('4:infod') + 6;
  // Everything after `info` up to the root's closing `e` in these fixtures (info is the last key).
  return bytes.subarray(start, bytes.length - 1);
}

function rejection(bytes: Uint8Array): MetainfoError {
  try {
    parseMetainfo(bytes);
  } catch (e) {
    if (e instanceof MetainfoError) return e;
    throw new Error(`expected a MetainfoError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the torrent to be refused, but it parsed');
}

const hash32 = () => {
  const b = new Uint8Array(32);
  for (let i = 0; i < 32; i++) b[i] = GLib.random_int_range(0, 256);
  return b;
};

/** The info dictionary of a one-file hybrid (v1 + v2) torrent of 20 000 bytes, two pieces. */
function hybridInfo(pieces: Uint8Array) {
  return {
    'file tree': { 'a.bin': { '': { length: 20000, 'pieces root': hash32() } } },
    length: 20000,
    'meta version': 2,
    name: 'a.bin',
    'piece length': 16384,
    pieces,
  };
}

describe('parseMetainfo', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('dfs-metainfo');
  });
  afterAll(() => removeTree(dir));

  describe('v1 torrents made by real tools', () => {
    it('reads a multi-file torrent from mktorrent with tiers, private flag and comment', async () => {
      const content = `${dir}/album`;
      writeFile(`${content}/cd1/track 01.flac`, new Uint8Array(70000).fill(1));
      writeFile(`${content}/cover.jpg`, new Uint8Array(12345).fill(2));
      const out = `${dir}/album.torrent`;
      const res = await runProcess([
        'mktorrent',
        '-p',
        '-l',
        '15',
        '-c',
        'a comment',
        '-o',
        out,
        '-a',
        'http://tracker.one/announce,udp://backup.one:6969',
        '-a',
        'https://tracker.two/announce',
        content,
      ]);
      expect(res.status).withContext(res.stderr).toBe(0);
      const m = parseMetainfo(readBytes(out));
      expect(m.version).toBe('v1');
      expect(m.name).toBe('album');
      expect(m.files).toEqual(
        jasmine.arrayWithExactContents([
          { path: ['cd1', 'track 01.flac'], length: 70000 },
          { path: ['cover.jpg'], length: 12345 },
        ]),
      );
      expect(m.totalSize).toBe(82345);
      expect(m.pieceLength).toBe(32768);
      expect(m.pieceCount).toBe(3);
      expect(m.announceTiers).toEqual([
        ['http://tracker.one/announce', 'udp://backup.one:6969'],
        ['https://tracker.two/announce'],
      ]);
      expect(m.isPrivate).toBeTrue();
      expect(m.comment).toBe('a comment');
      expect(m.createdBy).toMatch(/mktorrent/);
      expect(m.creationDate).toBeGreaterThan(1700000000);
      // The hash a tracker sees: SHA-1 over the file's own info bytes, computed by sha1sum.
      const bytes = readBytes(out);
      const text = new TextDecoder('latin1').decode(bytes);
      const start = text.indexOf('4:infod') + 6;
      expect(m.infoHashHex).toBe(await coreutilsDigest('sha1sum', bytes.subarray(start, bytes.length - 1), dir));
      expect(m.infoHash.length).toBe(20);
      expect(hex(m.infoHashV1)).toBe(m.infoHashHex);
      expect(m.infoHashV2).toBeNull();
    });

    it('reads a single-file torrent from transmission-create and agrees with transmission-show', async () => {
      const content = `${dir}/single.iso`;
      writeFile(content, new Uint8Array(100000).fill(7));
      const out = `${dir}/single.torrent`;
      const res = await runProcess([
        'transmission-create',
        '-o',
        out,
        '-s',
        '16',
        '-t',
        'udp://tracker.example:1337/announce',
        '-c',
        'made here',
        content,
      ]);
      expect(res.status).withContext(res.stderr).toBe(0);
      const m = parseMetainfo(readBytes(out));
      expect(m.name).toBe('single.iso');
      expect(m.files).toEqual([{ path: ['single.iso'], length: 100000 }]);
      expect(m.totalSize).toBe(100000);
      expect(m.pieceLength).toBe(16384);
      expect(m.pieceCount).toBe(7);
      expect(m.announceTiers).toEqual([['udp://tracker.example:1337/announce']]);
      expect(m.isPrivate).toBeFalse();
      expect(m.comment).toBe('made here');
      expect(m.createdBy).toMatch(/Transmission/);
      const show = await runProcess(['transmission-show', out]);
      expect(show.stdout).toContain(`Hash: ${m.infoHashHex}`);
    });
  });

  describe('v2 and hybrid torrents', () => {
    it('reads a v2-only torrent: file tree, sizes, SHA-256 hash truncated for trackers', async () => {
      const info = {
        'file tree': {
          'readme.txt': { '': { length: 100, 'pieces root': hash32() } },
          data: { 'big.bin': { '': { length: 40000, 'pieces root': hash32() } }, 'empty.txt': { '': { length: 0 } } },
        },
        'meta version': 2,
        name: 'v2set',
        'piece length': 16384,
      };
      const bytes = bencode.encode({ announce: 'http://t.example/announce', info, 'piece layers': {} });
      const m = parseMetainfo(bytes);
      expect(m.version).toBe('v2');
      expect(m.name).toBe('v2set');
      expect(m.files).toEqual([
        { path: ['data', 'big.bin'], length: 40000 },
        { path: ['data', 'empty.txt'], length: 0 },
        { path: ['readme.txt'], length: 100 },
      ]);
      expect(m.totalSize).toBe(40100);
      expect(m.pieceCount).toBe(3 + 0 + 1);
      // `piece layers` follows `info`, so the info bytes are the canonical encoding of the dict.
      const sha256 = await coreutilsDigest('sha256sum', bencode.encode(info), dir);
      expect(hex(m.infoHashV2)).toBe(sha256);
      expect(m.infoHashV1).toBeNull();
      expect(m.infoHashHex).toBe(sha256.slice(0, 40));
      expect(m.infoHash.length).toBe(20);
    });

    it('reads a hybrid torrent: both hashes, the v1 one sent to trackers', async () => {
      const info = hybridInfo(new Uint8Array(40));
      const bytes = bencode.encode({ announce: 'udp://t.example:80', info });
      const m = parseMetainfo(bytes);
      expect(m.version).toBe('hybrid');
      expect(m.totalSize).toBe(20000);
      expect(m.pieceCount).toBe(2);
      const slice = infoSlice(bytes);
      expect(hex(m.infoHashV1)).toBe(await coreutilsDigest('sha1sum', slice, dir));
      expect(hex(m.infoHashV2)).toBe(await coreutilsDigest('sha256sum', slice, dir));
      expect(m.infoHashHex).toBe(hex(m.infoHashV1));
    });

    it('torrentFor gives the Torrent its hashes as hex; a v1 or hybrid torrent shares one string for info_hash and info_hash_v1', async () => {
      const info = hybridInfo(new Uint8Array(40).fill(0xab));
      const bytes = bencode.encode({ announce: 'udp://t.example:80', info });
      const t = torrentFor('/x/a.torrent', parseMetainfo(bytes), 1);
      const slice = infoSlice(bytes);
      expect(t.info_hash).toBe(await coreutilsDigest('sha1sum', slice, dir));
      expect(t.info_hash_v1).toBe(t.info_hash);
      expect(t.info_hash_v2).toBe(await coreutilsDigest('sha256sum', slice, dir));
      const v1 = parseMetainfo(makeTorrent());
      const t1 = torrentFor('/x/b.torrent', v1, 2);
      expect([t1.info_hash, t1.info_hash_v1, t1.info_hash_v2]).toEqual([v1.infoHashHex, v1.infoHashHex, '']);
      expect(t1.info_hash).toMatch(/^[0-9a-f]{40}$/);
    });

    it('hashes the exact info bytes even when their keys are not in canonical order', async () => {
      // Re-encoding would sort "pieces" before "name" and change the hash.
      const pieces = new Uint8Array(20).fill(9);
      const bytes = concat(
        'd8:announce20:http://t.example/ann4:infod6:pieces20:',
        pieces,
        '4:name5:x.bin12:piece lengthi16384e6:lengthi5eee',
      );
      const m = parseMetainfo(bytes);
      expect(m.infoHashHex).toBe(await coreutilsDigest('sha1sum', infoSlice(bytes), dir));
      expect(m.name).toBe('x.bin');
    });
  });

  describe('fields', () => {
    it('prefers name.utf-8 and reads names in other code pages leniently', () => {
      const m = parseMetainfo(makeTorrent({ name: 'plain', extraInfo: { 'name.utf-8': enc('Grüße') } }));
      expect(m.name).toBe('Grüße');
      const latin = parseMetainfo(makeTorrent({ extraInfo: { name: new Uint8Array([0x43, 0x61, 0x66, 0xe9]) } }));
      expect(latin.name).toBe('Café');
    });

    it('uses announce when there is no announce-list, dedups tiers and drops unusable URLs', () => {
      expect(parseMetainfo(makeTorrent({ announce: 'http://only.example/a' })).announceTiers).toEqual([
        ['http://only.example/a'],
      ]);
      const m = parseMetainfo(
        makeTorrent({
          announce: 'http://ignored.example/a',
          announceList: [
            ['http://a.example/x', 'wss://web.example/x', 'http://a.example/x'],
            ['dht://nope', 'not a url'],
            ['UDP://b.example:80', 'http://a.example/x'],
          ],
        }),
      );
      expect(m.announceTiers).toEqual([['http://a.example/x'], ['UDP://b.example:80']]);
      // An announce-list with nothing usable falls back to announce.
      const fallback = makeTorrent({ announce: 'http://main.example/a', announceList: [['ftp://x']] });
      expect(parseMetainfo(fallback).announceTiers).toEqual([['http://main.example/a']]);
    });

    it('parses a torrent with no tracker at all (announceTiers is empty)', () => {
      const root = bencode.decode(makeTorrent()) as Record<string, unknown>;
      const bytes = bencode.encode({ info: root.info });
      const m = parseMetainfo(bytes);
      expect(m.announceTiers).toEqual([]);
    });

    it('reads optional fields and tolerates their odd types', () => {
      const m = parseMetainfo(makeTorrent({ comment: 'hi', createdBy: 'me', creationDate: 1600000000, private: true }));
      expect([m.comment, m.createdBy, m.creationDate, m.isPrivate]).toEqual(['hi', 'me', 1600000000, true]);
      const bare = parseMetainfo(makeTorrent());
      expect([bare.comment, bare.createdBy, bare.creationDate, bare.isPrivate]).toEqual(['', '', null, false]);
      const root = bencode.decode(makeTorrent()) as Record<string, unknown>;
      root['creation date'] = enc('yesterday');
      root.comment = 12;
      const odd = parseMetainfo(bencode.encode(root));
      expect([odd.comment, odd.creationDate]).toEqual(['', null]);
    });

    it('gives different torrents different info hashes', () => {
      expect(parseMetainfo(makeTorrent()).infoHashHex).not.toBe(parseMetainfo(makeTorrent()).infoHashHex);
    });
  });

  describe('refuses unusable input with a plain MetainfoError', () => {
    const good = () => bencode.decode(makeTorrent({ length: 100000, pieceLength: 16384 })) as Record<string, unknown>;
    const withInfo = (change: (info: Record<string, unknown>) => void) => {
      const root = good();
      change(root.info as Record<string, unknown>);
      return bencode.encode(root);
    };

    const cases: [string, () => Uint8Array, RegExp][] = [
      ['empty input', () => new Uint8Array(0), /byte 0/],
      ['truncated data', () => makeTorrent().subarray(0, 200), /byte \d+/],
      ['trailing garbage', () => concat(makeTorrent(), '\n'), /byte \d+/],
      ['a list as root', () => enc('l4:spame'), /whole file/],
      ['leading zeros', () => enc('d4:infoi007ee'), /byte 8/],
      ['minus zero', () => enc('d4:infoi-0ee'), /byte 8/],
      ['a number as dict key', () => enc('di1ei2ee'), /byte 1/],
      ['a duplicate key', () => enc('d1:ai1e1:ai2ee'), /byte 7/],
      ['a string length beyond the end', () => enc('d4:info999:abce'), /byte 7/],
      ['an unknown token', () => enc('d4:infox'), /byte 7/],
      ['missing info', () => bencode.encode({ announce: 'http://a/b' }), /^info$/],
      ['info of the wrong type', () => bencode.encode({ info: 5 }), /^info$/],
      ['missing name', () => withInfo((i) => delete i.name), /info → name/],
      ['name of the wrong type', () => withInfo((i) => (i.name = 3)), /info → name/],
      ['name that is ..', () => withInfo((i) => (i.name = '..')), /info → name/],
      ['name with a slash', () => withInfo((i) => (i.name = 'a/b')), /info → name/],
      ['negative length', () => withInfo((i) => (i.length = -1)), /info → length/],
      ['length of the wrong type', () => withInfo((i) => (i.length = enc('big'))), /info → length/],
      ['both length and files', () => withInfo((i) => (i.files = [{ length: 1, path: ['a'] }])), /^info$/],
      ['no length and no files', () => withInfo((i) => delete i.length), /info → length/],
      ['missing pieces', () => withInfo((i) => delete i.pieces), /info → pieces/],
      ['pieces not a multiple of 20', () => withInfo((i) => (i.pieces = new Uint8Array(139))), /info → pieces/],
      [
        'pieces inconsistent with the size',
        () => withInfo((i) => (i.pieces = new Uint8Array(20 * 3))),
        /info → pieces/,
      ],
      ['zero piece length', () => withInfo((i) => (i['piece length'] = 0)), /info → piece length/],
      ['negative piece length', () => withInfo((i) => (i['piece length'] = -16384)), /info → piece length/],
      [
        'an empty files list',
        () =>
          withInfo((i) => {
            delete i.length;
            i.files = [];
          }),
        /info → files/,
      ],
    ];
    for (const [what, build, field] of cases) {
      it(`refuses ${what}`, () => {
        const e = rejection(build());
        expect(e.field).toMatch(field);
        expect(e.expected).not.toBe('');
        expect(e.found).not.toBe('');
        expect(e.message).toContain(e.field);
      });
    }

    it('refuses absurd integers beyond 2^53 instead of rounding them', () => {
      const root = good();
      const info = bencode.encode(root.info).slice(1, -1); // the info keys without d…e
      const text = new TextDecoder('latin1').decode(info).replace('6:lengthi100000e', '6:lengthi99999999999999999999e');
      const bytes = concat('d4:infod', new Uint8Array(Array.from(text, (c) => c.charCodeAt(0))), 'ee');
      const e = rejection(bytes);
      expect(e.field).toBe('info → length');
      expect(e.found).toContain('far too large');
    });

    it('refuses a total size beyond 2^53 spread over several files', () => {
      const e = rejection(
        withInfo((i) => {
          delete i.length;
          i.files = [
            { length: 2 ** 52, path: ['a'] },
            { length: 2 ** 52, path: ['b'] },
            { length: 2 ** 52, path: ['c'] },
          ];
        }),
      );
      expect(e.field).toBe('info → files');
    });

    const traversal: [string, unknown[]][] = [
      ['..', ['..', 'etc', 'passwd']],
      ['an absolute path', ['/etc/passwd']],
      ['an empty component', ['dir', '', 'file']],
      ['an empty path', []],
      ['a non-text component', ['dir', 5]],
    ];
    for (const [what, path] of traversal) {
      it(`refuses file paths with ${what}`, () => {
        const e = rejection(
          withInfo((i) => {
            delete i.length;
            i.files = [
              { length: 50000, path: ['ok.bin'] },
              { length: 50000, path },
            ];
          }),
        );
        expect(e.field).toBe('info → files[1] → path');
      });
    }

    it('refuses bad v2 file trees', () => {
      const v2 = (tree: unknown, pieceLength = 16384) =>
        bencode.encode({ info: { 'file tree': tree, 'meta version': 2, name: 'n', 'piece length': pieceLength } });
      const file = { '': { length: 10, 'pieces root': hash32() } };
      expect(rejection(v2({ '..': file })).field).toMatch(/file tree/);
      expect(rejection(v2({ a: { '': { length: 10 } } })).field).toMatch(/pieces root/);
      expect(rejection(v2({ a: { '': { length: 10, 'pieces root': new Uint8Array(5) } } })).field).toMatch(
        /pieces root/,
      );
      expect(rejection(v2({ a: { '': { length: -1 } } })).field).toMatch(/length/);
      expect(rejection(v2({})).field).toMatch(/file tree/);
      expect(rejection(v2({ a: {} })).field).toMatch(/file tree/);
      expect(rejection(v2({ a: file }, 1000)).field).toBe('info → piece length');
      expect(rejection(v2(5)).field).toBe('info → file tree');
    });

    it('refuses nesting deeper than the limit without overflowing the stack', () => {
      for (const depth of [150, 100000]) {
        const bytes = enc(`d4:info${'l'.repeat(depth)}${'e'.repeat(depth)}e`);
        expect(rejection(bytes).expected).toMatch(/levels/);
      }
      const tree = enc(`d4:infod9:file treed${'1:ad'.repeat(200)}${'e'.repeat(200)}eee`);
      expect(rejection(tree).expected).toMatch(/levels/);
    });

    it('refuses a malformed announce-list but not an unusable tracker URL', () => {
      const root = good();
      root['announce-list'] = [[5]];
      expect(rejection(bencode.encode(root)).field).toBe('announce-list[0][0]');
      root['announce-list'] = 7;
      expect(rejection(bencode.encode(root)).field).toBe('announce-list');
      root['announce-list'] = [['magnet:?xt=foo']];
      root.announce = 'file:///etc/passwd';
      expect(parseMetainfo(bencode.encode(root)).announceTiers).toEqual([]);
    });
  });

  it('reads a torrent file written to disk and read back (sanity for the library)', () => {
    const path = `${dir}/x.torrent`;
    writeFile(path, makeTorrent({ name: 'disk.bin' }));
    expect(readText(path).length).toBeGreaterThan(0);
    expect(parseMetainfo(readBytes(path)).name).toBe('disk.bin');
  });
});
