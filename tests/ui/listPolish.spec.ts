import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { ModelDouble } from './support/ModelDouble.ts';
import { SettingsStore } from '../../src/model/settings/index.ts';
import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { LimitsDialog } from '../../src/view/LimitsDialog.ts';
import { MainWindow } from '../../src/view/MainWindow.ts';
import type { TextDialog } from '../../src/view/TextDialog.ts';
import { TorrentCell } from '../../src/view/TorrentCell.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents } from '../support/gtk.ts';
import { activateWindow, ensureWindowManager, xclick, xkeys, xtype } from '../support/windowManager.ts';
import {
  answer,
  findAll,
  initUi,
  openWindow,
  torrentActionsOn,
  useUiTimeout,
  type UiFixture,
} from './support/fixture.ts';

/** Names of the rows the list shows, in order. */
function rows(window: MainWindow): string[] {
  return window.list!.shownTorrents().map((t) => t.name);
}

/** The cell of a column for a torrent, among the rows on screen. */
function cellOf(window: MainWindow, column: string, t: Torrent): TorrentCell {
  const cell = findAll(window.list!.columnView, TorrentCell).find((x) => x.column.id === column && x.torrent === t);
  if (!cell) throw new Error(`no ${column} cell on screen for ${t.name}`);
  return cell;
}

/** A GObject property of a widget of a type GTK does not export (its JS accessor). */
function prop(w: Gtk.Widget, name: string): unknown {
  return (w as unknown as Record<string, unknown>)[name];
}

/** The header title of a column. */
function titleOf(window: MainWindow, id: string): Gtk.Widget {
  const found = window.list!.headerTitles().find((h) => h.id === id);
  if (!found) throw new Error(`no header for ${id}`);
  return found.title;
}

async function focusWindow(f: UiFixture): Promise<void> {
  await ensureWindowManager();
  await activateWindow(f.window);
  await waitFor(() => f.window.is_active, 'the window to get the focus', 10_000);
}

describe('torrent list polish (issue 18)', () => {
  useUiTimeout(90_000);
  let f: UiFixture;
  let a: Torrent;
  let b: Torrent;
  let c: Torrent;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow(1100, 720);
    a = f.model.addFixture({ name: 'alpha.iso', length: 3_000_000 });
    b = f.model.addFixture({ name: 'bravo.iso', length: 1_000_000 }, { progress: 0.4, status: 'downloading' });
    c = f.model.addFixture({ name: 'charlie.iso', length: 2_000_000 }, { active: false, status: 'paused' });
    await pumpEvents(150);
  });

  afterEach(async () => await f?.dispose());

  it('right-aligns the titles of number columns, as their numbers', async () => {
    const list = f.window.list!;
    for (const { id, title } of list.headerTitles()) {
      const label = findAll(title, Gtk.Label)[0];
      const [, x] = label.translate_coordinates(title, 0, 0) ?? [false, 0];
      const numeric = ['id', 'progress', 'total_size', 'upload_rate', 'download_rate', 'seeders', 'leechers'];
      if (numeric.includes(id))
        expect(x + label.get_width())
          .withContext(id)
          .toBeGreaterThan(title.get_width() - 30);
      else expect(x).withContext(id).toBeLessThan(20);
    }
  });

  it('is wide enough in Status for "Tracker Error"', async () => {
    a.status = 'tracker-error';
    await pumpEvents(100);
    // The cell's text is a Gtk.Inscription, which ellipsizes what its width cannot hold: the
    // words laid out in its font must fit in the width it was given.
    const text = cellOf(f.window, 'status', a).text!;
    expect(text.get_text()).toBe('Tracker Error');
    const [width] = text.create_pango_layout('Tracker Error').get_pixel_size();
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThanOrEqual(text.get_width());
  });

  it('remembers the sort column and order across a restart', async () => {
    const list = f.window.list!;
    // A click on the Size header, and a second one to turn the order round.
    await focusWindow(f);
    await xclick(f.window, titleOf(f.window, 'total_size'), 20, 10);
    await waitFor(() => f.settings.get('ui_settings.sort_column') === 'total_size', 'the sort to be saved');
    expect(f.settings.get('ui_settings.sort_order')).toBe('ascending');
    expect(rows(f.window)).toEqual(['bravo.iso', 'charlie.iso', 'alpha.iso']);
    await xclick(f.window, titleOf(f.window, 'total_size'), 20, 10);
    await waitFor(() => f.settings.get('ui_settings.sort_order') === 'descending', 'the order to be saved');
    expect(list.sort).toEqual({ column: 'total_size', descending: true });
    await f.settings.saveNow();

    // The next run: a new store reads the saved file, a new window sorts as the last one did.
    const settings = SettingsStore.open(f.dir);
    const model = new ModelDouble(settings);
    const window = new MainWindow({});
    try {
      for (const [name, length] of [
        ['one.iso', 5],
        ['two.iso', 9_000_000],
        ['three.iso', 700],
      ] as const)
        model.addFixture({ name, length });
      window.attach(model, torrentActionsOn(model));
      window.present();
      await pumpEvents(200);
      expect(window.list!.sort).toEqual({ column: 'total_size', descending: true });
      expect(rows(window)).toEqual(['two.iso', 'three.iso', 'one.iso']);
      const arrow = findAll(titleOf(window, 'total_size'), Gtk.Widget).find((w) => w.has_css_class('descending'));
      expect(arrow).withContext('the Size header shows the order').toBeDefined();
    } finally {
      window.detach();
      window.destroy();
    }
  });

  it('opens the column chooser on a right click on the headers, and it stays open while toggling', async () => {
    await focusWindow(f);
    const list = f.window.list!;
    await xclick(f.window, titleOf(f.window, 'name'), 30, 10, { button: 3 });
    await waitFor(() => list.chooser?.get_mapped() ?? false, 'the column chooser');
    await waitFor(() => list.chooser!.checks.get('seeders')!.get_height() > 0, 'the chooser laid out');
    expect(f.window.contextMenu!.get_visible()).withContext('not the torrent menu').toBeFalse();
    expect(list.chooser!.checks.get('upload_speed')!.get_active()).toBeFalse();
    expect(list.chooser!.checks.get('seeders')!.get_active()).toBeTrue();

    await xclick(f.window, list.chooser!.checks.get('upload_speed')!, 8, 8);
    await waitFor(() => list.visibleColumnIds().includes('upload_speed'), 'the Target Upload column to show');
    await xclick(f.window, list.chooser!.checks.get('seeders')!, 8, 8);
    await waitFor(() => !list.visibleColumnIds().includes('seeders'), 'the Seeders column to go');
    expect(list.chooser!.get_visible()).withContext('the chooser stays open').toBeTrue();
    expect(list.chooser!.checks.get('upload_speed')!.get_active()).toBeTrue();
    expect(String(f.settings.get('columns')).split(',')).toContain('upload_speed');
    list.chooser!.popdown();

    // A right click on a row still opens the torrent menu.
    await xclick(f.window, cellOf(f.window, 'name', b), 10, 5, { button: 3 });
    await waitFor(() => f.window.contextMenu!.get_visible(), 'the torrent menu');
    expect(f.window.selectedTorrents()).toEqual([b]);
    f.window.contextMenu!.popdown();
  });

  it('adds rows with Ctrl+click and ranges with Shift+click', async () => {
    await focusWindow(f);
    await xclick(f.window, cellOf(f.window, 'name', a), 10, 5);
    await waitFor(() => f.window.selectedTorrents().length === 1, 'a click to select alpha.iso');
    await xclick(f.window, cellOf(f.window, 'name', c), 10, 5, { modifier: 'ctrl' });
    await waitFor(() => f.window.selectedTorrents().length === 2, 'Ctrl+click to add charlie.iso');
    expect(f.window.selectedTorrents()).toEqual([a, c]);
    await xclick(f.window, cellOf(f.window, 'name', a), 10, 5, { modifier: 'ctrl' });
    await waitFor(() => f.window.selectedTorrents().length === 1, 'Ctrl+click to take alpha.iso out');
    expect(f.window.selectedTorrents()).toEqual([c]);

    await xclick(f.window, cellOf(f.window, 'name', a), 10, 5);
    await waitFor(() => f.window.selectedTorrents()[0] === a, 'a click on alpha.iso');
    await xclick(f.window, cellOf(f.window, 'name', c), 10, 5, { modifier: 'shift' });
    await waitFor(() => f.window.selectedTorrents().length === 3, 'Shift+click to select the range');
    expect(f.window.statusBar!.counts.get_label()).toContain('3 selected');
  });

  it('leaves the list with Tab, forwards and backwards (the rows do not keep it)', async () => {
    await focusWindow(f);
    f.window.list!.selectTorrents([a]);
    const inList = () => f.window.get_focus()?.is_ancestor(f.window.list!) ?? false;
    const focusList = async () => {
      f.window.list!.columnView.grab_focus();
      await waitFor(inList, 'the list to have the focus');
    };
    await focusList();
    await xkeys('Tab');
    await waitFor(() => !inList(), 'Tab to leave the list');
    const after = f.window.get_focus();
    await focusList();
    await xkeys('shift+Tab');
    await waitFor(() => !inList(), 'Shift+Tab to leave the list');
    expect(f.window.get_focus()).not.toBe(after);
  });

  it('scrolls a new search to the top', async () => {
    for (let i = 0; i < 300; i++) f.model.addFixture({ name: `ubuntu-${String(i).padStart(3, '0')}.iso` });
    await pumpEvents(300);
    const adjustment = f.window.list!.get_vadjustment();
    adjustment.set_value(adjustment.get_upper());
    await pumpEvents(100);
    expect(adjustment.get_value()).toBeGreaterThan(1000);
    await focusWindow(f);
    await xkeys('ctrl+f');
    await waitFor(() => f.window._search_bar.get_search_mode(), 'the search to open');
    await xtype('ubuntu-1');
    await waitFor(() => rows(f.window).length === 100, 'the search to filter');
    await pumpEvents(100);
    expect(adjustment.get_value()).toBe(0);
    await xkeys('Escape');
  });

  it('shows the selection priority as the checked choice of the Priority menu', async () => {
    const state = () => f.window.torrentActions.get_action_state('priority')!.get_string()[0];
    f.window.list!.selectTorrents([a]);
    await pumpEvents(20);
    expect(state()).toBe('normal');
    f.window.torrentActions.activate_action('priority', GLib.Variant.new_string('high'));
    expect(a.priority).toBe(2);
    expect(state()).toBe('high');
    // The menu shows it: its High item is a radio item, and the one that is on.
    f.window.list!.openMenuAt(40, 40);
    await waitFor(() => f.window.contextMenu!.get_mapped(), 'the torrent menu');
    const items = findAll(f.window.contextMenu!, Gtk.Widget).filter((w) => w.get_css_name() === 'modelbutton');
    const high = items.find((w) => /^_?High$/.test(String(prop(w, 'text'))));
    expect(high).withContext('a High item').toBeDefined();
    expect(prop(high!, 'active')).toBeTrue();
    // GtkModelButton's role (GtkButtonRole, not in the 4.8 bindings): 2 is a radio item.
    expect(prop(high!, 'role')).toBe(2);
    f.window.contextMenu!.popdown();
    // Mixed priorities: no choice is on.
    f.window.list!.selectTorrents([a, b]);
    await pumpEvents(20);
    expect(state()).toBe('');
  });

  it('confirms the Speed Limits dialog with Enter typed in a field', async () => {
    await focusWindow(f);
    f.window.list!.selectTorrents([a]);
    f.window.torrentActions.activate_action('speed-limits', null);
    const dialog = f.window.openDialog as LimitsDialog;
    await waitFor(() => dialog.is_active, 'the dialog to get the focus', 10_000);
    dialog.spins[0].grab_focus();
    await pumpEvents(100);
    await xkeys('ctrl+a');
    await xtype('77');
    await xkeys('Return');
    await waitFor(() => a.upload_limit === 77, 'Enter to set the limit');
    await waitFor(() => !dialog.get_visible(), 'the dialog to close');
  });

  it('keeps what was typed in Add Tracker when the controller refuses it, and says why', async () => {
    f.window.list!.selectTorrents([a]);
    f.model.refuseNextTracker = 'This torrent already has that tracker.';
    f.window.torrentActions.activate_action('tracker-add', null);
    const first = f.window.openDialog as TextDialog;
    first.entry.set_text('udp://dup.example.net:80/announce');
    answer(first, 'ok');
    await waitFor(() => f.window.openDialog !== first, 'the dialog to come back');
    const again = f.window.openDialog as TextDialog;
    expect(again.entry.get_text()).toBe('udp://dup.example.net:80/announce');
    expect(again.problemText).toBe('This torrent already has that tracker.');
    // Corrected, it goes through.
    again.entry.set_text('udp://other.example.net:80/announce');
    answer(again, 'ok');
    await pumpEvents(50);
    expect(f.model.trackers(a).map((t) => t.url)).toContain('udp://other.example.net:80/announce');
    expect(f.window.openDialog).toBe(again);
  });

  it('fits its status bar in a 600 px window, each figure named, with how many are selected', async () => {
    f.window.list!.selectTorrents([a, b]);
    f.window.set_visible(false);
    f.window.set_default_size(600, 500);
    f.window.present();
    await waitFor(() => Math.abs(f.window.get_width() - 600) <= 20, 'the narrow window', 10_000);
    await pumpEvents(300);
    const bar = f.window.statusBar!;
    expect(bar.counts.get_label()).toContain('2 selected');
    expect(bar.upload.get_label()).toMatch(/^Up .* this session · .* in total$/);
    expect(bar.download.get_label()).toMatch(/^Down .* this session · .* in total$/);
    for (const label of [bar.counts, bar.upload, bar.download]) {
      expect(label.get_mapped()).withContext(label.get_label()).toBeTrue();
      expect(label.get_layout().is_ellipsized()).withContext(label.get_label()).toBeFalse();
      const [, natural] = label.get_preferred_size();
      const [, x] = label.translate_coordinates(f.window, 0, 0) ?? [false, 0];
      // Not cut: as wide as it wants, and inside the window.
      expect(label.get_width()).withContext(label.get_label()).toBeGreaterThanOrEqual(natural!.width);
      expect(x + label.get_width())
        .withContext(label.get_label())
        .toBeLessThanOrEqual(f.window.get_width());
    }
  });
});
