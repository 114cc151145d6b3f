import GLib from 'gi://GLib';

import type { Torrent } from '../model/torrent/Torrent.ts';

/**
 * `magnet:?xt=urn:btih:<sha1>&dn=<name>&tr=<url>…`, with the name and URLs escaped. v2 torrents
 * carry their full SHA-256 as `xt=urn:btmh:1220<sha256>` (BEP 9/52); hybrids carry both.
 */
export function magnetLink(torrent: Torrent, trackerUrls: string[]): string {
  const esc = (s: string) => GLib.Uri.escape_string(s, null, false);
  const topics: string[] = [];
  if (torrent.info_hash_v1 || !torrent.info_hash_v2)
    topics.push(`xt=urn:btih:${torrent.info_hash_v1 || torrent.info_hash}`);
  if (torrent.info_hash_v2) topics.push(`xt=urn:btmh:1220${torrent.info_hash_v2}`);
  return [`magnet:?${topics.join('&')}`, `dn=${esc(torrent.name)}`, ...trackerUrls.map((u) => `tr=${esc(u)}`)].join(
    '&',
  );
}
