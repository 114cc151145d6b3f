import { _, format } from '../../lib/i18n.ts';
import { MetainfoError } from './MetainfoError.ts';
import { ellipsize, latin1 } from './text.ts';

/**
 * A strict bencode reader for .torrent files. Unlike the `bencode` package it refuses anything
 * ambiguous (leading zeros, `-0`, duplicate keys, trailing bytes), bounds nesting so that hostile
 * input cannot overflow the stack, and records where each top-level value starts and ends: the
 * info hash is computed over the exact bytes of `info`, never over a re-encoding.
 */

/** An integer too large to hold exactly in a JS number (beyond 2^53). */
export class HugeInteger {
  constructor(readonly digits: string) {}
}

export type BValue = number | HugeInteger | Uint8Array | BValue[] | BDict;
/** Keys are byte strings, held as one char per byte (see latin1()). */
export type BDict = Map<string, BValue>;

export interface Decoded {
  root: BValue;
  /** [start, end) byte offsets of each value of the root dictionary, by key. */
  rootSpans: Map<string, [number, number]>;
}

/** Deep enough for any real torrent (a v2 file tree adds one level per folder). */
export const MAX_DEPTH = 100;

const C_D = 0x64; // d
const C_L = 0x6c; // l
const C_I = 0x69; // i
const C_E = 0x65; // e
const C_COLON = 0x3a;
const C_MINUS = 0x2d;
const C_0 = 0x30;
const C_9 = 0x39;

function describeByte(b: number): string {
  if (b >= 0x21 && b < 0x7f) return format(_('the character “%s”'), String.fromCharCode(b));
  return format(_('the byte 0x%s'), b.toString(16).padStart(2, '0'));
}

class Reader {
  pos = 0;
  readonly rootSpans = new Map<string, [number, number]>();

  constructor(private readonly bytes: Uint8Array) {}

  private where(at = this.pos): string {
    return format(_('byte %s'), String(at));
  }

  private truncated(): MetainfoError {
    return new MetainfoError(this.where(), _('more data'), _('the end of the file (the file is cut short)'));
  }

  value(depth: number): BValue {
    if (depth > MAX_DEPTH) {
      throw new MetainfoError(
        this.where(),
        format(_('at most %s levels of nested lists and dictionaries'), String(MAX_DEPTH)),
        _('deeper nesting'),
      );
    }
    if (this.pos >= this.bytes.length) throw this.truncated();
    const c = this.bytes[this.pos];
    if (c === C_I) return this.integer();
    if (c >= C_0 && c <= C_9) return this.string();
    if (c === C_L) {
      this.pos++;
      const list: BValue[] = [];
      for (;;) {
        if (this.pos >= this.bytes.length) throw this.truncated();
        if (this.bytes[this.pos] === C_E) break;
        list.push(this.value(depth + 1));
      }
      this.pos++;
      return list;
    }
    if (c === C_D) {
      this.pos++;
      const dict: BDict = new Map();
      for (;;) {
        if (this.pos >= this.bytes.length) throw this.truncated();
        if (this.bytes[this.pos] === C_E) break;
        const keyAt = this.pos;
        const kc = this.bytes[this.pos];
        if (kc < C_0 || kc > C_9) {
          throw new MetainfoError(this.where(), _('a text key of a dictionary'), describeByte(kc));
        }
        const key = latin1(this.string());
        if (dict.has(key)) {
          throw new MetainfoError(
            this.where(keyAt),
            _('each key once in a dictionary'),
            format(_('the key “%s” twice'), ellipsize(key)),
          );
        }
        const start = this.pos;
        dict.set(key, this.value(depth + 1));
        if (depth === 0) this.rootSpans.set(key, [start, this.pos]);
      }
      this.pos++;
      return dict;
    }
    throw new MetainfoError(this.where(), _('a bencoded value (a number, text, list or dictionary)'), describeByte(c));
  }

  /** Reads ASCII digits up to `stop`; returns them as text (bounded length, so no huge loops). */
  private digits(stop: number, allowMinus: boolean): string {
    const start = this.pos;
    const bytes = this.bytes;
    let end = start;
    if (allowMinus && end < bytes.length && bytes[end] === C_MINUS) end++;
    while (end < bytes.length && bytes[end] >= C_0 && bytes[end] <= C_9) {
      end++;
      if (end - start > 400) break;
    }
    if (end >= bytes.length) throw this.truncated();
    const text = latin1(bytes.subarray(start, end));
    if (bytes[end] !== stop) {
      throw new MetainfoError(
        this.where(end),
        stop === C_E ? _('the end of a number (“e”)') : _('“:” after a text length'),
        describeByte(bytes[end]),
      );
    }
    const unsigned = text.startsWith('-') ? text.slice(1) : text;
    if (unsigned === '' || (unsigned.length > 1 && unsigned.startsWith('0')) || text === '-0') {
      throw new MetainfoError(
        this.where(start),
        _('a whole number written without leading zeros'),
        `“${ellipsize(text)}”`,
      );
    }
    this.pos = end + 1;
    return text;
  }

  private integer(): number | HugeInteger {
    this.pos++; // i
    const text = this.digits(C_E, true);
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : new HugeInteger(text);
  }

  private string(): Uint8Array {
    const at = this.pos;
    const text = this.digits(C_COLON, false);
    const length = Number(text);
    if (!Number.isSafeInteger(length) || length > this.bytes.length - this.pos) {
      throw new MetainfoError(
        this.where(at),
        format(_('text that fits in the file (%s bytes left)'), String(this.bytes.length - this.pos)),
        format(_('a length of %s bytes (the file is cut short)'), ellipsize(text)),
      );
    }
    const value = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }
}

/** Decodes one complete bencoded document. Throws MetainfoError on anything malformed. */
export function bdecode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new MetainfoError(_('byte 0'), _('a bencoded dictionary'), _('an empty file'));
  const reader = new Reader(bytes);
  const root = reader.value(0);
  if (reader.pos !== bytes.length) {
    throw new MetainfoError(
      format(_('byte %s'), String(reader.pos)),
      _('the end of the file'),
      format(_('%s more bytes after the torrent data'), String(bytes.length - reader.pos)),
    );
  }
  return { root, rootSpans: reader.rootSpans };
}
