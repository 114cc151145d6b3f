import GLib from 'gi://GLib';

import { _, format } from '../../lib/i18n.ts';
import { BDict, BValue, bdecode, HugeInteger } from './bdecode.ts';
import type { Metainfo, MetainfoFile } from './Metainfo.ts';
import { MetainfoError } from './MetainfoError.ts';
import { decodeText, ellipsize, latin1Bytes } from './text.ts';

/**
 * Reads .torrent bytes (BitTorrent v1, v2 and hybrid) into a Metainfo. Anything the app could not
 * use safely is refused with a MetainfoError naming the field, what was expected and what was found.
 */

/** Sizes above this cannot be counted exactly in a JS number: no real torrent comes near it. */
const MAX_SIZE = Number.MAX_SAFE_INTEGER;
const V2_MIN_PIECE_LENGTH = 16384;

function isDict(v: BValue | undefined): v is BDict {
  return v instanceof Map;
}

function describe(v: BValue | undefined): string {
  if (v === undefined) return _('nothing (the field is missing)');
  if (typeof v === 'number') return format(_('the number %s'), String(v));
  if (v instanceof HugeInteger) return format(_('the number %s (far too large)'), ellipsize(v.digits, 24));
  if (v instanceof Uint8Array) return format(_('the text “%s”'), ellipsize(decodeText(v.subarray(0, 60))));
  if (Array.isArray(v)) return format(_('a list of %s items'), String(v.length));
  return _('a dictionary');
}

function fail(field: string, expected: string, v: BValue | undefined): never {
  throw new MetainfoError(field, expected, describe(v));
}

function requireDict(field: string, v: BValue | undefined): BDict {
  if (!isDict(v)) fail(field, _('a dictionary'), v);
  return v;
}

function requireBytes(field: string, v: BValue | undefined): Uint8Array {
  if (!(v instanceof Uint8Array)) fail(field, _('text'), v);
  return v;
}

/** A whole number in [min, 2^53]: sizes, lengths and counts. */
function requireCount(field: string, v: BValue | undefined, min: number): number {
  if (typeof v !== 'number' || v < min || v > MAX_SIZE) {
    const what = min > 0 ? _('a positive whole number') : _('a whole number of 0 or more');
    fail(field, what, v);
  }
  return v;
}

function optionalText(dict: BDict, key: string): string {
  const v = dict.get(`${key}.utf-8`) ?? dict.get(key);
  return v instanceof Uint8Array ? decodeText(v) : '';
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * Lowercase hex, as one flat string: appending pair by pair made a rope of 39 cells (about 1 KB)
 * that every torrent kept for each of its hashes.
 */
export function bytesToHex(bytes: Uint8Array): string {
  const pairs = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) pairs[i] = HEX_PAIRS[bytes[i]];
  return pairs.join('');
}

function digest(type: GLib.ChecksumType, bytes: Uint8Array): Uint8Array {
  // Fed as an array, not a GLib.Bytes: a GBytes copy lives until the collector finalizes its
  // wrapper, and a thousand of them fragmented the heap (bench/scale.sh's RSS).
  const checksum = new GLib.Checksum(type);
  checksum.update(bytes);
  return hexToBytes(checksum.get_string()!);
}

/** One path component: refuses anything that could point outside the torrent's folder. */
function pathComponent(field: string, raw: Uint8Array | string): string {
  const text = typeof raw === 'string' ? decodeText(latin1Bytes(raw)) : decodeText(raw);
  const found = format(_('the path part “%s”'), ellipsize(text));
  if (text === '') throw new MetainfoError(field, _('a file path without empty parts'), _('an empty path part'));
  if (text === '.' || text === '..') {
    throw new MetainfoError(field, _('a file path that stays inside the torrent’s folder'), found);
  }
  if (text.includes('/') || text.includes('\\') || text.includes('\0')) {
    throw new MetainfoError(field, _('a file or folder name without “/”, “\\” or NUL'), found);
  }
  return text;
}

function readName(info: BDict): string {
  const raw = info.get('name.utf-8') instanceof Uint8Array ? info.get('name.utf-8') : info.get('name');
  if (raw === undefined) fail('info → name', _('the torrent’s name'), raw);
  const bytes = requireBytes('info → name', raw);
  const name = decodeText(bytes);
  if (name.trim() === '') throw new MetainfoError('info → name', _('the torrent’s name'), _('an empty name'));
  return pathComponent('info → name', bytes);
}

/** v1 files: `length` for a single file, `files` (with `path` lists) for a folder. */
function readV1Files(info: BDict, name: string): MetainfoFile[] {
  const length = info.get('length');
  const files = info.get('files');
  if (length !== undefined && files !== undefined) {
    throw new MetainfoError('info', _('either “length” or “files”'), _('both'));
  }
  if (files === undefined) {
    if (length === undefined) fail('info → length', _('the file size (or a “files” list)'), length);
    return [{ path: [name], length: requireCount('info → length', length, 0) }];
  }
  if (!Array.isArray(files)) fail('info → files', _('a list of files'), files);
  if (files.length === 0) throw new MetainfoError('info → files', _('at least one file'), _('an empty list'));
  return files.map((entry, i) => {
    const where = `info → files[${i}]`;
    const file = requireDict(where, entry);
    const size = requireCount(`${where} → length`, file.get('length'), 0);
    const rawPath = Array.isArray(file.get('path.utf-8')) ? file.get('path.utf-8') : file.get('path');
    if (!Array.isArray(rawPath)) fail(`${where} → path`, _('a list of folder and file names'), rawPath);
    if (rawPath.length === 0) {
      throw new MetainfoError(`${where} → path`, _('a list of folder and file names'), _('an empty list'));
    }
    const path = rawPath.map((part) => pathComponent(`${where} → path`, requireBytes(`${where} → path`, part)));
    return { path, length: size };
  });
}

/** v2 `file tree`: nested dictionaries of names, each file a `{"": {length, pieces root}}` leaf. */
function readFileTree(tree: BDict, prefix: string[], out: MetainfoFile[]): void {
  for (const [key, node] of tree) {
    const where = `info → file tree → ${[...prefix, ellipsize(key)].join('/')}`;
    const part = pathComponent(where, key);
    const dict = requireDict(where, node);
    const leaf = dict.get('');
    if (leaf === undefined) {
      if (dict.size === 0) throw new MetainfoError(where, _('a file or a folder with files'), _('an empty folder'));
      readFileTree(dict, [...prefix, part], out);
      continue;
    }
    if (dict.size !== 1) throw new MetainfoError(where, _('either a file or a folder'), _('both'));
    const file = requireDict(where, leaf);
    const length = requireCount(`${where} → length`, file.get('length'), 0);
    if (length > 0) {
      const root = requireBytes(`${where} → pieces root`, file.get('pieces root'));
      if (root.length !== 32) {
        throw new MetainfoError(
          `${where} → pieces root`,
          _('a 32-byte hash'),
          format(_('%s bytes'), String(root.length)),
        );
      }
    }
    out.push({ path: [...prefix, part], length });
  }
}

function sumSizes(files: MetainfoFile[], field: string): number {
  let total = 0;
  for (const f of files) {
    total += f.length;
    if (total > MAX_SIZE) {
      throw new MetainfoError(field, _('a total size the app can count'), _('more than 9 petabytes'));
    }
  }
  return total;
}

function usableTracker(raw: Uint8Array): string | null {
  const url = decodeText(raw).trim();
  if (!/^(https?|udp):\/\//i.test(url)) return null;
  try {
    const uri = GLib.Uri.parse(url, GLib.UriFlags.NONE);
    return uri.get_host() ? url : null;
  } catch {
    return null;
  }
}

/** BEP 12: `announce-list` tiers win over `announce`; every URL appears once, in its first tier. */
function readTrackers(root: BDict): string[][] {
  const seen = new Set<string>();
  const tiers: string[][] = [];
  const list = root.get('announce-list');
  if (list !== undefined) {
    if (!Array.isArray(list)) fail('announce-list', _('a list of tracker tiers'), list);
    list.forEach((tier, i) => {
      // Some creators write a flat list of URLs: each one is then a tier of its own.
      const urls = tier instanceof Uint8Array ? [tier] : tier;
      if (!Array.isArray(urls)) fail(`announce-list[${i}]`, _('a list of tracker addresses'), tier);
      const kept: string[] = [];
      urls.forEach((u, j) => {
        const url = usableTracker(requireBytes(`announce-list[${i}][${j}]`, u));
        if (url && !seen.has(url)) {
          seen.add(url);
          kept.push(url);
        }
      });
      if (kept.length > 0) tiers.push(kept);
    });
  }
  if (tiers.length === 0 && root.has('announce')) {
    const url = usableTracker(requireBytes('announce', root.get('announce')));
    if (url) tiers.push([url]);
  }
  return tiers;
}

export function parseMetainfo(bytes: Uint8Array): Metainfo {
  const { root, rootSpans } = bdecode(bytes);
  const top = requireDict(_('the whole file'), root);
  const info = requireDict('info', top.get('info'));
  const [infoStart, infoEnd] = rootSpans.get('info')!;
  const infoBytes = bytes.subarray(infoStart, infoEnd);

  const name = readName(info);
  const pieceLength = requireCount('info → piece length', info.get('piece length'), 1);

  const metaVersion = info.get('meta version');
  if (metaVersion !== undefined && metaVersion !== 1 && metaVersion !== 2) {
    fail('info → meta version', _('1 or 2'), metaVersion);
  }
  const hasV2 = metaVersion === 2;
  const hasV1 = info.has('pieces') || !hasV2;

  let v2Files: MetainfoFile[] | null = null;
  if (hasV2) {
    const tree = requireDict('info → file tree', info.get('file tree'));
    v2Files = [];
    readFileTree(tree, [], v2Files);
    if (v2Files.length === 0) throw new MetainfoError('info → file tree', _('at least one file'), _('no files'));
    if (pieceLength < V2_MIN_PIECE_LENGTH || (pieceLength & (pieceLength - 1)) !== 0 || pieceLength > 2 ** 30) {
      fail('info → piece length', _('a power of two of at least 16 KiB (required by BitTorrent v2)'), pieceLength);
    }
  }

  let v1Files: MetainfoFile[] | null = null;
  let v1PieceCount = 0;
  if (hasV1) {
    v1Files = readV1Files(info, name);
    const total = sumSizes(v1Files, 'info → files');
    const pieces = info.get('pieces');
    if (pieces === undefined) fail('info → pieces', _('the piece hashes'), pieces);
    const hashes = requireBytes('info → pieces', pieces);
    if (hashes.length % 20 !== 0) {
      throw new MetainfoError(
        'info → pieces',
        _('a multiple of 20 bytes (one SHA-1 hash per piece)'),
        format(_('%s bytes'), String(hashes.length)),
      );
    }
    v1PieceCount = hashes.length / 20;
    const needed = Math.ceil(total / pieceLength);
    // An empty torrent may still list one hash; anything else must match the size exactly.
    if (v1PieceCount !== needed && !(total === 0 && v1PieceCount <= 1)) {
      throw new MetainfoError(
        'info → pieces',
        format(
          _('%1$s piece hashes for %2$s bytes in pieces of %3$s bytes'),
          String(needed),
          String(total),
          String(pieceLength),
        ),
        format(_('%s piece hashes'), String(v1PieceCount)),
      );
    }
  }

  const files = v2Files ?? v1Files!;
  const totalSize = sumSizes(files, 'info → file tree');
  const pieceCount =
    v2Files && !hasV1 ? v2Files.reduce((n, f) => n + Math.ceil(f.length / pieceLength), 0) : v1PieceCount;

  const infoHashV1 = hasV1 ? digest(GLib.ChecksumType.SHA1, infoBytes) : null;
  const infoHashV2 = hasV2 ? digest(GLib.ChecksumType.SHA256, infoBytes) : null;
  const infoHash = infoHashV1 ?? infoHashV2!.slice(0, 20);

  const date = top.get('creation date');
  return {
    version: hasV1 && hasV2 ? 'hybrid' : hasV2 ? 'v2' : 'v1',
    infoHash,
    infoHashHex: bytesToHex(infoHash),
    infoHashV1,
    infoHashV2,
    name,
    files,
    totalSize,
    pieceLength,
    pieceCount,
    announceTiers: readTrackers(top),
    isPrivate: info.get('private') === 1,
    comment: optionalText(top, 'comment'),
    createdBy: optionalText(top, 'created by'),
    creationDate: typeof date === 'number' && date >= 0 ? date : null,
  };
}
