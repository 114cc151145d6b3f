import GLib from 'gi://GLib';

/** Iterations for new password records; stored with each record, so raising it later is safe. */
export const PBKDF2_ITERATIONS = 60_000;
/** Iterations run per main-loop turn, so a login never holds the loop (and the seeding) long. */
const SLICE = 2_000;

const encoder = new TextEncoder();

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substring(i * 2, i * 2 + 2), 16);
  return out;
}

function hmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hexToBytes(GLib.compute_hmac_for_bytes(GLib.ChecksumType.SHA256, key, data)!);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) =>
    GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
      resolve();
      return GLib.SOURCE_REMOVE;
    }),
  );
}

/**
 * PBKDF2-HMAC-SHA256 (RFC 8018) with one 32-byte block, computed in slices between main-loop
 * turns. GJS has no WebCrypto; GLib's HMAC costs about 7 µs per iteration here.
 */
export async function pbkdf2Sha256(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = encoder.encode(password);
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1; // block index 1, big-endian
  let u = hmac(key, first);
  const out = u.slice();
  for (let i = 1; i < iterations; i++) {
    if (i % SLICE === 0) await nextTurn();
    u = hmac(key, u);
    for (let j = 0; j < out.length; j++) out[j] ^= u[j];
  }
  return out;
}

/** Compares in time that depends only on the length, so a wrong guess leaks nothing by timing. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i % (a.length || 1)] ?? 0) ^ (b[i % (b.length || 1)] ?? 0);
  return diff === 0;
}

/** SHA-256 of a text, as bytes: for API tokens, which carry 256 bits of entropy themselves. */
export function sha256(text: string): Uint8Array {
  return hexToBytes(GLib.compute_checksum_for_string(GLib.ChecksumType.SHA256, text, -1)!);
}
