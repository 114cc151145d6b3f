/** Small text helpers shared by the metainfo parser and the library's messages. */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text from bytes that are meant to be UTF-8. Old torrents often carry names in a local 8-bit
 * code page; those bytes are read as Latin-1 instead of failing, so a name always shows.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return latin1(bytes);
  }
}

/** One character per byte: lossless for any bytes, used for dictionary keys. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return s;
}

/** The bytes of a string made by latin1(). */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Shortens a value for an error message. */
export function ellipsize(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
