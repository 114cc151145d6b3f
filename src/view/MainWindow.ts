import Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gtk from 'gi://Gtk?version=4.0';

import mainWindowUi from '../../data/ui/main-window.ui';
import shortcutsUi from '../../data/ui/shortcuts-window.ui';
import { errorMessage } from '../lib/errors.ts';
import { _ } from '../lib/i18n.ts';
import { torrentMatchesSearch, torrentMatchesState } from '../model/filters.ts';
import type { Torrent } from '../model/torrent/Torrent.ts';
import { DetailsPane } from './DetailsPane.ts';
import { limitsDialog, removeDialog, textDialog, trackerDialog } from './dialogs.ts';
import { PreferencesWindow } from './PreferencesWindow.ts';
import { Sidebar } from './Sidebar.ts';
import { connectSignal } from './signals.ts';
import { StatusBar } from './StatusBar.ts';
import { applyStyleSheet } from './style.ts';
import { templateBytes } from './template.ts';
import {
  activateTorrentAction,
  type QueueMove,
  type TorrentActionArgs,
  type TorrentActionName,
} from './torrentActions.ts';
import type { TorrentSource, TorrentState } from './TorrentSource.ts';
import { columnsMenu, torrentContextMenu } from './torrentMenu.ts';
import { TorrentList } from './TorrentList.ts';
import { TrackerPage, type TrackerPageSource } from './TrackerPage.ts';
import { type Setting, SETTINGS, type SettingValue } from '../model/settings/schema.ts';

/** The settings (table entries) for what the window remembers (window size, pane positions). */
export const WINDOW_SETTINGS = {
  width: SETTINGS.window_width,
  height: SETTINGS.window_height,
  remember: SETTINGS.remember_window_size,
  sidebarWidth: SETTINGS.ui_settings.sidebar_width,
  detailsHeight: SETTINGS.ui_settings.details_pane_height,
  columns: SETTINGS.columns,
} as const;

/**
 * The main window. It shows the model and turns clicks into the torrent actions; it never
 * touches the network or the disk (files chosen or dropped here are handed over as URIs).
 */
export class MainWindow extends Adw.ApplicationWindow {
  static {
    GObject.registerClass(
      {
        GTypeName: 'DfsMainWindow',
        Template: templateBytes(mainWindowUi),
        InternalChildren: [
          'toast_overlay',
          'main_stack',
          'empty_page',
          'content_box',
          'search_bar',
          'search_entry',
          'search_button',
          'primary_menu_button',
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
  declare _header_bar: Adw.HeaderBar;

  /** What the window shows (null while detached). */
  source: TorrentSource | null = null;
  /** Where the torrent actions are activated: the application, or a spec's group. */
  #actions: Gio.ActionGroup | null = null;
  list: TorrentList | null = null;
  sidebar: Sidebar | null = null;
  details: DetailsPane | null = null;
  statusBar: StatusBar | null = null;
  sidebarPaned: Gtk.Paned | null = null;
  detailsPaned: Gtk.Paned | null = null;
  listStack: Gtk.Stack | null = null;
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
  readonly torrentActions = new Gio.SimpleActionGroup();
  readonly #cleanups: (() => void)[] = [];
  #searchFilter: Gtk.CustomFilter | null = null;
  #stateFilter: Gtk.CustomFilter | null = null;
  #hostFilter: Gtk.CustomFilter | null = null;
  #searchText = '';
  #tick = 0;
  #ticks = 0;
  #counts: Record<TorrentState, number> | null = null;

  constructor(params: Partial<Adw.ApplicationWindow.ConstructorProps>) {
    super(params);
    applyStyleSheet();
    const builder = Gtk.Builder.new_from_string(shortcutsUi, -1);
    this.set_help_overlay(builder.get_object('help_overlay') as Gtk.ShortcutsWindow);
    this._search_bar.set_key_capture_widget(this);
    this.#installActions();
    this.#installTorrentActions();
    this.#installDropTarget();
    this._header_bar.pack_end(this.trackerButton);
    this.trackerButton.connect('toggled', () => this.#updatePages());
    this.connect('close-request', () => {
      this.#rememberGeometry();
      return false;
    });
    this.connect('destroy', () => this.detach());
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

    // Each filter has no function while it lets everything through, so the filter model skips
    // it instead of calling into JS for every torrent.
    this.#stateFilter = Gtk.CustomFilter.new(null);
    this.#hostFilter = Gtk.CustomFilter.new(null);
    this.#searchFilter = Gtk.CustomFilter.new(null);
    const filter = new Gtk.EveryFilter();
    filter.append(this.#stateFilter);
    filter.append(this.#hostFilter);
    filter.append(this.#searchFilter);

    this.sidebar = new Sidebar();
    this.sidebar.onChanged = () => this.#updateSidebarFilters();
    this.list = new TorrentList(source.torrents, filter);
    this.insert_action_group('list', this.list.actions);
    this.list.applyColumnsSetting(settings.get(WINDOW_SETTINGS.columns));
    this.list.onColumnsChanged = (ids) => this.#saveSetting(WINDOW_SETTINGS.columns, ids);
    this.list.onContextMenu = (x, y) => this.#popupContextMenu(x, y);
    this.list.onActivated = () => this.details?.tabs.set_visible_child_name('status');
    connectSignal(this.list.selection, 'selection-changed', () => this.#selectionChanged());
    connectSignal(this.list.filterModel, 'items-changed', () => this.#updatePages());
    const keys = new Gtk.ShortcutController({ scope: Gtk.ShortcutScope.LOCAL });
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string('space'),
        action: Gtk.NamedAction.new('win.toggle-pause'),
      }),
    );
    keys.add_shortcut(
      new Gtk.Shortcut({
        trigger: Gtk.ShortcutTrigger.parse_string('Delete'),
        action: Gtk.NamedAction.new('torrent.remove'),
      }),
    );
    this.list.columnView.add_controller(keys);

    this.contextMenu = Gtk.PopoverMenu.new_from_model(torrentContextMenu());
    this.contextMenu.set_has_arrow(false);
    this.contextMenu.set_halign(Gtk.Align.START);
    this.contextMenu.set_parent(this.list);

    const noMatch = new Adw.StatusPage({
      icon_name: 'edit-find-symbolic',
      title: _('No Matching Torrents'),
      description: _('Try another search, state or tracker.'),
    });
    this.listStack = new Gtk.Stack();
    this.listStack.add_named(this.list, 'list');
    this.listStack.add_named(noMatch, 'no-match');

    this.details = new DetailsPane(source, (name, args) => this.#activate(name, args));
    this.detailsPaned = new Gtk.Paned({
      orientation: Gtk.Orientation.VERTICAL,
      start_child: this.listStack,
      end_child: this.details,
      resize_start_child: true,
      resize_end_child: false,
      shrink_end_child: false,
      position: Math.max(120, settings.get(WINDOW_SETTINGS.detailsHeight)),
    });
    this.sidebarPaned = new Gtk.Paned({
      orientation: Gtk.Orientation.HORIZONTAL,
      start_child: this.sidebar,
      end_child: this.detailsPaned,
      resize_start_child: false,
      shrink_start_child: false,
      position: settings.get(WINDOW_SETTINGS.sidebarWidth),
    });
    this.sidebarPaned.add_css_class('dfs-main-paned');
    this._main_stack.add_named(this.sidebarPaned, 'torrents');
    this.statusBar = new StatusBar();
    this._content_box.append(this.statusBar);

    // The details pane gets the lower part of the window unless the user moved the divider.
    const detailsHeight = settings.get(WINDOW_SETTINGS.detailsHeight);
    if (!detailsHeight) this.detailsPaned.set_position(Math.round(this.get_default_size()[1] * 0.5));

    if (settings.get(WINDOW_SETTINGS.remember)) {
      const w = settings.get(WINDOW_SETTINGS.width);
      const h = settings.get(WINDOW_SETTINGS.height);
      if (w >= 360 && h >= 294) this.set_default_size(w, h);
    }

    this.#cleanups.push(source.onCountsChanged(() => this.#updateCounts()));
    this.#cleanups.push(source.onNotice((n) => this.showToast(n.message)));
    applyColorScheme(settings.get(COLOR_SCHEME));
    const settingsHandler = settings.connect('changed', (_s, path: string) => {
      if (path === COLOR_SCHEME.path) applyColorScheme(settings.get(COLOR_SCHEME));
      if (path === WINDOW_SETTINGS.columns.path && this.list) {
        const wanted = settings.get(WINDOW_SETTINGS.columns);
        if (wanted !== this.list.visibleColumnIds().join(',')) this.list.applyColumnsSetting(wanted);
      }
    });
    this.#cleanups.push(() => settings.disconnect(settingsHandler));

    this.#tick = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 1, () => {
      this.#onTick();
      return GLib.SOURCE_CONTINUE;
    });
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
    if (this.#tick) GLib.source_remove(this.#tick);
    this.#tick = 0;
    for (const c of this.#cleanups.splice(0)) c();
    this.contextMenu?.unparent();
    this.contextMenu = null;
    // Unbind the rows now, while JS can still run the factories' unbind handlers (not at GC).
    this.details?.teardown();
    this.list?.columnView.set_model(null);
    if (this.sidebarPaned) this._main_stack.remove(this.sidebarPaned);
    if (this.statusBar) this._content_box.remove(this.statusBar);
    this.sidebarPaned = this.detailsPaned = this.listStack = null;
    this.list = null;
    this.sidebar = null;
    this.details = null;
    this.statusBar = null;
    this.source = null;
    this.#actions = null;
  }

  /** Opens the file chooser (a portal inside Flatpak) and adds the chosen files. */
  chooseTorrentFiles(): Gtk.FileChooserNative {
    const chooser = new Gtk.FileChooserNative({
      title: _('Add Torrents'),
      transient_for: this,
      modal: true,
      action: Gtk.FileChooserAction.OPEN,
      select_multiple: true,
      accept_label: _('_Add'),
    });
    const filter = new Gtk.FileFilter({ name: _('Torrent files') });
    filter.add_mime_type('application/x-bittorrent');
    filter.add_suffix('torrent');
    chooser.add_filter(filter);
    chooser.connect('response', (_c, response: number) => {
      if (response === Gtk.ResponseType.ACCEPT) {
        const files = chooser.get_files();
        const uris: string[] = [];
        for (let i = 0; i < files.get_n_items(); i++) uris.push((files.get_item(i) as Gio.File).get_uri());
        this.addUris(uris);
      }
      chooser.destroy();
    });
    chooser.show();
    return chooser;
  }

  /** Adds files through the `add-uris` action; what happened comes back as notices (toasts). */
  addUris(uris: string[]): void {
    if (uris.length) this.#activate('add-uris', uris);
  }

  showToast(title: string): void {
    this._toast_overlay.add_toast(new Adw.Toast({ title, timeout: 5 }));
  }

  showPreferences(): void {
    if (!this.source) return;
    if (!this.preferences) {
      this.preferences = new PreferencesWindow(this.source, { transient_for: this });
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

  // ---- internals ----------------------------------------------------------------------------

  #installActions(): void {
    const add = (name: string, callback: (param: GLib.Variant | null) => void, type?: string) => {
      const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
      action.connect('activate', (_a, param) => callback(param));
      this.add_action(action);
      return action;
    };
    add('add-torrents', () => this.chooseTorrentFiles());
    add('pause-all', () => this.#activate('pause-all', null));
    add('resume-all', () => this.#activate('resume-all', null));
    add(
      'scale-speed',
      (param) => {
        const [direction, factor] = (param?.get_string()[0] ?? '').split('-');
        if (direction !== 'upload' && direction !== 'download') return;
        this.#activate('scale-speed', [direction, factor === '2' ? 2 : 0.5, []]);
      },
      's',
    );
    add('search', () => this._search_button.set_active(!this._search_button.get_active()));
    add('toggle-pause', () => {
      const selected = this.selectedTorrents();
      if (!selected.length) return;
      this.#activate(selected.every((t) => t.active) ? 'pause' : 'resume', hashes(selected));
    });
    this.application?.set_accels_for_action('win.add-torrents', ['<Primary>o']);
    this.application?.set_accels_for_action('win.search', ['<Primary>f']);

    this._search_entry.connect('search-changed', () => this.#applySearch(this._search_entry.get_text()));
    this._search_entry.connect('stop-search', () => this._search_button.set_active(false));

    // The columns chooser also lives in the primary menu, next to the all-torrents actions.
    const menu = this._primary_menu_button.get_menu_model() as Gio.Menu;
    const section = menu.get_item_link(1, 'section') as Gio.Menu | null;
    section?.append_submenu(_('_Columns'), columnsMenu());
  }

  #installTorrentActions(): void {
    const group = this.torrentActions;
    const add = (name: string, callback: (selected: Torrent[], param: GLib.Variant | null) => void, type?: string) => {
      const action = new Gio.SimpleAction({ name, parameter_type: type ? new GLib.VariantType(type) : null });
      action.connect('activate', (_a, param) => {
        const selected = this.selectedTorrents();
        if (selected.length) callback(selected, param);
      });
      group.add_action(action);
    };
    add('pause', (s) => this.#activate('pause', hashes(s)));
    add('resume', (s) => this.#activate('resume', hashes(s)));
    add('force-start', (s) => this.#activate('force-start', hashes(s)));
    add('update-tracker', (s) => this.#activate('force-announce', hashes(s)));
    add('add-builtin-tracker', (s) => this.#activate('add-built-in-tracker', hashes(s)));
    add('force-recheck', (s) => this.#activate('force-recheck', hashes(s)));
    add('force-complete', (s) => this.#activate('force-complete', hashes(s)));
    add('random-progress', (s) => this.#activate('random-progress', hashes(s)));
    add('copy', (s, p) => this.#copy(s, p?.get_string()[0] ?? 'name'), 's');
    add('priority', (s, p) => this.#activate('set-priority', [hashes(s), priorityWord(p?.get_string()[0])]), 's');
    add('speed-limits', (s) => {
      this.openDialog = limitsDialog(this, { upload: s[0].upload_limit, download: s[0].download_limit }, (limits) =>
        this.#activate('set-limits', [hashes(s), limits.upload ?? -1, limits.download ?? -1]),
      );
    });
    add('reset-limits', (s) => this.#activate('reset-limits', hashes(s)));
    add('tracker-add', (s) => {
      this.openDialog = textDialog(
        this,
        {
          heading: _('Add Tracker'),
          body: _('An http://, https:// or udp:// announce URL. It is added to the selected torrents.'),
          initial: '',
          placeholder: 'udp://tracker.example.org:6969/announce',
          confirm: _('_Add'),
        },
        (url) => this.#activate('add-tracker', [hashes(s), url]),
      );
    });
    add('tracker-edit', (s) => this.#trackerDialog(s[0], true));
    add('tracker-remove', (s) => this.#trackerDialog(s[0], false));
    add('queue', (s, p) => this.#activate('queue', [hashes(s), (p?.get_string()[0] ?? 'top') as QueueMove]), 's');
    add('rename', (s) => {
      this.openDialog = textDialog(
        this,
        {
          heading: _('Rename Torrent'),
          body: _('The name shown in the list. Trackers are not told.'),
          initial: s[0].name,
          confirm: _('_Rename'),
        },
        (name) => this.#activate('rename', [s[0].info_hash, name]),
      );
    });
    add('label', (s) => {
      this.openDialog = textDialog(
        this,
        {
          heading: _('Set Label'),
          body: _('A label for the selected torrents. Leave it empty to remove the label.'),
          initial: s[0].label,
          confirm: _('_Set Label'),
          allowEmpty: true,
        },
        (label) => this.#activate('set-label', [hashes(s), label]),
      );
    });
    add('remove', (s) => {
      this.openDialog = removeDialog(
        this,
        s.map((t) => t.name),
        () => {
          for (const t of s) this.details?.forget(t);
          this.#activate('remove', hashes(s));
        },
      );
    });
    this.insert_action_group('torrent', group);
  }

  #trackerDialog(torrent: Torrent, edit: boolean): void {
    const urls = this.source?.trackers(torrent).map((t) => t.url) ?? [];
    if (!urls.length) {
      this.showToast(_('“%s” has no trackers').replace('%s', torrent.name));
      return;
    }
    this.openDialog = trackerDialog(
      this,
      edit
        ? {
            heading: _('Edit Tracker'),
            body: _('Choose a tracker and change its URL.'),
            urls,
            editable: true,
            confirm: _('_Save'),
          }
        : {
            heading: _('Remove Tracker'),
            body: _('The torrent stops announcing to this tracker.'),
            urls,
            editable: false,
            confirm: _('_Remove'),
            destructive: true,
          },
      (url, edited) =>
        edit
          ? this.#activate('edit-tracker', [torrent.info_hash, url, edited])
          : this.#activate('remove-tracker', [torrent.info_hash, url]),
    );
  }

  #copy(torrents: Torrent[], what: string): void {
    const lines = torrents.map((t) => {
      const trackers = this.source?.trackers(t) ?? [];
      switch (what) {
        case 'hash':
          return t.info_hash;
        case 'magnet':
          return magnetLink(
            t,
            trackers.map((tr) => tr.url),
          );
        case 'tracker':
          return trackers[0]?.url ?? '';
        default:
          return t.name;
      }
    });
    const text = lines.filter((l) => l).join('\n');
    if (!text) {
      this.showToast(_('Nothing to copy'));
      return;
    }
    this.get_clipboard().set_content(Gdk.ContentProvider.new_for_value(text));
    this.showToast(_('Copied to the clipboard'));
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

  #installDropTarget(): void {
    const target = Gtk.DropTarget.new(Gdk.FileList.$gtype, Gdk.DragAction.COPY);
    target.connect('drop', (_t, dropped: unknown) => {
      const value = dropped as Gdk.FileList;
      const files = value.get_files();
      const torrents = files.filter((f) => (f.get_basename() ?? '').toLowerCase().endsWith('.torrent'));
      if (torrents.length < files.length) this.showToast(_('Only .torrent files can be added'));
      this.addUris(torrents.map((f) => f.get_uri()));
      return torrents.length > 0;
    });
    this.add_controller(target);
  }

  #applySearch(text: string): void {
    const q = text.trim().toLowerCase();
    if (q === this.#searchText) return;
    this.#searchText = q;
    // set_filter_func re-filters by itself.
    this.#searchFilter?.set_filter_func(q ? (t) => torrentMatchesSearch(t as Torrent, q) : null);
  }

  #updateSidebarFilters(): void {
    const source = this.source;
    const state = this.sidebar?.selectedState ?? 'all';
    const host = this.sidebar?.selectedHost ?? null;
    this.#stateFilter?.set_filter_func(state === 'all' ? null : (t) => torrentMatchesState(t as Torrent, state));
    this.#hostFilter?.set_filter_func(
      host === null || !source ? null : (t) => source.trackerHosts(t as Torrent).includes(host),
    );
  }

  #popupContextMenu(x: number, y: number): void {
    if (!this.contextMenu) return;
    const rect = new Gdk.Rectangle({ x: Math.round(x), y: Math.round(y), width: 1, height: 1 });
    this.contextMenu.set_pointing_to(rect);
    this.contextMenu.popup();
  }

  #selectionChanged(): void {
    const selected = this.selectedTorrents();
    for (const name of this.torrentActions.list_actions()) {
      (this.torrentActions.lookup_action(name) as Gio.SimpleAction).set_enabled(selected.length > 0);
    }
    this.details?.setTorrent(selected[0] ?? null);
  }

  #updatePages(): void {
    if (!this.source || !this.list) return;
    const total = this.source.torrents.get_n_items();
    const tracker = this.trackerPage !== null && this.trackerButton.get_active();
    this._main_stack.set_visible_child_name(tracker ? 'tracker' : total === 0 ? 'empty' : 'torrents');
    // Nothing to search in an empty list.
    this._search_button.set_sensitive(total > 0);
    if (total === 0) this._search_button.set_active(false);
    this.statusBar?.set_visible(total > 0);
    this.listStack?.set_visible_child_name(
      this.list.filterModel.get_n_items() > 0 || total === 0 ? 'list' : 'no-match',
    );
  }

  #updateCounts(): void {
    const c = this.source;
    if (!c) return;
    const counts = c.stateCounts();
    this.#counts = counts;
    this.sidebar?.update(counts, c.trackerHostCounts());
    this.statusBar?.update(c.totals(), counts);
    this.#updatePages();
  }

  #onTick(): void {
    const c = this.source;
    if (!c) return;
    this.#ticks++;
    this.details?.tick();
    // Counts come with onCountsChanged; only the totals and rates move every second.
    if (this.#counts) this.statusBar?.update(c.totals(), this.#counts);
    // States and figures move; re-apply the state filter and the sort every few seconds.
    if (this.#ticks % 2 === 0) {
      if (this.sidebar && this.sidebar.selectedState !== 'all') this.#stateFilter?.changed(Gtk.FilterChange.DIFFERENT);
      this.list?.refreshSort();
    }
  }

  #rememberGeometry(): void {
    if (!this.source) return;
    const [width, height] = this.get_default_size();
    if (!this.is_maximized() && width > 0 && height > 0) {
      this.#saveSetting(WINDOW_SETTINGS.width, width);
      this.#saveSetting(WINDOW_SETTINGS.height, height);
    }
    if (this.sidebarPaned) this.#saveSetting(WINDOW_SETTINGS.sidebarWidth, this.sidebarPaned.get_position());
    if (this.detailsPaned) this.#saveSetting(WINDOW_SETTINGS.detailsHeight, this.detailsPaned.get_position());
  }

  #saveSetting<T extends SettingValue>(key: Setting<T>, value: T): void {
    try {
      if (this.source && this.source.settings.get(key) !== value) this.source.settings.set(key.path, value);
    } catch (e) {
      this.showToast(errorMessage(e));
    }
  }
}

const COLOR_SCHEME = SETTINGS.ui_settings.color_scheme;

/** The Style preference: follow the system, or force light or dark (libadwaita does the rest). */
function applyColorScheme(value: string): void {
  const schemes: Record<string, Adw.ColorScheme> = {
    light: Adw.ColorScheme.FORCE_LIGHT,
    dark: Adw.ColorScheme.FORCE_DARK,
  };
  Adw.StyleManager.get_default().set_color_scheme(schemes[value] ?? Adw.ColorScheme.DEFAULT);
}

/**
 * `magnet:?xt=urn:btih:<sha1>&dn=<name>&tr=<url>…`, with the name and URLs escaped. v2 torrents
 * carry their full SHA-256 as `xt=urn:btmh:1220<sha256>` (BEP 9/52); hybrids carry both.
 */
export function magnetLink(torrent: Torrent, trackerUrls: string[]): string {
  const esc = (s: string) => GLib.Uri.escape_string(s, null, false);
  const topics: string[] = [];
  if (torrent.info_hash_v1 || !torrent.info_hash_v2)
    topics.push(`xt=urn:btih:${torrent.info_hash_v1 || torrent.info_hash}`);
  if (torrent.info_hash_v2) topics.push(`xt=urn:btmh:1220${torrent.info_hash_v2}`);
  return [`magnet:?${topics.join('&')}`, `dn=${esc(torrent.name)}`, ...trackerUrls.map((u) => `tr=${esc(u)}`)].join(
    '&',
  );
}

/** The selection as the actions name torrents: by info hash. */
function hashes(torrents: Torrent[]): string[] {
  return torrents.map((t) => t.info_hash);
}

function priorityWord(word: string | undefined): 'low' | 'normal' | 'high' {
  return word === 'low' || word === 'high' ? word : 'normal';
}
