#!/usr/bin/env node
/* global process, console */
// Writes N generated single-file .torrent files announcing to one tracker into a folder, and
// prints their info hashes (40 hex, one per line) for the tracker's whitelist.
//
//   node bench/idle-make-torrents.mjs DIR N ANNOUNCE_URL [NAME_PREFIX]   (names PREFIX-i.bin; default bench)
import bencode from 'bencode';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, count, announce, prefix = 'bench'] = process.argv.slice(2);
if (!dir || !count || !announce) {
  console.error('usage: idle-make-torrents.mjs DIR N ANNOUNCE_URL');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const pieceLength = 262144;
for (let i = 0; i < Number(count); i++) {
  // 1–64 MiB, cycling: every file stays small (≤ 5 KB of piece hashes), so the torrents folder
  // grows linearly with N. (Sizes of (i + 1) MiB made the folder N² · 40 bytes — 4 GB of
  // .torrent files at 10 000 — and the bench's start-up quadratic by construction.)
  const length = (1 + (i % 64)) * 1048576;
  const info = {
    name: `${prefix}-${i}.bin`,
    'piece length': pieceLength,
    pieces: randomBytes(Math.ceil(length / pieceLength) * 20),
    length,
  };
  const bytes = bencode.encode({ announce, info });
  writeFileSync(join(dir, `${prefix}-${i}.torrent`), bytes);
  console.log(createHash('sha1').update(bencode.encode(info)).digest('hex'));
}
