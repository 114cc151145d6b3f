import type Gdk from 'gi://Gdk?version=4.0';
import type Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import type Gtk from 'gi://Gtk?version=4.0';

import type { Torrent } from '../../src/model/torrent/Torrent.ts';
import type { LimitsDialog } from '../../src/view/LimitsDialog.ts';
import type { TextDialog } from '../../src/view/TextDialog.ts';
import type { TrackerDialog } from '../../src/view/TrackerDialog.ts';
import { pumpEvents } from '../support/gtk.ts';
import { answer, initUi, useUiTimeout, labelsUnder, openWindow, type UiFixture } from './support/fixture.ts';

function readClipboard(window: Gtk.Widget): Promise<string | null> {
  const clipboard = window.get_clipboard();
  return new Promise((resolve, reject) => {
    clipboard.read_text_async(null, (_c: Gdk.Clipboard | null, res: Gio.AsyncResult) => {
      try {
        resolve(clipboard.read_text_finish(res));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function namesInList(f: UiFixture): string[] {
  return f.window.list!.shownTorrents().map((t) => t.name);
}

/** The torrent actions of the context menu, on the selection (split from torrentList.spec.ts). */
describe('context actions on the selection', () => {
  useUiTimeout();
  let f: UiFixture;
  let a: Torrent;
  let b: Torrent;
  let c: Torrent;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  beforeEach(async () => {
    f = await openWindow();
    a = f.model.addFixture({ name: 'alpha.iso', length: 3_000_000 }, { upload_rate: 2000 });
    b = f.model.addFixture(
      { name: 'bravo.iso', length: 1_000_000, announce: 'udp://tracker.example.org:6969/announce' },
      { status: 'paused', active: false },
    );
    c = f.model.addFixture({ name: 'charlie.iso', length: 2_000_000 }, { progress: 0.25, status: 'downloading' });
    await pumpEvents(100);
  });

  afterEach(async () => await f?.dispose());

  const run = (name: string, target?: string) =>
    f.window.torrentActions.activate_action(name, target === undefined ? null : GLib.Variant.new_string(target));

  it('pause, resume, force start and toggle with Space', async () => {
    f.window.list!.selectTorrents([a, c]);
    run('pause');
    expect([a.active, c.active]).toEqual([false, false]);
    run('resume');
    expect([a.active, c.active]).toEqual([true, true]);
    f.window.list!.selectTorrents([b]);
    run('force-start');
    expect(b.force_start).toBeTrue();
    expect(b.active).toBeTrue();
    f.window.lookup_action('toggle-pause')!.activate(null);
    expect(b.active).toBeFalse();
    f.window.lookup_action('toggle-pause')!.activate(null);
    expect(b.active).toBeTrue();
  });

  it('update tracker, force recheck, force complete, random progress', () => {
    f.window.list!.selectTorrents([c]);
    run('update-tracker');
    expect(f.model.callsTo('forceAnnounce')).toEqual([[[c]]]);
    run('scrape-now');
    expect(f.model.callsTo('scrapeNow')).toEqual([[[c]]]);
    run('force-complete');
    expect(c.progress).toBe(1);
    run('force-recheck');
    expect(c.progress).toBe(1);
    c.progress = 0;
    run('random-progress');
    expect(c.progress).toBeGreaterThan(0);
  });

  it('priority and queue order', () => {
    f.window.list!.selectTorrents([c]);
    run('priority', 'high');
    expect(c.priority).toBe(2);
    run('priority', 'low');
    expect(c.priority).toBe(0);
    run('queue', 'top');
    expect([c.id, a.id, b.id]).toEqual([1, 2, 3]);
    run('queue', 'bottom');
    expect(c.id).toBe(3);
  });

  it('copies name, info hash, magnet link and tracker URL', async () => {
    f.window.list!.selectTorrents([b]);
    run('copy', 'name');
    expect(await readClipboard(f.window)).toBe('bravo.iso');
    run('copy', 'hash');
    expect(await readClipboard(f.window)).toBe(b.info_hash);
    run('copy', 'magnet');
    expect(await readClipboard(f.window)).toBe(
      `magnet:?xt=urn:btih:${b.info_hash}&dn=bravo.iso&tr=udp%3A%2F%2Ftracker.example.org%3A6969%2Fannounce`,
    );
    run('copy', 'tracker');
    expect(await readClipboard(f.window)).toBe('udp://tracker.example.org:6969/announce');
  });

  it('sets and resets speed limits through a dialog', async () => {
    f.window.list!.selectTorrents([a, b]);
    run('speed-limits');
    const dialog = f.window.openDialog as LimitsDialog;
    const spins = dialog.spins;
    spins[0].set_value(120);
    spins[1].set_value(900);
    answer(dialog, 'ok');
    expect([a.upload_limit, a.download_limit, b.upload_limit, b.download_limit]).toEqual([120, 900, 120, 900]);
    run('reset-limits');
    expect([a.upload_limit, b.download_limit]).toEqual([0, 0]);
  });

  it('adds, edits and removes trackers through dialogs, and reports a bad URL', async () => {
    f.window.list!.selectTorrents([a]);
    run('tracker-add');
    let dialog = f.window.openDialog!;
    (dialog as TextDialog).entry.set_text('udp://new.example.net:1337/announce');
    answer(dialog, 'ok');
    await pumpEvents(20);
    expect(f.model.trackers(a).map((t) => t.url)).toContain('udp://new.example.net:1337/announce');

    run('tracker-edit');
    dialog = f.window.openDialog!;
    (dialog as TrackerDialog).dropdown.set_selected(1);
    (dialog as TrackerDialog).entry.set_text('https://edited.example.net/announce');
    answer(dialog, 'ok');
    await pumpEvents(20);
    expect(f.model.trackers(a).map((t) => t.url)).toEqual([
      'http://127.0.0.1:6969/announce',
      'https://edited.example.net/announce',
    ]);

    run('tracker-remove');
    dialog = f.window.openDialog!;
    answer(dialog, 'ok');
    await pumpEvents(20);
    expect(f.model.trackers(a).map((t) => t.url)).toEqual(['https://edited.example.net/announce']);

    // A bad address is refused as it is typed, in words, and the text stays.
    run('tracker-add');
    dialog = f.window.openDialog!;
    (dialog as TextDialog).entry.set_text('ftp://nope');
    expect(dialog.get_response_enabled('ok')).toBeFalse();
    expect((dialog as TextDialog).problemText).toBe(
      'A tracker address must start with http://, https:// or udp:// and name a host.',
    );
    answer(dialog, 'ok');
    await pumpEvents(20);
    expect(f.model.trackers(a).map((t) => t.url)).toEqual(['https://edited.example.net/announce']);
  });

  it('renames and labels through dialogs; an empty name is refused before it is sent', async () => {
    f.window.list!.selectTorrents([a]);
    run('rename');
    let dialog = f.window.openDialog!;
    const entry = (dialog as TextDialog).entry;
    expect(entry.get_text()).toBe('alpha.iso');
    entry.set_text('   ');
    expect(dialog.get_response_enabled('ok')).toBeFalse();
    entry.set_text('Alpha (renamed)');
    answer(dialog, 'ok');
    expect(a.name).toBe('Alpha (renamed)');
    await pumpEvents(20);
    expect(labelsUnder(f.window.list!)).toContain('Alpha (renamed)');

    f.window.list!.selectTorrents([a, b]);
    run('label');
    dialog = f.window.openDialog!;
    (dialog as TextDialog).entry.set_text('linux');
    answer(dialog, 'ok');
    expect([a.label, b.label]).toEqual(['linux', 'linux']);
  });

  it('removes after confirmation, says what happens to the files, and offers Undo for a few seconds', async () => {
    f.window.list!.selectTorrents([a]);
    run('remove');
    let dialog = f.window.openDialog!;
    expect(dialog.get_body()).toContain('“alpha.iso” will be stopped and removed');
    // Nothing to choose: the user's own .torrent is never deleted, the app's copy always is.
    expect(dialog.get_body()).toContain(
      'The app’s copy of the .torrent file is deleted; the file you added it from is kept.',
    );
    expect(dialog.get_extra_child()).toBeNull();
    expect(['cancel', 'remove'].map((r) => dialog.has_response(r))).toEqual([true, true]);
    answer(dialog, 'cancel');
    expect(f.model.torrents.get_n_items()).toBe(3);
    run('remove');
    dialog = f.window.openDialog!;
    answer(dialog, 'remove');
    await pumpEvents(50);
    // Gone from the list at once; removed for good when the Undo toast goes.
    expect(namesInList(f)).toEqual(['bravo.iso', 'charlie.iso']);
    expect(f.model.callsTo('remove')).toEqual([]);
    const undo = f.window.toasts.undoToast!;
    expect(undo.get_title()).toBe('Removed “alpha.iso”');
    expect(undo.get_button_label()).toBe('_Undo');
    undo.dismiss();
    await pumpEvents(50);
    expect(f.model.callsTo('remove')).toEqual([[[a]]]);

    // Undo brings them back and removes nothing.
    f.window.list!.selectTorrents([b, c]);
    run('remove');
    expect(f.window.openDialog!.get_heading()).toBe('Remove 2 Torrents?');
    answer(f.window.openDialog!, 'remove');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual([]);
    f.window.toasts.undoToast!.emit('button-clicked');
    await pumpEvents(50);
    expect(namesInList(f)).toEqual(['bravo.iso', 'charlie.iso']);
    expect(f.model.callsTo('remove').length).toBe(1);

    f.window.list!.selectTorrents([b, c]);
    run('remove');
    answer(f.window.openDialog!, 'remove');
    f.window.toasts.undoToast!.dismiss();
    await pumpEvents(50);
    expect(f.model.callsTo('remove')[1]).toEqual([[b, c]]);
    expect(f.window._main_stack.get_visible_child_name()).toBe('empty');
  });

  it('pauses and resumes all, and doubles or halves speeds from the primary menu', () => {
    f.window.lookup_action('pause-all')!.activate(null);
    expect([a.active, b.active, c.active]).toEqual([false, false, false]);
    f.window.lookup_action('resume-all')!.activate(null);
    expect([a.active, b.active, c.active]).toEqual([true, true, true]);
    f.window.lookup_action('scale-speed')!.activate(GLib.Variant.new_string('upload-2'));
    expect(a.upload_speed).toBe(100);
    f.window.lookup_action('scale-speed')!.activate(GLib.Variant.new_string('download-0.5'));
    expect(c.download_speed).toBe(250);
  });
});
