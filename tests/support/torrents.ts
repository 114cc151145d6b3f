import GLib from 'gi://GLib';
import bencode from 'bencode';

/**
 * Builds real .torrent bytes for specs, without touching the disk. Piece hashes are random:
 * nothing here ever checks data, but every torrent gets a distinct info hash.
 */
export interface TorrentFixture {
  name?: string;
  /** Single-file torrent of this many bytes (default 1 MiB) unless `files` is given. */
  length?: number;
  files?: { path: string[]; length: number }[];
  pieceLength?: number;
  announce?: string;
  announceList?: string[][];
  private?: boolean;
  comment?: string;
  createdBy?: string;
  creationDate?: number;
  /** Extra keys merged into the info dict (for malformed-input specs). */
  extraInfo?: Record<string, unknown>;
}

let counter = 0;

export function makeTorrent(f: TorrentFixture = {}): Uint8Array {
  const pieceLength = f.pieceLength ?? 262144;
  const total = f.files ? f.files.reduce((s, x) => s + x.length, 0) : (f.length ?? 1048576);
  const pieceCount = Math.max(1, Math.ceil(total / pieceLength));
  const pieces = new Uint8Array(pieceCount * 20);
  for (let i = 0; i < pieces.length; i++) pieces[i] = GLib.random_int_range(0, 256);
  // A nonce keeps two fixtures with the same name and sizes from sharing an info hash.
  counter++;
  const info: Record<string, unknown> = {
    name: f.name ?? `fixture-${counter}.bin`,
    'piece length': pieceLength,
    pieces,
    ...(f.files ? { files: f.files.map((x) => ({ length: x.length, path: x.path })) } : { length: total }),
    ...(f.private ? { private: 1 } : {}),
    ...(f.extraInfo ?? {}),
  };
  const root: Record<string, unknown> = { info };
  if (f.announce !== undefined) root.announce = f.announce;
  else if (!f.announceList) root.announce = 'http://127.0.0.1:6969/announce';
  if (f.announceList) root['announce-list'] = f.announceList;
  if (f.comment) root.comment = f.comment;
  if (f.createdBy) root['created by'] = f.createdBy;
  if (f.creationDate) root['creation date'] = f.creationDate;
  return bencode.encode(root);
}

/** SHA-1 of the info dict of a fixture, as 40 lowercase hex characters (for tracker whitelists). */
export function fixtureInfoHashHex(torrent: Uint8Array): string {
  const root = bencode.decode(torrent) as Record<string, unknown>;
  const info = bencode.encode(root.info);
  return GLib.compute_checksum_for_bytes(GLib.ChecksumType.SHA1, new GLib.Bytes(info))!;
}
