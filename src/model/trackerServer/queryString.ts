/**
 * Parses a raw (still percent-encoded) URL query into its parameters, each value as the bytes it
 * encodes: an info_hash is 20 arbitrary bytes and must never go through text decoding.
 * Returns null for a malformed escape.
 */
export function parseQuery(raw: string): Map<string, Uint8Array[]> | null {
  const out = new Map<string, Uint8Array[]>();
  if (raw === '') return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (!key || !value) return null;
    const name = String.fromCharCode(...key);
    const list = out.get(name);
    if (list) list.push(value);
    else out.set(name, [value]);
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function decode(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 37) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return null;
      out[n++] = (hi << 4) | lo;
      i += 2;
    } else if (c === 43) {
      out[n++] = 32; // '+' is a space in a form-encoded query
    } else if (c > 0x7e) {
      return null; // a raw non-ASCII byte: not a valid URL
    } else {
      out[n++] = c;
    }
  }
  return out.slice(0, n);
}

/** A decoded value as ASCII text (numbers, event names); bytes above 0x7e make it invalid. */
export function asciiValue(value: Uint8Array | undefined): string | null {
  if (!value) return null;
  for (const b of value) if (b < 0x20 || b > 0x7e) return null;
  return String.fromCharCode(...value);
}
