import Gio from 'gi://Gio';

import { Torrent } from '../torrent/Torrent.ts';

/** What the registry needs of a session. */
export interface Registered {
  readonly torrent: Torrent;
  readonly path: string;
}

export type QueueMove = 'top' | 'up' | 'down' | 'bottom';

/**
 * The torrent list: a Gio.ListStore of Torrent GObjects (what the view binds), the sessions by
 * the path of their copied .torrent, by info hash and by Torrent, and the queue order (the
 * `id` property: 1..n without gaps).
 */
export class TorrentRegistry<S extends Registered> {
  readonly torrents = new Gio.ListStore({ item_type: Torrent.$gtype });
  readonly #byPath = new Map<string, S>();
  readonly #byHash = new Map<string, S>();
  readonly #byTorrent = new Map<Torrent, S>();

  get size(): number {
    return this.#byPath.size;
  }

  add(session: S): void {
    this.addMany([session]);
  }

  /**
   * Adds sessions at the end of the list with ONE items-changed: ten thousand appends would
   * run every list listener ten thousand times (each of them O(n): quadratic at start-up).
   */
  addMany(sessions: S[]): void {
    for (const session of sessions) {
      this.#byPath.set(session.path, session);
      this.#byHash.set(session.torrent.info_hash, session);
      this.#byTorrent.set(session.torrent, session);
    }
    this.torrents.splice(
      this.torrents.get_n_items(),
      0,
      sessions.map((s) => s.torrent),
    );
  }

  /** Takes a session out of the list; the others' ids close the gap. */
  delete(session: S): void {
    if (this.#byPath.get(session.path) !== session) return;
    this.#byPath.delete(session.path);
    if (this.#byHash.get(session.torrent.info_hash) === session) this.#byHash.delete(session.torrent.info_hash);
    this.#byTorrent.delete(session.torrent);
    const [found, pos] = this.torrents.find(session.torrent);
    if (found) this.torrents.remove(pos);
  }

  byPath(path: string): S | undefined {
    return this.#byPath.get(path);
  }

  byInfoHash(infoHashHex: string): S | undefined {
    return this.#byHash.get(infoHashHex.toLowerCase());
  }

  of(torrent: Torrent): S | undefined {
    return this.#byTorrent.get(torrent);
  }

  /** The sessions of these torrents (unknown ones left out), in the order given. */
  sessionsOf(torrents: Torrent[]): S[] {
    return torrents.map((t) => this.#byTorrent.get(t)).filter((s): s is S => s !== undefined);
  }

  /** Every session, in list order. */
  sessions(): S[] {
    return [...this.#byTorrent.values()];
  }

  /** Every Torrent, in list order. */
  all(): Torrent[] {
    return [...this.#byTorrent.keys()];
  }

  /** Queue order: the moved torrents keep their relative order; ids stay 1..n. */
  move(torrents: Torrent[], where: QueueMove): void {
    const order = this.all().sort((a, b) => a.id - b.id);
    const moving = new Set(torrents.filter((t) => this.#byTorrent.has(t)));
    if (moving.size === 0) return;
    let next: Torrent[];
    if (where === 'top') next = [...order.filter((t) => moving.has(t)), ...order.filter((t) => !moving.has(t))];
    else if (where === 'bottom') next = [...order.filter((t) => !moving.has(t)), ...order.filter((t) => moving.has(t))];
    else {
      next = [...order];
      const step = where === 'up' ? -1 : 1;
      const indexes = next.map((t, i) => (moving.has(t) ? i : -1)).filter((i) => i >= 0);
      if (step > 0) indexes.reverse();
      for (const i of indexes) {
        const j = i + step;
        if (j < 0 || j >= next.length || moving.has(next[j])) continue;
        [next[i], next[j]] = [next[j], next[i]];
      }
    }
    renumber(next);
  }

  /** Closes gaps in the ids (after a removal), keeping the order. */
  renumber(): void {
    renumber(this.all().sort((a, b) => a.id - b.id));
  }
}

function renumber(order: Torrent[]): void {
  order.forEach((t, i) => {
    if (t.id !== i + 1) t.id = i + 1;
  });
}
