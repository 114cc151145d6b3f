import Adw from 'gi://Adw';
import Gdk from 'gi://Gdk?version=4.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { MainWindow } from '../../src/view/MainWindow.ts';
import { TorrentCell } from '../../src/view/TorrentCell.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { findAll, initUi, useUiTimeout, openWindow, type UiFixture } from './support/fixture.ts';

function menuLabels(model: Gio_MenuModel): string[] {
  const labels: string[] = [];
  for (let s = 0; s < model.get_n_items(); s++) {
    const section = model.get_item_link(s, 'section');
    if (!section) continue;
    for (let i = 0; i < section.get_n_items(); i++) {
      labels.push(section.get_item_attribute_value(i, 'label', null)!.unpack() as string);
    }
  }
  return labels;
}
type Gio_MenuModel = NonNullable<ReturnType<Gtk.MenuButton['get_menu_model']>>;

describe('main window', () => {
  useUiTimeout();
  let f: UiFixture;

  beforeAll(() => {
    if (!initUi()) pending('no display');
  });

  afterEach(async () => await f?.dispose());

  it('is a libadwaita window titled "D\' Fake Seeder" with a primary menu', async () => {
    f = await openWindow();
    expect(f.window instanceof Adw.ApplicationWindow).toBeTrue();
    expect(f.window.get_title()).toBe("D' Fake Seeder");
    const labels = menuLabels(f.window._primary_menu_button.get_menu_model()!);
    expect(labels).toEqual([
      '_Add Torrents…',
      'All _Torrents',
      '_Columns',
      '_Statistics',
      '_Preferences',
      '_Keyboard Shortcuts',
      "_About D' Fake Seeder",
      '_Quit',
    ]);
  });

  it('shows the empty state inviting the user to add torrents, and saves a screenshot', async () => {
    f = await openWindow();
    expect(f.window._main_stack.get_visible_child_name()).toBe('empty');
    expect(f.window._empty_page.get_title()).toBe('No Torrents');
    expect(f.window._search_button.get_sensitive()).toBeFalse();
    const path = await saveScreenshot(f.window, 'main-window-empty');
    expect(GLib.file_test(path, GLib.FileTest.EXISTS)).toBeTrue();
  });

  it('works without a controller (the skeleton state) and shows the empty page', async () => {
    if (!initUi()) pending('no display');
    const window = new MainWindow({});
    window.present();
    await pumpEvents(100);
    expect(window._main_stack.get_visible_child_name()).toBe('empty');
    window.destroy();
  });

  it('switches from the empty state to the list when torrents arrive', async () => {
    f = await openWindow();
    f.model.addFixture({ name: 'ubuntu-24.04-desktop-amd64.iso', length: 6_000_000_000 });
    f.model.addFixture({
      name: 'debian-12-netinst',
      files: [
        { path: ['debian-12.iso'], length: 650_000_000 },
        { path: ['SHA256SUMS'], length: 1_000 },
      ],
      announce: 'udp://tracker.example.org:6969/announce',
    });
    await pumpEvents(200);
    expect(f.window._main_stack.get_visible_child_name()).toBe('torrents');
    expect(f.window._search_button.get_sensitive()).toBeTrue();
    expect(f.window.list!.shownCount).toBe(2);
    await saveScreenshot(f.window, 'main-window-torrents');
  });

  it('remembers the window size and the details divider, and restores them with the sidebar width', async () => {
    f = await openWindow(1100, 700);
    f.model.addFixture({ name: 'one.iso' });
    await pumpEvents(100);
    f.window._details_paned.set_position(333);
    f.window.emit('close-request');
    expect(f.settings.get('window_width')).toBe(1100);
    expect(f.settings.get('window_height')).toBe(700);
    expect(f.settings.get('ui_settings.details_pane_height')).toBe(333);

    f.settings.set('window_width', 900);
    f.settings.set('window_height', 640);
    f.settings.set('ui_settings.sidebar_width', 260);
    const again = new MainWindow({});
    again.attach(f.model, f.actions);
    expect(again.get_default_size()).toEqual([900, 640]);
    expect(again.sidebar!.get_size_request()[0]).toBe(260);
    expect(again._details_paned.get_position()).toBe(333);
    again.detach();
    again.destroy();
  });

  it('adds .torrent files dropped on the window and says when other files were dropped', async () => {
    f = await openWindow();
    let target: Gtk.DropTarget | null = null;
    const controllers = f.window.observe_controllers();
    for (let i = 0; i < controllers.get_n_items(); i++) {
      const c = controllers.get_item(i);
      if (c instanceof Gtk.DropTarget) target = c;
    }
    expect(target).not.toBeNull();
    expect(target!.get_formats()!.contain_gtype(Gdk.FileList.$gtype)).toBeTrue();
    const files = [Gio.File.new_for_path('/tmp/a.torrent'), Gio.File.new_for_path('/tmp/b.txt')];
    const accepted = target!.emit('drop', Gdk.FileList.new_from_array(files), 10, 10);
    await pumpEvents(50);
    expect(accepted).toBeTrue();
    expect(f.model.callsTo('addUris')).toEqual([[['file:///tmp/a.torrent']]]);
  });

  it('opens the context menu on the row under a right click, selecting just that row', async () => {
    f = await openWindow();
    const a = f.model.addFixture({ name: 'a.iso' });
    const b = f.model.addFixture({ name: 'b.iso' });
    await pumpEvents(200);
    f.window.list!.selectTorrents([a]);
    // Find the on-screen cell of b's name and click there.
    const cells = findAll(f.window.list!.columnView, TorrentCell).filter(
      (c) => c.column.id === 'name' && c.torrent === b,
    );
    expect(cells.length).toBe(1);
    const [ok, x, y] = cells[0].translate_coordinates(f.window.list!.columnView, 5, 5);
    expect(ok).toBeTrue();
    f.window.list!.openMenuAt(x, y);
    await pumpEvents(100);
    expect(f.window.selectedTorrents()).toEqual([b]);
    expect(f.window.contextMenu!.get_visible()).toBeTrue();
    f.window.contextMenu!.popdown();
  });

  it('installs the keyboard shortcuts of the issue on the application and the list', () => {
    const app = new Adw.Application({
      application_id: 'ie.fio.dfakeseeder.UiSpec',
      flags: Gio.ApplicationFlags.NON_UNIQUE,
    });
    app.register(null);
    const window = new MainWindow({ application: app });
    expect(app.get_accels_for_action('win.add-torrents')).toEqual(['<Control>o']);
    expect(app.get_accels_for_action('win.search')).toEqual(['<Control>f']);
    window.destroy();
  });
});
