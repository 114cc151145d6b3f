import Adw from 'gi://Adw';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';
import Pango from 'gi://Pango';

import type { Torrent } from '../model/torrent/Torrent.ts';
import type { TorrentColumn } from './torrentColumns.ts';
import type { RowCell, TorrentRow } from './TorrentRow.ts';

/** The progress cell's percentage: smaller, with figures of one width. */
const PROGRESS_TEXT = new Pango.AttrList();
PROGRESS_TEXT.insert(Pango.attr_scale_new(0.833));
PROGRESS_TEXT.insert(Pango.attr_font_features_new('tnum'));

/** Statuses the Name cell marks with a warning sign. */
const FAILING = new Set(['error', 'tracker-error']);
/** What the Name cell's warning sign and tooltip follow besides the name. */
const NAME_WATCHES = new Set(['name', 'status', 'tracker-message', 'error-message']);

/**
 * One cell of the torrent list, bound to a row (TorrentRow) that says which torrent it shows;
 * a sort or a search hands it another torrent instead of building a new cell. Text is a
 * Gtk.Inscription: its size does not follow its text, so new text only redraws the cell where
 * a label would have the whole list measured again. The Name cell also shows a warning sign
 * when the torrent is in error, and the full name (and the error) as its tooltip, worked out
 * when the tooltip is asked for.
 */
export class TorrentCell extends Adw.Bin implements RowCell {
  static {
    GObject.registerClass({ GTypeName: 'DfsTorrentCell' }, this);
  }

  /** The list item this cell renders, so a click on it can tell which row it hit. */
  listItem: Gtk.ListItem | null = null;
  readonly column: TorrentColumn;
  /** The cell's text (a progress cell's, above its bar). */
  readonly text: Gtk.Inscription;
  #bar: Gtk.ProgressBar | null = null;
  #warning: Gtk.Image | null = null;
  #row: TorrentRow | null = null;
  #torrent: Torrent | null = null;
  /** The torrent or its property changed while the cell was off screen (see #update). */
  #stale = false;
  /** What the cell shows, kept here: asking the widget is a call into C per cell. */
  #shown: { text: string | null; fraction: number; failing: boolean } = { text: null, fraction: -1, failing: false };

  constructor(column: TorrentColumn, listItem: Gtk.ListItem) {
    super();
    this.column = column;
    this.listItem = listItem;
    this.connect('map', () => {
      if (this.#stale) this.#update();
    });
    if (column.kind === 'progress') {
      // The percentage above a thin bar, as a ProgressBar's own text, but in an inscription: a
      // progress bar's text resizes it at every change, an inscription only redraws.
      this.text = new Gtk.Inscription({ xalign: 0.5, attributes: PROGRESS_TEXT });
      this.#bar = new Gtk.ProgressBar({ hexpand: true });
      this.#bar.add_css_class('dfs-progress');
      const box = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL, valign: Gtk.Align.CENTER });
      box.append(this.text);
      box.append(this.#bar);
      this.set_child(box);
      return;
    }
    this.text = new Gtk.Inscription({
      xalign: column.numeric ? 1 : 0,
      text_overflow: Gtk.InscriptionOverflow.ELLIPSIZE_END,
      hexpand: true,
      // Long names are cut rather than pushing the other columns out of the window.
      min_chars: column.expand ? 16 : 3,
      nat_chars: column.numeric ? 0 : column.expand ? 16 : 12,
    });
    if (column.numeric) this.text.add_css_class('numeric');
    if (column.id !== 'name') {
      this.set_child(this.text);
      return;
    }
    this.#warning = new Gtk.Image({ icon_name: 'dialog-warning-symbolic', visible: false });
    this.#warning.add_css_class('warning');
    const box = new Gtk.Box({ spacing: 6 });
    box.append(this.#warning);
    box.append(this.text);
    this.set_child(box);
    this.set_has_tooltip(true);
    this.connect('query-tooltip', (_w, _x, _y, _keyboard, tooltip: Gtk.Tooltip) => {
      const text = this.hoverText;
      if (!text) return false;
      tooltip.set_text(text);
      return true;
    });
  }

  /** The torrent the cell shows (null while unbound). */
  get torrent(): Torrent | null {
    return this.#torrent;
  }

  /** Whether the warning sign shows (specs). */
  get warningShown(): boolean {
    return this.#warning?.get_visible() ?? false;
  }

  /** The tooltip: the full name, and why the torrent fails when it does. */
  get hoverText(): string {
    const t = this.#torrent;
    if (!t || !this.#warning) return '';
    const why = FAILING.has(t.status) ? t.error_message || t.tracker_message : '';
    return why ? `${t.name}\n${why}` : t.name;
  }

  bind(row: TorrentRow): void {
    this.unbind();
    this.#row = row;
    row.bindCell(this);
  }

  unbind(): void {
    this.#row?.unbindCell(this);
    this.#row = null;
    this.#torrent = null;
  }

  showTorrent(torrent: Torrent | null): void {
    this.#torrent = torrent;
    this.#update();
  }

  changed(property: string): void {
    if (property === this.column.property || (this.#warning && NAME_WATCHES.has(property))) this.#update();
  }

  /**
   * GTK 4.8 keeps 200 rows bound but maps only those on screen: text off screen catches up when
   * its cell is mapped, so a sort or a re-sort sets the text that is seen, not 1 800 texts. (The
   * bar and the warning sign follow at once: the sign changes the cell's size, which must not
   * happen while GTK maps the rows.)
   */
  #update(): void {
    const t = this.#torrent;
    if (!t) return;
    const shown = this.#shown;
    if (this.#bar && shown.fraction !== t.progress) this.#bar.set_fraction((shown.fraction = t.progress));
    if (this.#warning && FAILING.has(t.status) !== shown.failing) {
      shown.failing = !shown.failing;
      this.#warning.set_visible(shown.failing);
    }
    this.#stale = !this.get_mapped();
    if (this.#stale) return;
    const text = this.column.format(t);
    if (text !== shown.text) this.text.set_text((shown.text = text));
  }
}
