import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TorrentColumn } from './torrentColumns.ts';

/**
 * One cell of the torrent list. It watches only its own property of the torrent it is bound
 * to, and only while bound: the list recycles a few dozen cells for any number of rows, so
 * 10 000 torrents cost no more signal handlers than 30.
 */
export class TorrentCell extends Adw.Bin {
  static {
    GObject.registerClass({ GTypeName: 'DfsTorrentCell' }, this);
  }

  /** The list item this cell renders, so a click on it can tell which row it hit. */
  listItem: Gtk.ListItem | null = null;
  readonly column: TorrentColumn;
  #label: Gtk.Label | null = null;
  #bar: Gtk.ProgressBar | null = null;
  #torrent: Torrent | null = null;
  #handler = 0;

  constructor(column: TorrentColumn, listItem: Gtk.ListItem) {
    super();
    this.column = column;
    this.listItem = listItem;
    if (column.kind === 'progress') {
      this.#bar = new Gtk.ProgressBar({ show_text: true, valign: Gtk.Align.CENTER, hexpand: true });
      this.#bar.add_css_class('dfs-progress');
      this.set_child(this.#bar);
    } else {
      this.#label = new Gtk.Label({
        xalign: column.numeric ? 1 : 0,
        ellipsize: Pango.EllipsizeMode.END,
        single_line_mode: true,
        // Long names are cut rather than pushing the other columns out of the window.
        max_width_chars: column.numeric ? -1 : 32,
        width_chars: column.expand ? 16 : -1,
      });
      if (column.numeric) this.#label.add_css_class('numeric');
      this.set_child(this.#label);
    }
  }

  bind(torrent: Torrent): void {
    this.unbind();
    this.#torrent = torrent;
    this.#handler = torrent.connect(`notify::${this.column.property}`, () => this.#update());
    this.#update();
  }

  unbind(): void {
    if (this.#torrent && this.#handler) this.#torrent.disconnect(this.#handler);
    this.#torrent = null;
    this.#handler = 0;
  }

  #update(): void {
    const t = this.#torrent;
    if (!t) return;
    const text = this.column.format(t);
    if (this.#bar) {
      this.#bar.set_fraction(t.progress);
      this.#bar.set_text(text);
    } else if (this.#label && this.#label.get_label() !== text) {
      this.#label.set_label(text);
    }
  }
}
