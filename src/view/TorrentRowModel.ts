import Gio from 'gi://Gio';
import GObject from 'gi://GObject';

import { TorrentRow } from './TorrentRow.ts';

/**
 * The column view's list model: a JS array of rows. GTK asks it only for the rows it shows; a
 * search that takes 9 000 rows away is one items-changed, where a Gio.ListStore would have
 * unlinked and released each of them in C first (15 ms at 10 000).
 */
export class TorrentRowModel extends GObject.Object implements Gio.ListModel<TorrentRow> {
  static {
    GObject.registerClass({ GTypeName: 'DfsTorrentRowModel', Implements: [Gio.ListModel] }, this);
  }

  /** The rows, in list order; change it only through `splice`. */
  readonly rows: TorrentRow[] = [];

  // Gio.ListModel's methods, which GJS gives the class from the interface.
  declare get_item_type: () => GObject.GType;
  declare get_n_items: () => number;
  declare get_item: (position: number) => TorrentRow | null;
  declare items_changed: (position: number, removed: number, added: number) => void;

  /** Replaces `removed` rows at `position` by `added`, then tells GTK. */
  splice(position: number, removed: number, added: TorrentRow[]): void {
    this.rows.splice(position, removed, ...added);
    this.items_changed(position, removed, added.length);
  }

  vfunc_get_item_type(): GObject.GType {
    return TorrentRow.$gtype;
  }

  vfunc_get_n_items(): number {
    return this.rows.length;
  }

  vfunc_get_item(position: number): TorrentRow | null {
    return this.rows[position] ?? null;
  }
}
