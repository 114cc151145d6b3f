/** One peer as the tracker keeps it. */
export interface TrackedPeer {
  /** peer_id bytes as a binary string plus the address family: one entry per family per peer. */
  readonly key: string;
  readonly peerId: Uint8Array;
  ip: string;
  port: number;
  /** Address and port as BEP 23 / BEP 7 compact bytes (6 or 18). */
  compact: Uint8Array;
  readonly ipv6: boolean;
  seeder: boolean;
  uploaded: number;
  downloaded: number;
  left: number;
  /** Monotonic seconds of its last announce. */
  lastSeen: number;
}

/** The peers of one torrent, in an array (random picks) indexed by key (updates). */
export interface Swarm {
  readonly infoHashHex: string;
  readonly infoHash: Uint8Array;
  readonly peers: TrackedPeer[];
  readonly index: Map<string, number>;
  seeders: number;
  /** `event=completed` announces counted (BEP 48 `downloaded`). */
  completed: number;
  announces: number;
  lastAnnounce: number;
}

export interface PeerLimits {
  maxPeersPerTorrent: number;
  maxTorrents: number;
  maxTotalPeers: number;
}

export type PeerUpdate = Omit<TrackedPeer, 'key' | 'lastSeen' | 'compact'> & { compact: Uint8Array };

/**
 * Every torrent's swarm. Memory is bounded by three caps (peers per torrent, torrents, peers in
 * all); an announce that would pass one is refused with `full` and the table is unchanged.
 */
export class PeerTable {
  readonly #swarms = new Map<string, Swarm>();
  #totalPeers = 0;

  get totalPeers(): number {
    return this.#totalPeers;
  }

  get torrentCount(): number {
    return this.#swarms.size;
  }

  swarm(infoHashHex: string): Swarm | undefined {
    return this.#swarms.get(infoHashHex);
  }

  swarms(): IterableIterator<Swarm> {
    return this.#swarms.values();
  }

  /**
   * Adds or refreshes a peer. Returns the swarm, or which cap refused it. `completed` is counted
   * once per peer: a leecher that announces `completed` becomes a seeder.
   */
  upsert(
    infoHash: Uint8Array,
    infoHashHex: string,
    update: PeerUpdate,
    completed: boolean,
    now: number,
    limits: PeerLimits,
  ): Swarm | 'torrents' | 'torrent' | 'total' {
    let swarm = this.#swarms.get(infoHashHex);
    const key = peerKey(update.peerId, update.ipv6);
    const at = swarm?.index.get(key);
    if (at === undefined) {
      if (!swarm && this.#swarms.size >= limits.maxTorrents) return 'torrents';
      if (swarm && swarm.peers.length >= limits.maxPeersPerTorrent) return 'torrent';
      if (this.#totalPeers >= limits.maxTotalPeers) return 'total';
    }
    if (!swarm) {
      swarm = {
        infoHashHex,
        infoHash: infoHash.slice(),
        peers: [],
        index: new Map(),
        seeders: 0,
        completed: 0,
        announces: 0,
        lastAnnounce: now,
      };
      this.#swarms.set(infoHashHex, swarm);
    }
    swarm.announces++;
    swarm.lastAnnounce = now;
    if (at === undefined) {
      const peer: TrackedPeer = { ...update, key, lastSeen: now };
      swarm.index.set(key, swarm.peers.length);
      swarm.peers.push(peer);
      this.#totalPeers++;
      if (peer.seeder) swarm.seeders++;
      if (completed) swarm.completed++;
      return swarm;
    }
    const peer = swarm.peers[at];
    if (completed && !peer.seeder) swarm.completed++;
    if (peer.seeder !== update.seeder) swarm.seeders += update.seeder ? 1 : -1;
    Object.assign(peer, update, { lastSeen: now });
    return swarm;
  }

  /** Removes a peer (`event=stopped`); true if it was there. */
  remove(infoHashHex: string, peerId: Uint8Array, ipv6: boolean): boolean {
    const swarm = this.#swarms.get(infoHashHex);
    const key = peerKey(peerId, ipv6);
    const at = swarm?.index.get(key);
    if (!swarm || at === undefined) return false;
    this.#removeAt(swarm, at);
    return true;
  }

  #removeAt(swarm: Swarm, at: number): void {
    const peer = swarm.peers[at];
    const last = swarm.peers.pop()!;
    swarm.index.delete(peer.key);
    if (last !== peer) {
      swarm.peers[at] = last;
      swarm.index.set(last.key, at);
    }
    if (peer.seeder) swarm.seeders--;
    this.#totalPeers--;
  }

  /**
   * Up to `count` peers other than `except`, starting at a random place so every peer gets
   * handed out in turn. `ipv6` filters by family (null: both).
   */
  pick(
    swarm: Swarm,
    count: number,
    exceptKey: string | null,
    ipv6: boolean | null,
    random: () => number,
  ): TrackedPeer[] {
    const n = swarm.peers.length;
    const out: TrackedPeer[] = [];
    if (count <= 0 || n === 0) return out;
    const start = Math.floor(random() * n);
    for (let i = 0; i < n && out.length < count; i++) {
      const p = swarm.peers[(start + i) % n];
      if (p.key === exceptKey) continue;
      if (ipv6 !== null && p.ipv6 !== ipv6) continue;
      out.push(p);
    }
    return out;
  }

  /**
   * Drops peers not seen since `before` (monotonic seconds). Empty swarms go too unless
   * `keep(infoHashHex)` says otherwise (the library's torrents keep their completed count).
   */
  expire(before: number, keep: (infoHashHex: string) => boolean): number {
    let removed = 0;
    for (const [hex, swarm] of this.#swarms) {
      for (let i = swarm.peers.length - 1; i >= 0; i--) {
        if (swarm.peers[i].lastSeen < before) {
          this.#removeAt(swarm, i);
          removed++;
        }
      }
      if (swarm.peers.length === 0 && !keep(hex)) this.#swarms.delete(hex);
    }
    return removed;
  }

  clear(): void {
    this.#swarms.clear();
    this.#totalPeers = 0;
  }
}

export function peerKey(peerId: Uint8Array, ipv6: boolean): string {
  let s = ipv6 ? '6' : '4';
  for (let i = 0; i < peerId.length; i++) s += String.fromCharCode(peerId[i]);
  return s;
}
