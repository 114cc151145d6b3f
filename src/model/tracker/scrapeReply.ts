import { _, format } from '../../lib/i18n.ts';
import { decodeReply, glimpse, latin1, type RValue } from './bencodeReply.ts';
import { TrackerError } from './types.ts';

/**
 * Scrape requests and replies for several torrents at once (BEP 48 over HTTP, BEP 15 action 2
 * over UDP). Replies are hostile until checked: counts must be plain non-negative integers that
 * fit the app's figures, only the hashes asked for are read, and the tracker's
 * `min_request_interval` is bounded.
 */

/** One torrent's figures from a scrape; a count the tracker left out or garbled is null. */
export interface ScrapeFigures {
  seeders: number | null;
  leechers: number | null;
  downloaded: number | null;
}

/** A scrape reply: the figures of each torrent listed (by its 20 raw bytes, latin1) and the tracker's wish. */
export interface ScrapeReply {
  files: Map<string, ScrapeFigures>;
  /** Seconds the tracker wants between scrapes (BEP 48 `flags.min_request_interval`), bounded; or null. */
  minRequestInterval: number | null;
}

/** BEP 15's practical limit: about 74 hashes fit one scrape datagram. */
export const MAX_UDP_SCRAPE_HASHES = 74;
/**
 * Longest scrape URL sent: a 60-hash scrape with `%XX` escaping is about 4.3 kB, and servers
 * commonly refuse request lines over 8 kB (Apache's 8190, nginx's 8 k buffers).
 */
export const MAX_SCRAPE_URL_CHARS = 8000;
/** A `min_request_interval` above a day is read as a day: a tracker cannot silence scrapes for good. */
export const MAX_MIN_REQUEST_INTERVAL = 86400;
/** Counts above this are not believed (the Torrent's seeders/leechers are 32-bit). */
const MAX_COUNT = 2147483647;

/** The HTTP scrape URL for `hashes`: the repeated `info_hash=` parameter, escaped by `escape`. */
export function multiScrapeUrl(scrapeUrl: string, hashes: Uint8Array[], escape: (b: Uint8Array) => string): string {
  const query = hashes.map((h) => `info_hash=${escape(h)}`).join('&');
  return scrapeUrl + (scrapeUrl.includes('?') ? '&' : '?') + query;
}

function count(v: RValue | undefined): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT ? v : null;
}

/** Reads an HTTP scrape reply; throws TrackerError('failure') for a `failure reason`, ('protocol') if unreadable. */
export function parseMultiScrapeReply(bytes: Uint8Array, asked: Uint8Array[]): ScrapeReply {
  let d: RValue;
  try {
    d = decodeReply(bytes);
  } catch {
    throw new TrackerError('protocol', format(_('The tracker’s scrape reply is not bencoded: %1$s'), glimpse(bytes)));
  }
  if (!(d instanceof Map)) throw new TrackerError('protocol', _('The tracker’s scrape reply is not a dictionary.'));
  const failure = d.get('failure reason');
  if (failure instanceof Uint8Array)
    throw new TrackerError('failure', new TextDecoder().decode(failure) || _('The tracker refused the scrape.'));
  const files = d.get('files');
  if (!(files instanceof Map)) throw new TrackerError('protocol', _('The scrape reply has no “files”.'));
  const out = new Map<string, ScrapeFigures>();
  for (const hash of asked) {
    const key = latin1(hash);
    const entry = files.get(key);
    if (!(entry instanceof Map)) continue;
    out.set(key, {
      seeders: count(entry.get('complete')),
      leechers: count(entry.get('incomplete')),
      downloaded: count(entry.get('downloaded')),
    });
  }
  const flags = d.get('flags');
  const mri = flags instanceof Map ? flags.get('min_request_interval') : undefined;
  return { files: out, minRequestInterval: boundedInterval(mri) };
}

function boundedInterval(v: RValue | undefined): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return null;
  return Math.min(Math.floor(v), MAX_MIN_REQUEST_INTERVAL);
}

/** A UDP scrape request for up to MAX_UDP_SCRAPE_HASHES hashes (transaction id written when sent). */
export function udpScrapePacket(connectionId: Uint8Array, hashes: Uint8Array[]): Uint8Array {
  if (hashes.length < 1 || hashes.length > MAX_UDP_SCRAPE_HASHES)
    throw new RangeError(`a UDP scrape carries 1 to ${MAX_UDP_SCRAPE_HASHES} hashes, not ${hashes.length}`);
  const packet = new Uint8Array(16 + 20 * hashes.length);
  packet.set(connectionId.subarray(0, 8), 0);
  new DataView(packet.buffer).setUint32(8, 2);
  hashes.forEach((h, i) => packet.set(h.subarray(0, 20), 16 + 20 * i));
  return packet;
}

/** The smallest valid UDP scrape reply for `n` hashes: the header and 12 bytes per hash. */
export function udpScrapeReplyLength(n: number): number {
  return 8 + 12 * n;
}

/** Reads a UDP scrape reply (already checked for action and length): seeders, completed, leechers per hash, in order. */
export function parseUdpScrapeReply(d: Uint8Array, asked: Uint8Array[]): ScrapeReply {
  if (d.length < udpScrapeReplyLength(asked.length))
    throw new TrackerError(
      'protocol',
      format(_('The tracker’s scrape reply is too short (%1$d bytes for %2$d torrents).'), d.length, asked.length),
    );
  const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const files = new Map<string, ScrapeFigures>();
  asked.forEach((hash, i) => {
    const at = 8 + 12 * i;
    files.set(latin1(hash), {
      seeders: count(v.getUint32(at)),
      downloaded: count(v.getUint32(at + 4)),
      leechers: count(v.getUint32(at + 8)),
    });
  });
  return { files, minRequestInterval: null };
}

/** An error that says the request was too long for the tracker (Transmission's list, plus HTTP 414). */
export function isScrapeTooLong(e: unknown): boolean {
  return (
    e instanceof TrackerError &&
    /Bad Request|GET string too long|Request-URI Too Long|URI Too Long|\b414\b/i.test(e.message)
  );
}
