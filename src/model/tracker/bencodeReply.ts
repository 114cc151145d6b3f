import { TrackerError, type AnnounceReply, type Peer } from './types.ts';
import { _ } from '../../lib/i18n.ts';
import { printable } from '../../lib/printable.ts';

/** Peers kept from one reply: more than any client asks for (numwant ≤ 200), so none are lost. */
export const MAX_PEERS_KEPT = 500;
/** A `tracker id` longer than this is ignored: it is echoed in every later announce URL. */
export const MAX_TRACKER_ID_CHARS = 256;

/**
 * A small, forgiving bencode reader for tracker replies. Trackers are less tidy than .torrent
 * files (a trailing newline, keys out of order), so unlike the metainfo reader this accepts
 * trailing bytes and unsorted keys; it still bounds nesting and refuses anything malformed.
 * Dictionary keys are kept as one char per byte, so 20-byte info-hash keys survive exactly.
 */
export type RValue = number | Uint8Array | RValue[] | Map<string, RValue>;

const MAX_DEPTH = 32;

export function decodeReply(bytes: Uint8Array): RValue {
  let pos = 0;
  const fail = (): never => {
    throw new Error('bad bencode');
  };
  // `-?\d+` up to `end`, read digit by digit (a farewell burst parses a thousand replies).
  const readInt = (end: number): number => {
    const negative = bytes[pos] === 0x2d;
    if (negative) pos++;
    const start = pos;
    let n = 0;
    while (pos < bytes.length && bytes[pos] !== end) {
      const d = bytes[pos] - 0x30;
      if (d < 0 || d > 9) fail();
      n = n * 10 + d;
      pos++;
    }
    if (pos >= bytes.length || pos === start) fail();
    pos++;
    return negative ? -n : n;
  };
  const value = (depth: number): RValue => {
    if (depth > MAX_DEPTH || pos >= bytes.length) fail();
    const c = bytes[pos];
    if (c === 0x69) {
      pos++;
      return readInt(0x65);
    }
    if (c === 0x6c || c === 0x64) {
      pos++;
      const list: RValue[] = [];
      const dict = new Map<string, RValue>();
      while (pos < bytes.length && bytes[pos] !== 0x65) {
        if (c === 0x6c) list.push(value(depth + 1));
        else {
          const k = value(depth + 1);
          if (!(k instanceof Uint8Array)) fail();
          dict.set(latin1(k as Uint8Array), value(depth + 1));
        }
      }
      if (pos >= bytes.length) fail();
      pos++;
      return c === 0x6c ? list : dict;
    }
    if (c >= 0x30 && c <= 0x39) {
      const len = readInt(0x3a);
      if (len < 0 || pos + len > bytes.length) fail();
      const s = bytes.slice(pos, pos + len);
      pos += len;
      return s;
    }
    return fail();
  };
  return value(0);
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function utf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

function num(d: Map<string, RValue>, key: string): number | null {
  const v = d.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(d: Map<string, RValue>, key: string): string | null {
  const v = d.get(key);
  return v instanceof Uint8Array ? utf8(v) : null;
}

/** A short, printable glimpse of a reply that is not bencode (e.g. an HTML error page). */
export function glimpse(bytes: Uint8Array): string {
  // Control characters and undecodable bytes become spaces, so the glimpse stays one readable line.
  const text = [...utf8(bytes.subarray(0, 60))]
    .map((c) => {
      const code = c.charCodeAt(0);
      return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xfffd ? ' ' : c;
    })
    .join('')
    .replace(/ +/g, ' ')
    .trim();
  return text.length ? `“${text}${bytes.length > 60 ? '…' : ''}”` : _('an empty reply');
}

function decodeDict(bytes: Uint8Array): Map<string, RValue> {
  let v: RValue;
  try {
    v = decodeReply(bytes);
  } catch {
    throw new TrackerError('protocol', _('The tracker’s reply is not bencoded: %s').replace('%s', glimpse(bytes)));
  }
  if (!(v instanceof Map)) throw new TrackerError('protocol', _('The tracker’s reply is not a dictionary.'));
  return v;
}

/** Compact peers: 6 bytes (IPv4) or 18 bytes (IPv6) each; a partial trailing entry is ignored. */
export function compactPeers(bytes: Uint8Array, stride: 6 | 18, max = MAX_PEERS_KEPT): Peer[] {
  const peers: Peer[] = [];
  for (let i = 0; i + stride <= bytes.length && peers.length < max; i += stride) {
    const port = (bytes[i + stride - 2] << 8) | bytes[i + stride - 1];
    let ip: string;
    if (stride === 6) ip = `${bytes[i]}.${bytes[i + 1]}.${bytes[i + 2]}.${bytes[i + 3]}`;
    else {
      const groups: string[] = [];
      for (let g = 0; g < 8; g++) groups.push(((bytes[i + 2 * g] << 8) | bytes[i + 2 * g + 1]).toString(16));
      ip = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
    }
    peers.push({ ip, port });
  }
  return peers;
}

/**
 * Reads an HTTP announce reply. Throws TrackerError('failure') for a `failure reason` (with
 * the tracker's intervals if it sent any) and TrackerError('protocol') for anything unreadable.
 */
export function parseAnnounceReply(bytes: Uint8Array): AnnounceReply {
  const d = decodeDict(bytes);
  const failure = str(d, 'failure reason');
  if (failure !== null)
    throw new TrackerError(
      'failure',
      failure || _('The tracker refused the announce.'),
      num(d, 'interval'),
      num(d, 'min interval'),
    );
  const peers: Peer[] = [];
  const p = d.get('peers');
  if (p instanceof Uint8Array) peers.push(...compactPeers(p, 6));
  else if (Array.isArray(p)) {
    for (const e of p) {
      if (!(e instanceof Map) || peers.length >= MAX_PEERS_KEPT) continue;
      const ip = str(e, 'ip');
      const port = num(e, 'port');
      const id = e.get('peer id');
      const peerId = id instanceof Uint8Array && id.length === 20 ? id : undefined;
      if (ip && port !== null && port > 0 && port < 65536) peers.push({ ip, port, ...(peerId && { peerId }) });
    }
  }
  const p6 = d.get('peers6');
  if (p6 instanceof Uint8Array) peers.push(...compactPeers(p6, 18, MAX_PEERS_KEPT - peers.length));
  const interval = num(d, 'interval');
  const trackerId = str(d, 'tracker id');
  const warning = str(d, 'warning message');
  const external = d.get('external ip');
  const externalIp =
    external instanceof Uint8Array && (external.length === 4 || external.length === 16)
      ? compactPeers(Uint8Array.of(...external, 0, 0), external.length === 4 ? 6 : 18)[0].ip
      : undefined;
  return {
    interval: interval !== null && interval > 0 ? interval : null,
    minInterval: num(d, 'min interval'),
    trackerId: trackerId !== null && trackerId.length <= MAX_TRACKER_ID_CHARS ? trackerId : null,
    seeders: num(d, 'complete'),
    leechers: num(d, 'incomplete'),
    downloaded: num(d, 'downloaded'),
    warning: warning === null ? null : printable(warning),
    peers,
    ...(externalIp && { externalIp }),
  };
}
