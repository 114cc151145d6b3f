import Gio from 'gi://Gio';

import type { AnnounceReply, Peer } from './types.ts';

/** What identifies this app in a tracker's peer list. */
export interface OwnAnnounce {
  /** The port it announces. */
  port: number;
  /** The peer_id it announces. */
  peerId: Uint8Array;
  /** The address the tracker says it saw us at (BEP 24 `external ip`), if it said. */
  externalIp?: string;
}

/**
 * Whether a peer from a tracker's reply is this app's own announce echoed back (opentracker,
 * for one, lists the requester too): our peer_id, or our port at an address that is ours — this
 * computer's loopback or the address the tracker saw us at. No real peer is behind it: we
 * never listen, so it is not one to show.
 */
export function isOwnPeer(peer: Peer, own: OwnAnnounce): boolean {
  if (peer.peerId && sameBytes(peer.peerId, own.peerId)) return true;
  if (peer.port !== own.port) return false;
  if (own.externalIp !== undefined && peer.ip === own.externalIp) return true;
  const address = Gio.InetAddress.new_from_string(peer.ip);
  return address !== null && (address.get_is_loopback() || address.get_is_any());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The peers of a reply without our own announce echoed back (announced as `self` announces). */
export function otherPeers(reply: AnnounceReply, self: { port: number; peerId: Uint8Array }): Peer[] {
  const own = { port: self.port, peerId: self.peerId, externalIp: reply.externalIp };
  return reply.peers.filter((p) => !isOwnPeer(p, own));
}
