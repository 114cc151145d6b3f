import type Gio from 'gi://Gio';

import { concatBytes } from '../../lib/bytes.ts';
import { _ } from '../../lib/i18n.ts';
import { TrackerError } from './types.ts';

/*
 * Reading an HTTP/1.1 reply off the wire for PlainHttpClient: status line, the headers the
 * announce needs, and a body delimited by Content-Length, chunked transfer or the end of the
 * connection, bounded by the caller's maxBytes.
 */

/** A reply as read off the wire; the body is still in its Content-Encoding. */
export interface PlainReply {
  status: number;
  reason: string;
  body: Uint8Array;
  location: string | null;
  contentEncoding: string;
}

/** One char per byte (GJS decodes legacy encodings through iconv, which is slow). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function tooLarge(maxBytes: number): TrackerError {
  return new TrackerError(
    'protocol',
    _('The tracker’s reply is larger than %d KiB.').replace('%d', String(maxBytes >> 10)),
  );
}

/** Everything read so far as one array, kept as the one chunk for the next read. */
function joined(chunks: Uint8Array[]): Uint8Array {
  const out = concatBytes(chunks);
  chunks.length = 0;
  chunks.push(out);
  return out;
}

function indexOfBlankLine(bytes: Uint8Array): number {
  for (let i = 3; i < bytes.length; i++)
    if (bytes[i] === 10 && bytes[i - 1] === 13 && bytes[i - 2] === 10 && bytes[i - 3] === 13) return i + 1;
  return -1;
}

/**
 * The reply once it is complete, else null (read on). `chunks`: everything read so far (joined
 * into one on the way); `ended`: the tracker closed the connection. Throws TrackerError for a
 * reply that cannot be read.
 */
export function parseReply(chunks: Uint8Array[], maxBytes: number, ended: boolean): PlainReply | null {
  const data = joined(chunks);
  const headEnd = indexOfBlankLine(data);
  if (headEnd < 0) {
    if (data.length > 65536) throw new TrackerError('protocol', _('The tracker’s reply headers are too long.'));
    if (!ended) return null;
    if (data.length === 0) throw new TrackerError('network', _('The tracker closed the connection without answering.'));
    throw new TrackerError('protocol', _('The tracker’s reply is not HTTP.'));
  }
  const lines = latin1(data.subarray(0, headEnd - 4)).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(lines[0]);
  if (!status) throw new TrackerError('protocol', _('The tracker’s reply is not HTTP.'));
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const code = Number(status[1]);
  const reply = (body: Uint8Array): PlainReply => ({
    status: code,
    reason: status[2] ?? '',
    body,
    location: headers.get('location') ?? null,
    contentEncoding: headers.get('content-encoding') ?? '',
  });
  const rest = data.subarray(headEnd);
  if (code === 204 || code === 304 || (code >= 100 && code < 200)) return reply(new Uint8Array(0));
  if ((headers.get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) {
    const body = dechunk(rest, maxBytes);
    if (body) return reply(body);
    if (ended) throw new TrackerError('network', _('The tracker closed the connection in the middle of its reply.'));
    return null;
  }
  const length = headers.get('content-length');
  if (length !== undefined && /^\d+$/.test(length)) {
    const n = Number(length);
    if (n > maxBytes) throw tooLarge(maxBytes);
    if (rest.length >= n) return reply(rest.slice(0, n));
    if (ended) throw new TrackerError('network', _('The tracker closed the connection in the middle of its reply.'));
    return null;
  }
  if (rest.length > maxBytes) throw tooLarge(maxBytes);
  return ended ? reply(rest.slice()) : null;
}

/** A chunked body once its last chunk has arrived, else null. */
function dechunk(data: Uint8Array, maxBytes: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let i = 0;
  for (;;) {
    let eol = -1;
    for (let j = i; j + 1 < data.length; j++)
      if (data[j] === 13 && data[j + 1] === 10) {
        eol = j;
        break;
      }
    if (eol < 0) return null;
    const size = parseInt(latin1(data.subarray(i, eol)).split(';')[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0) throw new TrackerError('protocol', _('The tracker’s reply is not HTTP.'));
    if (size === 0) break;
    const start = eol + 2;
    if (data.length < start + size + 2) return null;
    total += size;
    if (total > maxBytes) throw tooLarge(maxBytes);
    parts.push(data.subarray(start, start + size));
    i = start + size + 2;
  }
  return concatBytes(parts);
}

/**
 * How much to read from a readable socket: what it holds (at most 64 KiB; 1 at the end of the
 * stream). g_input_stream_read_bytes mallocs the whole size asked and keeps it behind the reply's
 * bytes until a collection frees them: 64 KiB per reply of a few hundred bytes left a 1 000-torrent
 * start-up with ~60 MB of buffers at its peak and the malloc heap fragmented for good after it.
 */
export function readSize(socket: Gio.Socket | null): number {
  const available = socket ? socket.get_available_bytes() : -1;
  return available < 0 ? 4096 : Math.max(1, Math.min(available, 65536));
}
