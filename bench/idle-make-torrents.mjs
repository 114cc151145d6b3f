#!/usr/bin/env node
/* global process, console */
// Writes N generated single-file .torrent files announcing to one tracker into a folder, and
// prints their info hashes (40 hex, one per line) for the tracker's whitelist.
//
//   node bench/idle-make-torrents.mjs DIR N ANNOUNCE_URL
import bencode from 'bencode';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, count, announce] = process.argv.slice(2);
if (!dir || !count || !announce) {
  console.error('usage: idle-make-torrents.mjs DIR N ANNOUNCE_URL');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const pieceLength = 262144;
for (let i = 0; i < Number(count); i++) {
  const length = (i + 1) * 1048576;
  const info = {
    name: `bench-${i}.bin`,
    'piece length': pieceLength,
    pieces: randomBytes(Math.ceil(length / pieceLength) * 20),
    length,
  };
  const bytes = bencode.encode({ announce, info });
  writeFileSync(join(dir, `bench-${i}.torrent`), bytes);
  console.log(createHash('sha1').update(bencode.encode(info)).digest('hex'));
}
