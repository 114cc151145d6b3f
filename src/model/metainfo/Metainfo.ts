/** What the app knows about a .torrent file once parsed (see docs/ARCHITECTURE.md, "Metainfo"). */
export interface MetainfoFile {
  /** Path components below the torrent's name folder (a single-file torrent: `[name]`). */
  path: string[];
  length: number;
}

export interface Metainfo {
  version: 'v1' | 'v2' | 'hybrid';
  /** 20 bytes sent to trackers: SHA-1 (v1/hybrid) or truncated SHA-256 (v2). */
  infoHash: Uint8Array;
  /** 40 lowercase hex characters of infoHash. */
  infoHashHex: string;
  infoHashV1: Uint8Array | null;
  infoHashV2: Uint8Array | null;
  name: string;
  files: MetainfoFile[];
  totalSize: number;
  pieceLength: number;
  pieceCount: number;
  /** BEP 12 tiers (or [[announce]]), deduplicated, only http(s)/udp. Empty: nothing to announce to. */
  announceTiers: string[][];
  isPrivate: boolean;
  comment: string;
  createdBy: string;
  /** Unix seconds. */
  creationDate: number | null;
}
