import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import type { Torrent } from '../model/torrent/Torrent.ts';
import { TorrentRow } from './TorrentRow.ts';
import { TorrentRowModel } from './TorrentRowModel.ts';
import { connectSignal } from './signals.ts';

/** One level of the list's sort: the value a torrent sorts by, and the direction. */
export interface SortLevel {
  key: (t: Torrent) => number | string;
  descending: boolean;
}

/**
 * What the torrent list shows, worked out in one JS pass: the model's torrents that pass the
 * filter, in the sort's order (ties keep the queue order), handed to GTK as rows whose torrent
 * changes (TorrentRow). A search or a sort over 10 000 torrents is then one filter and one sort
 * of a JS array, a change of the rows' torrents and at most one items-changed at the end of the
 * list — where GtkFilterListModel and GtkSortListModel called into JS for every torrent and
 * made the column view rebuild its rows.
 *
 * Changes of the model's list are gathered and applied once before the next frame (removing a
 * thousand torrents one by one re-sorts once); anything that reads the rows applies them first.
 */
export class TorrentRows {
  /** The column view's items: one TorrentRow per shown torrent. */
  readonly model = new TorrentRowModel();
  readonly selection = new Gtk.MultiSelection({ model: this.model });
  readonly #source: Gio.ListModel;
  readonly #sourceHandler: number;
  /** The model's torrents in queue order (a JS copy: reading them through GI costs more). */
  readonly #all: Torrent[] = [];
  readonly #rows = this.model.rows;
  /** Rows a search took away, kept for the next (10 000 new GObjects take 100 ms). */
  readonly #spare: TorrentRow[] = [];
  /**
   * Every row ever made, held from C: a row the list drops would otherwise fall back to JS's
   * reference alone, and GJS 1.74 answers each such "toggle down" with a full collection of the
   * whole heap 10 s later (src/lib/garbageCollection.ts, holdFromC).
   */
  readonly #held = new Gio.ListStore({ item_type: TorrentRow.$gtype });
  /** After the rows changed (torrents in, out or moved), with the selection already following. */
  onChanged: () => void = () => {};
  #filter: ((t: Torrent) => boolean) | null = null;
  #sort: SortLevel[] = [];
  #pending = 0;

  constructor(source: Gio.ListModel) {
    this.#source = source;
    this.#sourceChanged(0, 0, source.get_n_items());
    const changed = (_m: unknown, position: number, removed: number, added: number) => {
      this.#sourceChanged(position, removed, added);
      if (!this.#pending)
        this.#pending = GLib.idle_add(GLib.PRIORITY_HIGH_IDLE, () => {
          this.#pending = 0;
          this.#apply();
          return GLib.SOURCE_REMOVE;
        });
    };
    this.#sourceHandler = connectSignal(source, 'items-changed', changed);
    this.#apply();
  }

  /** Stops following the model. */
  dispose(): void {
    this.#source.disconnect(this.#sourceHandler);
    if (this.#pending) GLib.source_remove(this.#pending);
    this.#pending = 0;
  }

  setFilter(filter: ((t: Torrent) => boolean) | null): void {
    this.#filter = filter;
    this.#apply();
  }

  setSort(sort: SortLevel[]): void {
    this.#sort = sort;
    this.#apply();
  }

  get sorted(): boolean {
    return this.#sort.length > 0;
  }

  /** Works the rows out again (figures moved: the sort and the state filter may differ). */
  refresh(): void {
    this.#apply();
  }

  /** Applies the model's changes now if some wait for the next frame. */
  flush(): void {
    if (!this.#pending) return;
    GLib.source_remove(this.#pending);
    this.#pending = 0;
    this.#apply();
  }

  get count(): number {
    this.flush();
    return this.#rows.length;
  }

  torrentAt(position: number): Torrent | null {
    this.flush();
    return this.#rows[position]?.torrent ?? null;
  }

  /** The shown torrents, in list order. */
  shown(): Torrent[] {
    this.flush();
    return this.#rows.map((r) => r.torrent!);
  }

  selected(): Torrent[] {
    this.flush();
    return this.#selectedPositions().map((p) => this.#rows[p].torrent!);
  }

  select(torrents: Torrent[]): void {
    this.flush();
    const wanted = new Set(torrents);
    const bits = new Gtk.Bitset();
    this.#rows.forEach((row, i) => {
      if (wanted.has(row.torrent!)) bits.add(i);
    });
    this.selection.set_selection(bits, Gtk.Bitset.new_range(0, this.#rows.length));
  }

  #sourceChanged(position: number, removed: number, added: number): void {
    const items: Torrent[] = [];
    for (let i = 0; i < added; i++) items.push(this.#source.get_item(position + i) as Torrent);
    this.#all.splice(position, removed, ...items);
  }

  #selectedPositions(): number[] {
    const bits = this.selection.get_selection();
    const out: number[] = [];
    const n = bits.get_size();
    for (let i = 0; i < n; i++) out.push(bits.get_nth(i));
    return out;
  }

  #apply(): void {
    const filter = this.#filter;
    const next = this.#sorted(filter ? this.#all.filter(filter) : this.#all.slice());
    // The selection follows its torrents to their new places (GTK only sees rows stay put).
    const selected = new Set(this.#selectedPositions().map((p) => this.#rows[p]?.torrent));
    const rows = this.#rows;
    const kept = Math.min(rows.length, next.length);
    let moved = rows.length !== next.length;
    for (let i = 0; i < kept; i++) {
      if (rows[i].torrent === next[i]) continue;
      rows[i].showTorrent(next[i]);
      moved = true;
    }
    if (next.length > rows.length) {
      const made: TorrentRow[] = [];
      const added = next.slice(rows.length).map((t) => {
        const row = this.#spare.pop() ?? made[made.push(new TorrentRow(null)) - 1];
        row.showTorrent(t);
        return row;
      });
      if (made.length) this.#held.splice(this.#held.get_n_items(), 0, made);
      this.model.splice(kept, 0, added);
    } else if (next.length < rows.length) {
      const gone = rows.slice(next.length);
      this.model.splice(next.length, gone.length, []);
      for (const row of gone) row.showTorrent(null);
      this.#spare.push(...gone);
    }
    if (selected.size > 0) {
      const bits = new Gtk.Bitset();
      next.forEach((t, i) => {
        if (selected.has(t)) bits.add(i);
      });
      if (!bits.equals(this.selection.get_selection()))
        this.selection.set_selection(bits, Gtk.Bitset.new_range(0, next.length));
    }
    if (moved) this.onChanged();
  }

  #sorted(list: Torrent[]): Torrent[] {
    const levels = this.#sort;
    if (levels.length === 0) return list;
    const keys = levels.map((level) => list.map(level.key));
    const signs = levels.map((level) => (level.descending ? -1 : 1));
    const order = list.map((_t, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < keys.length; k++) {
        const x = keys[k][a];
        const y = keys[k][b];
        if (x < y) return -signs[k];
        if (x > y) return signs[k];
      }
      return a - b;
    });
    return order.map((i) => list[i]);
  }
}
