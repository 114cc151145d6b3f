import GLib from 'gi://GLib';
import bencode from 'bencode';
import { gc } from 'system';

import { MetainfoError, parseMetainfo } from '../../src/model/metainfo/index.ts';
import { seededRandom } from '../../src/model/simulation/random.ts';
import { runProcess } from '../support/process.ts';
import { makeTempDir, removeTree, writeFile } from '../support/tempdir.ts';
import { makeTorrent } from '../support/torrents.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function splice(base: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  remove = Math.min(remove, base.length - at);
  const out = new Uint8Array(base.length - remove + insert.length);
  out.set(base.subarray(0, at), 0);
  out.set(insert, at);
  out.set(base.subarray(at + remove), at + insert.length);
  return out;
}

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

const TOKENS = ['e', 'd', 'l', 'i', ':', '0', '1', '9', '-', 'de', 'le', 'i0e', '0:', '4:info', '6:pieces'];
const VALUES = ['i-5e', 'i0e', '3:abc', 'le', 'de', 'l1:ae', 'd1:ai1ee', 'i99999999999999999999999e', '-1:'];

const mutations: Mutation[] = [
  // bit flips
  (b, r) => {
    const out = b.slice();
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  // truncation
  (b, r) => b.slice(0, Math.floor(r() * b.length)),
  // a structural token inserted or overwritten
  (b, r) => splice(b, Math.floor(r() * b.length), Math.floor(r() * 2), enc(pick(r, TOKENS))),
  // type swap: a value replaced by a value of another type where a value starts
  (b, r) => {
    const starts: number[] = [];
    for (let i = 0; i < b.length; i++) if (b[i] === 0x69 || b[i] === 0x6c || b[i] === 0x64) starts.push(i);
    const at = starts.length ? pick(r, starts) : 0;
    return splice(b, at, 1 + Math.floor(r() * 6), enc(pick(r, VALUES)));
  },
  // huge integers and lengths: a run of digits made very long
  (b, r) => {
    const at = Math.floor(r() * b.length);
    let i = at;
    while (i < b.length && !(b[i] >= 0x30 && b[i] <= 0x39)) i++;
    return splice(b, Math.min(i, b.length), 0, enc('9'.repeat(1 + Math.floor(r() * 400))));
  },
  // deep nesting
  (b, r) => {
    const depth = pick(r, [50, 99, 100, 101, 500, 20000]);
    const open = pick(r, ['l', 'd1:a']);
    return splice(b, Math.floor(r() * b.length), 0, enc(open.repeat(depth) + 'e'.repeat(r() < 0.5 ? depth : 0)));
  },
  // random bytes over a stretch
  (b, r) => {
    const out = b.slice();
    const at = Math.floor(r() * out.length);
    for (let i = at; i < Math.min(out.length, at + 1 + Math.floor(r() * 64)); i++) out[i] = Math.floor(r() * 256);
    return out;
  },
  // a stretch duplicated elsewhere (repeated keys, shifted lengths)
  (b, r) => {
    const from = Math.floor(r() * b.length);
    const piece = b.slice(from, from + 1 + Math.floor(r() * 40));
    return splice(b, Math.floor(r() * b.length), 0, piece);
  },
  // wholly random input
  (_b, r) => {
    const out = new Uint8Array(Math.floor(r() * 300));
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(r() * 256);
    return out;
  },
];

/** Per-input bound: a complexity limit (hostile input must not make parsing slow), not a benchmark. */
const LIMIT_US = 50000;

describe('parseMetainfo under fuzzing', () => {
  let dir: string;
  const bases: Uint8Array[] = [];

  beforeAll(async () => {
    dir = makeTempDir('dfs-fuzz');
    writeFile(`${dir}/set/a.txt`, 'hello');
    writeFile(`${dir}/set/sub/b.bin`, new Uint8Array(40000));
    writeFile(`${dir}/one.bin`, new Uint8Array(50000).fill(3));
    const mk = await runProcess([
      'mktorrent',
      '-l',
      '15',
      '-a',
      'http://a/b',
      '-a',
      'udp://c:1',
      '-o',
      `${dir}/m.torrent`,
      `${dir}/set`,
    ]);
    const tc = await runProcess([
      'transmission-create',
      '-s',
      '16',
      '-t',
      'http://t/a',
      '-o',
      `${dir}/t.torrent`,
      `${dir}/one.bin`,
    ]);
    if (mk.status !== 0 || tc.status !== 0) throw new Error(`fixture tools failed: ${mk.stderr} ${tc.stderr}`);
    bases.push(GLib.file_get_contents(`${dir}/m.torrent`)[1], GLib.file_get_contents(`${dir}/t.torrent`)[1]);
    bases.push(
      makeTorrent({
        files: [
          { path: ['x', 'y'], length: 1000 },
          { path: ['z'], length: 3000 },
        ],
        pieceLength: 1024,
      }),
    );
    const root = () => new Uint8Array(32).fill(5);
    bases.push(
      bencode.encode({
        announce: 'udp://t:1',
        info: {
          'file tree': {
            d: { f: { '': { length: 20000, 'pieces root': root() } } },
            g: { '': { length: 5, 'pieces root': root() } },
          },
          'meta version': 2,
          name: 'v2',
          'piece length': 16384,
        },
      }),
    );
    bases.push(
      bencode.encode({
        info: {
          'file tree': { a: { '': { length: 20000, 'pieces root': root() } } },
          length: 20000,
          'meta version': 2,
          name: 'a',
          'piece length': 16384,
          pieces: new Uint8Array(40),
        },
      }),
    );
    for (const b of bases) parseMetainfo(b); // every base must itself be valid
  });

  afterAll(() => removeTree(dir));

  it('parses or refuses with MetainfoError every one of 20 000 mutations, each within 50 ms', () => {
    const seed = GLib.random_int();
    const r = seededRandom(seed);
    let parsed = 0;
    let refused = 0;
    let slowest = 0;
    let slowestInput = 0;
    const unexpected: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let input = pick(r, bases);
      // Sometimes stack two mutations, so damage compounds.
      for (let k = r() < 0.25 ? 2 : 1; k > 0; k--) input = pick(r, mutations)(input, r);
      const attempt = () => {
        const t0 = GLib.get_monotonic_time();
        try {
          parseMetainfo(input);
          return { ok: true, error: null, us: GLib.get_monotonic_time() - t0 };
        } catch (e) {
          return { ok: false, error: e, us: GLib.get_monotonic_time() - t0 };
        }
      };
      const first = attempt();
      let us = first.us;
      // A garbage-collection pause can land on any input; a slow parse shows up every time.
      for (let retry = 0; retry < 3 && us >= LIMIT_US; retry++) us = Math.min(us, attempt().us);
      if (first.ok) parsed++;
      else if (first.error instanceof MetainfoError) refused++;
      else if (unexpected.length < 5) unexpected.push(`#${n}: ${String(first.error)}`);
      if (us > slowest) {
        slowest = us;
        slowestInput = input.length;
      }
    }
    // Finish the collection this burst started: GJS 1.74 drops callbacks mid-sweep (docs/ARCHITECTURE.md).
    gc();
    print(
      `    fuzz seed ${seed}: ${parsed} parsed, ${refused} refused, slowest ${(slowest / 1000).toFixed(2)} ms (${slowestInput} bytes)`,
    );
    expect(unexpected).withContext(`seed ${seed}`).toEqual([]);
    expect(parsed + refused).toBe(20000);
    expect(refused).toBeGreaterThan(10000);
    expect(slowest).withContext(`seed ${seed}`).toBeLessThan(LIMIT_US);
  }, 120000);
});
