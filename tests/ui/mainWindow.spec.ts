import Adw from 'gi://Adw';
import GLib from 'gi://GLib';
import Gtk from 'gi://Gtk?version=4.0';

import { MainWindow } from '../../src/view/MainWindow.ts';
import { pumpEvents, saveScreenshot } from '../support/gtk.ts';
import { initUi, openWindow, type UiFixture } from './support/fixture.ts';

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
    f.commands.addFixture({ name: 'ubuntu-24.04-desktop-amd64.iso', length: 6_000_000_000 });
    f.commands.addFixture({
      name: 'debian-12-netinst',
      files: [
        { path: ['debian-12.iso'], length: 650_000_000 },
        { path: ['SHA256SUMS'], length: 1_000 },
      ],
      announce: 'udp://tracker.example.org:6969/announce',
    });
    await pumpEvents(200);
    expect(f.window._main_stack.get_visible_child_name()).toBe('torrents');
    expect(f.window.list!.selection.get_n_items()).toBe(2);
    await saveScreenshot(f.window, 'main-window-torrents');
  });
});
