import GLib from 'gi://GLib';

/** BEP 15: a tracker accepts a connection id for two minutes after sending it. */
const SLOT_SECONDS = 60;

/**
 * Mints and checks BEP 15 connection ids without storing any: an id is the first 8 bytes of
 * HMAC-SHA256(per-run secret, time slot ‖ address ‖ port). One that was not minted here for
 * this address cannot be guessed, and one older than the previous slot (60–120 s) no longer
 * matches, so ids can be neither forged nor replayed past their lifetime. The secret lives only
 * in memory and changes at every start.
 */
export class ConnectionIds {
  readonly #secret: GLib.Bytes;
  readonly #nowSeconds: () => number;

  constructor(nowSeconds: () => number = () => GLib.get_monotonic_time() / 1e6) {
    const key = new Uint8Array(32);
    for (let i = 0; i < key.length; i++) key[i] = GLib.random_int_range(0, 256);
    this.#secret = new GLib.Bytes(key);
    this.#nowSeconds = nowSeconds;
  }

  #slot(): number {
    return Math.floor(this.#nowSeconds() / SLOT_SECONDS);
  }

  #idFor(slot: number, address: Uint8Array, port: number): Uint8Array {
    const data = new Uint8Array(4 + address.length + 2);
    new DataView(data.buffer).setUint32(0, slot >>> 0);
    data.set(address, 4);
    data[4 + address.length] = port >> 8;
    data[5 + address.length] = port & 0xff;
    const hex = GLib.compute_hmac_for_bytes(GLib.ChecksumType.SHA256, this.#secret, new GLib.Bytes(data));
    const id = new Uint8Array(8);
    for (let i = 0; i < 8; i++) id[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return id;
  }

  mint(address: Uint8Array, port: number): Uint8Array {
    return this.#idFor(this.#slot(), address, port);
  }

  /** True for an id minted for this address and port in this slot or the one before. */
  check(id: Uint8Array, address: Uint8Array, port: number): boolean {
    const slot = this.#slot();
    return sameBytes(id, this.#idFor(slot, address, port)) || sameBytes(id, this.#idFor(slot - 1, address, port));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
