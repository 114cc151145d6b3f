/**
 * A bencode encoder for tracker replies, writing bytes directly. Dictionary keys are binary
 * strings (one char per byte, e.g. the 20-byte info hash of a scrape), sorted as raw bytes as
 * BEP 3 requires; string values are text (UTF-8) and Uint8Array values are raw bytes.
 */
export type BValue = number | string | Uint8Array | BValue[] | BDict;
export type BDict = Map<string, BValue>;

const encoder = new TextEncoder();

class ByteSink {
  buf = new Uint8Array(256);
  length = 0;

  reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  ascii(text: string): void {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.length++] = text.charCodeAt(i);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
}

/** A JS string whose chars are bytes (0–255), e.g. a binary dictionary key. */
export function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function write(sink: ByteSink, value: BValue): void {
  if (typeof value === 'number') {
    sink.ascii(`i${Math.trunc(value)}e`);
  } else if (typeof value === 'string') {
    const b = encoder.encode(value);
    sink.ascii(`${b.length}:`);
    sink.bytes(b);
  } else if (value instanceof Uint8Array) {
    sink.ascii(`${value.length}:`);
    sink.bytes(value);
  } else if (Array.isArray(value)) {
    sink.ascii('l');
    for (const v of value) write(sink, v);
    sink.ascii('e');
  } else {
    sink.ascii('d');
    // Binary strings compare by char code, which is byte order.
    const keys = [...value.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const k of keys) {
      sink.ascii(`${k.length}:`);
      sink.ascii(k);
      write(sink, value.get(k)!);
    }
    sink.ascii('e');
  }
}

export function bencode(value: BValue): Uint8Array {
  const sink = new ByteSink();
  write(sink, value);
  return sink.buf.slice(0, sink.length);
}
