import Adw from 'gi://Adw';
import Gtk from 'gi://Gtk?version=4.0';
import { gc } from 'system';

import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import { TorrentCell } from '../../src/view/TorrentCell.ts';
import { waitFor } from '../support/async.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { activateWindow, ensureWindowManager, xkeys, xtype } from '../support/windowManager.ts';
import { findAll, initUi, openWindow, useUiTimeout, type UiFixture } from './support/fixture.ts';

/** Names of the rows the list shows, in order. */
function rows(f: UiFixture): string[] {
  return f.window.list!.shownTorrents().map((t) => t.name);
}

/**
 * Visible labels wrapped (nearly) letter by letter: fewer than six characters a line, or a word
 * broken although the label could fit it.
 */
function labelsWrappedPerLetter(root: Gtk.Widget): string[] {
  return findAll(root, Gtk.Label)
    .filter((l) => l.get_mapped() && l.get_label().trim() !== '')
    .filter((l) => {
      const lines = l.get_layout().get_line_count();
      return lines > 1 && l.get_label().length / lines < 6;
    })
    .map((l) => l.get_label());
}

/** A window on screen keeps its size; it takes a new one when shown again, as after a restart. */
async function resize(f: UiFixture, width: number, height: number): Promise<void> {
  f.window.set_visible(false);
  f.window.set_default_size(width, height);
  f.window.present();
  try {
    await waitFor(
      () => Math.abs(f.window.get_width() - width) <= 20 && Math.abs(f.window.get_height() - height) <= 20,
      'the new size',
      10_000,
    );
  } catch (e) {
    throw new Error(`${String(e)}: ${f.window.get_width()}×${f.window.get_height()}`, { cause: e });
  }
  await pumpEvents(300);
}

async function focusList(f: UiFixture): Promise<void> {
  // The window manager gives the keyboard to this window (others may be left from earlier specs).
  await activateWindow(f.window);
  await waitFor(() => f.window.is_active, 'the window to get the focus', 10_000);
  f.window.list!.columnView.grab_focus();
  await pumpEvents(100);
}

describe('the window in everyday use (issue 18)', () => {
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
    a = f.model.addFixture({ name: 'alpha.iso' });
    b = f.model.addFixture({ name: 'bravo.iso' }, { progress: 0.4, status: 'downloading' });
    c = f.model.addFixture({ name: 'charlie.iso' }, { active: false, status: 'paused' });
    await pumpEvents(150);
  });

  afterEach(async () => await f?.dispose());

  it('keeps the Add Torrents chooser open 30 s and two garbage collections later', async () => {
    // Nothing but the window holds the chooser (the caller drops what it returns).
    f.window.chooseTorrentFiles();
    const open = () =>
      Gtk.Window.list_toplevels().filter((w) => w instanceof Gtk.FileChooserDialog && w.get_visible()).length;
    await waitFor(() => open() === 1, 'the chooser to open', 10_000);
    for (let i = 0; i < 2; i++) {
      await pumpEvents(15_000);
      gc();
    }
    await pumpEvents(500);
    expect(open()).toBe(1);
    expect(f.window.chooser).not.toBeNull();
    f.window.chooser!.hide();
  });

  it('pauses and resumes the selection with Space typed on the list (metacity, xdotool)', async () => {
    await ensureWindowManager();
    f.window.list!.selectTorrents([a]);
    await focusList(f);
    await xkeys('space');
    await waitFor(() => !a.active, 'Space to pause alpha.iso');
    expect(f.window.selectedTorrents()).toEqual([a]);
    await xkeys('space');
    await waitFor(() => a.active, 'Space to resume alpha.iso');
  });

  it('searches: Ctrl+F focuses the entry, typing in the list starts a search, Escape clears the filter', async () => {
    await ensureWindowManager();
    await focusList(f);
    await xkeys('ctrl+f');
    await waitFor(
      () => f.window.get_focus()?.is_ancestor(f.window._search_entry) ?? false,
      'the search entry to have the focus',
    );
    await xtype('bravo');
    await waitFor(() => rows(f).length === 1, 'the search to filter');
    expect(rows(f)).toEqual(['bravo.iso']);
    await saveScreenshot(f.window, 'search');
    await xkeys('Escape');
    await waitFor(() => !f.window._search_bar.get_search_mode(), 'Escape to close the search');
    await waitFor(() => rows(f).length === 3, 'the filter to go with the search bar');
    expect(f.window._search_entry.get_text()).toBe('');

    // Typing while the list has the focus opens the search with what was typed.
    await focusList(f);
    await xtype('char');
    await waitFor(() => f.window._search_bar.get_search_mode(), 'typing to open the search');
    // xdotool returns once the keys are sent; the app may still be reading them.
    await waitFor(() => f.window._search_entry.get_text() === 'char', 'every typed letter in the entry');
    await waitFor(() => rows(f).length === 1, 'the typed search to filter');
    await xkeys('Escape');
    await waitFor(() => rows(f).length === 3, 'Escape to clear the typed search');
  });

  it('at 600×500 folds the sidebar, keeps the list visible and wraps no label letter by letter', async () => {
    f.window.list!.selectTorrents([a]);
    await resize(f, 600, 500);
    await pumpEvents(300);
    expect(f.window._flap.get_folded()).toBeTrue();
    const list = f.window.list!;
    expect(list.get_mapped()).toBeTrue();
    expect(list.get_width()).toBeGreaterThan(400);
    expect(list.get_height()).toBeGreaterThanOrEqual(120);
    for (const tab of ['status', 'details', 'trackers']) {
      f.window.details!.tabs.set_visible_child_name(tab);
      await pumpEvents(150);
      expect(labelsWrappedPerLetter(f.window)).withContext(tab).toEqual([]);
    }
    f.window.details!.tabs.set_visible_child_name('status');
    await pumpEvents(150);
    await saveScreenshot(f.window, 'narrow');
    // Short, too: the list keeps its rows and the details pane gives way.
    await resize(f, 600, 380);
    expect(list.get_height()).toBeGreaterThanOrEqual(120);
  });

  it('clears the details when a filter hides the selected torrent, and greys what the selection cannot do', async () => {
    f.window.list!.selectTorrents([a]);
    await pumpEvents(50);
    expect(f.window.details!.get_visible_child_name()).toBe('tabs');
    const enabled = (name: string) => f.window.torrentActions.get_action_enabled(name);
    // alpha.iso seeds and is complete: it can pause, not resume, and is not forced complete again.
    expect([enabled('pause'), enabled('resume')]).toEqual([true, false]);
    expect([enabled('force-complete'), enabled('random-progress')]).toEqual([false, false]);
    expect([enabled('rename'), enabled('tracker-edit')]).toEqual([true, true]);

    f.window.setSearchText('charlie');
    await pumpEvents(50);
    expect(rows(f)).toEqual(['charlie.iso']);
    expect(f.window.selectedTorrents()).toEqual([]);
    expect(f.window.details!.get_visible_child_name()).toBe('none');
    expect(['pause', 'resume', 'remove'].map(enabled)).toEqual([false, false, false]);

    f.window.setSearchText('');
    f.window.list!.selectTorrents([c]);
    await pumpEvents(50);
    expect([enabled('pause'), enabled('resume')]).toEqual([false, true]);
    // Pausing what is selected changes what the buttons offer at once.
    f.window.list!.selectTorrents([a, b]);
    await pumpEvents(50);
    expect([enabled('rename'), enabled('tracker-edit'), enabled('force-complete')]).toEqual([false, false, true]);
    f.window.torrentActions.activate_action('pause', null);
    expect([enabled('pause'), enabled('resume')]).toEqual([false, true]);
    // Several selected: a summary, not the first one's details.
    expect(f.window.details!.get_visible_child_name()).toBe('summary');
    expect(f.window.details!.summary.get('count')).toBe('2 torrents');
    expect(f.window.statusBar!.counts.get_label()).toContain('2 selected');
  });

  it('shows a torrent whose trackers all fail as a Tracker Error: warning icon, Error filter, banner', async () => {
    const dead = f.model.addFixture(
      { name: 'dead-trackers.iso', announce: 'http://127.0.0.9:9/announce' },
      { tracker_message: 'Connection refused' },
    );
    // Its trackers fail, then the model says so in its status.
    for (const tr of f.model.entries.get(dead)!.trackers) {
      // A refusal is a reply with a time, not an answer: the host must still show as failing.
      tr.status = 'error';
      tr.lastAnnounce = 1_700_000_100;
      tr.working = false;
      tr.message = 'Connection refused';
    }
    dead.status = 'tracker-error';
    f.model.countsChanged();
    await pumpEvents(100);
    const cell = findAll(f.window.list!.columnView, TorrentCell).find(
      (x) => x.column.id === 'name' && x.torrent === dead,
    )!;
    expect(cell.warningShown).toBeTrue();
    expect(cell.hoverText).toContain('Connection refused');
    f.window.sidebar!.selectState('error');
    await pumpEvents(50);
    expect(rows(f)).toEqual(['dead-trackers.iso']);
    expect(f.window.sidebar!.countOf('error')).toBe('1');
    expect(f.window._failure_banner.get_reveal_child()).toBeTrue();
    expect(f.window._failure_banner.message).toContain('Connection refused');
    expect(f.window.sidebar!.healthOf('127.0.0.9')).toBe('failing');
    f.window.list!.selectTorrents([dead]);
    await pumpEvents(100);
    expect(f.window.details!.status.get('status')).toContain('no tracker answers');
    await saveScreenshot(f.window, 'dead-tracker');
  });

  it('sums up a burst of problems in one toast whose button lists them all', async () => {
    for (let i = 0; i < 40; i++) f.model.notice('error', `file-${i}.torrent: not a torrent file`);
    await pumpEvents(700);
    const dialog = f.window.toasts.lastSummary!;
    expect(dialog.get_title()).toContain('40 problems');
    dialog.emit('button-clicked');
    const list = f.window.toasts.listDialog!;
    expect(list.text.split('\n').length).toBe(40);
    list.close();
  });

  it('keeps the Name column wide with the full name as its tooltip', async () => {
    const long = f.model.addFixture({ name: `${'very-long-name-'.repeat(8)}.iso` });
    await pumpEvents(100);
    const cell = findAll(f.window.list!.columnView, TorrentCell).find(
      (x) => x.column.id === 'name' && x.torrent === long,
    )!;
    expect(cell.hoverText).toBe(long.name);
    expect(f.window.list!.column('name')!.get_expand()).toBeTrue();
  });

  it('saves the screenshot set: wide, dark, and 1000 torrents', async () => {
    f.window.list!.selectTorrents([b]);
    await resize(f, 1280, 800);
    await saveScreenshot(f.window, 'wide');
    Adw.StyleManager.get_default().set_color_scheme(Adw.ColorScheme.FORCE_DARK);
    await pumpEvents(200);
    await saveScreenshot(f.window, 'dark');
    Adw.StyleManager.get_default().set_color_scheme(Adw.ColorScheme.DEFAULT);
    for (let i = 0; i < 997; i++)
      f.model.addFixture({ name: `ubuntu-${String(i).padStart(4, '0')}.iso` }, { upload_rate: (i % 50) * 1024 });
    await pumpEvents(500);
    expect(rows(f).length).toBe(1000);
    expect(f.window.sidebar!.countOf('all')).toBe('1000');
    await saveScreenshot(f.window, 'torrents-1000');
  });
});
