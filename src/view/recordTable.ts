import Gio from 'gi://Gio';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import { RecordItem } from './RecordItem.ts';

/** One column of a details table: which record field, how it reads, and how wide. */
export interface RecordColumn {
  key: string;
  title: string;
  numeric?: boolean;
  expand?: boolean;
  width?: number;
  /** Selectable text (URLs, addresses) so users can copy it. */
  selectable?: boolean;
}

/**
 * A sortable, read-only Gtk.ColumnView over RecordItems, used by the Trackers, Peers and Log
 * tabs. Fill it with `setRecords`; it keeps its scroll position and sort order.
 */
export function recordTable(columns: RecordColumn[]): {
  widget: Gtk.ScrolledWindow;
  store: Gio.ListStore;
  view: Gtk.ColumnView;
} {
  const store = new Gio.ListStore({ item_type: RecordItem.$gtype });
  const view = new Gtk.ColumnView({ show_row_separators: false, reorderable: false });
  view.add_css_class('data-table');
  const sorted = new Gtk.SortListModel({ model: store, sorter: view.get_sorter() });
  view.set_model(new Gtk.NoSelection({ model: sorted }));
  for (const c of columns) {
    const factory = new Gtk.SignalListItemFactory();
    factory.connect('setup', (_f, item) => {
      const label = new Gtk.Label({
        xalign: c.numeric ? 1 : 0,
        ellipsize: Pango.EllipsizeMode.END,
        selectable: c.selectable ?? false,
      });
      if (c.numeric) label.add_css_class('numeric');
      (item as Gtk.ListItem).set_child(label);
    });
    factory.connect('bind', (_f, obj) => {
      const item = obj as Gtk.ListItem;
      const value = (item.get_item() as RecordItem).record[c.key];
      const label = item.get_child() as Gtk.Label;
      label.set_label(String(value ?? ''));
      label.set_tooltip_text(c.expand ? String(value ?? '') : null);
    });
    // GLib.CompareDataFunc types both items as null: take unknown and check what the store holds.
    const sortFunc = (a: unknown, b: unknown): number => {
      if (!(a instanceof RecordItem) || !(b instanceof RecordItem)) return 0;
      const x = a.record[`${c.key}:sort`] ?? a.record[c.key];
      const y = b.record[`${c.key}:sort`] ?? b.record[c.key];
      if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
      return String(x).localeCompare(String(y));
    };
    const column = new Gtk.ColumnViewColumn({
      title: c.title,
      factory,
      resizable: true,
      expand: c.expand ?? false,
      sorter: Gtk.CustomSorter.new(sortFunc),
    });
    if (c.width) column.set_fixed_width(c.width);
    view.append_column(column);
  }
  const widget = new Gtk.ScrolledWindow({ child: view, vexpand: true, hexpand: true });
  return { widget, store, view };
}

/** Replaces the rows in one go (one items-changed), so the table does not flicker. */
export function setRecords(store: Gio.ListStore, records: Record<string, string | number>[]): void {
  const items = records.map((r) => new RecordItem(r));
  store.splice(0, store.get_n_items(), items);
}
