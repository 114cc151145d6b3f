import GLib from 'gi://GLib';

import clientsData from '../../../data/clients.json';

/**
 * A client identity: everything a tracker can see of the client we claim to be. The numbers
 * and formats come from the real clients' source and captures and live in data/clients.json; this
 * module only types them and merges each client over its family's defaults.
 */
export type PeerIdTail = 'libtorrent' | 'transmission' | 'alnum' | 'binary';
export type KeyFormat = 'hex8-upper' | 'hex8-lower' | 'hex-lower' | 'alnum8';

export type BackoffPolicy =
  | { kind: 'libtorrent' }
  | { kind: 'table'; seconds: number[]; jitterFrom: number; jitter: number }
  | { kind: 'exponential'; base: number; max: number };

export interface ClientIdentity {
  id: string;
  name: string;
  family: string;
  userAgent: string;
  peerIdPrefix: string;
  peerIdTail: PeerIdTail;
  key: { format: KeyFormat; lifetime: 'torrent' | 'session' };
  /** Bytes besides letters and digits that stay raw in the URL, and the case of `%xx`. */
  escape: { raw: string; hexCase: 'lower' | 'upper' };
  /** HTTP query in wire order: a dynamic name, or a literal `name=value`. */
  query: string[];
  numwant: number;
  /** numwant with `stopped`; null = the client leaves numwant out of `stopped`. */
  numwantOnStop: number | null;
  /**
   * HTTP redirects followed for one announce (libtorrent 5; Transmission 4 curl's 10; Transmission
   * 3.00 set no limit, bounded here at curl's default of 30).
   */
  maxRedirects: number;
  /** Request headers in wire order; `{host}` and `{user_agent}` are filled in. */
  headers: [string, string][];
  udp: { urlData: boolean; numwant: number; connectionIdLifetime: number; attempts: number };
  schedule: {
    defaultInterval: number;
    defaultMinInterval: number;
    intervalFloor: number;
    backoff: BackoffPolicy;
    /** Seconds the client gives a `stopped` announce at shutdown. */
    stopTimeout: number;
  };
  /** allTiers: one tracker of every tier in parallel (µTorrent/qBittorrent); else BEP 12. */
  tiers: { allTiers: boolean; shuffle: boolean };
  /**
   * Scrapes the client makes on its own (as its source schedules them). `auto`: running
   * torrents are scraped every `interval` s (Transmission; pushed back by an announce that
   * carried all three counts when `skipWhenAnnounced`), times rounded up to `roundTo` s so that
   * batches fill. libtorrent auto-scrapes only queued (paused, auto-managed) torrents, which this
   * app has none of, so its family never scrapes on its own. `maxHashes`: torrents per request
   * (Transmission's multiscrape: 60; libtorrent scrapes one at a time).
   */
  scrape: { auto: boolean; interval: number; skipWhenAnnounced: boolean; roundTo: number; maxHashes: number };
  /**
   * A hybrid (BEP 52) torrent: `both` announces once per tracker with each hash, the SHA-1 and
   * the truncated SHA-256 (libtorrent 2); `v1` with the SHA-1 only (Transmission 4, and clients
   * without v2 support).
   */
  hybrid: 'both' | 'v1';
  /**
   * `each`: one announce per address family the tracker has and this computer can use, as
   * libtorrent 2 does per listen socket (BEP 7 2020); `any`: one announce over whichever
   * address the name resolves to first.
   */
  addressFamilies: 'each' | 'any';
}

type Json = Record<string, unknown>;

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = base[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' && !Array.isArray(b)
        ? merge(b as Json, v as Json)
        : v;
  }
  return out;
}

const families: Record<string, Json> = clientsData.families;

const clients: Json[] = clientsData.clients;

const IDENTITIES: ClientIdentity[] = clients.map((c) => {
  const family = families[c.family as string];
  if (!family) throw new Error(`data/clients.json: ${String(c.id)} names an unknown family`);
  const { overrides, ...own } = c;
  // Typing gap: tsc cannot check data/clients.json against ClientIdentity; identity.spec.ts does.
  return merge(merge(family, own), (overrides as Json | undefined) ?? {}) as unknown as ClientIdentity;
});

export const DEFAULT_IDENTITY_ID: string = clientsData.default;

/** Every identity, in display order. */
export function allIdentities(): readonly ClientIdentity[] {
  return IDENTITIES;
}

/** The identity with this id, or the default one for an unknown id. */
export function identityById(id: unknown): ClientIdentity {
  return IDENTITIES.find((c) => c.id === id) ?? IDENTITIES.find((c) => c.id === DEFAULT_IDENTITY_ID) ?? IDENTITIES[0];
}

// ---- peer_id and key ---------------------------------------------------------------------------

const LIBTORRENT_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.!~*()';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A source of random integers in [0, n); GLib's by default (GJS has no WebCrypto). */
export type RandomInt = (n: number) => number;
export const glibRandom: RandomInt = (n) => GLib.random_int_range(0, n);

function pick(alphabet: string, count: number, random: RandomInt): number[] {
  return Array.from({ length: count }, () => alphabet.charCodeAt(random(alphabet.length)));
}

/** A 20-byte peer_id: the identity's prefix, then 12 (or more) bytes from its tail alphabet. */
export function generatePeerId(identity: ClientIdentity, random: RandomInt = glibRandom): Uint8Array {
  const prefix = [...identity.peerIdPrefix].map((ch) => ch.charCodeAt(0) & 0xff);
  const n = 20 - prefix.length;
  let tail: number[];
  switch (identity.peerIdTail) {
    case 'transmission': {
      // 11 base-36 characters and a check character that makes the 12 values sum to 0 (mod 36).
      const values = Array.from({ length: n - 1 }, () => random(36));
      const total = values.reduce((s, v) => s + v, 0);
      values.push((36 - (total % 36)) % 36);
      tail = values.map((v) => BASE36.charCodeAt(v));
      break;
    }
    case 'libtorrent':
      tail = pick(LIBTORRENT_ALPHABET, n, random);
      break;
    case 'alnum':
      tail = pick(ALNUM, n, random);
      break;
    case 'binary':
      tail = Array.from({ length: n }, () => 1 + random(255));
      break;
  }
  return new Uint8Array([...prefix, ...tail]);
}

/** The announce `key` as sent over HTTP, and its 32-bit value for UDP. */
export interface AnnounceKey {
  text: string;
  value: number;
}

export function generateKey(identity: ClientIdentity, random: RandomInt = glibRandom): AnnounceKey {
  // Two 16-bit draws: GLib.random_int_range takes 32-bit signed bounds.
  const value = ((random(0x10000) << 16) | random(0x10000)) >>> 0;
  switch (identity.key.format) {
    case 'hex8-upper':
      return { text: value.toString(16).padStart(8, '0').toUpperCase(), value };
    case 'hex8-lower':
      return { text: value.toString(16).padStart(8, '0'), value };
    case 'hex-lower':
      return { text: value.toString(16), value };
    case 'alnum8':
      return { text: String.fromCharCode(...pick(ALNUM, 8, random)), value };
  }
}

// ---- URL escaping ------------------------------------------------------------------------------

/** Percent-escapes bytes the way the identity's client does (which bytes stay raw, hex case). */
export function escapeBytes(identity: ClientIdentity, bytes: Uint8Array): string {
  const raw = identity.escape.raw;
  const upper = identity.escape.hexCase === 'upper';
  let out = '';
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || raw.includes(ch)) {
      out += ch;
    } else {
      const hex = b.toString(16).padStart(2, '0');
      out += '%' + (upper ? hex.toUpperCase() : hex);
    }
  }
  return out;
}

/** Escapes a text value (e.g. a `tracker id`) as UTF-8 bytes. */
export function escapeText(identity: ClientIdentity, text: string): string {
  return escapeBytes(identity, new TextEncoder().encode(text));
}
