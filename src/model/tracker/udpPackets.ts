import GLib from 'gi://GLib';

import type { AnnounceContext } from './announceUrl.ts';
import type { AnnounceRequest } from './types.ts';

/** BEP 15 packets, as every identity writes them (big-endian). */

export const ACTION_CONNECT = 0;
export const ACTION_ANNOUNCE = 1;
export const ACTION_SCRAPE = 2;
export const ACTION_ERROR = 3;
const PROTOCOL_ID_HI = 0x417;
const PROTOCOL_ID_LO = 0x27101980;
const EVENT_CODES = { none: 0, completed: 1, started: 2, stopped: 3 } as const;

/** How one UDP exchange is retried: `attempts` sends, waiting timeout·2ⁿ after the n-th. */
export interface UdpPolicy {
  attempts: number;
  timeoutSeconds: number;
  connectionIdLifetime: number;
}

/** An error packet about our connection id ("Connection ID missmatch.", "invalid connection id", …). */
export function isConnectionIdError(text: string): boolean {
  return /connection[ _-]?id/i.test(text);
}

export function randomU32(): number {
  return ((GLib.random_int_range(0, 0x10000) << 16) | GLib.random_int_range(0, 0x10000)) >>> 0;
}

function setU64(view: DataView, offset: number, value: number): void {
  const v = Math.max(0, Math.floor(value));
  view.setUint32(offset, Math.floor(v / 0x100000000));
  view.setUint32(offset + 4, v % 0x100000000);
}

/** A connect request (its transaction id is written at byte 12 when sent). */
export function connectPacket(): Uint8Array {
  const packet = new Uint8Array(16);
  const v = new DataView(packet.buffer);
  v.setUint32(0, PROTOCOL_ID_HI);
  v.setUint32(4, PROTOCOL_ID_LO);
  v.setUint32(8, ACTION_CONNECT);
  return packet;
}

/** An announce request, with BEP 41 URL data (chunks of ≤ 255 bytes) when given. */
export function announcePacket(
  connectionId: Uint8Array,
  urlData: Uint8Array | null,
  req: AnnounceRequest,
  ctx: AnnounceContext & { keyValue: number },
): Uint8Array {
  const options: number[] = [];
  if (urlData && urlData.length) {
    for (let i = 0; i < urlData.length; i += 255) {
      const chunk = urlData.subarray(i, i + 255);
      options.push(0x02, chunk.length, ...chunk);
    }
  }
  const packet = new Uint8Array(98 + options.length);
  const v = new DataView(packet.buffer);
  packet.set(connectionId, 0);
  v.setUint32(8, ACTION_ANNOUNCE);
  packet.set(req.infoHash.subarray(0, 20), 16);
  packet.set(ctx.peerId.subarray(0, 20), 36);
  setU64(v, 56, req.downloaded);
  setU64(v, 64, req.left);
  setU64(v, 72, req.uploaded);
  v.setUint32(80, EVENT_CODES[req.event]);
  v.setUint32(84, 0);
  v.setUint32(88, ctx.keyValue >>> 0);
  v.setInt32(92, req.event === 'stopped' ? 0 : ctx.identity.udp.numwant);
  v.setUint16(96, ctx.port);
  packet.set(options, 98);
  return packet;
}
