import Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { uiResource } from '../lib/resources.ts';
import { type Setting, SETTINGS, type SettingValue } from '../model/settings/schema.ts';
import { Torrent } from '../model/torrent/Torrent.ts';
import { DetailsPane } from './DetailsPane.ts';
import { FailureBanner } from './FailureBanner.ts';
import { ListFilters } from './ListFilters.ts';
import { bindListSettings } from './listSettings.ts';
import { PreferencesWindow } from './PreferencesWindow.ts';
import { SelectionActions } from './SelectionActions.ts';
import { Sidebar } from './Sidebar.ts';
import { connectSignal } from './signals.ts';
import { StatusBar } from './StatusBar.ts';
import { applyStyleSheet } from './style.ts';
import { newTorrentChooser, torrentDropTarget } from './torrentFiles.ts';
import { activateTorrentAction, type TorrentActionArgs, type TorrentActionName } from './torrentActions.ts';
import type { TorrentSource } from './TorrentSource.ts';
import { columnsMenu, torrentContextMenu } from './torrentMenu.ts';
import { TorrentList } from './TorrentList.ts';
import { TrackerPage, type TrackerPageSource } from './TrackerPage.ts';
import { applyColorScheme, COLOR_SCHEME } from './windowSettings.ts';
import { removedTitle, WindowToasts } from './WindowToasts.ts';
import { installWindowActions } from './windowActions.ts';
import { installWindowKeys, wireSearch } from './windowKeys.ts';

/** The settings (table entries) for what the window remembers (window size, pane positions). */
export const WINDOW_SETTINGS = {
  width: SETTINGS.window_width,
  height: SETTINGS.window_height,
  remember: SETTINGS.remember_window_size,
  sidebarWidth: SETTINGS.ui_settings.sidebar_width,
  detailsHeight: SETTINGS.ui_settings.details_pane_height,
  columns: SETTINGS.columns,
} as const;

// The template's custom widgets must be registered before the template is parsed.
GObject.type_ensure(Sidebar.$gtype);
GObject.type_ensure(StatusBar.$gtype);
GObject.type_ensure(FailureBanner.$gtype);

/**
 * The main window. It shows the model and turns clicks into the torrent actions; it never
 * touches the network or the disk (files chosen or dropped here are handed over as URIs).
 * In a narrow window the sidebar folds away (Adw.Flap) and the details pane gives way to the list.
 */
export class MainWindow extends Adw.ApplicationWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsMainWindow',
        Template: uiResource('main-window'),
        InternalChildren: [
          'toast_overlay',
          'main_stack',
          'empty_page',
          'content_box',
          'search_bar',
          'search_entry',
          'search_button',
          'primary_menu_button',
          'flap',
          'sidebar',
          'details_paned',
          'list_stack',
          'failure_banner',
          'status_bar',
          'header_bar',
        ],
      },
      this,
    );
  }

  declare _toast_overlay: Adw.ToastOverlay;
  declare _main_stack: Gtk.Stack;
  declare _empty_page: Adw.StatusPage;
  declare _content_box: Gtk.Box;
  declare _search_bar: Gtk.SearchBar;
  declare _search_entry: Gtk.SearchEntry;
  declare _search_button: Gtk.ToggleButton;
  declare _primary_menu_button: Gtk.MenuButton;
  declare _flap: Adw.Flap;
  declare _sidebar: Sidebar;
  declare _details_paned: Gtk.Paned;
  declare _list_stack: Gtk.Stack;
  declare _failure_banner: FailureBanner;
  declare _status_bar: StatusBar;
  declare _header_bar: Adw.HeaderBar;

  /** What the window shows (null while detached). */
  source: TorrentSource | null = null;
  /** Where the torrent actions are activated: the application, or a spec's group. */
  #actions: Gio.ActionGroup | null = null;
  list: TorrentList | null = null;
  details: DetailsPane | null = null;
  contextMenu: Gtk.PopoverMenu | null = null;
  /** The question dialog on screen, if any (specs answer it). */
  openDialog: Adw.MessageDialog | null = null;
  preferences: PreferencesWindow | null = null;
  /** The built-in tracker's page and the header toggle that shows it instead of the torrents. */
  trackerPage: TrackerPage | null = null;
  readonly trackerButton = new Gtk.ToggleButton({
    icon_name: 'network-server-symbolic',
    tooltip_text: _('Tracker'),
    visible: false,
  });
  /** The file chooser while it is open: GTK needs its caller to hold it until it answers. */
  chooser: Gtk.FileChooserNative | null = null;
  readonly selectionActions: SelectionActions;
  readonly toasts: WindowToasts;
  readonly #filters = new ListFilters();
  readonly #cleanups: (() => void)[] = [];
  #updates = 0;

  constructor(params: Partial<Adw.ApplicationWindow.ConstructorProps>) {
    super(params);
    applyStyleSheet();
    const builder = Gtk.Builder.new_from_resource(uiResource('shortcuts-window').replace('resource://', ''));
    this.set_help_overlay(builder.get_object('help_overlay') as Gtk.ShortcutsWindow);
    this.toasts = new WindowToasts(this._toast_overlay, this);
    this.toasts.onSay = (m) => this.showToast(m);
    this.selectionActions = new SelectionActions({
      window: this,
      source: () => this.source,
      activate: (name, args) => this.#activate(name, args),
      selected: () => this.selectedTorrents(),
      toast: (m) => this.showToast(m),
      removeWithUndo: (torrents) => this.#removeWithUndo(torrents),
      setOpenDialog: (d) => (this.openDialog = d as Adw.MessageDialog | null),
    });
    this.insert_action_group('torrent', this.selectionActions.group);
    this.#installActions();
    installWindowKeys(this);
    this.add_controller(
      torrentDropTarget(
        (uris) => this.addUris(uris),
        (m) => this.showToast(m),
      ),
    );
    this._sidebar.connect('filter-changed', () => this.#filters.setSidebar(this._sidebar, this.source));
    this._failure_banner.connect('show-requested', () => {
      this._sidebar.selectState('error');
      this._flap.set_reveal_flap(true);
    });
    this._header_bar.pack_end(this.trackerButton);
    this.trackerButton.connect('toggled', () => this.#updatePages());
    this.connect('close-request', () => {
      this.#rememberGeometry();
      return false;
    });
    this.connect('destroy', () => this.detach());
  }

  get torrentActions(): Gio.SimpleActionGroup {
    return this.selectionActions.group;
  }

  get sidebar(): Sidebar | null {
    return this.source ? this._sidebar : null;
  }

  get statusBar(): StatusBar | null {
    return this.source ? this._status_bar : null;
  }

  /**
   * Connects the window to the controller: from here on it shows `source` and activates the
   * torrent actions (torrentActions.ts) on `actions`.
   */
  attach(source: TorrentSource, actions: Gio.ActionGroup): void {
    this.detach();
    this.source = source;
    this.#actions = actions;
    const settings = source.settings;
    // The rows and details show the per-tick figures: from now on their changes notify.
    this.#cleanups.push(Torrent.observeFigures());

    this.list = new TorrentList(source.torrents, this.#filters);
    this.insert_action_group('list', this.list.actions);
    this.#cleanups.push(bindListSettings(this.list, settings, (key, value) => this.#saveSetting(key, value)));
    this.list.onContextMenu = (x, y) => this.#popupContextMenu(x, y);
    this.list.onActivated = () => this.details?.tabs.set_visible_child_name('status');
    this.list.onSpace = () => this.selectionActions.togglePause();
    connectSignal(this.list.selection, 'selection-changed', () => this.#selectionChanged());
    // A filter or a removal takes rows out without a selection-changed: the details must follow.
    this.list.rows.onChanged = () => {
      this.#selectionChanged();
      this.#updatePages();
    };
    this._list_stack.add_named(this.list, 'list');

    this.contextMenu = Gtk.PopoverMenu.new_from_model(torrentContextMenu());
    this.contextMenu.set_has_arrow(false);
    this.contextMenu.set_halign(Gtk.Align.START);
    this.contextMenu.set_parent(this.list);

    this.details = new DetailsPane(source, (name, args) => this.#activate(name, args));
    this._details_paned.set_end_child(this.details);
    const sidebarWidth = settings.get(WINDOW_SETTINGS.sidebarWidth) || 200;
    this._sidebar.set_size_request(Math.max(160, Math.min(400, sidebarWidth)), -1);

    if (settings.get(WINDOW_SETTINGS.remember)) {
      const w = settings.get(WINDOW_SETTINGS.width);
      const h = settings.get(WINDOW_SETTINGS.height);
      if (w >= 360 && h >= 360) this.set_default_size(w, h);
    }
    // The details pane gets the lower part of the window unless the user moved the divider.
    const detailsHeight = settings.get(WINDOW_SETTINGS.detailsHeight);
    this._details_paned.set_position(
      detailsHeight >= 120 ? detailsHeight : Math.round(this.get_default_size()[1] * 0.45),
    );

    this.#cleanups.push(source.onCountsChanged(() => this.#updateCounts()));
    // Figures, counts and the live views follow what the model pushes: nothing is polled.
    this.#cleanups.push(this._status_bar.follow(source.counts, source.figures));
    this.#cleanups.push(this._sidebar.follow(source.counts));
    const updated = source.figures.connect('updated', () => this.#onUpdated());
    this.#cleanups.push(() => source.figures.disconnect(updated));
    this.#cleanups.push(
      source.onNotice((n) => (n.kind === 'error' ? this.toasts.problem(n.message) : this.showToast(n.message))),
    );
    applyColorScheme(settings.get(COLOR_SCHEME));
    const settingsHandler = settings.connect('changed', (_s, path: string) => {
      if (path === COLOR_SCHEME.path) applyColorScheme(settings.get(COLOR_SCHEME));
    });
    this.#cleanups.push(() => settings.disconnect(settingsHandler));

    this.#updateCounts();
    this.#updatePages();
    this.#selectionChanged();
  }

  /** Mounts the Tracker page (after attach) for the built-in tracker. */
  attachTrackerPage(source: TrackerPageSource): void {
    if (!this.source) return;
    this.trackerPage = new TrackerPage(source, this.source.settings);
    this._main_stack.add_named(this.trackerPage, 'tracker');
    this.trackerButton.set_visible(true);
    this.#updatePages();
  }

  /** Stops following the model (window closed or re-attached). */
  detach(): void {
    this.trackerPage?.detach();
    if (this.trackerPage) this._main_stack.remove(this.trackerPage);
    this.trackerPage = null;
    this.trackerButton.set_visible(false);
    // A removal waiting for its Undo toast happens now: the user asked for it.
    this.#filters.finishRemovals();
    this.toasts.dispose();
    for (const c of this.#cleanups.splice(0)) c();
    this.selectionActions.follow([]);
    this.contextMenu?.unparent();
    this.contextMenu = null;
    // Unbind the rows now, while JS can still run the factories' unbind handlers (not at GC).
    this.details?.teardown();
    this.list?.release();
    if (this.list) this._list_stack.remove(this.list);
    if (this.details) this._details_paned.set_end_child(null);
    this.list = null;
    this.details = null;
    this.source = null;
    this.#actions = null;
  }

  /** Opens the file chooser (a portal inside Flatpak) and adds the chosen files. */
  chooseTorrentFiles(): Gtk.FileChooserNative {
    // Held by the window until it answers; otherwise the garbage collector closes it under the user.
    this.chooser ??= newTorrentChooser(this, (uris) => {
      this.chooser = null;
      this.addUris(uris);
    });
    this.chooser.show();
    return this.chooser;
  }

  /** Adds files through the `add-uris` action; what happened comes back as notices (toasts). */
  addUris(uris: string[]): void {
    if (uris.length) this.#activate('add-uris', uris);
  }

  showToast(title: string): void {
    this.toasts.say(title);
  }

  showPreferences(): void {
    if (!this.source) return;
    if (!this.preferences) {
      this.preferences = new PreferencesWindow(this.source, { transient_for: this }, (name, args) =>
        this.#activate(name, args),
      );
      this.preferences.connect('close-request', () => {
        this.preferences = null;
        return false;
      });
    }
    this.preferences.present();
  }

  selectedTorrents(): Torrent[] {
    return this.list?.selectedTorrents() ?? [];
  }

  setSearchText(text: string): void {
    this._search_entry.set_text(text);
    this.#applySearch(text);
  }

  /** Ctrl+F: the search bar opens with the cursor in its entry. */
  startSearch(): void {
    if (!this._search_button.get_sensitive()) return;
    this._search_bar.set_search_mode(true);
    this._search_entry.grab_focus();
  }

  // ---- internals ----------------------------------------------------------------------------

  #installActions(): void {
    installWindowActions(this, {
      addTorrents: () => this.chooseTorrentFiles(),
      activate: (name, args) => this.#activate(name, args),
      search: () => this.startSearch(),
      togglePause: () => this.selectionActions.togglePause(),
    });

    wireSearch(this._search_bar, this._search_entry, this, (text) => this.#applySearch(text));

    // The columns chooser also lives in the primary menu, next to the all-torrents actions.
    const menu = this._primary_menu_button.get_menu_model() as Gio.Menu;
    const section = menu.get_item_link(1, 'section') as Gio.Menu | null;
    section?.append_submenu(_('_Columns'), columnsMenu());
  }

  /** Hides the torrents at once; they are removed when the Undo toast goes without Undo. */
  #removeWithUndo(torrents: Torrent[]): void {
    const { finish } = this.toasts.withUndo(
      removedTitle(torrents),
      () => this.#filters.unhide(torrents),
      () => {
        this.#filters.unhide(torrents, false);
        for (const t of torrents) this.details?.forget(t);
        this.#activate(
          'remove',
          torrents.map((t) => t.info_hash),
        );
      },
    );
    this.#filters.hide(torrents, finish);
  }

  /**
   * Activates a torrent action (the same one D-Bus and the command line reach). A refusal comes
   * back as a notice, shown as a toast; a parameter the window cannot even build, as a toast here.
   */
  #activate<N extends TorrentActionName>(name: N, args: TorrentActionArgs[N]): void {
    const group = this.#actions ?? this.application;
    if (!group) return;
    try {
      activateTorrentAction(group, name, args);
    } catch (e) {
      this.showToast(errorMessage(e));
    }
  }

  /** A new search starts at the top of the list. */
  #applySearch(text: string): void {
    if (this.#filters.setSearch(text)) this.list?.scrollToTop();
  }

  #popupContextMenu(x: number, y: number): void {
    if (!this.contextMenu) return;
    const rect = new Gdk.Rectangle({ x: Math.round(x), y: Math.round(y), width: 1, height: 1 });
    this.contextMenu.set_pointing_to(rect);
    this.contextMenu.popup();
  }

  #selectionChanged(): void {
    const selected = this.selectedTorrents();
    this.selectionActions.follow(selected);
    this._status_bar.selected = selected.length;
    this.details?.setSelection(selected);
  }

  #updatePages(): void {
    if (!this.source || !this.list) return;
    const total = this.source.torrents.get_n_items();
    const tracker = this.trackerPage !== null && this.trackerButton.get_active();
    this._main_stack.set_visible_child_name(tracker ? 'tracker' : total === 0 ? 'empty' : 'torrents');
    // Nothing to search in an empty list.
    this._search_button.set_sensitive(total > 0);
    if (total === 0) this._search_bar.set_search_mode(false);
    this._status_bar.set_visible(total > 0);
    this._list_stack.set_visible_child_name(this.list.shownCount > 0 || total === 0 ? 'list' : 'no-match');
  }

  #updateCounts(): void {
    const c = this.source;
    if (!c) return;
    const { all, error } = c.counts;
    this._sidebar.update(all, this.#filters.hostHealth(c, error));
    this._failure_banner.setFailures(error, error ? this.#filters.lastFailure(c) : '');
    this.#updatePages();
  }

  /** The engine moved (pushed at most about once a second): what changes with it follows. */
  #onUpdated(): void {
    this.#updates++;
    this.details?.tick();
    this.selectionActions.update();
    // States and figures move; re-apply the state filter and the sort every other update.
    if (this.#updates % 2 === 0 && this.list && (this.#filters.followsState || this.list.rows.sorted))
      this.list.refresh();
  }

  #rememberGeometry(): void {
    if (!this.source) return;
    const [width, height] = this.get_default_size();
    if (!this.is_maximized() && width > 0 && height > 0) {
      this.#saveSetting(WINDOW_SETTINGS.width, width);
      this.#saveSetting(WINDOW_SETTINGS.height, height);
    }
    this.#saveSetting(WINDOW_SETTINGS.detailsHeight, this._details_paned.get_position());
  }

  #saveSetting<T extends SettingValue>(key: Setting<T>, value: T): void {
    try {
      if (this.source && this.source.settings.get(key) !== value) this.source.settings.set(key.path, value);
    } catch (e) {
      this.showToast(errorMessage(e));
    }
  }
}
