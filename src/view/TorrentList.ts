import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import type { Torrent } from '../model/torrent/Torrent.ts';
import { holdFromC } from '../lib/garbageCollection.ts';
import { ColumnChooser } from './ColumnChooser.ts';
import { installListNavigation } from './listNavigation.ts';
import type { ListFilters } from './ListFilters.ts';
import { TorrentCell } from './TorrentCell.ts';
import type { TorrentRow } from './TorrentRow.ts';
import { TorrentRows, type SortLevel } from './TorrentRows.ts';
import { connectSignal } from './signals.ts';
import { TORRENT_COLUMNS, parseColumns, sortKey, type TorrentColumn } from './torrentColumns.ts';

/** How the list is sorted: a column id ('' = not sorted: the queue order) and the direction. */
export interface ListSort {
  column: string;
  descending: boolean;
}

/**
 * The torrent list: a virtualised Gtk.ColumnView over TorrentRows (the torrents that pass the
 * sidebar and the search, in the headers' sort, filtered and sorted in JS) → MultiSelection.
 * Columns can be reordered by dragging their headers and shown or hidden (`list.column-<id>`
 * actions, or the chooser a right click on the headers opens); the visible ids, in order, are what
 * `onColumnsChanged` reports for the `columns` setting, and the sort what `onSortChanged` reports.
 */
export class TorrentList extends Gtk.ScrolledWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsTorrentList',
      },
      this,
    );
  }

  readonly columnView: Gtk.ColumnView;
  readonly rows: TorrentRows;
  readonly selection: Gtk.MultiSelection;
  readonly actions = new Gio.SimpleActionGroup();
  readonly #columns = new Map<string, Gtk.ColumnViewColumn>();
  /** The visible columns changed (shown, hidden or reordered): their ids, comma-separated. */
  onColumnsChanged: (ids: string) => void = () => {};
  /** A right click or long press on rows: where to pop the menu up, in this widget's coordinates. */
  onContextMenu: (x: number, y: number) => void = () => {};
  /** Enter or double click on a row. */
  onActivated: () => void = () => {};
  /** Space on the list: pause or resume the selection (the list would otherwise toggle the row). */
  onSpace: () => void = () => {};
  /** A right click on the column headers: opens the column chooser there. */
  onHeaderMenu: (x: number, y: number) => void = (x, y) => this.openChooser(x, y);
  /** The user sorted by another column or flipped the order. */
  onSortChanged: (sort: ListSort) => void = () => {};
  /** The column chooser while it is open (check boxes that stay open while columns are toggled). */
  chooser: ColumnChooser | null = null;
  readonly #columnIds = new Map<Gtk.ColumnViewColumn, string>();
  readonly #filters: ListFilters;
  /** The column sorters' calls while the header's sort is read (see #sortLevels). */
  #probe: { calls: string[]; decides: string | null } = { calls: [], decides: null };
  #restoringOrder = false;
  #sort: ListSort = { column: '', descending: false };
  /** The sort the header arrows last showed, read once their changes are over. */
  #arrowSort: ListSort = { column: '', descending: false };
  #sortIdle = 0;
  readonly #watchedArrows = new WeakSet<Gtk.Widget>();

  constructor(torrents: Gio.ListModel, filters: ListFilters) {
    super({ hexpand: true, vexpand: true, hscrollbar_policy: Gtk.PolicyType.AUTOMATIC });
    this.rows = new TorrentRows(torrents);
    this.rows.setFilter(filters.test());
    filters.onChanged = () => this.rows.setFilter(filters.test());
    this.#filters = filters;
    this.selection = this.rows.selection;
    this.columnView = new Gtk.ColumnView({
      reorderable: true,
      show_column_separators: false,
      show_row_separators: false,
      enable_rubberband: true,
    });
    this.columnView.add_css_class('data-table');
    this.columnView.add_css_class('dfs-torrent-list');
    this.columnView.set_model(this.selection);
    for (const column of TORRENT_COLUMNS) this.#addColumn(column);
    // The header's sort (clicks, sort_by_column) sorts the rows in JS; nothing sorts in GTK.
    connectSignal(this.columnView.get_sorter()!, 'changed', () => this.rows.setSort(this.#sortLevels()));
    this.set_child(this.columnView);

    this.columnView.connect('activate', () => this.onActivated());
    // Keys the rows would take for themselves (Space selects) are caught on the way down.
    const keys = new Gtk.ShortcutController({ propagation_phase: Gtk.PropagationPhase.CAPTURE });
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string('space'),
        action: Gtk.CallbackAction.new(() => {
          this.onSpace();
          return true;
        }),
      }),
    );
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string('Delete'),
        action: Gtk.NamedAction.new('torrent.remove'),
      }),
    );
    this.columnView.add_controller(keys);
    connectSignal(this.columnView.get_columns(), 'items-changed', () => {
      this.#alignHeaders();
      if (!this.#restoringOrder) this.onColumnsChanged(this.visibleColumnIds().join(','));
    });
    this.connect('unrealize', () => {
      if (this.#sortIdle) GLib.source_remove(this.#sortIdle);
      this.#sortIdle = 0;
      this.#dropChooser();
    });
    this.insert_action_group('list', this.actions);
    installListNavigation(this);

    // Right click and long press open the context menu on the row under the pointer.
    const click = new Gtk.GestureClick({ button: Gdk_BUTTON_SECONDARY });
    click.connect('pressed', (_g, _n, x: number, y: number) => this.openMenuAt(x, y));
    this.columnView.add_controller(click);
    const press = new Gtk.GestureLongPress({ touch_only: true });
    press.connect('pressed', (_g, x: number, y: number) => this.openMenuAt(x, y));
    this.columnView.add_controller(press);
  }

  /**
   * Shows the columns named in a `columns` setting value, in its order. Hidden columns are taken
   * out of the view rather than hidden: a hidden column would still build and bind a cell per row.
   */
  applyColumnsSetting(value: unknown): void {
    const ids = parseColumns(value);
    this.#restoringOrder = true;
    try {
      for (const column of this.#columns.values())
        if (this.#positionOf(column) >= 0) this.columnView.remove_column(column);
      for (const id of ids) this.columnView.append_column(this.#columns.get(id)!);
    } finally {
      this.#restoringOrder = false;
    }
    for (const column of TORRENT_COLUMNS) {
      const action = this.actions.lookup_action(`column-${column.id}`) as Gio.SimpleAction;
      action.set_state(GLib.Variant.new_boolean(ids.includes(column.id)));
    }
  }

  /** Sorts as a `ui_settings.sort_*` setting says (an unknown or hidden column: queue order). */
  applySort(sort: ListSort): void {
    const column = this.#columns.get(sort.column);
    this.#sort = column && this.#positionOf(column) >= 0 ? { ...sort } : { column: '', descending: false };
    this.#arrowSort = { ...this.#sort };
    this.columnView.sort_by_column(
      column && this.#sort.column ? column : null,
      sort.descending ? Gtk.SortType.DESCENDING : Gtk.SortType.ASCENDING,
    );
  }

  /** The sort the headers show. */
  get sort(): ListSort {
    return { ...this.#sort };
  }

  /** Shows or hides one column (the Columns menu); the last visible column stays. */
  setColumnShown(id: string, show: boolean): void {
    const viewColumn = this.#columns.get(id);
    if (!viewColumn) return;
    const shown = this.#positionOf(viewColumn) >= 0;
    if (show === shown || (!show && this.visibleColumnIds().length === 1)) return;
    this.#restoringOrder = true;
    try {
      if (show) this.columnView.append_column(viewColumn);
      else this.columnView.remove_column(viewColumn);
    } finally {
      this.#restoringOrder = false;
    }
    (this.actions.lookup_action(`column-${id}`) as Gio.SimpleAction).set_state(GLib.Variant.new_boolean(show));
    this.onColumnsChanged(this.visibleColumnIds().join(','));
  }

  /**
   * Figures and states move every second but the list does not follow by itself; the window
   * calls this on its tick when the list is sorted or filtered by state.
   */
  refresh(): void {
    this.rows.refresh();
  }

  /** The list goes: it stops following the model and unbinds its rows (while JS can still run). */
  release(): void {
    this.#filters.onChanged = () => {};
    this.columnView.set_model(null);
    this.rows.dispose();
  }

  /** How many torrents the list shows. */
  get shownCount(): number {
    return this.rows.count;
  }

  /** The torrents the list shows, in its order. */
  shownTorrents(): Torrent[] {
    return this.rows.shown();
  }

  /** The torrent at a position of the list (null past its end). */
  torrentAt(position: number): Torrent | null {
    return this.rows.torrentAt(position);
  }

  visibleColumnIds(): string[] {
    const out: string[] = [];
    const list = this.columnView.get_columns();
    for (let i = 0; i < list.get_n_items(); i++) {
      const column = list.get_item(i) as Gtk.ColumnViewColumn;
      out.push(this.#columnIds.get(column)!);
    }
    return out;
  }

  column(id: string): Gtk.ColumnViewColumn | undefined {
    return this.#columns.get(id);
  }

  /** The selected torrents in list order. */
  selectedTorrents(): Torrent[] {
    return this.rows.selected();
  }

  /** Selects exactly these torrents (used after adding, and by specs). */
  selectTorrents(torrents: Torrent[]): void {
    this.rows.select(torrents);
  }

  /**
   * The header's sort as levels of the rows' sort. GTK 4.8 cannot say which columns sort (that
   * API came in 4.10), but its sorter compares by its columns' sorters in order, each inverted
   * when descending: one compare where every column sorter answers "equal" lists the columns,
   * and one per column where that column answers "larger" gives its direction.
   */
  #sortLevels(): SortLevel[] {
    const sorter = this.columnView.get_sorter()!;
    this.#probe = { calls: [], decides: null };
    sorter.compare(PROBE[0], PROBE[1]);
    const ids = this.#probe.calls;
    const levels: SortLevel[] = [];
    for (const id of ids) {
      this.#probe = { calls: [], decides: id };
      const descending = sorter.compare(PROBE[0], PROBE[1]) === ORDERING_SMALLER;
      const column = TORRENT_COLUMNS.find((c) => c.id === id);
      if (column) levels.push({ key: sortKey(column), descending });
    }
    this.#probe = { calls: [], decides: null };
    return levels;
  }

  #addColumn(column: TorrentColumn): void {
    const factory = new Gtk.SignalListItemFactory();
    factory.connect('setup', (_f, item) =>
      (item as Gtk.ListItem).set_child(new TorrentCell(column, item as Gtk.ListItem)),
    );
    factory.connect('bind', (_f, item) => cellOf(item).bind((item as Gtk.ListItem).get_item() as TorrentRow));
    factory.connect('unbind', (_f, item) => cellOf(item).unbind());
    factory.connect('teardown', (_f, item) => {
      const cell = (item as Gtk.ListItem).get_child() as TorrentCell | null;
      cell?.unbind();
      if (cell) cell.listItem = null;
    });
    // Never asked to order torrents: it tells #sortLevels where the column stands in the sort.
    const sorter = Gtk.CustomSorter.new(() => {
      this.#probe.calls.push(column.id);
      return this.#probe.decides === column.id ? ORDERING_LARGER : ORDERING_EQUAL;
    });
    const viewColumn = new Gtk.ColumnViewColumn({
      title: column.title,
      factory,
      resizable: true,
      expand: column.expand ?? false,
      sorter,
    });
    if (column.width && column.width > 0) viewColumn.set_fixed_width(column.width);
    this.#columns.set(column.id, viewColumn);
    this.#columnIds.set(viewColumn, column.id);

    const action = new Gio.SimpleAction({ name: `column-${column.id}`, state: GLib.Variant.new_boolean(false) });
    action.connect('change-state', (_a, value) => {
      if (value) this.setColumnShown(column.id, value.get_boolean());
    });
    this.actions.add_action(action);
  }

  /** The column titles (header buttons) on screen, with the column each one heads. */
  headerTitles(): { id: string; title: Gtk.Widget }[] {
    const header = this.columnView.get_first_child();
    const ids = this.visibleColumnIds();
    const out: { id: string; title: Gtk.Widget }[] = [];
    let i = 0;
    for (let w = header?.get_first_child() ?? null; w && i < ids.length; w = w.get_next_sibling())
      out.push({ id: ids[i++], title: w });
    return out;
  }

  /**
   * Numbers' titles right-aligned like their numbers (GTK puts every title on the left), and each
   * title's sort arrow watched: GTK 4.8 cannot say which column sorts (that API came in 4.10), but
   * the title a click sorts by is the last whose arrow turns "ascending" or "descending".
   */
  #alignHeaders(): void {
    const numeric = new Set(TORRENT_COLUMNS.filter((c) => c.numeric).map((c) => c.id));
    for (const { id, title } of this.headerTitles()) {
      const box = title.get_first_child();
      box?.set_halign(numeric.has(id) ? Gtk.Align.END : Gtk.Align.FILL);
      const arrow = box?.get_last_child();
      if (!arrow || this.#watchedArrows.has(arrow)) continue;
      this.#watchedArrows.add(arrow);
      arrow.connect('notify::css-classes', () => this.#arrowChanged(id, arrow));
    }
  }

  #arrowChanged(id: string, arrow: Gtk.Widget): void {
    if (this.#restoringOrder) return;
    if (arrow.has_css_class('ascending')) this.#arrowSort = { column: id, descending: false };
    else if (arrow.has_css_class('descending')) this.#arrowSort = { column: id, descending: true };
    else if (this.#arrowSort.column === id) this.#arrowSort = { column: '', descending: false };
    if (this.#sortIdle) return;
    this.#sortIdle = GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      this.#sortIdle = 0;
      const sort = this.#arrowSort;
      if (sort.column !== this.#sort.column || sort.descending !== this.#sort.descending) {
        this.#sort = { ...sort };
        this.onSortChanged(this.sort);
      }
      return GLib.SOURCE_REMOVE;
    });
  }

  #positionOf(column: Gtk.ColumnViewColumn): number {
    const list = this.columnView.get_columns();
    for (let i = 0; i < list.get_n_items(); i++) if (list.get_item(i) === column) return i;
    return -1;
  }

  /** Opens the column chooser at (x, y) of this widget. */
  openChooser(x: number, y: number): void {
    if (!this.chooser) {
      const chooser = new ColumnChooser(TORRENT_COLUMNS);
      chooser.set_parent(this);
      // A popover is a child of the list: it goes with its closing, not with the list.
      chooser.connect('closed', () =>
        GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
          if (this.chooser === chooser) this.#dropChooser();
          return GLib.SOURCE_REMOVE;
        }),
      );
      this.chooser = chooser;
    }
    this.chooser.popupAt(x, y);
  }

  #dropChooser(): void {
    this.chooser?.unparent();
    this.chooser = null;
  }

  /** A new search starts at the top. */
  scrollToTop(): void {
    // The rows' own view keeps its place by an anchor row; moving the adjustment alone is undone
    // at its next layout when the anchor row is still there.
    const rows = this.columnView.get_last_child();
    if (this.rows.count > 0) rows?.activate_action('list.scroll-to-item', GLib.Variant.new_uint32(0));
    this.get_vadjustment().set_value(0);
  }

  /** What a right click or long press at (x, y) of the column view does (public for specs). */
  openMenuAt(x: number, y: number): void {
    let widget = this.columnView.pick(x, y, Gtk.PickFlags.DEFAULT);
    // On the headers: the column chooser, not the torrent menu.
    for (let w = widget; w && w !== this.columnView; w = w.get_parent()) {
      if (w.get_css_name() === 'header' && w.get_parent() === this.columnView) {
        const [, px, py] = this.columnView.translate_coordinates(this, x, y) ?? [false, x, y];
        this.onHeaderMenu(px, py);
        return;
      }
    }
    // The cell under the pointer tells the row; a click on an unselected row selects just it.
    while (widget && !(widget instanceof TorrentCell)) widget = widget.get_parent();
    const position = widget instanceof TorrentCell ? (widget.listItem?.get_position() ?? -1) : -1;
    if (position >= 0 && position !== GTK_INVALID_LIST_POSITION && !this.selection.is_selected(position)) {
      this.selection.select_item(position, true);
    }
    if (this.selection.get_selection().get_size() === 0) return;
    const [, px, py] = this.columnView.translate_coordinates(this, x, y) ?? [false, x, y];
    this.onContextMenu(px, py);
  }
}

const Gdk_BUTTON_SECONDARY = 3;

/** What the header's sorter compares while #sortLevels reads it (two: GTK finds an item equal to itself). */
const PROBE = [new GObject.Object(), new GObject.Object()];
// Held from C: passing them to a compare must not make GJS schedule a full collection.
for (const probe of PROBE) holdFromC(probe);

// Gtk.Ordering's values: reading the enum from GJS 1.74 fails (it looks for gtk_ordering_from_cmpfunc,
// an inline function GTK does not export).
const ORDERING_SMALLER = -1;
const ORDERING_EQUAL = 0;
const ORDERING_LARGER = 1;

function cellOf(item: GObject.Object): TorrentCell {
  return (item as Gtk.ListItem).get_child() as TorrentCell;
}

const GTK_INVALID_LIST_POSITION = 0xffffffff;
