import Gio from 'gi://Gio';
import GObject from 'gi://GObject';

import { STATE_FILTERS, type StateFilter, torrentMatchesState } from '../filters.ts';
import type { Torrent, TorrentValues } from '../torrent/Torrent.ts';
import { TrackerHostCount } from './TrackerHostCount.ts';

const count = (name: string) => GObject.ParamSpec.int(name, '', '', GObject.ParamFlags.READABLE, 0, 2147483647, 0);

/**
 * The status, which every state filter reads (src/model/filters.ts). The rates, which `active`
 * also reads, change at every tick and notify only while a window shows them: the session calls
 * refresh() when its torrent starts or stops moving bytes instead.
 */
const WATCHED = 'notify::status';

interface Tracked {
  /** Bit i set: the torrent matches STATE_FILTERS[i]. */
  mask: number;
  /** Rates above zero when the mask was last worked out. */
  moving: boolean;
  hosts: readonly string[];
  /** The WATCHED handler's id. */
  handler: number;
}

/** No hosts: one array for every torrent without trackers. */
const NO_HOSTS: readonly string[] = [];

/**
 * How many torrents each sidebar state and each tracker host holds, kept up to date as
 * torrents change (each change adjusts the counts it touches; nothing rescans the list). The
 * states are notifying properties (`all`, `downloading`, `seeding`, `active`, `paused`,
 * `error`); the hosts are a list model of TrackerHostCount, sorted by host name, whose items
 * notify their `count`. The counts use the same predicate as the view's filter, so a count
 * always matches what a click on its row shows.
 */
export class TorrentCounts extends GObject.Object {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTorrentCounts',
        Properties: Object.fromEntries(STATE_FILTERS.map((s) => [s, count(s)])),
      },
      this,
    );
  }

  /** TrackerHostCount items, sorted by host. */
  readonly hosts = new Gio.ListStore({ item_type: TrackerHostCount.$gtype });
  readonly #counts = new Map<StateFilter, number>(STATE_FILTERS.map((s) => [s, 0]));
  readonly #tracked = new Map<Torrent, Tracked>();
  readonly #hostItems = new Map<string, TrackerHostCount>();

  // Read-only GObject properties: GJS reads them through these getters.
  get all(): number {
    return this.#counts.get('all')!;
  }
  get downloading(): number {
    return this.#counts.get('downloading')!;
  }
  get seeding(): number {
    return this.#counts.get('seeding')!;
  }
  get active(): number {
    return this.#counts.get('active')!;
  }
  get paused(): number {
    return this.#counts.get('paused')!;
  }
  get error(): number {
    return this.#counts.get('error')!;
  }

  /** The count of one state. */
  of(state: StateFilter): number {
    return this.#counts.get(state)!;
  }

  /** Every state's count. */
  byState(): Record<StateFilter, number> {
    return Object.fromEntries(this.#counts) as Record<StateFilter, number>;
  }

  /** Every host with its count, sorted by host. */
  byHost(): { host: string; count: number }[] {
    const out: { host: string; count: number }[] = [];
    for (let i = 0; i < this.hosts.get_n_items(); i++) {
      const item = this.hosts.get_item(i) as TrackerHostCount;
      out.push({ host: item.host, count: item.count });
    }
    return out;
  }

  /** One handler for every torrent (the torrent is the emitter), not a closure each. */
  readonly #onWatched = (t: GObject.Object): void => this.#update(t as Torrent);

  /** Starts counting a torrent that announces to `hosts`. */
  track(t: Torrent, hosts: string[]): void {
    if (this.#tracked.has(t)) return;
    const entry: Tracked = { mask: 0, moving: false, hosts: NO_HOSTS, handler: 0 };
    this.#tracked.set(t, entry);
    entry.handler = t.connect(WATCHED, this.#onWatched);
    this.#update(t);
    this.setHosts(t, hosts);
  }

  /**
   * After a tick: counts the torrent again if it started or stopped moving bytes. `v`: its plain
   * values (Torrent.values), so that the check costs no GObject access.
   */
  refresh(t: Torrent, v: TorrentValues): void {
    const entry = this.#tracked.get(t);
    if (entry && entry.moving !== (v.upload_rate > 0 || v.download_rate > 0)) this.#update(t);
  }

  /** Stops counting a removed torrent. */
  untrack(t: Torrent): void {
    const entry = this.#tracked.get(t);
    if (!entry) return;
    t.disconnect(entry.handler);
    this.#apply(entry.mask, 0);
    this.setHosts(t, []);
    this.#tracked.delete(t);
  }

  /** The torrent's tracker hosts changed (tracker list edited). */
  setHosts(t: Torrent, hosts: string[]): void {
    const entry = this.#tracked.get(t);
    if (!entry) return;
    const next = hosts.length === 0 ? NO_HOSTS : [...new Set(hosts)];
    for (const h of entry.hosts) if (!next.includes(h)) this.#addToHost(h, -1);
    for (const h of next) if (!entry.hosts.includes(h)) this.#addToHost(h, 1);
    entry.hosts = next;
  }

  #update(t: Torrent): void {
    const entry = this.#tracked.get(t);
    if (!entry) return;
    entry.moving = t.upload_rate > 0 || t.download_rate > 0;
    let mask = 0;
    STATE_FILTERS.forEach((s, i) => {
      if (torrentMatchesState(t, s)) mask |= 1 << i;
    });
    if (mask === entry.mask) return;
    const old = entry.mask;
    entry.mask = mask;
    this.#apply(old, mask);
  }

  #apply(oldMask: number, newMask: number): void {
    const changed = oldMask ^ newMask;
    if (!changed) return;
    this.freeze_notify();
    STATE_FILTERS.forEach((s, i) => {
      const bit = 1 << i;
      if (!(changed & bit)) return;
      this.#counts.set(s, this.#counts.get(s)! + (newMask & bit ? 1 : -1));
      this.notify(s);
    });
    this.thaw_notify();
  }

  #addToHost(host: string, delta: number): void {
    let item = this.#hostItems.get(host);
    if (!item) {
      if (delta <= 0) return;
      item = new TrackerHostCount(host);
      this.#hostItems.set(host, item);
      let pos = 0;
      while (
        pos < this.hosts.get_n_items() &&
        (this.hosts.get_item(pos) as TrackerHostCount).host.localeCompare(host) < 0
      )
        pos++;
      this.hosts.insert(pos, item);
    }
    item.count += delta;
    if (item.count <= 0) {
      this.#hostItems.delete(host);
      const [found, pos] = this.hosts.find(item);
      if (found) this.hosts.remove(pos);
    }
  }
}
