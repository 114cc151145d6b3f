import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { Torrent } from '../../src/model/torrent/Torrent.ts';
import { TorrentCell } from '../../src/view/TorrentCell.ts';
import { STATE_FILTERS } from '../../src/view/TorrentSource.ts';
import { TORRENT_COLUMNS } from '../../src/view/torrentColumns.ts';
import { torrentContextMenu } from '../../src/view/torrentMenu.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents } from '../support/gtk.ts';
import { findAll, initUi, useUiTimeout, openWindow, type UiFixture } from './support/fixture.ts';

function namesInList(f: UiFixture): string[] {
  return f.window.list!.shownTorrents().map((t) => t.name);
}

/** Every `prefix.name` action a menu (and its submenus and sections) refers to. */
function menuActions(model: Gio.MenuModel): string[] {
  const out: string[] = [];
  for (let i = 0; i < model.get_n_items(); i++) {
    const action = model.get_item_attribute_value(i, 'action', null);
    if (action) out.push(action.unpack() as string);
    for (const link of ['section', 'submenu']) {
      const sub = model.get_item_link(i, link);
      if (sub) out.push(...menuActions(sub));
    }
  }
  return out;
}

describe('torrent list', () => {
  useUiTimeout();
  let f: UiFixture;
  let a: Torrent;
  let c: Torrent;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow();
    a = f.model.addFixture({ name: 'alpha.iso', length: 3_000_000 }, { upload_rate: 2000 });
    f.model.addFixture(
      { name: 'bravo.iso', length: 1_000_000, announce: 'udp://tracker.example.org:6969/announce' },
      { status: 'paused', active: false },
    );
    c = f.model.addFixture({ name: 'charlie.iso', length: 2_000_000 }, { progress: 0.25, status: 'downloading' });
    await pumpEvents(100);
  });

  afterEach(async () => await f?.dispose());

  it('shows one row per torrent with live speeds and the status by default, the targets named as targets', () => {
    expect(namesInList(f)).toEqual(['alpha.iso', 'bravo.iso', 'charlie.iso']);
    expect(f.window.list!.visibleColumnIds()).toEqual([
      'id',
      'name',
      'progress',
      'status',
      'upload_rate',
      'download_rate',
      'seeders',
      'leechers',
      'total_size',
    ]);
    const title = (id: string) => f.window.list!.column(id)!.get_title();
    expect([title('upload_rate'), title('download_rate')]).toEqual(['Upload Speed', 'Download Speed']);
    expect([title('upload_speed'), title('download_speed')]).toEqual(['Target Upload', 'Target Download']);
    // The original's default (which showed the targets as speeds) reads as the new one.
    f.window.list!.applyColumnsSetting('id,name,progress,upload_speed,download_speed,seeders,leechers,total_size');
    expect(f.window.list!.visibleColumnIds()).toContain('upload_rate');
  });

  it('offers every column of the original', () => {
    const ids = TORRENT_COLUMNS.map((col) => col.id);
    for (const id of [
      'id',
      'name',
      'progress',
      'total_size',
      'session_downloaded',
      'session_uploaded',
      'total_downloaded',
      'total_uploaded',
      'upload_speed',
      'download_speed',
      'seeders',
      'leechers',
      'announce_interval',
      'next_update',
      'filepath',
      'threshold',
      'small_torrent_limit',
      'uploading',
      'active',
      'label',
      'priority',
      'upload_limit',
      'download_limit',
      'super_seeding',
      'sequential_download',
      'force_start',
      'creation_date',
      'comment',
      'created_by',
      'piece_length',
      'piece_count',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('shows a dash for the next update when no announce is scheduled', () => {
    const next = TORRENT_COLUMNS.find((col) => col.id === 'next_update')!;
    const t = new Torrent();
    t.next_update = 75;
    expect(next.format(t)).toBe('1 min 15 s');
    t.next_update = -1;
    expect(next.format(t)).toBe('—');
  });

  it('sorts by a column header, both ways', async () => {
    const view = f.window.list!.columnView;
    view.sort_by_column(f.window.list!.column('total_size')!, Gtk.SortType.ASCENDING);
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso', 'charlie.iso', 'alpha.iso']);
    view.sort_by_column(f.window.list!.column('total_size')!, Gtk.SortType.DESCENDING);
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['alpha.iso', 'charlie.iso', 'bravo.iso']);
    view.sort_by_column(f.window.list!.column('name')!, Gtk.SortType.DESCENDING);
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['charlie.iso', 'bravo.iso', 'alpha.iso']);
  });

  it('keeps the selection on its torrents through a sort and a search, in the same row widgets', async () => {
    const list = f.window.list!;
    list.selectTorrents([c]);
    await pumpEvents(50);
    const cellsBefore = findAll(list.columnView, TorrentCell);
    list.columnView.sort_by_column(list.column('total_size')!, Gtk.SortType.ASCENDING);
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso', 'charlie.iso', 'alpha.iso']);
    expect(list.selectedTorrents()).toEqual([c]);
    expect(list.selection.is_selected(1)).toBeTrue();
    expect(f.window.selectedTorrents()).toEqual([c]);
    // GTK 4.8 would have built new rows for every moved torrent; here the cells show other torrents.
    const cellsAfter = findAll(list.columnView, TorrentCell);
    expect(cellsAfter.length).toBe(cellsBefore.length);
    expect(cellsAfter.every((cell) => cellsBefore.includes(cell))).toBeTrue();
    const nameCell = (t: Torrent) => cellsAfter.find((x) => x.column.id === 'name' && x.torrent === t)!;
    expect(nameCell(c).text!.get_text()).toBe('charlie.iso');
    expect(nameCell(c).listItem!.get_position()).toBe(1);
    expect(nameCell(c).listItem!.get_selected()).toBeTrue();
    expect(nameCell(a).listItem!.get_selected()).toBeFalse();

    f.window.setSearchText('char');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['charlie.iso']);
    expect(list.selectedTorrents()).toEqual([c]);
    expect(list.selection.is_selected(0)).toBeTrue();
    f.window.setSearchText('');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso', 'charlie.iso', 'alpha.iso']);
    expect(list.selectedTorrents()).toEqual([c]);
    // A search that hides the selected torrent unselects it, as a filtered list model did.
    f.window.setSearchText('alpha');
    await pumpEvents(50);
    expect(list.selectedTorrents()).toEqual([]);
    expect(f.window.selectedTorrents()).toEqual([]);
  });

  it('follows torrents added and removed while sorted, and a cell follows its torrent', async () => {
    const list = f.window.list!;
    list.columnView.sort_by_column(list.column('total_size')!, Gtk.SortType.DESCENDING);
    await pumpEvents(50);
    const d = f.model.addFixture({ name: 'delta.iso', length: 2_500_000 });
    // Read at once: the list applies the model's changes before it answers.
    expect(namesInList(f)).toEqual(['alpha.iso', 'delta.iso', 'charlie.iso', 'bravo.iso']);
    f.model.torrents.remove(0);
    expect(namesInList(f)).toEqual(['delta.iso', 'charlie.iso', 'bravo.iso']);
    await pumpEvents(50);
    const cell = findAll(list.columnView, TorrentCell).find((x) => x.column.id === 'name' && x.torrent === d)!;
    expect(cell.text!.get_text()).toBe('delta.iso');
    d.name = 'delta-renamed.iso';
    expect(cell.text!.get_text()).toBe('delta-renamed.iso');
  });

  it('re-sorts when figures change, as the engine pushes its updates (no timer in the window)', async () => {
    const view = f.window.list!.columnView;
    f.window.list!.setColumnShown('upload_rate', true);
    view.sort_by_column(f.window.list!.column('upload_rate')!, Gtk.SortType.DESCENDING);
    await pumpEvents(50);
    expect(namesInList(f)[0]).toBe('alpha.iso');
    c.upload_rate = 99_999;
    await pumpEvents(1100);
    // Nothing polls: without an update from the engine the order stays.
    expect(namesInList(f)[0]).toBe('alpha.iso');
    // The window re-sorts at every other update (the engine pushes at most one a second).
    f.model.countsChanged();
    f.model.countsChanged();
    await waitFor(() => namesInList(f)[0] === 'charlie.iso', 'the re-sort');
  });

  it('filters by sidebar state and tracker, with live counts', async () => {
    const sidebar = f.window.sidebar!;
    expect(sidebar.countOf('all')).toBe('3');
    expect(sidebar.countOf('paused')).toBe('1');
    expect(sidebar.countOf('downloading')).toBe('1');
    expect(sidebar.countOf('seeding')).toBe('1');
    expect(sidebar.countOf('active')).toBe('1');
    sidebar.selectState('paused');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso']);
    sidebar.selectState('all');
    sidebar.selectHost('tracker.example.org');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso']);
    expect(sidebar.hosts().sort()).toEqual(['127.0.0.1', 'tracker.example.org']);
    sidebar.selectHost('127.0.0.1');
    sidebar.selectState('downloading');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['charlie.iso']);
    // A count follows the model.
    f.model.pause([a]);
    await pumpEvents(50);
    expect(sidebar.countOf('paused')).toBe('2');
  });

  it('shows, for every state, as many rows as its count says (one predicate for both)', async () => {
    // Statuses at the edges of the states: stopped counts as paused, an idle seed is not active,
    // a tracker error is neither seeding nor active even with a rate left over.
    f.model.addFixture({ name: 'delta.iso', length: 1_000 }, { status: 'stopped', active: false });
    f.model.addFixture({ name: 'echo.iso', length: 1_000 }, { status: 'tracker-error', upload_rate: 10 });
    f.model.addFixture({ name: 'fox.iso', length: 1_000 }, { progress: 0.5, status: 'downloading', download_rate: 5 });
    await pumpEvents(1200);
    const sidebar = f.window.sidebar!;
    const shown: Record<string, string> = {};
    const listed: Record<string, string> = {};
    for (const state of STATE_FILTERS) {
      sidebar.selectState(state);
      await pumpEvents(50);
      shown[state] = sidebar.countOf(state);
      listed[state] = String(namesInList(f).length);
    }
    expect(listed).toEqual(shown);
    expect(shown).toEqual({ all: '6', downloading: '2', seeding: '1', active: '2', paused: '2', error: '1' });
  });

  it('filters by search text combined with the sidebar, and says when nothing matches', async () => {
    f.window.setSearchText('ALPHA');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['alpha.iso']);
    f.window.sidebar!.selectState('paused');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual([]);
    expect(f.window._list_stack!.get_visible_child_name()).toBe('no-match');
    f.window.setSearchText('');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso']);
    expect(f.window._list_stack!.get_visible_child_name()).toBe('list');
  });

  it('shows and hides columns from the menu and remembers them in the columns setting', async () => {
    const list = f.window.list!;
    list.actions.change_action_state('column-label', GLib.Variant.new_boolean(true));
    list.actions.change_action_state('column-seeders', GLib.Variant.new_boolean(false));
    await pumpEvents(50);
    expect(list.visibleColumnIds()).toContain('label');
    expect(list.visibleColumnIds()).not.toContain('seeders');
    expect(f.settings.get('columns')).toBe(
      'id,name,progress,status,upload_rate,download_rate,leechers,total_size,label',
    );
    // Reordering (as a header drag does) is remembered too.
    list.columnView.insert_column(0, list.column('name')!);
    await pumpEvents(50);
    expect(String(f.settings.get('columns')).split(',')[0]).toBe('name');
    // And a stored order is restored.
    list.applyColumnsSetting('size_is_unknown,leechers,name');
    expect(list.visibleColumnIds()).toEqual(['leechers', 'name']);
  });

  it('lists its context menu actions, each one installed', () => {
    const actions = menuActions(torrentContextMenu());
    const torrentActions = actions.filter((x) => x.startsWith('torrent.')).map((x) => x.slice('torrent.'.length));
    expect(new Set(torrentActions)).toEqual(
      new Set([
        'pause',
        'resume',
        'force-start',
        'update-tracker',
        'scrape-now',
        'add-builtin-tracker',
        'force-recheck',
        'force-complete',
        'random-progress',
        'copy',
        'priority',
        'speed-limits',
        'reset-limits',
        'tracker-add',
        'tracker-edit',
        'tracker-remove',
        'queue',
        'rename',
        'label',
        'remove',
      ]),
    );
    for (const name of torrentActions) expect(f.window.torrentActions.has_action(name)).withContext(name).toBeTrue();
    for (const name of actions.filter((x) => x.startsWith('list.')))
      expect(f.window.list!.actions.has_action(name.slice(5)))
        .withContext(name)
        .toBeTrue();
  });

  it('binds Space and Delete on the list only (not while typing a search), before the rows take them', () => {
    const bound: string[] = [];
    const controllers = f.window.list!.columnView.observe_controllers();
    for (let i = 0; i < controllers.get_n_items(); i++) {
      const c = controllers.get_item(i);
      if (!(c instanceof Gtk.ShortcutController)) continue;
      expect(c.get_scope()).toBe(Gtk.ShortcutScope.LOCAL);
      expect(c.get_propagation_phase()).toBe(Gtk.PropagationPhase.CAPTURE);
      for (let j = 0; j < c.get_n_items(); j++) bound.push((c.get_item(j) as Gtk.Shortcut).get_trigger()!.to_string());
    }
    // Tab and Shift+Tab too: they leave the list rather than walk its rows (listNavigation.ts).
    expect(bound).toEqual(
      jasmine.arrayWithExactContents(['space', 'Delete', 'Tab', 'KP_Tab', '<Shift>Tab', '<Shift>KP_Tab']),
    );
  });

  it('selects every row with Ctrl+A in the list (its own list.select-all binding)', () => {
    f.window.list!.selectTorrents([a]);
    // The binding lives on the column view's inner list view, where the key press lands.
    let activated = false;
    for (let w = f.window.list!.columnView.get_first_child(); w && !activated; w = w.get_next_sibling())
      activated = w.activate_action('list.select-all', null);
    expect(activated).toBeTrue();
    expect(f.window.selectedTorrents().length).toBe(3);
  });

  it('disables selection actions while nothing is selected', async () => {
    f.window.list!.selection.unselect_all();
    await pumpEvents(20);
    expect(f.window.torrentActions.get_action_enabled('pause')).toBeFalse();
    f.window.list!.selectTorrents([a]);
    await pumpEvents(20);
    expect(f.window.torrentActions.get_action_enabled('pause')).toBeTrue();
  });

  it('adds dropped or chosen .torrent files through the controller and reports failures', async () => {
    await f.window.addUris(['file:///tmp/x.torrent', 'file:///tmp/notes.txt']);
    expect(f.model.callsTo('addUris')).toEqual([[['file:///tmp/x.torrent', 'file:///tmp/notes.txt']]]);
  });
});
