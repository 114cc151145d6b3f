import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TorrentColumn } from './torrentColumns.ts';

/** Statuses the Name cell marks with a warning sign. */
const FAILING = new Set(['error', 'tracker-error']);

/**
 * One cell of the torrent list. It watches only its own properties of the torrent it is bound
 * to, and only while bound: the list recycles a few dozen cells for any number of rows, so
 * 10 000 torrents cost no more signal handlers than 30. The Name cell also shows a warning sign
 * when the torrent is in error, and the full name (and the error) as its tooltip.
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
  #warning: Gtk.Image | null = null;
  #torrent: Torrent | null = null;
  #handlers: number[] = [];

  constructor(column: TorrentColumn, listItem: Gtk.ListItem) {
    super();
    this.column = column;
    this.listItem = listItem;
    if (column.kind === 'progress') {
      this.#bar = new Gtk.ProgressBar({ show_text: true, valign: Gtk.Align.CENTER, hexpand: true });
      this.#bar.add_css_class('dfs-progress');
      this.set_child(this.#bar);
      return;
    }
    this.#label = new Gtk.Label({
      xalign: column.numeric ? 1 : 0,
      ellipsize: Pango.EllipsizeMode.END,
      single_line_mode: true,
      hexpand: true,
      // Long names are cut rather than pushing the other columns out of the window.
      max_width_chars: column.numeric || column.expand ? -1 : 32,
      width_chars: column.expand ? 16 : -1,
    });
    if (column.numeric) this.#label.add_css_class('numeric');
    if (column.id !== 'name') {
      this.set_child(this.#label);
      return;
    }
    this.#warning = new Gtk.Image({ icon_name: 'dialog-warning-symbolic', visible: false });
    this.#warning.add_css_class('warning');
    const box = new Gtk.Box({ spacing: 6 });
    box.append(this.#warning);
    box.append(this.#label);
    this.set_child(box);
  }

  /** Whether the warning sign shows (specs). */
  get warningShown(): boolean {
    return this.#warning?.get_visible() ?? false;
  }

  get hoverText(): string {
    return this.get_tooltip_text() ?? '';
  }

  bind(torrent: Torrent): void {
    this.unbind();
    this.#torrent = torrent;
    const watched = this.#warning
      ? [this.column.property, 'status', 'tracker-message', 'error-message']
      : [this.column.property];
    this.#handlers = watched.map((p) => torrent.connect(`notify::${p}`, () => this.#update()));
    this.#update();
  }

  unbind(): void {
    for (const id of this.#handlers) this.#torrent?.disconnect(id);
    this.#torrent = null;
    this.#handlers = [];
  }

  #update(): void {
    const t = this.#torrent;
    if (!t) return;
    const text = this.column.format(t);
    if (this.#bar) {
      this.#bar.set_fraction(t.progress);
      this.#bar.set_text(text);
      return;
    }
    if (this.#label && this.#label.get_label() !== text) this.#label.set_label(text);
    if (this.#warning) {
      const failing = FAILING.has(t.status);
      this.#warning.set_visible(failing);
      const why = failing ? t.error_message || t.tracker_message : '';
      this.set_tooltip_text(why ? `${t.name}\n${why}` : t.name);
    }
  }
}
