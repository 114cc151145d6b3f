import Gio from 'gi://Gio';
import GLib from 'gi://GLib';

/**
 * Bytes from the kernel's CSPRNG. GLib's own random functions are not meant for secrets, so
 * session ids, CSRF tokens, API tokens and salts come from /dev/urandom (never blocks once
 * the system is up; a handful of bytes per login).
 */
export function randomBytes(length: number): Uint8Array {
  const stream = Gio.File.new_for_path('/dev/urandom').read(null);
  try {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const chunk = stream.read_bytes(length - filled, null).toArray();
      if (chunk.length === 0) throw new Error('/dev/urandom returned nothing');
      out.set(chunk, filled);
      filled += chunk.length;
    }
    return out;
  } finally {
    stream.close(null);
  }
}

/** URL-safe base64 without padding: fits in a cookie, a header and a URL. */
export function base64Url(bytes: Uint8Array): string {
  return GLib.base64_encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random token of `bytes` bytes of entropy, as URL-safe text. */
export function randomToken(bytes = 32): string {
  return base64Url(randomBytes(bytes));
}
