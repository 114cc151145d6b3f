import GObject from 'gi://GObject';

import type { Torrent } from '../model/torrent/Torrent.ts';

/** What a row tells the cells bound to it. */
export interface RowCell {
  /** The row now shows this torrent (null: none, the row is going). */
  showTorrent(torrent: Torrent | null): void;
  /** A property of the shown torrent changed (its GObject name, e.g. `upload-rate`). */
  changed(property: string): void;
}

/**
 * One position of the torrent list: the list model the column view sees holds these, not the
 * torrents, and a sort or a search only changes which torrent each row shows. GTK 4.8 builds a
 * whole new row of widgets for every position whose item changes (and destroys the old one),
 * so re-sorting 10 000 torrents used to rebuild the 200 rows it keeps: 1 800 cells. Here the
 * rows stay and their cells take the new text.
 *
 * While any cell is bound to it, the row watches its torrent's `notify` (one handler for the
 * row's cells, not one per cell); an unbound row — most of 10 000 — watches nothing.
 */
export class TorrentRow extends GObject.Object {
  static {
    GObject.registerClass({ GTypeName: 'DfsTorrentRow' }, this);
  }

  #torrent: Torrent | null = null;
  readonly #cells = new Set<RowCell>();
  #handler = 0;

  constructor(torrent: Torrent | null) {
    super();
    this.#torrent = torrent;
  }

  get torrent(): Torrent | null {
    return this.#torrent;
  }

  /** Shows another torrent in this row's cells (if any are bound). */
  showTorrent(torrent: Torrent | null): void {
    if (torrent === this.#torrent) return;
    this.#unwatch();
    this.#torrent = torrent;
    if (this.#cells.size === 0) return;
    this.#watch();
    for (const cell of this.#cells) cell.showTorrent(torrent);
  }

  bindCell(cell: RowCell): void {
    if (this.#cells.size === 0) this.#watch();
    this.#cells.add(cell);
    cell.showTorrent(this.#torrent);
  }

  unbindCell(cell: RowCell): void {
    if (!this.#cells.delete(cell)) return;
    if (this.#cells.size === 0) this.#unwatch();
  }

  #watch(): void {
    const t = this.#torrent;
    if (!t || this.#handler) return;
    this.#handler = t.connect('notify', (_t: GObject.Object, pspec: GObject.ParamSpec) => {
      const name = pspec.get_name();
      for (const cell of this.#cells) cell.changed(name);
    });
  }

  #unwatch(): void {
    if (this.#handler) this.#torrent?.disconnect(this.#handler);
    this.#handler = 0;
  }
}
